/**
 * Expiry with two processes (api.md "Help requests"): an OPEN request without
 * ACTIVE claims whose end passed becomes EXPIRED, by the database clock, with
 * exactly one EXPIRED event, however many instances run the job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { spawnServer, testEnv, type SpawnedServer } from './support/server.js';
import { gql } from './support/client.js';
import { ADMIN_ENV, asAdmin, createOrg, type Org } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { CLAIM, verifiedAssociations } from './support/world.js';
import { admin } from './support/pg.js';
import { subscribeEvents } from './support/subscriptions.js';

let a: SpawnedServer;
let b: SpawnedServer;
let databaseUrl: string;
let adminToken: string;
let org: Org;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  const env = testEnv(databaseUrl, { ...ADMIN_ENV, EXPIRY_INTERVAL_MS: '150' });
  [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  adminToken = await asAdmin(a.url);
  org = await createOrg(a.url, adminToken);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const STATUS = `query ($id: ID!) { helpRequest(id: $id) { status closedAt version } }`;

async function moveEndToThePast(id: string, version: number) {
  const response = await gql(
    a.url,
    `mutation ($id: ID!, $v: Int!, $end: DateTime) { updateHelpRequest(id: $id, expectedVersion: $v, input: { endsAt: $end }) { version } }`,
    { id, v: version, end: hoursFromNow(-1) },
    org.owner.token,
  );
  expect(response.body.errors).toBeUndefined();
}

describe('expiry', () => {
  it('expires each past-due OPEN request without ACTIVE claims exactly once; claimed and FILLED ones wait', async () => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 1, 'Helper');
    const claimed = await postRequest(a.url, org.owner.token, org.id, { endsAt: hoursFromNow(1), slots: [{ capacity: 5 }] });
    await gql(a.url, CLAIM, { input: { slotId: claimed.slots[0].id, associationId: ids[0], quantity: 1 } }, owner.token);
    await moveEndToThePast(claimed.id, 2);
    const filled = await postRequest(a.url, org.owner.token, org.id, { endsAt: hoursFromNow(1), slots: [{ capacity: 1 }] });
    await gql(a.url, CLAIM, { input: { slotId: filled.slots[0].id, associationId: ids[0], quantity: 1 } }, owner.token);
    await moveEndToThePast(filled.id, 3);

    // Follow the log live from here: each EXPIRED event is awaited as it arrives.
    const head = (await gql(a.url, '{ requestEventsHead }')).body.data!.requestEventsHead;
    const feed = subscribeEvents(b.wsUrl, { after: head, filter: { requesterIds: [org.id] } });
    const due = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postRequest(i % 2 ? b.url : a.url, org.owner.token, org.id, { endsAt: hoursFromNow(-0.01), slots: [{ capacity: 2 }] }),
      ),
    );
    await Promise.all(due.map((request) => feed.waitFor((e) => e.type === 'EXPIRED' && e.request.id === request.id)));
    await feed.close();

    for (const request of due) {
      const status = (await gql(a.url, STATUS, { id: request.id })).body.data!.helpRequest;
      expect(status).toMatchObject({ status: 'EXPIRED', version: 2 });
      expect(status.closedAt).not.toBeNull();
    }
    expect((await gql(a.url, STATUS, { id: claimed.id })).body.data!.helpRequest.status).toBe('OPEN');
    expect((await gql(a.url, STATUS, { id: filled.id })).body.data!.helpRequest.status).toBe('FILLED');

    // Exactly one EXPIRED event per request in the table itself, and actor null (the system).
    const rows = await admin(databaseUrl, (client) =>
      client.query<{ n: number; actors: number }>(
        `SELECT count(*)::int AS n, count(actor_id)::int AS actors FROM request_event WHERE type = 'EXPIRED' GROUP BY request_id`,
      ),
    );
    expect(rows.rows).toHaveLength(due.length);
    expect(rows.rows.every((r) => r.n === 1 && r.actors === 0)).toBe(true);
  });
});
