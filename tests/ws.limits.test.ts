/**
 * WebSocket caps per instance (api.md, "Limits"): subscriptions per socket
 * (one more gets RATE_LIMITED with `extensions.limit`), sockets per caller (one
 * more is closed with 1013, "try again later"), and the graphql-transport-ws
 * subprotocol required at the handshake.
 */
import WebSocket from 'ws';
import type { Client } from 'graphql-ws';
import { wsConnect } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, signUp } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { encodeEventCursor } from '../src/modules/event-log/event-feed.service.js';

test.override('serverEnv', { WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2', WS_MAX_SOCKETS_PER_CALLER: '2' });

// From the start of the log: a subscription sees the next event even if it becomes live after it commits.
const FEED = `subscription { requestEvents(after: "${encodeEventCursor('0')}") { cursor } }`;

interface Opened {
  /** Resolves with the error's extensions if the subscription ends with one. */
  failed: Promise<Record<string, unknown> | undefined>;
  /** Resolves with the first event it receives. */
  received: Promise<void>;
  end: () => void;
}

function open(client: Client): Opened {
  let end!: () => void;
  let onEvent!: () => void;
  const received = new Promise<void>((resolve) => (onEvent = resolve));
  const failed = new Promise<Record<string, unknown> | undefined>((resolve) => {
    end = client.subscribe(
      { query: FEED },
      {
        next: () => onEvent(),
        error: (error) => resolve(Array.isArray(error) ? (error[0] as { extensions?: Record<string, unknown> }).extensions : undefined),
        complete: () => resolve(undefined),
      },
    );
  });
  return { failed, received, end };
}

describe('WebSocket caps', () => {
  test('a subscription over WS_MAX_SUBSCRIPTIONS_PER_SOCKET gets RATE_LIMITED with the limit; ending one makes room', async ({
    url,
    wsUrl,
    adminToken,
  }) => {
    const socket = wsConnect(wsUrl, (await signUp(url)).token);
    await socket.connected;
    const [first] = [open(socket.client), open(socket.client)];
    expect(await open(socket.client).failed).toEqual({ code: 'RATE_LIMITED', limit: 2 });
    first.end();
    // The place is free again: a new subscription is live and receives the next event.
    const again = open(socket.client);
    const org = await createOrg(url, adminToken);
    await postRequest(url, org.owner.token, org.id);
    await again.received;
    await socket.client.dispose();
  });

  test('a socket over WS_MAX_SOCKETS_PER_CALLER is closed with 1013, per user and per address when anonymous', async ({ url, wsUrl }) => {
    const user = await signUp(url);
    const held = [wsConnect(wsUrl, user.token), wsConnect(wsUrl, user.token)];
    await Promise.all(held.map((socket) => socket.connected));
    expect(await wsConnect(wsUrl, user.token).closed).toBe(1013);
    // Another caller is not affected.
    const other = await signUp(url);
    const otherSocket = wsConnect(wsUrl, other.token);
    await otherSocket.connected;
    // Closing one gives the place back.
    await held[0].client.dispose();
    await held[0].closed;
    const replacement = wsConnect(wsUrl, user.token);
    await replacement.connected;

    const anonymous = [wsConnect(wsUrl), wsConnect(wsUrl)];
    await Promise.all(anonymous.map((socket) => socket.connected));
    expect(await wsConnect(wsUrl).closed).toBe(1013);

    await Promise.all(
      [held[1], otherSocket, replacement, ...anonymous].map(async (socket) => {
        await socket.client.dispose();
      }),
    );
  });

  test('a client that does not offer graphql-transport-ws is refused at the handshake', async ({ wsUrl }) => {
    for (const protocols of [[], ['graphql-ws'], ['something-else']]) {
      const socket = new WebSocket(wsUrl, protocols);
      const status = await new Promise<number>((resolve) => {
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('open', () => resolve(101));
        socket.once('error', () => undefined);
      });
      expect(status).toBe(400);
      socket.terminate();
    }
  });
});
