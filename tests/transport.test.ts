/** HTTP transport per api.md ("Transport", "Errors"): statuses, codes, limits, masking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { codes, gql } from './support/client.js';

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startServer(await createTestDatabase());
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(() => server?.stop());

describe('HTTP transport', () => {
  it('answers a POST query', async () => {
    const response = await gql(server.url, '{ __typename }');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a plain GET query without CSRF headers (credentials travel only in a header)', async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers with application/graphql-response+json when asked', async () => {
    const response = await gql(server.url, '{ __typename }');
    expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
  });

  it('serves no landing page that loads anything from the internet', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('reports a document that does not parse as GRAPHQL_PARSE_FAILED with HTTP 400', async () => {
    const response = await gql(server.url, '{ __typename ');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('reports an unknown field as GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await gql(server.url, '{ noSuchField }');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('reports variables that do not coerce as BAD_USER_INPUT', async () => {
    const response = await gql(server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id: { not: 'an id' } });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('reports an undecodable id as BAD_USER_INPUT naming the field', async () => {
    const response = await gql(server.url, '{ node(id: "not-an-id") { id } }');
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(response.body.data).toEqual({ node: null });
  });

  it('refuses a body over 1 MB with a JSON 413', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers malformed JSON with a JSON 400 and no stack trace', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.js|node_modules/);
  });

  it('refuses automatic persisted queries', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a subscription over HTTP with a clear error', async () => {
    const response = await gql(server.url, 'subscription { __typename }');
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.length).toBe(1);
  });

  it('refuses a query nested deeper than the limit with QUERY_TOO_COMPLEX', async () => {
    const levels = 20;
    const deep = `{ __type(name: "Query") { ${'fields { type { '.repeat(levels)} name ${'} } '.repeat(levels)} } }`;
    const response = await gql(server.url, deep);
    // Apollo's own introspection-depth rule may report it too.
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
  });

  it('refuses too many aliases with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: node(id: "x") { id }`).join(' ');
    const response = await gql(server.url, `{ ${aliases} }`);
    expect(codes(response)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('never includes stack traces, whatever NODE_ENV says', async () => {
    const response = await gql(server.url, '{ node(id: "???") { id } }');
    expect(JSON.stringify(response.body)).not.toContain('stacktrace');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const response = await fetch(`${base}/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
