/** The WebSocket transport is guarded like HTTP (api.md "Transport"): same auth, rules and masking. */
import { wsConnect, wsRun } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';

function errorCodes(error: unknown): string[] {
  return (error as { extensions?: { code?: string } }[]).map((e) => String(e.extensions?.code));
}

describe('graphql-ws', () => {
  test('closes the socket with 4403 for invalid credentials', async ({ wsUrl }) => {
    const { closed } = wsConnect(wsUrl, 'not-a-valid-token');
    expect(await closed).toBe(4403);
  });

  test('refuses queries and mutations on the socket with BAD_REQUEST', async ({ wsUrl }) => {
    const { client } = wsConnect(wsUrl);
    const { error } = await wsRun(client, '{ __typename }');
    expect(errorCodes(error)).toEqual(['BAD_REQUEST']);
    await client.dispose();
  });

  test('reports parse and validation failures with the HTTP codes', async ({ wsUrl }) => {
    const { client } = wsConnect(wsUrl);
    expect(errorCodes((await wsRun(client, 'subscription {')).error)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(errorCodes((await wsRun(client, '{ nothing }')).error)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    await client.dispose();
  });

  test('applies the shared limits (too many aliases: QUERY_TOO_COMPLEX)', async ({ wsUrl }) => {
    const { client } = wsConnect(wsUrl);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: node(id: "x") { id }`).join(' ');
    expect(errorCodes((await wsRun(client, `{ ${aliases} }`)).error)).toContain('QUERY_TOO_COMPLEX');
    await client.dispose();
  });
});
