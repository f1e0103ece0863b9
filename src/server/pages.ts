/**
 * The browser pages the server serves itself, built from src/web by Vite into
 * dist/web (`npm run build`; `npm start` builds first):
 * - GET /graphql: the GraphQL IDE (GraphiQL), for a browser asking for a page
 *   (`Accept` prefers text/html) without a `query` parameter. Every other GET
 *   /graphql goes on to the GraphQL endpoint, so answers vary by Accept.
 *   GRAPHQL_IDE=false turns the page off (the endpoint answers as before).
 * - GET /dashboard: the service center's screen, a client of the public API.
 * - GET /assets/*: their bundled scripts, styles and workers (hashed names).
 * Nothing is fetched from elsewhere: the Content-Security-Policy allows this
 * origin only (plus its WebSocket for subscriptions), so the pages work offline
 * and an injected script could not send data away.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../config.js';

/** dist/web of the project this file belongs to (run from src/ by the tests, from dist/src/ otherwise). */
function webRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'web');
}

const WEB_ROOT = webRoot();

/**
 * Monaco styles its editors inline and starts its language services as module
 * workers from this origin. connect-src 'self' covers the same origin's ws: and
 * wss: (CSP Level 3): bare `ws:` would let a script reach any host.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function pageHeaders(res: Response): void {
  res.set({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The HTML names the current hashed assets: always ask again.
    'cache-control': 'no-cache',
  });
}

/** True for a browser navigating to /graphql: prefers HTML and sends no operation. */
function wantsIde(req: Request): boolean {
  if (req.query.query !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

function sendPage(res: Response, page: string): void {
  const file = path.join(WEB_ROOT, page, 'index.html');
  pageHeaders(res);
  if (!existsSync(file)) {
    res.status(503).type('text/plain').send(`The ${page} page is not built: run \`npm run build\` (npm start does it).\n`);
    return;
  }
  res.sendFile(file);
}

export function pagesRouter(config: Pick<Config, 'graphqlIde'>): Router {
  const router = express.Router();
  // The IDE's bundle is about 7 MB, 2 MB gzipped: worth it on a county's network.
  const compress = compression();
  router.use(
    '/assets',
    compress,
    express.static(path.join(WEB_ROOT, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      setHeaders: (res) => {
        res.setHeader('x-content-type-options', 'nosniff');
      },
    }),
  );
  router.get('/dashboard', compress, (_req, res) => {
    sendPage(res, 'dashboard');
  });
  router.get('/graphql', (req, res, next) => {
    res.vary('Accept');
    if (config.graphqlIde && wantsIde(req)) sendPage(res, 'ide');
    else next();
  });
  return router;
}
