/**
 * The product's promise under real concurrency, through two server processes on
 * one database: a slot is never over-committed, and the database agrees.
 */
import { codes, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { asAdmin, createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import type { SpawnedServer } from './support/server.js';
import { verifiedAssociations } from './support/world.js';
import { query } from './support/pg.js';
import { decodeGlobalId } from '../src/shared/global-id.js';
import { ClaimDocument } from './generated/graphql.js';

let a: SpawnedServer;
let b: SpawnedServer;
let adminToken: string;
let requester: Org;

test.beforeAll(async ({ spawn }) => {
  [a, b] = await Promise.all([spawn(), spawn()]);
  adminToken = await asAdmin(a.url);
  requester = await createOrg(a.url, adminToken);
});

describe('claim under concurrency', () => {
  test('200 concurrent claims of 1 on a slot of capacity 5, over two processes: exactly 5 succeed', async ({ databaseUrl }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 200, 'Racer');
    const request = await postRequest(a.url, requester.owner.token, requester.id, { slots: [{ capacity: 5 }] });
    const slotId = request.slots[0].id;

    const answers = await Promise.all(
      ids.map((associationId, i) =>
        gql((i % 2 ? b : a).url, ClaimDocument, { input: { slotId, associationId, quantity: 1 } }, owner.token),
      ),
    );
    const succeeded = answers.filter((r) => r.body.data?.claim);
    const failures = answers.flatMap((r) => codes(r));
    expect(succeeded).toHaveLength(5);
    expect(failures).toHaveLength(195);
    expect(new Set(failures)).toSatisfy((set: Set<string>) =>
      [...set].every((code) => code === 'CAPACITY_EXCEEDED' || code === 'REQUEST_NOT_OPEN'),
    );

    const requestKey = decodeGlobalId(request.id, 'id').key;
    const [slot] = await query<{ claimed: number }>(databaseUrl, `SELECT claimed FROM slot WHERE request_id = $1`, [requestKey]);
    const [claims] = await query<{ n: number; total: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n, coalesce(sum(quantity), 0)::int AS total FROM claim WHERE request_id = $1 AND status = 'ACTIVE'`,
      [requestKey],
    );
    const [row] = await query<{ status: string; claimed: number; version: number }>(
      databaseUrl,
      `SELECT status, claimed, version FROM help_request WHERE id = $1`,
      [requestKey],
    );
    const events = await query<{ type: string }>(databaseUrl, `SELECT type FROM request_event WHERE request_id = $1 ORDER BY position`, [
      requestKey,
    ]);
    expect(slot.claimed).toBe(5);
    expect(claims).toEqual({ n: 5, total: 5 });
    expect(row).toEqual({ status: 'FILLED', claimed: 5, version: 7 });
    expect(events.map((e) => e.type)).toEqual(['POSTED', 'CLAIMED', 'CLAIMED', 'CLAIMED', 'CLAIMED', 'CLAIMED', 'FILLED']);
  });

  test('claims filling two slots of one request at once leave it FILLED with one FILLED event, every time', async ({ databaseUrl }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 4, 'Pair');
    for (let round = 0; round < 10; round++) {
      const request = await postRequest(a.url, requester.owner.token, requester.id, { slots: [{ capacity: 2 }, { capacity: 2 }] });
      const answers = await Promise.all(
        ids.map((associationId, i) =>
          gql((i % 2 ? b : a).url, ClaimDocument, { input: { slotId: request.slots[i % 2].id, associationId, quantity: 1 } }, owner.token),
        ),
      );
      expect(answers.every((r) => r.body.data?.claim)).toBe(true);
      const key = decodeGlobalId(request.id, 'id').key;
      const [row] = await query<{ status: string }>(databaseUrl, `SELECT status FROM help_request WHERE id = $1`, [key]);
      const [filled] = await query<{ n: number }>(
        databaseUrl,
        `SELECT count(*)::int AS n FROM request_event WHERE request_id = $1 AND type = 'FILLED'`,
        [key],
      );
      expect(row.status).toBe('FILLED');
      expect(filled.n).toBe(1);
    }
  });

  test('50 concurrent identical claims with one idempotency key: one claim, every answer carries its id', async ({ databaseUrl }) => {
    const { owner, ids } = await verifiedAssociations(a.url, adminToken, 1, 'Retry');
    const request = await postRequest(a.url, requester.owner.token, requester.id, { slots: [{ capacity: 10 }] });
    const input = { slotId: request.slots[0].id, associationId: ids[0], quantity: 3, idempotencyKey: 'retry-42' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => gql((i % 2 ? b : a).url, ClaimDocument, { input }, owner.token)),
    );
    const claimIds = new Set(answers.map((r) => r.body.data?.claim?.id));
    expect(answers.flatMap((r) => codes(r))).toEqual([]);
    expect(claimIds.size).toBe(1);
    const [claims] = await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM claim WHERE request_id = $1`, [
      decodeGlobalId(request.id, 'id').key,
    ]);
    expect(claims.n).toBe(1);
  });
});
