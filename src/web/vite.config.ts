/**
 * Build of the browser pages the server serves itself (src/server/pages.ts):
 * the GraphQL IDE (GraphiQL, with Monaco and its web workers) at GET /graphql
 * and the service center's dashboard at GET /dashboard. Everything they load
 * is bundled here at build time (`npm run build`, `npm start`, and the test
 * set-up), so the pages work offline: no CDN, no request leaves the server.
 * Output: dist/web/<page>/index.html plus hashed files under dist/web/assets/.
 */
import path from 'node:path';
import process from 'node:process';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// Production builds of the libraries whatever NODE_ENV the builder inherits
// (the test set-up builds under vitest's NODE_ENV=test): otherwise React's and
// Radix's development builds are bundled, bigger, slower and chatty in the
// console. Vite reads NODE_ENV after loading this file, and advises setting it here.
process.env.NODE_ENV = 'production';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: {
    outDir: path.resolve(root, '../../dist/web'),
    emptyOutDir: true,
    // Monaco alone is several MB; the pages are loaded once and cached (hashed names).
    chunkSizeWarningLimit: 8192,
    rolldownOptions: {
      // React libraries (GraphiQL's UI kit among them) mark their modules "use
      // client", a server-components hint that means nothing in a bundle that
      // is all client code; left in, it is a hundred warnings per build.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
      input: {
        ide: path.resolve(root, 'ide/index.html'),
        dashboard: path.resolve(root, 'dashboard/index.html'),
      },
    },
  },
});
