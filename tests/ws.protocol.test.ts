/** graphql-transport-ws's own close codes, on a raw socket. */
import WebSocket from 'ws';
import { describe, expect, test } from './support/fixtures.js';

test.override('serverEnv', { WS_INIT_TIMEOUT_MS: '300' });

function raw(wsUrl: string, onOpen: (socket: WebSocket) => void): Promise<number> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  socket.on('open', () => onOpen(socket));
  return new Promise((resolve) => socket.on('close', (code) => resolve(code)));
}

describe('graphql-transport-ws close codes', () => {
  test('4400 for a malformed message', async ({ wsUrl }) => {
    expect(await raw(wsUrl, (socket) => socket.send('{not json'))).toBe(4400);
  });

  test('4401 for a subscribe before connection_init was acknowledged', async ({ wsUrl }) => {
    expect(
      await raw(wsUrl, (socket) =>
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { requestEvents { cursor } }' } })),
      ),
    ).toBe(4401);
  });

  test('4408 when connection_init never comes', async ({ wsUrl }) => {
    expect(await raw(wsUrl, () => undefined)).toBe(4408);
  });

  test('4403 for bad credentials in connection_init', async ({ wsUrl }) => {
    expect(
      await raw(wsUrl, (socket) => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer nope' } }))),
    ).toBe(4403);
  });
});
