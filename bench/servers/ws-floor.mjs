#!/usr/bin/env node
/**
 * W6's floor: a bare graphql-ws server (the same graphql-ws, ws and graphql as
 * ours) whose `requestEvents` subscription is fed by the same wake-up as ours:
 * LISTEN on the event log's channel, then one statement for the new events
 * with their request and claim, published to every subscriber. graphql-ws
 * executes the subscriber's selection for each subscriber and event, as any
 * plain graphql-js subscription does: no visibility rules, no filters, no
 * shared execution. Anonymous only.
 *
 *   node bench/servers/ws-floor.mjs <port> <database url>
 */
import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { EVENTS_CHANNEL } from './claim-sql.mjs';

const [port, connectionString] = process.argv.slice(2);

const schema = buildSchema(`
  type Query { ok: Boolean }
  type HelpRequest { id: ID! title: String! status: String! claimed: Int! }
  type Claim { quantity: Int! }
  type RequestEvent { type: String! occurredAt: String! request: HelpRequest! claim: Claim }
  type Subscription { requestEvents: RequestEvent! }
`);

/** Every subscriber's queue: an event is pushed to each, and each iterator takes from its own. */
const subscribers = new Set();

function subscribe() {
  const queue = [];
  let wake = null;
  let closed = false;
  const subscriber = (event) => {
    queue.push(event);
    wake?.();
  };
  subscribers.add(subscriber);
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      while (queue.length === 0 && !closed) await new Promise((resolve) => (wake = resolve));
      if (closed) return { value: undefined, done: true };
      return { value: { requestEvents: queue.shift() }, done: false };
    },
    async return() {
      subscribers.delete(subscriber);
      closed = true;
      wake?.();
      return { value: undefined, done: true };
    },
  };
}
schema.getSubscriptionType().getFields().requestEvents.subscribe = subscribe;

const listener = new pg.Client({ connectionString });
await listener.connect();
const reader = new pg.Client({ connectionString });
await reader.connect();
let last = (await reader.query(`SELECT coalesce(max(position), 0)::text AS p FROM request_event`)).rows[0].p;
let reading = Promise.resolve();

/** Reads everything after the last position (the table is the truth, the NOTIFY only a wake-up) and publishes it. */
async function readNew() {
  const { rows } = await reader.query(
    `SELECT e.position::text, e.type, e.occurred_at, h.id, h.title, h.status, h.claimed, c.quantity
       FROM request_event e JOIN help_request h ON h.id = e.request_id LEFT JOIN claim c ON c.id = e.claim_id
      WHERE e.position > $1 ORDER BY e.position`,
    [last],
  );
  for (const row of rows) {
    last = row.position;
    const event = {
      type: row.type,
      occurredAt: row.occurred_at.toISOString(),
      request: {
        id: Buffer.from(`HelpRequest:${row.id}`).toString('base64url'),
        title: row.title,
        status: row.status,
        claimed: row.claimed,
      },
      claim: row.quantity === null ? null : { quantity: row.quantity },
    };
    for (const subscriber of subscribers) subscriber(event);
  }
}
listener.on('notification', () => {
  reading = reading.then(readNew, readNew);
});
await listener.query(`LISTEN ${EVENTS_CHANNEL}`);

const server = createServer((_request, response) => response.writeHead(200).end('ws floor'));
const wss = new WebSocketServer({ server, path: '/graphql' });
useServer({ schema }, wss);
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => {
  wss.close();
  server.close();
  void Promise.all([listener.end(), reader.end()]).finally(() => process.exit(0));
});
