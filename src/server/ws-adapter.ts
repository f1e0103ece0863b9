/**
 * graphql-ws's protocol server (`makeServer`) on a `ws` WebSocketServer. This
 * replaces graphql-ws's own `useServer` adapter for one reason: that adapter
 * writes every socket error (a malformed frame, an oversized message) to
 * console.error with a stack trace, so anyone can flood the log with them.
 * Here they go to the process log as one structured line per kind of error
 * and interval, with a count. Everything else follows `useServer` (keep-alive
 * pings, close codes), except that a client offering no graphql-transport-ws
 * subprotocol is refused at the handshake, and that a `next` payload may come
 * serialised already (SerialisedPayload): one live event's answer is sent to
 * thousands of sockets as one text, not stringified again for each.
 */
import type { IncomingMessage } from 'node:http';
import {
  CloseCode,
  GRAPHQL_TRANSPORT_WS_PROTOCOL,
  handleProtocols,
  makeServer,
  type FormattedExecutionResult,
  type ServerOptions,
} from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../shared/logger.js';

export interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** How often a socket is pinged; one that does not answer within the same time is dropped. */
const KEEP_ALIVE_MS = 12_000;
/** Identical socket errors within this window are logged as one line with their count. */
const ERROR_WINDOW_MS = 10_000;

/**
 * The JSON text of a `next` message's payload, made once for every socket that
 * sends it (ws-delivery.ts). graphql-ws builds and stringifies each message
 * itself (`{"id":…,"type":"next","payload":…}`, the payload last); its
 * `jsonMessageReplacer` puts a numbered placeholder where this payload goes,
 * and the socket's `send`, which graphql-ws calls with that very string in the
 * same synchronous step, puts the text in its place. The number makes sure a
 * text can only ever go into the message it was stringified for.
 */
export class SerialisedPayload implements FormattedExecutionResult {
  // Never set: declared so that graphql-ws's onNext accepts this as a payload.
  declare readonly data?: undefined;

  constructor(readonly json: string) {}
}

const PLACEHOLDER = '\u0000serialised payload ';

/** Splices serialised payloads into the messages graphql-ws stringified around them. */
class PayloadSplicer {
  private pending: { placeholder: string; json: string } | null = null;
  private count = 0;

  /** graphql-ws's jsonMessageReplacer. */
  readonly replacer = (key: string, value: unknown): unknown => {
    if (key !== 'payload' || !(value instanceof SerialisedPayload)) return value;
    const placeholder = `${PLACEHOLDER}${(this.count = (this.count + 1) % Number.MAX_SAFE_INTEGER)}`;
    this.pending = { placeholder, json: value.json };
    return placeholder;
  };

  /** The message as sent: `data` with the pending payload in its placeholder's place, if it has one. */
  splice(data: string): string {
    const pending = this.pending;
    if (pending === null) return data;
    this.pending = null;
    const tail = `"payload":${JSON.stringify(pending.placeholder)}}`;
    // Another message than the one stringified last: never put a payload into it.
    if (!data.endsWith(tail)) throw new Error('a serialised payload was not sent with its message');
    return `${data.slice(0, -tail.length)}"payload":${pending.json}}`;
  }
}

/**
 * Counts identical errors and logs each kind once per window: the first one at
 * once, the rest as one line with a count when the window ends.
 */
export class ErrorTally {
  private readonly counts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: Logger,
    private readonly message: string,
    private readonly windowMs = ERROR_WINDOW_MS,
  ) {}

  add(kind: string): void {
    const count = this.counts.get(kind);
    if (count === undefined) {
      this.log.warn({ kind, count: 1 }, this.message);
      this.counts.set(kind, 0);
    } else {
      this.counts.set(kind, count + 1);
    }
    this.timer ??= setTimeout(() => {
      this.flush();
    }, this.windowMs).unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const [kind, count] of this.counts) if (count > 0) this.log.warn({ kind, count }, this.message);
    this.counts.clear();
  }
}

/** The kind of a socket error, without anything the peer sent (the error's code, or its class). */
const kindOf = (error: unknown): string =>
  error instanceof Error ? ((error as Error & { code?: unknown }).code?.toString() ?? error.name) : typeof error;

export function serveGraphqlWs<P extends Record<PropertyKey, unknown> | undefined, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, SocketExtra & Partial<E>>,
  wss: WebSocketServer,
  log: Logger,
): { dispose(): Promise<void> } {
  const payloads = new PayloadSplicer();
  const server = makeServer({ ...options, jsonMessageReplacer: payloads.replacer });
  const errors = new ErrorTally(log, 'WebSocket errors');
  wss.options.handleProtocols = handleProtocols;
  // A client that does not speak graphql-transport-ws is refused at the handshake
  // (HTTP 400), not accepted and closed.
  wss.options.verifyClient = ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim());
    if (offered.includes(GRAPHQL_TRANSPORT_WS_PROTOCOL)) done(true);
    else done(false, 400, `The ${GRAPHQL_TRANSPORT_WS_PROTOCOL} subprotocol is required`);
  };
  wss.on('error', (error) => {
    errors.add(`server:${kindOf(error)}`);
  });

  wss.on('connection', (socket, request) => {
    socket.once('error', (error) => {
      errors.add(kindOf(error));
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });

    let pongWait: NodeJS.Timeout | null = null;
    const ping = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => {
        socket.terminate();
      }, KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            const message = payloads.splice(data);
            if (socket.readyState !== socket.OPEN) {
              resolve();
              return;
            }
            socket.send(message, (error) => {
              if (error) reject(error);
              else resolve();
            });
          }),
        close: (code, reason) => {
          socket.close(code, reason);
        },
        onMessage: (handle) =>
          socket.on('message', (data: Buffer) => {
            handle(data.toString()).catch((error: unknown) => {
              errors.add(`message:${kindOf(error)}`);
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      extraFor(socket, request),
    );

    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(ping);
      void closed(code, reason.toString());
    });
  });

  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      errors.flush();
      await new Promise<void>((resolve, reject) => {
        wss.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}

/** A socket's `extra`: what every socket has, and none yet of what the server adds after connect. */
function extraFor<E>(socket: SocketExtra['socket'], request: SocketExtra['request']): SocketExtra & Partial<E> {
  const added: Partial<E> = {};
  return Object.assign(added, { socket, request });
}
