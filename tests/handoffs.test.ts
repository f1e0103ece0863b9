/**
 * Hand-offs end to end (issue 14, items 4 and 5), over real HTTP and graphql-ws
 * on PostgreSQL: offer, accept and decline with the totals exact (the slot's
 * and the request's claimed never change; FILLED stays FILLED), ALREADY_CLAIMED,
 * who may do what in api.md's order of checks, the offer lapsing when the holder
 * withdraws or is declined, when the request is cancelled or completed and when
 * the slot starts, the events and versions, the offered association's contact
 * and event filters, and the giver's assignments ended. The expiry job's part
 * and the races are in handoffs.race.test.ts (two processes).
 */
import { randomUUID } from 'node:crypto';
import { codes, dataOf, gql, type GraphQLResponse } from './support/client.js';
import { errorOf, headCursor } from './support/events.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createOrg, signUp, type Org, type Persona } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { expectRequestConsistent } from './support/invariants.js';
import { query } from './support/pg.js';
import { subscribeEvents } from './support/subscriptions.js';
import { decodeGlobalId, toGlobalId } from '../src/shared/global-id.js';
import {
  AcceptClaimHandOffDocument,
  AddVolunteerDocument,
  AssignVolunteersDocument,
  AssociationHandOffsDocument,
  ClaimHandOffsDocument,
  CancelHelpRequestDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  DeclineClaimHandOffDocument,
  DeclineClaimWithReasonDocument,
  HandOffEventsDocument,
  HandOffNodeDocument,
  HandOffTotalsDocument,
  OfferClaimHandOffDocument,
  RequestContactDocument,
  WithdrawClaimWithReasonDocument,
  type OfferClaimHandOffInput,
  type RequestEventType,
  type SlotInput,
} from './generated/graphql.js';

// The expiry job stays out of this file's way (its part is in handoffs.race.test.ts): offers lapse here by accept only.
test.override('serverEnv', { EXPIRY_INTERVAL_MS: '86400000' });

const HANDOFF_TYPES: RequestEventType[] = ['HANDOFF_OFFERED', 'HANDOFF_ACCEPTED', 'HANDOFF_DECLINED', 'HANDOFF_LAPSED'];
const EVERY_TYPE: RequestEventType[] = [
  'POSTED',
  'UPDATED',
  'CLAIMED',
  'CLAIM_WITHDRAWN',
  'CLAIM_DECLINED',
  'FILLED',
  'REOPENED',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
  ...HANDOFF_TYPES,
];

/** The requesting association, with a key. */
let requester: Org;
/** The association holding the claims handed off, with a key and a MEMBER. */
let holder: Org;
let holderKey: { id: string; secret: string };
let holderMember: Persona;
/** The association offered them, with a key and a MEMBER. */
let receiver: Org;
let receiverKey: { id: string; secret: string };
let receiverMember: Persona;
/** A third verified association, and an unverified one. */
let third: Org;
let unverified: Org;
let outsider: Persona;
let adminToken: string;

test.beforeAll(async ({ url, adminToken: admin }) => {
  adminToken = admin;
  [requester, holder, receiver, third, unverified] = await Promise.all([
    createOrg(url, admin, { name: `互助协会 ${randomUUID().slice(0, 4)}` }),
    createOrg(url, admin, { name: `僰乡义工协会 ${randomUUID().slice(0, 4)}` }),
    createOrg(url, admin, { name: `象棋协会 ${randomUUID().slice(0, 4)}` }),
    createOrg(url, admin),
    createOrg(url, null),
  ]);
  [holderMember, receiverMember, outsider] = await Promise.all([signUp(url, 'Member'), signUp(url, 'Member'), signUp(url, 'Outsider')]);
  expect((await addMember(url, holder.owner.token, holder.id, holderMember.email, 'MEMBER')).body.errors).toBeUndefined();
  expect((await addMember(url, receiver.owner.token, receiver.id, receiverMember.email, 'MEMBER')).body.errors).toBeUndefined();
  [holderKey, receiverKey] = await Promise.all([
    createApiKey(url, holder.owner.token, holder.id),
    createApiKey(url, receiver.owner.token, receiver.id),
  ]);
});

/** Night shifts far apart from each other's, so that volunteers never overlap by accident: the k-th day from now. */
let nextDay = 1;
function night(capacity = 3, day = nextDay++): SlotInput {
  return { label: `第${day}晚`, startsAt: hoursFromNow(24 * day), endsAt: hoursFromNow(24 * day + 12), capacity };
}

const CONTACT = '病房 12 床，家属 138-0000-0001';

/** A request of `requester` with `slots`, and a claim of `quantity` by `by` on its first slot. */
async function claimed(url: string, quantity = 3, slots: SlotInput[] = [night(quantity)], by: Org = holder) {
  const request = await postRequest(url, requester.coordinator.token, requester.id, {
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    contact: CONTACT,
    slots,
  });
  const claimId = await claim(url, by, request.slots[0].id, quantity);
  return { requestId: request.id, slotId: request.slots[0].id, claimId, request };
}

async function claim(url: string, by: Org, slotId: string, quantity: number): Promise<string> {
  return dataOf(await gql(url, ClaimDocument, { input: { slotId, associationId: by.id, quantity } }, by.coordinator.token)).claim.id;
}

const offer = (url: string, token: string | undefined, input: OfferClaimHandOffInput) =>
  gql(url, OfferClaimHandOffDocument, { input }, token);
const accept = (url: string, token: string | undefined, id: string) => gql(url, AcceptClaimHandOffDocument, { id }, token);
const decline = (url: string, token: string | undefined, id: string, reason?: string | null) =>
  gql(url, DeclineClaimHandOffDocument, { id, reason }, token);

/** Offers `claimId` to `to` (by the holder's coordinator); the hand-off. */
async function offered(url: string, claimId: string, to: Org = receiver, note: string | null = null) {
  return dataOf(await offer(url, holder.coordinator.token, { claimId, toAssociationId: to.id, note })).offerClaimHandOff;
}

const totals = async (url: string, id: string) => dataOf(await gql(url, HandOffTotalsDocument, { id })).helpRequest!;
const handOff = async (url: string, id: string) => {
  const { node } = dataOf(await gql(url, HandOffNodeDocument, { id }));
  if (node?.__typename !== 'ClaimHandOff') throw new Error('not a hand-off');
  return node;
};
const handOffCount = async (url: string, claimId: string) => {
  const { node } = dataOf(await gql(url, ClaimHandOffsDocument, { id: claimId }));
  return node?.__typename === 'Claim' ? node.handOffs.length : -1;
};
const contactFor = async (url: string, requestId: string, token?: string) =>
  dataOf(await gql(url, RequestContactDocument, { id: requestId }, token)).helpRequest!.contact;
const events = async (url: string, requestId: string, types: RequestEventType[] = EVERY_TYPE) =>
  dataOf(await gql(url, HandOffEventsDocument, { filter: { requestIds: [requestId], types } })).requestEvents.edges.map((e) => e.node);
const ghost = (type: 'Claim' | 'Association' | 'ClaimHandOff') => toGlobalId(type, randomUUID());
const key = (id: string) => decodeGlobalId(id, 'id').key;
const refusal = (response: GraphQLResponse<unknown>) => [codes(response), errorOf(response)?.field];

/** What a refused call must leave as it was: claims, hand-offs, totals, events and version of the request. */
async function snapshot(databaseUrl: string, requestId: string) {
  const [row] = await query<Record<string, unknown>>(
    databaseUrl,
    `SELECT (SELECT json_agg(json_build_object('id', id, 'status', status, 'association', association_id) ORDER BY claimed_at, id)
               FROM claim WHERE request_id = $1) AS claims,
            (SELECT json_agg(json_build_object('id', id, 'status', status) ORDER BY offered_at, id)
               FROM claim_handoff WHERE request_id = $1) AS hand_offs,
            (SELECT json_agg(claimed ORDER BY position) FROM slot WHERE request_id = $1) AS slots,
            (SELECT count(*)::int FROM request_event WHERE request_id = $1) AS events,
            h.status, h.claimed, h.active_claims, h.version
       FROM help_request h WHERE h.id = $1`,
    [key(requestId)],
  );
  return row;
}

describe('offer and accept', () => {
  test('the receiver gets an ACTIVE claim of the same quantity; the giver is WITHDRAWN (HANDED_OFF); totals, FILLED and activeClaims unchanged', async ({
    url,
    databaseUrl,
  }) => {
    // Night 1 needs 3 guards; 僰乡义工协会 takes all 3 places: FILLED.
    const { requestId, slotId, claimId, request } = await claimed(url, 3);
    const before = await totals(url, requestId);
    expect(before).toMatchObject({ status: 'FILLED', claimed: 3, remaining: 0, slots: [{ id: slotId, claimed: 3, remaining: 0 }] });

    // It names two volunteers, then can no longer staff the night and offers it to 象棋协会.
    const volunteers = await Promise.all(
      ['陈刚', '王丽'].map(
        async (name) =>
          dataOf(await gql(url, AddVolunteerDocument, { input: { associationId: holder.id, name } }, holder.coordinator.token)).addVolunteer
            .id,
      ),
    );
    expect(
      codes(await gql(url, AssignVolunteersDocument, { input: { claimId, volunteerIds: volunteers } }, holder.coordinator.token)),
    ).toEqual([]);
    const made = await offered(url, claimId, receiver, '我们凑不齐人手，请接手');
    expect(made).toMatchObject({
      status: 'OFFERED',
      note: '我们凑不齐人手，请接手',
      reason: null,
      decidedAt: null,
      lapsesAt: request.slots[0].startsAt,
      from: { id: holder.id },
      to: { id: receiver.id },
      claim: { id: claimId, status: 'ACTIVE', quantity: 3, handedTo: null, assigned: 2 },
      newClaim: null,
    });
    expect((await totals(url, requestId)).version).toBe(before.version + 1);

    // Accepted by the receiver's API key.
    const { acceptClaimHandOff: accepted } = dataOf(await accept(url, receiverKey.secret, made.id));
    expect(accepted).toMatchObject({
      id: made.id,
      status: 'ACCEPTED',
      claim: { id: claimId, status: 'WITHDRAWN', endReason: 'HANDED_OFF', assigned: 0, association: { id: holder.id } },
      newClaim: { status: 'ACTIVE', quantity: 3, association: { id: receiver.id }, slot: { id: slotId } },
    });
    expect(accepted.decidedAt).not.toBeNull();
    expect(accepted.claim.endedAt).toBe(accepted.decidedAt);
    expect(accepted.claim.handedTo?.id).toBe(accepted.newClaim?.id);
    expect(accepted.claim.request).toEqual({ status: 'FILLED', claimed: 3, remaining: 0, version: before.version + 2 });

    const after = await totals(url, requestId);
    expect(after).toMatchObject({ status: 'FILLED', claimed: 3, remaining: 0, slots: [{ id: slotId, claimed: 3, remaining: 0 }] });
    expect(after.claims.map((c) => [c.status, c.quantity, c.endReason, c.association.id, c.handedTo?.id ?? null])).toEqual([
      ['WITHDRAWN', 3, 'HANDED_OFF', holder.id, accepted.newClaim!.id],
      ['ACTIVE', 3, null, receiver.id, null],
    ]);
    expect(after.claims[0].handOffs).toEqual([{ id: made.id, status: 'ACCEPTED' }]);
    expect(after.claims[1].handOffs).toEqual([]);

    // The giver's volunteers are released (the trigger of migration 0800, in the same transaction).
    const assignments = await query<{ ended: boolean; end_reason: string | null }>(
      databaseUrl,
      `SELECT ended_at IS NOT NULL AS ended, end_reason FROM assignment WHERE claim_id = $1`,
      [key(claimId)],
    );
    expect(assignments).toEqual([
      { ended: true, end_reason: 'CLAIM_ENDED' },
      { ended: true, end_reason: 'CLAIM_ENDED' },
    ]);
    const [row] = await query<{ active_claims: number; handed: string; new_claim: string }>(
      databaseUrl,
      `SELECT h.active_claims, c.handed_to_claim_id AS handed, o.new_claim_id AS new_claim
         FROM help_request h JOIN claim c ON c.request_id = h.id JOIN claim_handoff o ON o.claim_id = c.id WHERE c.id = $1`,
      [key(claimId)],
    );
    expect(row).toEqual({ active_claims: 1, handed: key(accepted.newClaim!.id), new_claim: key(accepted.newClaim!.id) });
    await expectRequestConsistent(databaseUrl, key(requestId));

    // Events: CLAIMED, FILLED (the original ten), then the hand-off's two, each with its hand-off, claim and actor.
    expect((await events(url, requestId)).map((e) => [e.type, e.claim?.id ?? null, e.handOff?.id ?? null, e.actor?.id ?? null])).toEqual([
      ['POSTED', null, null, requester.id],
      ['CLAIMED', claimId, null, holder.id],
      ['FILLED', null, null, holder.id],
      ['HANDOFF_OFFERED', claimId, made.id, holder.id],
      ['HANDOFF_ACCEPTED', claimId, made.id, receiver.id],
    ]);
    // A filter without types gets the original ten only.
    const plain = dataOf(await gql(url, HandOffEventsDocument, { filter: { requestIds: [requestId] } })).requestEvents.edges;
    expect(plain.map((e) => e.node.type)).toEqual(['POSTED', 'CLAIMED', 'FILLED']);

    // The receiver can hand it on again; the original holder's claim cannot be offered any more.
    const onward = await offer(url, receiver.coordinator.token, { claimId: accepted.newClaim!.id, toAssociationId: third.id });
    expect(onward.body.data?.offerClaimHandOff.status).toBe('OFFERED');
    expect(refusal(await offer(url, holder.coordinator.token, { claimId, toAssociationId: third.id }))).toEqual([
      ['BAD_USER_INPUT'],
      'input.claimId',
    ]);
  });

  test('on an OPEN request with room: OPEN stays OPEN, totals unchanged; by OWNER, COORDINATOR, key and administrator', async ({
    url,
    databaseUrl,
  }) => {
    const { requestId, claimId } = await claimed(url, 2, [night(5)]);
    const made = await offered(url, claimId);
    expect(codes(await accept(url, receiver.owner.token, made.id))).toEqual([]);
    expect(await totals(url, requestId)).toMatchObject({ status: 'OPEN', claimed: 2, remaining: 3, slots: [{ claimed: 2 }] });
    await expectRequestConsistent(databaseUrl, key(requestId));

    // Offered by the holder's key and by an administrator; accepted by the receiver's coordinator and an administrator.
    const second = await claimed(url, 1);
    const byKey = dataOf(await offer(url, holderKey.secret, { claimId: second.claimId, toAssociationId: receiver.id })).offerClaimHandOff;
    expect(codes(await accept(url, receiver.coordinator.token, byKey.id))).toEqual([]);
    const third_ = await claimed(url, 1);
    const byAdmin = dataOf(await offer(url, adminToken, { claimId: third_.claimId, toAssociationId: receiver.id })).offerClaimHandOff;
    expect(codes(await accept(url, adminToken, byAdmin.id))).toEqual([]);
  });

  test('ALREADY_CLAIMED: offering to, or accepting by, an association that already holds an ACTIVE claim on the slot', async ({
    url,
    databaseUrl,
  }) => {
    const { requestId, slotId, claimId } = await claimed(url, 2, [night(4)]);
    // At the offer.
    const theirs = await claim(url, receiver, slotId, 1);
    const before = await snapshot(databaseUrl, requestId);
    const refused = await offer(url, holder.coordinator.token, { claimId, toAssociationId: receiver.id });
    expect(refusal(refused)).toEqual([['ALREADY_CLAIMED'], undefined]);
    expect(await snapshot(databaseUrl, requestId)).toEqual(before);

    // At the acceptance: offered first, claimed on the slot afterwards.
    expect(codes(await gql(url, WithdrawClaimWithReasonDocument, { id: theirs }, receiver.coordinator.token))).toEqual([]);
    const made = await offered(url, claimId);
    await claim(url, receiver, slotId, 1);
    const pending = await snapshot(databaseUrl, requestId);
    expect(refusal(await accept(url, receiver.coordinator.token, made.id))).toEqual([['ALREADY_CLAIMED'], undefined]);
    expect(await snapshot(databaseUrl, requestId)).toEqual(pending);
    expect((await handOff(url, made.id)).status).toBe('OFFERED');
    await expectRequestConsistent(databaseUrl, key(requestId));
  });
});

describe('decline', () => {
  test('DECLINED with the reason kept, HANDOFF_DECLINED; the claim stays with its holder and may be offered again', async ({
    url,
    databaseUrl,
  }) => {
    const { requestId, claimId } = await claimed(url, 2);
    const made = await offered(url, claimId);
    const before = await totals(url, requestId);
    const { declineClaimHandOff: declined } = dataOf(await decline(url, receiver.coordinator.token, made.id, '  那晚我们也有任务  '));
    expect(declined).toMatchObject({ status: 'DECLINED', reason: '那晚我们也有任务', newClaim: null, claim: { status: 'ACTIVE' } });
    expect(declined.decidedAt).not.toBeNull();
    const after = await totals(url, requestId);
    expect(after).toMatchObject({ status: before.status, claimed: before.claimed, version: before.version + 1 });
    expect(after.claims.map((c) => [c.status, c.association.id])).toEqual([['ACTIVE', holder.id]]);

    // Neither accepted nor declined again: BAD_USER_INPUT naming its status.
    for (const response of [
      await accept(url, receiver.coordinator.token, made.id),
      await decline(url, receiver.coordinator.token, made.id),
    ]) {
      expect(refusal(response)).toEqual([['BAD_USER_INPUT'], 'id']);
      expect(response.body.errors![0].message).toContain('DECLINED');
    }
    // Offered again, to another association, by the key.
    const again = dataOf(await offer(url, holderKey.secret, { claimId, toAssociationId: third.id })).offerClaimHandOff;
    expect(codes(await decline(url, third.owner.token, again.id))).toEqual([]);
    expect((await events(url, requestId, HANDOFF_TYPES)).map((e) => [e.type, e.handOff?.id, e.actor?.id])).toEqual([
      ['HANDOFF_OFFERED', made.id, holder.id],
      ['HANDOFF_DECLINED', made.id, receiver.id],
      ['HANDOFF_OFFERED', again.id, holder.id],
      ['HANDOFF_DECLINED', again.id, third.id],
    ]);
    expect((await totals(url, requestId)).claims[0].handOffs).toEqual([
      { id: made.id, status: 'DECLINED' },
      { id: again.id, status: 'DECLINED' },
    ]);
    await expectRequestConsistent(databaseUrl, key(requestId));
  });
  test('a claim is offered at most 20 times, declined and lapsed offers included (BAD_USER_INPUT)', async ({ url }) => {
    const { claimId } = await claimed(url, 1);
    for (let i = 0; i < 20; i++)
      expect(codes(await decline(url, receiver.coordinator.token, (await offered(url, claimId)).id))).toEqual([]);
    expect(refusal(await offer(url, holder.coordinator.token, { claimId, toAssociationId: receiver.id }))).toEqual([
      ['BAD_USER_INPUT'],
      'input.claimId',
    ]);
    expect(await handOffCount(url, claimId)).toBe(20);
  });
});

describe('order of checks', () => {
  test('offerClaimHandOff: UNAUTHENTICATED, shape, NOT_FOUND, FORBIDDEN, then state; a refusal changes nothing', async ({
    url,
    databaseUrl,
  }) => {
    const { requestId, claimId } = await claimed(url, 2);
    const input = { claimId, toAssociationId: receiver.id };
    const before = await snapshot(databaseUrl, requestId);
    expect(codes(await offer(url, undefined, input))).toEqual(['UNAUTHENTICATED']);
    const cases: [string, OfferClaimHandOffInput, string, string | undefined][] = [
      [outsider.token, { ...input, claimId: 'nope' }, 'BAD_USER_INPUT', 'input.claimId'],
      [outsider.token, { ...input, toAssociationId: 'nope' }, 'BAD_USER_INPUT', 'input.toAssociationId'],
      [outsider.token, { ...input, note: 'x'.repeat(501) }, 'BAD_USER_INPUT', 'input.note'],
      [outsider.token, { ...input, claimId: ghost('Claim') }, 'NOT_FOUND', undefined],
      [outsider.token, { ...input, claimId: requestId }, 'NOT_FOUND', undefined],
      [outsider.token, { ...input, toAssociationId: ghost('Association') }, 'NOT_FOUND', undefined],
      [outsider.token, input, 'FORBIDDEN', undefined],
      [holderMember.token, input, 'FORBIDDEN', undefined],
      [receiver.owner.token, input, 'FORBIDDEN', undefined],
      [receiverKey.secret, input, 'FORBIDDEN', undefined],
      [requester.coordinator.token, input, 'FORBIDDEN', undefined],
      [holder.coordinator.token, { ...input, toAssociationId: unverified.id }, 'FORBIDDEN', undefined],
      [holder.coordinator.token, { ...input, toAssociationId: requester.id }, 'FORBIDDEN', undefined],
      [holder.coordinator.token, { ...input, toAssociationId: holder.id }, 'BAD_USER_INPUT', 'input.toAssociationId'],
    ];
    for (const [token, variables, code, field] of cases) {
      expect(refusal(await offer(url, token, variables)), `${code} ${JSON.stringify(variables)}`).toEqual([[code], field]);
    }
    expect(await snapshot(databaseUrl, requestId)).toEqual(before);

    // State: one OFFERED at a time; a claim that is not ACTIVE; a closed request (REQUEST_NOT_OPEN first).
    await offered(url, claimId);
    expect(refusal(await offer(url, holder.coordinator.token, { ...input, toAssociationId: third.id }))).toEqual([
      ['BAD_USER_INPUT'],
      'input.claimId',
    ]);
    const withdrawn = await claimed(url, 1);
    expect(codes(await gql(url, WithdrawClaimWithReasonDocument, { id: withdrawn.claimId }, holder.coordinator.token))).toEqual([]);
    const notActive = await offer(url, holder.coordinator.token, { claimId: withdrawn.claimId, toAssociationId: receiver.id });
    expect(refusal(notActive)).toEqual([['BAD_USER_INPUT'], 'input.claimId']);
    expect(notActive.body.errors![0].message).toContain('WITHDRAWN');
    const closed = await claimed(url, 1);
    expect(codes(await gql(url, CancelHelpRequestDocument, { id: closed.requestId }, requester.coordinator.token))).toEqual([]);
    expect(codes(await offer(url, holder.coordinator.token, { claimId: closed.claimId, toAssociationId: receiver.id }))).toEqual([
      'REQUEST_NOT_OPEN',
    ]);
    // A slot that has started (it is still claimable until it ends).
    const started = await claimed(url, 1, [{ startsAt: hoursFromNow(-1), endsAt: hoursFromNow(2), capacity: 1 }]);
    const late = await offer(url, holder.coordinator.token, { claimId: started.claimId, toAssociationId: receiver.id });
    expect(refusal(late)).toEqual([['BAD_USER_INPUT'], 'input.claimId']);
    // A slot without times never lapses by the clock.
    const untimed = await claimed(url, 1, [{ capacity: 2 }]);
    expect((await offered(url, untimed.claimId)).lapsesAt).toBeNull();
  });

  test('acceptClaimHandOff and declineClaimHandOff: UNAUTHENTICATED, shape, NOT_FOUND, FORBIDDEN, then state', async ({
    url,
    databaseUrl,
  }) => {
    const { requestId, claimId } = await claimed(url, 2);
    const made = await offered(url, claimId);
    const before = await snapshot(databaseUrl, requestId);
    for (const act of [
      (token: string | undefined, id: string) => accept(url, token, id),
      (token: string | undefined, id: string) => decline(url, token, id),
    ]) {
      expect(codes(await act(undefined, made.id))).toEqual(['UNAUTHENTICATED']);
      const cases: [string, string, string, string | undefined][] = [
        [outsider.token, 'nope', 'BAD_USER_INPUT', 'id'],
        [outsider.token, ghost('ClaimHandOff'), 'NOT_FOUND', undefined],
        [outsider.token, claimId, 'NOT_FOUND', undefined],
        [outsider.token, made.id, 'FORBIDDEN', undefined],
        [receiverMember.token, made.id, 'FORBIDDEN', undefined],
        [holder.coordinator.token, made.id, 'FORBIDDEN', undefined],
        [holderKey.secret, made.id, 'FORBIDDEN', undefined],
        [requester.owner.token, made.id, 'FORBIDDEN', undefined],
      ];
      for (const [token, id, code, field] of cases) expect(refusal(await act(token, id)), `${code} ${id}`).toEqual([[code], field]);
    }
    // The reason's shape comes before the hand-off is looked up.
    expect(refusal(await decline(url, outsider.token, ghost('ClaimHandOff'), 'x'.repeat(501)))).toEqual([['BAD_USER_INPUT'], 'reason']);
    expect(await snapshot(databaseUrl, requestId)).toEqual(before);
  });
});

describe('lapse', () => {
  test('the holder withdraws, or the requester declines its claim: the offer is WITHDRAWN, one HANDOFF_LAPSED after the claim event', async ({
    url,
    databaseUrl,
  }) => {
    for (const [end, actor] of [
      [
        (claimId: string) => gql(url, WithdrawClaimWithReasonDocument, { id: claimId, reason: '临时有事' }, holder.coordinator.token),
        holder,
      ],
      [(claimId: string) => gql(url, DeclineClaimWithReasonDocument, { id: claimId }, requester.coordinator.token), requester],
    ] as const) {
      const { requestId, claimId } = await claimed(url, 3);
      const made = await offered(url, claimId);
      expect(codes(await end(claimId))).toEqual([]);
      const ended = await handOff(url, made.id);
      expect(ended.status).toBe('WITHDRAWN');
      expect(ended.decidedAt).toBe(ended.claim.endedAt);
      const kinds = (await events(url, requestId)).slice(4).map((e) => [e.type, e.handOff?.id ?? null, e.actor?.id ?? null]);
      expect(kinds).toEqual([
        [actor === holder ? 'CLAIM_WITHDRAWN' : 'CLAIM_DECLINED', null, actor.id],
        ['REOPENED', null, actor.id],
        ['HANDOFF_LAPSED', made.id, actor.id],
      ]);
      const late = await accept(url, receiver.coordinator.token, made.id);
      expect(refusal(late)).toEqual([['BAD_USER_INPUT'], 'id']);
      expect(late.body.errors![0].message).toContain('WITHDRAWN');
      expect(await totals(url, requestId)).toMatchObject({ status: 'OPEN', claimed: 0 });
      await expectRequestConsistent(databaseUrl, key(requestId));
    }
  });

  test('the request is cancelled or completed: the offer is LAPSED after CANCELLED or COMPLETED; accepting it is REQUEST_NOT_OPEN', async ({
    url,
    databaseUrl,
  }) => {
    const cancel = (id: string) => gql(url, CancelHelpRequestDocument, { id, reason: '病人已出院' }, requester.coordinator.token);
    const complete = (id: string) => gql(url, CompleteHelpRequestDocument, { id, beneficiaries: 1 }, requester.coordinator.token);
    for (const [close, type] of [
      [cancel, 'CANCELLED'],
      [complete, 'COMPLETED'],
    ] as const) {
      const { requestId, claimId } = await claimed(url, 2, [night(2), night(2)]);
      const other = await claimed(url, 1);
      const made = await offered(url, claimId);
      const elsewhere = await offered(url, other.claimId); // on another request: untouched
      expect(codes(await close(requestId))).toEqual([]);
      expect((await handOff(url, made.id)).status).toBe('LAPSED');
      expect((await handOff(url, elsewhere.id)).status).toBe('OFFERED');
      expect((await events(url, requestId)).slice(-2).map((e) => [e.type, e.handOff?.id ?? null, e.actor?.id])).toEqual([
        [type, null, requester.id],
        ['HANDOFF_LAPSED', made.id, requester.id],
      ]);
      expect(codes(await accept(url, receiver.coordinator.token, made.id))).toEqual(['REQUEST_NOT_OPEN']);
      expect(codes(await decline(url, receiver.coordinator.token, made.id))).toEqual(['REQUEST_NOT_OPEN']);
      await expectRequestConsistent(databaseUrl, key(requestId));
    }
  });

  test('the slot starts: accepting (or declining) it then lapses it, commits HANDOFF_LAPSED, and is refused naming LAPSED', async ({
    url,
    databaseUrl,
  }) => {
    for (const act of [accept, decline]) {
      const soon = new Date(Date.now() + 1500);
      const { requestId, claimId } = await claimed(url, 1, [{ startsAt: soon.toISOString(), endsAt: hoursFromNow(3), capacity: 1 }]);
      const made = await offered(url, claimId);
      expect(made.lapsesAt).toBe(soon.toISOString());
      await new Promise((resolve) => setTimeout(resolve, soon.getTime() - Date.now() + 50));
      const before = await totals(url, requestId);
      const late = await act(url, receiver.coordinator.token, made.id);
      expect(refusal(late)).toEqual([['BAD_USER_INPUT'], 'id']);
      expect(late.body.errors![0].message).toContain('LAPSED');
      const lapsed = await handOff(url, made.id);
      expect([lapsed.status, lapsed.claim.status, lapsed.newClaim]).toEqual(['LAPSED', 'ACTIVE', null]);
      const after = await totals(url, requestId);
      expect(after).toMatchObject({ status: 'FILLED', claimed: 1, version: before.version + 1 });
      expect((await events(url, requestId, HANDOFF_TYPES)).map((e) => [e.type, e.actor])).toEqual([
        ['HANDOFF_OFFERED', { id: holder.id }],
        ['HANDOFF_LAPSED', null],
      ]);
      // Asked again: LAPSED, no second event.
      expect(refusal(await act(url, receiver.coordinator.token, made.id))).toEqual([['BAD_USER_INPUT'], 'id']);
      expect(await events(url, requestId, ['HANDOFF_LAPSED'])).toHaveLength(1);
      await expectRequestConsistent(databaseUrl, key(requestId));
    }
  });
});

describe('involvement', () => {
  test("the offered association sees the request's contact while the offer stands, in lists, relations and the live feed", async ({
    url,
    wsUrl,
  }) => {
    const { requestId, claimId } = await claimed(url, 2);
    for (const token of [receiver.owner.token, receiverMember.token, receiverKey.secret, third.owner.token]) {
      expect(await contactFor(url, requestId, token)).toBeNull();
    }
    const feed = subscribeEvents(
      wsUrl,
      { after: await headCursor(url), filter: { requestIds: [requestId], types: ['HANDOFF_OFFERED', 'HANDOFF_DECLINED'] } },
      receiverMember.token,
    );
    const made = await offered(url, claimId);
    // Any member of the offered association and its key, as for a claimant; not a third association.
    for (const token of [receiver.owner.token, receiverMember.token, receiverKey.secret]) {
      expect(await contactFor(url, requestId, token)).toBe(CONTACT);
    }
    expect(await contactFor(url, requestId, third.owner.token)).toBeNull();
    expect(await contactFor(url, requestId)).toBeNull();
    // Through a relation (the policy rather than the list's SQL): its inbox.
    const inbox = dataOf(
      await gql(url, AssociationHandOffsDocument, { id: receiver.id, status: 'OFFERED', first: 100 }, receiverKey.secret),
    ).association!.handOffsReceived;
    expect(inbox.edges.find((e) => e.node.id === made.id)?.node.claim.request.contact).toBe(CONTACT);
    const seenByThird = dataOf(
      await gql(url, AssociationHandOffsDocument, { id: receiver.id, status: 'OFFERED', first: 100 }, third.owner.token),
    ).association!.handOffsReceived;
    expect(seenByThird.edges.find((e) => e.node.id === made.id)?.node.claim.request.contact).toBeNull();
    // Live.
    await feed.waitFor((e) => e.type === 'HANDOFF_OFFERED');
    // Declined: the contact is hidden again.
    expect(codes(await decline(url, receiver.coordinator.token, made.id))).toEqual([]);
    expect(await contactFor(url, requestId, receiverMember.token)).toBeNull();
    await feed.close();
  });

  test('from the offer on, the offered association is involved: involvingAssociationId matches the offer and every later event', async ({
    url,
  }) => {
    const { requestId, claimId } = await claimed(url, 2);
    const involving = async (org: Org) =>
      dataOf(
        await gql(url, HandOffEventsDocument, { filter: { involvingAssociationId: org.id, requestIds: [requestId], types: EVERY_TYPE } }),
      ).requestEvents.edges.map((e) => e.node.type);
    expect(await involving(third)).toEqual([]);
    const made = await offered(url, claimId, third);
    expect(codes(await decline(url, third.coordinator.token, made.id))).toEqual([]);
    expect(codes(await gql(url, WithdrawClaimWithReasonDocument, { id: claimId }, holder.coordinator.token))).toEqual([]);
    // Stored when written: the events before the offer stay without it; declining does not undo it.
    expect(await involving(third)).toEqual(['HANDOFF_OFFERED', 'HANDOFF_DECLINED', 'CLAIM_WITHDRAWN', 'REOPENED']);
    expect(await involving(holder)).toEqual(['CLAIMED', 'FILLED', 'HANDOFF_OFFERED', 'HANDOFF_DECLINED', 'CLAIM_WITHDRAWN', 'REOPENED']);
  });
});

describe('lists', () => {
  test('Association.handOffsOffered and handOffsReceived: newest first, by status, paged, with totalCount', async ({ url }) => {
    const giver = await createOrg(url, adminToken);
    const taker = await createOrg(url, adminToken);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { claimId } = await claimed(url, 1, [night(1)], giver);
      made.push(dataOf(await offer(url, giver.coordinator.token, { claimId, toAssociationId: taker.id })).offerClaimHandOff.id);
    }
    expect(codes(await decline(url, taker.coordinator.token, made[1]))).toEqual([]);
    const page = async (id: string, status: 'OFFERED' | null) =>
      dataOf(await gql(url, AssociationHandOffsDocument, { id, status, first: 2 })).association!;
    const first = await page(giver.id, null);
    expect(first.handOffsOffered.totalCount).toBe(3);
    expect(first.handOffsOffered.edges.map((e) => e.node.id)).toEqual([made[2], made[1]]);
    expect(first.handOffsOffered.pageInfo.hasNextPage).toBe(true);
    expect(first.handOffsReceived.totalCount).toBe(0);
    const rest = dataOf(
      await gql(url, AssociationHandOffsDocument, { id: giver.id, first: 2, offeredAfter: first.handOffsOffered.pageInfo.endCursor }),
    ).association!.handOffsOffered;
    expect(rest.edges.map((e) => e.node.id)).toEqual([made[0]]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const pending = await page(taker.id, 'OFFERED');
    expect(pending.handOffsReceived.totalCount).toBe(2);
    expect(pending.handOffsReceived.edges.map((e) => [e.node.id, e.node.status])).toEqual([
      [made[2], 'OFFERED'],
      [made[0], 'OFFERED'],
    ]);
    // A cursor belongs to its list and filter.
    const cursor = first.handOffsOffered.pageInfo.endCursor;
    for (const variables of [
      { id: giver.id, status: 'OFFERED' as const, offeredAfter: cursor },
      { id: giver.id, receivedAfter: cursor },
      { id: taker.id, offeredAfter: cursor },
    ]) {
      const misused = await gql(url, AssociationHandOffsDocument, { first: 2, ...variables });
      expect(refusal(misused)).toEqual([['BAD_USER_INPUT'], 'after']);
    }
  });
});
