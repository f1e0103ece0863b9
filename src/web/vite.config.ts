/**
 * Build of the browser pages the server serves itself (src/server/pages.ts):
 * the GraphQL IDE (GraphiQL, with Monaco and its web workers) at GET /graphql
 * and the service center's dashboard at GET /dashboard. Everything they load
 * is bundled here at build time (`npm run build`, `npm start`, and the test
 * set-up), so the pages work offline: no CDN, no request leaves the server.
 * Output: dist/web/<page>/index.html plus hashed files under dist/web/assets/.
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

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
      input: {
        ide: path.resolve(root, 'ide/index.html'),
        dashboard: path.resolve(root, 'dashboard/index.html'),
      },
    },
  },
});
