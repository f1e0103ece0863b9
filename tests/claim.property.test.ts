/**
 * Property (fast-check): random concurrent claims, withdrawals, declines,
 * cancels and completions on random capacities. Afterwards, for every slot,
 * `claimed` equals the ACTIVE + FULFILLED quantities and never exceeds the
 * capacity; the request's status and counters agree with its slots; and the
 * event log replays to the same state.
 */
import fc from 'fast-check';
import { gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { verifiedAssociations } from './support/world.js';
import { query } from './support/pg.js';
import { decodeGlobalId } from '../src/shared/global-id.js';
import {
  CancelHelpRequestDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  DeclineClaimWithReasonDocument,
  WithdrawClaimWithReasonDocument,
} from './generated/graphql.js';

let requester: Org;
let claimers: { owner: { token: string }; ids: string[] };

test.beforeAll(async ({ url, adminToken }) => {
  requester = await createOrg(url, adminToken);
  claimers = await verifiedAssociations(url, adminToken, 6, 'Claimer');
});

type Op =
  | { op: 'claim'; slot: number; who: number; quantity: number }
  | { op: 'withdraw' | 'decline'; claim: number }
  | { op: 'cancel' | 'complete' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('claim' as const), slot: fc.nat(2), who: fc.nat(5), quantity: fc.integer({ min: 1, max: 3 }) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('withdraw' as const, 'decline' as const), claim: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('cancel' as const, 'complete' as const) }) },
);

async function run(url: string, databaseUrl: string, capacities: number[], batches: Op[][]): Promise<void> {
  const request = await postRequest(url, requester.owner.token, requester.id, {
    slots: capacities.map((capacity) => ({ capacity })),
  });
  const claimIds: string[] = [];
  const perform = async (op: Op) => {
    if (op.op === 'claim') {
      const slot = request.slots[op.slot % capacities.length];
      const response = await gql(
        url,
        ClaimDocument,
        { input: { slotId: slot.id, associationId: claimers.ids[op.who], quantity: op.quantity } },
        claimers.owner.token,
      );
      if (response.body.data?.claim) claimIds.push(response.body.data.claim.id);
    } else if (op.op === 'withdraw' || op.op === 'decline') {
      const id = claimIds[op.claim % Math.max(claimIds.length, 1)];
      if (!id) return;
      if (op.op === 'withdraw') await gql(url, WithdrawClaimWithReasonDocument, { id, reason: 'property' }, claimers.owner.token);
      else await gql(url, DeclineClaimWithReasonDocument, { id, reason: 'property' }, requester.owner.token);
    } else if (op.op === 'cancel') {
      await gql(url, CancelHelpRequestDocument, { id: request.id, reason: 'property' }, requester.owner.token);
    } else {
      await gql(url, CompleteHelpRequestDocument, { id: request.id, beneficiaries: 3 }, requester.owner.token);
    }
  };
  for (const batch of batches) await Promise.all(batch.map(perform));
  await checkInvariants(databaseUrl, decodeGlobalId(request.id, 'id').key);
}

async function checkInvariants(databaseUrl: string, requestId: string): Promise<void> {
  const slots = await query<{ id: string; capacity: number; claimed: number; committed: number }>(
    databaseUrl,
    `SELECT s.id, s.capacity, s.claimed,
            coalesce((SELECT sum(quantity) FROM claim c WHERE c.slot_id = s.id AND c.status IN ('ACTIVE', 'FULFILLED')), 0)::int AS committed
       FROM slot s WHERE s.request_id = $1 ORDER BY s.position`,
    [requestId],
  );
  const [request] = await query<{
    status: string;
    claimed: number;
    capacity: number;
    active: number;
    activeClaims: number;
    version: number;
  }>(
    databaseUrl,
    `SELECT status, claimed, capacity, active_claims AS "activeClaims", version,
            (SELECT count(*) FROM claim WHERE request_id = h.id AND status = 'ACTIVE')::int AS active
       FROM help_request h WHERE id = $1`,
    [requestId],
  );
  for (const slot of slots) {
    expect(slot.claimed).toBe(slot.committed);
    expect(slot.claimed).toBeLessThanOrEqual(slot.capacity);
  }
  expect(request.claimed).toBe(slots.reduce((sum, s) => sum + s.claimed, 0));
  expect(request.activeClaims).toBe(request.active);
  const full = slots.every((s) => s.claimed === s.capacity);
  if (request.status === 'OPEN' || request.status === 'FILLED') expect(request.status).toBe(full ? 'FILLED' : 'OPEN');
  else expect(request.active).toBe(0);

  // Replay the log: status, and each slot's committed quantity.
  const events = await query<{ type: string; slotId: string | null; quantity: number | null }>(
    databaseUrl,
    `SELECT e.type, c.slot_id AS "slotId", c.quantity FROM request_event e LEFT JOIN claim c ON c.id = e.claim_id
      WHERE e.request_id = $1 ORDER BY e.position`,
    [requestId],
  );
  let status = 'NONE';
  const active = new Map<string, number>();
  const fulfilled = new Map<string, number>();
  const add = (map: Map<string, number>, slot: string, q: number) => map.set(slot, (map.get(slot) ?? 0) + q);
  for (const event of events) {
    if (event.type === 'POSTED' || event.type === 'REOPENED') status = 'OPEN';
    else if (event.type === 'FILLED') status = 'FILLED';
    else if (event.type === 'CLAIMED') {
      add(active, event.slotId!, event.quantity!);
    } else if (event.type === 'CLAIM_WITHDRAWN' || event.type === 'CLAIM_DECLINED') add(active, event.slotId!, -event.quantity!);
    else if (event.type === 'CANCELLED') {
      status = 'CANCELLED';
      active.clear();
    } else if (event.type === 'COMPLETED') {
      status = 'COMPLETED';
      for (const [slot, q] of active) add(fulfilled, slot, q);
      active.clear();
    }
  }
  expect(status).toBe(request.status);
  expect(events.length).toBe(request.version);
  for (const slot of slots) expect((active.get(slot.id) ?? 0) + (fulfilled.get(slot.id) ?? 0)).toBe(slot.claimed);
}

describe('claims, as a property', () => {
  test('keep every slot, request and the event log consistent under random concurrent operations', async ({ url, databaseUrl }) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        (capacities, batches) => run(url, databaseUrl, capacities, batches),
      ),
      { numRuns: 25 },
    );
  });
});
