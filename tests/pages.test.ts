/**
 * The pages the server serves itself (src/server/pages.ts), over plain HTTP:
 * who gets the IDE at GET /graphql and who gets GraphQL, the dashboard, their
 * assets, the headers that keep them offline and unframed, and GRAPHQL_IDE=false.
 * What the pages do in a browser is tests/browser/'s.
 */
import { describe, expect, test } from './support/fixtures.js';
import { startServer } from './support/server.js';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'; // what Chromium sends when navigating

describe('GET /graphql', () => {
  test('a browser navigating to it gets the IDE page, with Vary: Accept and a same-origin-only policy', async ({ url }) => {
    const response = await fetch(url, { headers: { accept: HTML } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('vary')).toMatch(/accept/i);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await response.text();
    // Every script and style the page names is served here (no CDN), and is there.
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/assets\//);
      const loaded = await fetch(new URL(asset, url));
      expect(loaded.status, asset).toBe(200);
      expect(loaded.headers.get('cache-control')).toContain('immutable');
    }
  });

  test('an operation in the query string is answered as GraphQL even from a browser', async ({ url }) => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: HTML } });
    expect(response.headers.get('vary')).toMatch(/accept/i);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('a client asking for JSON gets GraphQL, not the page', async ({ url }) => {
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*']) {
      const response = await fetch(url, { headers: { accept } });
      expect(response.headers.get('content-type'), accept).not.toMatch(/^text\/html/);
      expect(response.headers.get('vary'), accept).toMatch(/accept/i);
    }
  });

  test('POST /graphql is never the page', async ({ url }) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { accept: HTML, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('GET /dashboard', () => {
  test('serves the dashboard page with the same policy', async ({ url }) => {
    const response = await fetch(url.replace(/\/graphql$/, '/dashboard'), { headers: { accept: HTML } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toMatch(/<script type="module"[^>]* src="\/assets\//);
  });

  test('assets travel gzipped to a client that accepts it', async ({ url }) => {
    const page = await (await fetch(url.replace(/\/graphql$/, '/dashboard'))).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(new URL(script ?? '', url), { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect((await response.text()).length).toBeGreaterThan(1000); // fetch decodes it: the script itself
  });

  test('an unknown asset is a 404, not a page', async ({ url }) => {
    const response = await fetch(url.replace(/\/graphql$/, '/assets/nothing-here.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });
});

describe('GRAPHQL_IDE=false', () => {
  test('turns the IDE off: a browser gets the GraphQL endpoint answer', async ({ databaseUrl }) => {
    const server = await startServer(databaseUrl, { GRAPHQL_IDE: 'false' });
    try {
      const response = await fetch(server.url, { headers: { accept: HTML } });
      expect(response.headers.get('content-type')).not.toMatch(/^text\/html/);
      expect(response.headers.get('vary')).toMatch(/accept/i);
      const withQuery = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: HTML } });
      expect(await withQuery.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await server.stop();
    }
  });
});
