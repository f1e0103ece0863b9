/** The WebSocket transport is guarded like HTTP (api.md "Transport"): same auth, rules and masking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { wsConnect, wsRun } from './support/client.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer(await createTestDatabase());
});
afterAll(() => server?.stop());

function errorCodes(error: unknown): string[] {
  return (error as { extensions?: { code?: string } }[]).map((e) => String(e.extensions?.code));
}

describe('graphql-ws', () => {
  it('closes the socket with 4403 for invalid credentials', async () => {
    const { closed } = wsConnect(server.wsUrl, 'not-a-valid-token');
    expect(await closed).toBe(4403);
  });

  it('refuses queries and mutations on the socket with BAD_REQUEST', async () => {
    const { client } = wsConnect(server.wsUrl);
    const { error } = await wsRun(client, '{ __typename }');
    expect(errorCodes(error)).toEqual(['BAD_REQUEST']);
    await client.dispose();
  });

  it('reports parse and validation failures with the HTTP codes', async () => {
    const { client } = wsConnect(server.wsUrl);
    expect(errorCodes((await wsRun(client, 'subscription {')).error)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(errorCodes((await wsRun(client, '{ nothing }')).error)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    await client.dispose();
  });

  it('applies the shared limits (too many aliases: QUERY_TOO_COMPLEX)', async () => {
    const { client } = wsConnect(server.wsUrl);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: node(id: "x") { id }`).join(' ');
    expect(errorCodes((await wsRun(client, `{ ${aliases} }`)).error)).toContain('QUERY_TOO_COMPLEX');
    await client.dispose();
  });
});
