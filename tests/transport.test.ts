/** HTTP transport per api.md ("Transport", "Errors"): statuses, codes, limits, masking. */
import { codes, gql, send, wsConnect, wsRun } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { QueryTypenameDocument } from './generated/graphql.js';

/** The server's root, where /healthz and /readyz live. */
const baseOf = (url: string) => url.replace(/\/graphql$/, '');

interface ErrorBody {
  errors: { extensions: { code: string } }[];
}

describe('HTTP transport', () => {
  test('answers a POST query', async ({ url }) => {
    const response = await gql(url, QueryTypenameDocument, {});
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });

  test('answers a plain GET query without CSRF headers (credentials travel only in a header)', async ({ url }) => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('answers with application/graphql-response+json when asked', async ({ url }) => {
    const response = await gql(url, QueryTypenameDocument, {});
    expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
  });

  test('serves no landing page that loads anything from the internet', async ({ url }) => {
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(text).not.toMatch(/https?:\/\//);
  });

  test('reports a document that does not parse as GRAPHQL_PARSE_FAILED with HTTP 400', async ({ url }) => {
    const response = await send(url, '{ __typename ');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  test('reports an unknown field as GRAPHQL_VALIDATION_FAILED', async ({ url }) => {
    const response = await send(url, '{ noSuchField }');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('reports variables that do not coerce as BAD_USER_INPUT', async ({ url }) => {
    const response = await send(url, 'query ($id: ID!) { node(id: $id) { id } }', { id: { not: 'an id' } });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });

  test('reports an undecodable id as BAD_USER_INPUT naming the field', async ({ url }) => {
    const response = await send(url, '{ node(id: "not-an-id") { id } }');
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(response.body.data).toEqual({ node: null });
  });

  test('refuses a body over 1 MB with a JSON 413', async ({ url }) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('answers malformed JSON with a JSON 400 and no stack trace', async ({ url }) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect((JSON.parse(text) as ErrorBody).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/at .*\.js|node_modules/);
  });

  test('refuses automatic persisted queries', async ({ url }) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('refuses a subscription over HTTP with a clear error', async ({ url }) => {
    const response = await send(url, 'subscription { __typename }');
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.length).toBe(1);
  });

  test('refuses a query nested deeper than the limit with QUERY_TOO_COMPLEX', async ({ url }) => {
    const levels = 20;
    const deep = `{ __type(name: "Query") { ${'fields { type { '.repeat(levels)} name ${'} } '.repeat(levels)} } }`;
    const response = await send(url, deep);
    // Apollo's own introspection-depth rule may report it too.
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
  });

  test('refuses too many aliases with QUERY_TOO_COMPLEX', async ({ url }) => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: node(id: "x") { id }`).join(' ');
    const response = await send(url, `{ ${aliases} }`);
    expect(codes(response)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('counts __typename aliases too, over HTTP and WebSocket', async ({ url, wsUrl }) => {
    const aliases = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ');
    expect(codes(await send(url, `{ ${aliases} }`))).toEqual(['QUERY_TOO_COMPLEX']);
    const socket = wsConnect(wsUrl);
    const run = await wsRun(socket.client, `subscription { requestEvents { cursor ${aliases} } }`);
    expect((run.error as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    await socket.client.dispose();
  });

  test('refuses a document over the token limit as QUERY_TOO_COMPLEX, over HTTP and WebSocket', async ({ url, wsUrl }) => {
    // 30 aliases are allowed; the tokens of their arguments are what runs over.
    const huge = `{ a: helpRequests(filter: { townships: [${Array.from({ length: 6000 }, () => '"x"').join(', ')}] }) { totalCount } }`;
    const response = await send(url, huge);
    expect(codes(response)).toEqual(['QUERY_TOO_COMPLEX']);
    const socket = wsConnect(wsUrl);
    const run = await wsRun(
      socket.client,
      `subscription { requestEvents(filter: { townships: [${Array.from({ length: 6000 }, () => '"x"').join(', ')}] }) { cursor } }`,
    );
    expect((run.error as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    await socket.client.dispose();
    // Well under the limit is fine.
    expect(codes(await send(url, `{ helpRequests(filter: { townships: ["x", "y"] }) { totalCount } }`))).toEqual([]);
  });

  test('never includes stack traces, whatever NODE_ENV says', async ({ url }) => {
    const response = await send(url, '{ node(id: "???") { id } }');
    expect(JSON.stringify(response.body)).not.toContain('stacktrace');
  });

  test('answers /healthz and /readyz', async ({ url }) => {
    expect((await fetch(`${baseOf(url)}/healthz`)).status).toBe(200);
    const ready = await fetch(`${baseOf(url)}/readyz`);
    expect(ready.status).toBe(200);
  });

  test('answers unknown paths with a JSON 404', async ({ url }) => {
    const response = await fetch(`${baseOf(url)}/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
