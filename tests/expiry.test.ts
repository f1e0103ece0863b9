/**
 * Expiry with two processes (api.md "Help requests"): an OPEN request without
 * ACTIVE claims whose end passed becomes EXPIRED, by the database clock, with
 * exactly one EXPIRED event, however many instances run the job.
 */
import { gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { asAdmin, createOrg, type Org } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import type { SpawnedServer } from './support/server.js';
import { verifiedAssociations } from './support/world.js';
import { admin } from './support/pg.js';
import { subscribeEvents } from './support/subscriptions.js';
import { ClaimDocument, ExpiryStatusDocument, RequestEventsHeadDocument, UpdateHelpRequestDocument } from './generated/graphql.js';

let a: SpawnedServer;
let b: SpawnedServer;
let adminToken: string;
let org: Org;

test.beforeAll(async ({ spawn }) => {
  const env = { EXPIRY_INTERVAL_MS: '150' };
  [a, b] = await Promise.all([spawn(env), spawn(env)]);
  adminToken = await asAdmin(a.url);
  org = await createOrg(a.url, adminToken);
});

async function moveEndToThePast(id: string, version: number) {
  const response = await gql(
    a.url,
    UpdateHelpRequestDocument,
    { id, expectedVersion: version, input: { endsAt: hoursFromNow(-1) } },
    org.owner.token,
  );
  expect(response.body.errors).toBeUndefined();
}

const status = async (id: string) => (await gql(a.url, ExpiryStatusDocument, { id })).body.data!.helpRequest!;

describe('expiry', () => {
  test('expires each past-due OPEN request without ACTIVE claims exactly once; claimed and FILLED ones wait', async ({ databaseUrl }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 1, 'Helper');
    const claimed = await postRequest(a.url, org.owner.token, org.id, { endsAt: hoursFromNow(1), slots: [{ capacity: 5 }] });
    await gql(a.url, ClaimDocument, { input: { slotId: claimed.slots[0].id, associationId: ids[0], quantity: 1 } }, owner.token);
    await moveEndToThePast(claimed.id, 2);
    const filled = await postRequest(a.url, org.owner.token, org.id, { endsAt: hoursFromNow(1), slots: [{ capacity: 1 }] });
    await gql(a.url, ClaimDocument, { input: { slotId: filled.slots[0].id, associationId: ids[0], quantity: 1 } }, owner.token);
    await moveEndToThePast(filled.id, 3);

    // Follow the log live from here: each EXPIRED event is awaited as it arrives.
    const head = (await gql(a.url, RequestEventsHeadDocument, {})).body.data!.requestEventsHead;
    const feed = subscribeEvents(b.wsUrl, { after: head, filter: { requesterIds: [org.id] } });
    const due = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postRequest(i % 2 ? b.url : a.url, org.owner.token, org.id, { endsAt: hoursFromNow(-0.01), slots: [{ capacity: 2 }] }),
      ),
    );
    await Promise.all(due.map((request) => feed.waitFor((e) => e.type === 'EXPIRED' && e.request.id === request.id)));
    await feed.close();

    for (const request of due) {
      const expired = await status(request.id);
      expect(expired).toMatchObject({ status: 'EXPIRED', version: 2 });
      expect(expired.closedAt).not.toBeNull();
    }
    expect((await status(claimed.id)).status).toBe('OPEN');
    expect((await status(filled.id)).status).toBe('FILLED');

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
