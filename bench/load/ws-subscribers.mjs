#!/usr/bin/env node
/**
 * W6's subscribers: one process holding `count` graphql-ws sockets (the
 * project's graphql-ws client on ws), each with one subscription, started by
 * bench/workloads/fanout.mjs with an IPC channel.
 *
 *   fork('bench/load/ws-subscribers.mjs', [url, count, document])
 *
 * Messages to the parent: { ready, failed } once every socket is acknowledged;
 * { got: k } when every socket has received its k-th event (events are sent
 * one at a time, so the k-th on each socket is the same event); { report }
 * when asked: the receive time of every event on every socket (epoch ms with
 * sub-millisecond precision: performance.timeOrigin + performance.now(), which
 * the parent also uses for the send time), and the first event's payload.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, countText, document] = process.argv.slice(2);
const count = Number(countText);
/** Sockets opened at once: a burst of thousands of handshakes only measures the accept queue. */
const OPEN_BATCH = 100;

const now = () => performance.timeOrigin + performance.now();
/** times[k][i]: when socket i received event k. */
const times = [];
const received = [];
const errors = [];
let firstPayload = null;
const clients = [];

function openOne(index) {
  return new Promise((resolve) => {
    let seen = 0;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      on: { connected: () => resolve(true), error: () => resolve(false), closed: () => resolve(false) },
    });
    clients.push(client);
    client.subscribe(
      { query: document },
      {
        next: (payload) => {
          const k = seen++;
          (times[k] ??= [])[index] = now();
          if (payload.errors && errors.length < 5) errors.push(payload.errors);
          if (k === 0 && index === 0) firstPayload = payload;
          received[k] = (received[k] ?? 0) + 1;
          if (received[k] === count) process.send({ got: k });
        },
        error: (error) => {
          if (errors.length < 5) errors.push(String(error?.message ?? error?.reason ?? error));
        },
        complete: () => undefined,
      },
    );
  });
}

let failed = 0;
for (let start = 0; start < count; start += OPEN_BATCH) {
  const batch = [];
  for (let i = start; i < Math.min(count, start + OPEN_BATCH); i++) batch.push(openOne(i));
  failed += (await Promise.all(batch)).filter((ok) => !ok).length;
}
process.send({ ready: count - failed, failed, errors });

process.on('message', (message) => {
  if (message.cmd !== 'report') return;
  process.send({ report: { times, errors, firstPayload } }, () => {
    for (const client of clients) void client.dispose();
    setTimeout(() => process.exit(0), 500);
  });
});
// Bounded in time whatever the parent does.
setTimeout(() => process.exit(2), Number(process.env.BENCH_WS_TIMEOUT_MS ?? 600_000)).unref();
