/**
 * Hand-offs under real concurrency, through two server processes on one
 * database (issue 14, "Tests"): a hand-off accepted while the holder withdraws
 * (exactly one wins, totals exact), accepted while the requester cancels, and
 * offers lapsing when their slot starts by the expiry job of both instances
 * (exactly one HANDOFF_LAPSED each).
 */
import { codes, dataOf, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { expectRequestConsistent } from './support/invariants.js';
import { asAdmin, createOrg, type Org, type Persona } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import type { SpawnedServer } from './support/server.js';
import { verifiedAssociations } from './support/world.js';
import { query } from './support/pg.js';
import { decodeGlobalId } from '../src/shared/global-id.js';
import {
  AcceptClaimHandOffDocument,
  CancelHelpRequestDocument,
  ClaimDocument,
  OfferClaimHandOffDocument,
  WithdrawClaimWithReasonDocument,
  type SlotInput,
} from './generated/graphql.js';

let a: SpawnedServer;
let b: SpawnedServer;
let adminToken: string;
let requester: Org;
/** Six verified associations of one owner: holders first, then receivers. */
let owner: Persona;
let ids: string[];

test.beforeAll(async ({ spawn }) => {
  // The expiry job runs often on both, so that they race on lapsing offers too.
  const env = { EXPIRY_INTERVAL_MS: '100' };
  [a, b] = await Promise.all([spawn(env), spawn(env)]);
  adminToken = await asAdmin(a.url);
  requester = await createOrg(a.url, adminToken);
  ({ owner, ids } = await verifiedAssociations(a.url, adminToken, 6, 'Hand-off racer'));
});

const key = (id: string) => decodeGlobalId(id, 'id').key;
const server = (i: number) => (i % 2 ? b : a);
const tomorrow = (capacity: number): SlotInput => ({ startsAt: hoursFromNow(24), endsAt: hoursFromNow(36), capacity });

/** A request of one slot, claimed 2 each by `holders`, each claim offered to the receiver at the same index; the hand-offs. */
async function offeredClaims(holders: string[], receivers: string[], slot: SlotInput) {
  const request = await postRequest(a.url, requester.owner.token, requester.id, { slots: [slot] });
  const slotId = request.slots[0].id;
  const claims: string[] = [];
  for (const [i, associationId] of holders.entries()) {
    const claimed = await gql(server(i).url, ClaimDocument, { input: { slotId, associationId, quantity: 2 } }, owner.token);
    claims.push(dataOf(claimed).claim.id);
  }
  const handOffs = await Promise.all(
    claims.map(
      async (claimId, i) =>
        dataOf(await gql(server(i).url, OfferClaimHandOffDocument, { input: { claimId, toAssociationId: receivers[i] } }, owner.token))
          .offerClaimHandOff.id,
    ),
  );
  return { request, claims, handOffs };
}

async function eventCounts(databaseUrl: string, requestKey: string): Promise<Record<string, number>> {
  const rows = await query<{ type: string; n: number }>(
    databaseUrl,
    `SELECT type, count(*)::int AS n FROM request_event WHERE request_id = $1 GROUP BY type`,
    [requestKey],
  );
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

describe('hand-offs under concurrency, two instances', () => {
  test('accepted while the holder withdraws: exactly one wins each time, totals exact, over 12 rounds', async ({ databaseUrl }) => {
    const holders = ids.slice(0, 3);
    const receivers = ids.slice(3, 6);
    const outcomes = { accepted: 0, withdrawn: 0 };
    for (let round = 0; round < 12; round++) {
      const { request, claims, handOffs } = await offeredClaims(holders, receivers, tomorrow(6));
      const requestKey = key(request.id);
      // Each accept and its withdrawal at once, on different instances (which one varies).
      const answers = await Promise.all(
        claims.map((claimId, i) =>
          Promise.all([
            gql(server(round + i).url, AcceptClaimHandOffDocument, { id: handOffs[i] }, owner.token),
            gql(server(round + i + 1).url, WithdrawClaimWithReasonDocument, { id: claimId, reason: '人手不够' }, owner.token),
          ]),
        ),
      );
      let accepted = 0;
      for (const [i, [acceptance, withdrawal]] of answers.entries()) {
        const won = [acceptance.body.data?.acceptClaimHandOff, withdrawal.body.data?.withdrawClaim].filter(Boolean);
        expect(won, `round ${round}, claim ${i}: exactly one wins`).toHaveLength(1);
        const lost = acceptance.body.data?.acceptClaimHandOff ? withdrawal : acceptance;
        expect(codes(lost)).toEqual(['BAD_USER_INPUT']);
        const [row] = await query<{ hand_off: string; given: string; reason: string | null; handed: string | null; taken: number }>(
          databaseUrl,
          `SELECT o.status AS hand_off, c.status AS given, c.end_reason AS reason, c.handed_to_claim_id AS handed,
                  (SELECT count(*)::int FROM claim n WHERE n.slot_id = c.slot_id AND n.association_id = o.to_association_id) AS taken
             FROM claim_handoff o JOIN claim c ON c.id = o.claim_id WHERE o.id = $1`,
          [key(handOffs[i])],
        );
        if (acceptance.body.data?.acceptClaimHandOff) {
          accepted++;
          expect(row).toMatchObject({ hand_off: 'ACCEPTED', given: 'WITHDRAWN', reason: 'HANDED_OFF', taken: 1 });
          expect(row.handed).not.toBeNull();
          expect(withdrawal.body.errors![0].message).toContain('WITHDRAWN');
        } else {
          expect(row).toEqual({ hand_off: 'WITHDRAWN', given: 'WITHDRAWN', reason: '人手不够', handed: null, taken: 0 });
          expect(acceptance.body.errors![0].message).toContain('WITHDRAWN');
        }
      }
      const withdrawn = claims.length - accepted;
      outcomes.accepted += accepted;
      outcomes.withdrawn += withdrawn;
      // Totals: what was accepted stays committed (moved, not added); what was withdrawn was given back.
      const [totals] = await query<{ status: string; claimed: number; active_claims: number; slot: number }>(
        databaseUrl,
        `SELECT h.status, h.claimed, h.active_claims, s.claimed AS slot FROM help_request h JOIN slot s ON s.request_id = h.id WHERE h.id = $1`,
        [requestKey],
      );
      expect(totals).toEqual({
        status: withdrawn > 0 ? 'OPEN' : 'FILLED',
        claimed: 2 * accepted,
        active_claims: accepted,
        slot: 2 * accepted,
      });
      expect(await eventCounts(databaseUrl, requestKey)).toEqual({
        POSTED: 1,
        CLAIMED: 3,
        FILLED: 1,
        HANDOFF_OFFERED: 3,
        ...(accepted > 0 ? { HANDOFF_ACCEPTED: accepted } : {}),
        ...(withdrawn > 0 ? { CLAIM_WITHDRAWN: withdrawn, HANDOFF_LAPSED: withdrawn, REOPENED: 1 } : {}),
      });
      await expectRequestConsistent(databaseUrl, requestKey);
    }
    expect(outcomes.accepted + outcomes.withdrawn).toBe(36);
  });

  test('accepted while the requester cancels: either the new claim is declined with the others, or the offer lapsed first', async ({
    databaseUrl,
  }) => {
    for (let round = 0; round < 6; round++) {
      const { request, handOffs } = await offeredClaims(ids.slice(0, 1), ids.slice(3, 4), tomorrow(4));
      const [acceptance, cancellation] = await Promise.all([
        gql(server(round).url, AcceptClaimHandOffDocument, { id: handOffs[0] }, owner.token),
        gql(server(round + 1).url, CancelHelpRequestDocument, { id: request.id }, requester.owner.token),
      ]);
      expect(codes(cancellation)).toEqual([]);
      const [row] = await query<{ hand_off: string; active: number; declined: number }>(
        databaseUrl,
        `SELECT o.status AS hand_off,
                (SELECT count(*)::int FROM claim WHERE request_id = o.request_id AND status = 'ACTIVE') AS active,
                (SELECT count(*)::int FROM claim WHERE request_id = o.request_id AND status = 'DECLINED') AS declined
           FROM claim_handoff o WHERE o.id = $1`,
        [key(handOffs[0])],
      );
      if (acceptance.body.data?.acceptClaimHandOff) expect(row).toEqual({ hand_off: 'ACCEPTED', active: 0, declined: 1 });
      else {
        expect(codes(acceptance)).toEqual(['REQUEST_NOT_OPEN']);
        expect(row).toEqual({ hand_off: 'LAPSED', active: 0, declined: 1 });
      }
      await expectRequestConsistent(databaseUrl, key(request.id));
    }
  });

  test('offers lapse when their slot starts: by the expiry job of either instance, exactly one HANDOFF_LAPSED each', async ({
    databaseUrl,
  }) => {
    const start = new Date(Date.now() + 4000);
    const slot: SlotInput = { startsAt: start.toISOString(), endsAt: hoursFromNow(4), capacity: 6 };
    const made = await Promise.all(Array.from({ length: 4 }, () => offeredClaims(ids.slice(0, 3), ids.slice(3, 6), slot)));
    const handOffKeys = made.flatMap((m) => m.handOffs.map(key));
    // Still OFFERED before the start.
    const [early] = await query<{ n: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n FROM claim_handoff WHERE id = ANY($1) AND status = 'OFFERED'`,
      [handOffKeys],
    );
    expect(early.n).toBe(handOffKeys.length);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [left] = await query<{ n: number }>(
        databaseUrl,
        `SELECT count(*)::int AS n FROM claim_handoff WHERE id = ANY($1) AND status = 'OFFERED'`,
        [handOffKeys],
      );
      if (left.n === 0) break;
      expect(Date.now(), 'offers still OFFERED long after their slot started').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lapsed = await query<{ status: string; late: boolean; events: number; actors: number }>(
      databaseUrl,
      `SELECT o.status, o.decided_at >= o.lapses_at AS late,
              (SELECT count(*)::int FROM request_event e WHERE e.hand_off_id = o.id AND e.type = 'HANDOFF_LAPSED') AS events,
              (SELECT count(*)::int FROM request_event e WHERE e.hand_off_id = o.id AND e.type = 'HANDOFF_LAPSED' AND e.actor_id IS NULL) AS actors
         FROM claim_handoff o WHERE o.id = ANY($1)`,
      [handOffKeys],
    );
    expect(lapsed).toEqual(handOffKeys.map(() => ({ status: 'LAPSED', late: true, events: 1, actors: 1 })));
    for (const { request } of made) {
      // The claims are untouched: still ACTIVE, the request still FILLED.
      const [row] = await query<{ status: string; active_claims: number }>(
        databaseUrl,
        `SELECT status, active_claims FROM help_request WHERE id = $1`,
        [key(request.id)],
      );
      expect(row).toEqual({ status: 'FILLED', active_claims: 3 });
      await expectRequestConsistent(databaseUrl, key(request.id));
    }
  });
});
