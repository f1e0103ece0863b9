#!/usr/bin/env node
/**
 * A live feed of help requests that survives restarts and dropped connections
 * (README, "Live feed"): list what is open, then follow every change, storing
 * the last cursor so that the next run resumes exactly where this one stopped.
 *
 *   node tests/examples/resume-feed.mjs [--url http://localhost:4000/graphql]
 *        [--state .feed-cursor] [--token TOKEN] [--max-events N]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const url = args.url ?? 'http://localhost:4000/graphql';
const stateFile = args.state ?? '.feed-cursor';
const maxEvents = args['max-events'] ? Number(args['max-events']) : Infinity;
const headers = { 'content-type': 'application/json', ...(args.token ? { authorization: `Bearer ${args.token}` } : {}) };

async function query(text, variables = {}) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: text, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
  return body.data;
}

let cursor = (await readFile(stateFile, 'utf8').catch(() => '')).trim() || null;
if (!cursor) {
  // First run: read the head BEFORE listing, then follow from it: nothing falls in between.
  const { requestEventsHead } = await query('{ requestEventsHead }');
  const { helpRequests } = await query(
    `{ helpRequests(filter: { statuses: [OPEN] }, first: 100) { edges { node { id title remaining unit } } } }`,
  );
  for (const { node } of helpRequests.edges) console.log(`open\t${node.title}\t${node.remaining} ${node.unit} to go`);
  cursor = requestEventsHead;
  if (cursor) await writeFile(stateFile, cursor);
}

const client = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  connectionParams: args.token ? { authorization: `Bearer ${args.token}` } : {},
});

let received = 0;
// Each (re)subscription passes the last stored cursor: replay, then live.
while (received < maxEvents) {
  const outcome = await new Promise((resolve) => {
    const stop = client.subscribe(
      {
        query: `subscription ($after: String) { requestEvents(after: $after) { cursor type request { title status remaining } } }`,
        variables: { after: cursor },
      },
      {
        next: async ({ data, errors }) => {
          if (errors) return resolve({ errors });
          const event = data.requestEvents;
          console.log(`${event.type}\t${event.request.title}\t${event.request.status}\t${event.request.remaining} to go`);
          cursor = event.cursor;
          await writeFile(stateFile, cursor);
          if (++received >= maxEvents) {
            stop();
            resolve({ done: true });
          }
        },
        error: (error) => resolve({ error }),
        complete: () => resolve({ done: true }),
      },
    );
  });
  if (outcome.done && received >= maxEvents) break;
  // SLOW_CONSUMER, a restart or a dropped connection: wait a moment and resume from the cursor.
  console.error(`feed interrupted (${JSON.stringify(outcome.errors ?? String(outcome.error?.code ?? outcome.error))}); resuming`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
await client.dispose();
