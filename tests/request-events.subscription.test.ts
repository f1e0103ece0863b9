/**
 * Live coordination across instances (issue 6): every matching event once, in
 * commit order, across reconnects, instances, a SIGKILLed instance and a lost
 * LISTEN connection. Subscribers start from requestEventsHead read beforehand,
 * so nothing depends on when the server registers them (the server-side seam).
 */
import { gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { headCursor } from './support/events.js';
import { asAdmin, createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import type { SpawnedServer } from './support/server.js';
import { verifiedAssociations } from './support/world.js';
import { subscribeEvents } from './support/subscriptions.js';
import { admin } from './support/pg.js';
import { decodeEventCursor, encodeEventCursor } from '../src/modules/event-log/event-feed.service.js';
import { ClaimDocument, WithdrawClaimWithReasonDocument } from './generated/graphql.js';

let a: SpawnedServer;
let b: SpawnedServer;
let adminToken: string;
let requester: Org;
let claimers: { owner: { token: string }; ids: string[] };

const WRITERS = 20;

test.beforeAll(async ({ spawn }) => {
  [a, b] = await Promise.all([spawn(), spawn()]);
  adminToken = await asAdmin(a.url);
  requester = await createOrg(a.url, adminToken);
  claimers = await verifiedAssociations(a.url, adminToken, WRITERS, 'Writer');
});

/** The log's cursors after `after`, read from the table itself. */
async function logAfter(databaseUrl: string, after: string | null): Promise<string[]> {
  const from = after ? decodeEventCursor(after, 'after') : '0';
  const { rows } = await admin(databaseUrl, (client) =>
    client.query<{ position: string }>(
      `SELECT e.position::text AS position FROM request_event e WHERE e.position > $1 ORDER BY e.position`,
      [from],
    ),
  );
  return rows.map((r) => encodeEventCursor(r.position));
}

/** 20 writers claim and withdraw, each `cycles` times, through the given servers in turn. */
async function runWriters(servers: SpawnedServer[], cycles: number, onProgress?: (done: number) => void): Promise<void> {
  const request = await postRequest(servers[0].url, requester.owner.token, requester.id, { slots: [{ capacity: WRITERS * 2 }] });
  let done = 0;
  await Promise.all(
    claimers.ids.map(async (associationId, w) => {
      for (let i = 0; i < cycles; i++) {
        const server = servers[(w + i) % servers.length];
        const claimed = await gql(
          server.url,
          ClaimDocument,
          { input: { slotId: request.slots[0].id, associationId, quantity: 1 } },
          claimers.owner.token,
        );
        const id = claimed.body.data!.claim.id;
        await gql(server.url, WithdrawClaimWithReasonDocument, { id }, claimers.owner.token);
        onProgress?.(++done);
      }
    }),
  );
}

describe('Subscription.requestEvents across instances', () => {
  test('delivers to a subscriber on each instance exactly the rows of the log, in cursor order, under 20 concurrent writers', async ({
    databaseUrl,
  }) => {
    const start = await headCursor(a.url);
    const onA = subscribeEvents(a.wsUrl, { after: start });
    const onB = subscribeEvents(b.wsUrl, { after: start });
    let seam: ReturnType<typeof subscribeEvents> | undefined;
    let seamFrom: string | undefined;
    await runWriters([a, b], 6, (done) => {
      // Seam: subscribe with `after` in the middle of the log while writers run.
      if (done === 40 && !seam) {
        seamFrom = onA.events[10]?.cursor ?? start;
        seam = subscribeEvents(b.wsUrl, { after: seamFrom });
      }
    });
    const order = await logAfter(databaseUrl, start);
    await Promise.all([onA.reached(order.at(-1)!, order), onB.reached(order.at(-1)!, order)]);
    expect(onA.events.map((e) => e.cursor)).toEqual(order);
    expect(onB.events.map((e) => e.cursor)).toEqual(order);
    expect(seam).toBeDefined();
    const afterSeam = order.slice(order.indexOf(seamFrom!) + 1);
    await seam!.reached(order.at(-1)!, order);
    expect(seam!.events.map((e) => e.cursor)).toEqual(afterSeam);
    await Promise.all([onA.close(), onB.close(), seam!.close()]);
  });

  test('loses nothing when the client resubscribes on another instance after its instance is SIGKILLed', async ({ spawn, databaseUrl }) => {
    const c = await spawn();
    const start = await headCursor(a.url);
    const onC = subscribeEvents(c.wsUrl, { after: start });
    let resuming: Promise<ReturnType<typeof subscribeEvents>> | undefined;
    await runWriters([a, b], 6, (done) => {
      if (done === 30 && !resuming) {
        resuming = (async () => {
          c.child.kill('SIGKILL');
          await onC.failed; // the socket is gone: nothing more can arrive from C
          return subscribeEvents(b.wsUrl, { after: onC.lastCursor() ?? start });
        })();
      }
    });
    await c.exited;
    const resumed = await resuming!;
    const order = await logAfter(databaseUrl, start);
    await resumed.reached(order.at(-1)!, order);
    const received = [...onC.events, ...resumed.events].map((e) => e.cursor);
    expect(received).toEqual(order);
    await resumed.close();
  });

  test('misses nothing when the LISTEN connections are terminated from the database side', async ({ databaseUrl }) => {
    const start = await headCursor(a.url);
    const onA = subscribeEvents(a.wsUrl, { after: start });
    const onB = subscribeEvents(b.wsUrl, { after: start });
    let killed = 0;
    await runWriters([a, b], 6, (done) => {
      if (done === 20 || done === 60) {
        void admin(databaseUrl, (client) =>
          client.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mutual-aid-listen' AND datname = current_database()`,
          ),
        ).then((result) => (killed += result.rowCount ?? 0));
      }
    });
    const order = await logAfter(databaseUrl, start);
    await Promise.all([onA.reached(order.at(-1)!, order), onB.reached(order.at(-1)!, order)]);
    expect(killed).toBeGreaterThanOrEqual(2);
    expect(onA.events.map((e) => e.cursor)).toEqual(order);
    expect(onB.events.map((e) => e.cursor)).toEqual(order);
    await Promise.all([onA.close(), onB.close()]);
  });
});
