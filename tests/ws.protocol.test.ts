/** graphql-transport-ws's own close codes, on a raw socket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), { WS_INIT_TIMEOUT_MS: '300' });
});
afterAll(() => server?.stop());

function raw(onOpen: (socket: WebSocket) => void): Promise<number> {
  const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
  socket.on('open', () => onOpen(socket));
  return new Promise((resolve) => socket.on('close', (code) => resolve(code)));
}

describe('graphql-transport-ws close codes', () => {
  it('4400 for a malformed message', async () => {
    expect(await raw((socket) => socket.send('{not json'))).toBe(4400);
  });

  it('4401 for a subscribe before connection_init was acknowledged', async () => {
    expect(
      await raw((socket) =>
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { requestEvents { cursor } }' } })),
      ),
    ).toBe(4401);
  });

  it('4408 when connection_init never comes', async () => {
    expect(await raw(() => undefined)).toBe(4408);
  });

  it('4403 for bad credentials in connection_init', async () => {
    expect(await raw((socket) => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer nope' } })))).toBe(
      4403,
    );
  });
});
