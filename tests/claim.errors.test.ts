/** Every error of claim, withdrawClaim and declineClaim, in api.md's order of checks, table-driven. */
import { codes, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createOrg, signUp, type Org } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import {
  CancelHelpRequestDocument,
  ClaimDocument,
  ClaimListsDocument,
  ClaimOutcomeDocument,
  CompleteHelpRequestDocument,
  DeclineClaimWithReasonDocument,
  RequestContactDocument,
  WithdrawClaimWithReasonDocument,
  type ClaimInput,
  type PostHelpRequestInput,
} from './generated/graphql.js';

let requester: Org;
let helper: Org;
let other: Org;
let unverified: Org;

test.beforeAll(async ({ url, adminToken }) => {
  [requester, helper, other] = await Promise.all([createOrg(url, adminToken), createOrg(url, adminToken), createOrg(url, adminToken)]);
  unverified = await createOrg(url, null);
});

const claimAs = (url: string, token: string, input: ClaimInput) => gql(url, ClaimDocument, { input }, token);
const open = (url: string, capacity = 3, extra: Partial<PostHelpRequestInput> = {}) =>
  postRequest(url, requester.coordinator.token, requester.id, { slots: [{ capacity }], ...extra });

describe('claim: order of checks', () => {
  test('UNAUTHENTICATED for anonymous callers, before anything else', async ({ url }) => {
    const response = await gql(url, ClaimDocument, { input: { slotId: 'garbage', associationId: 'garbage', quantity: 0 } });
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  test.for<[string, Partial<ClaimInput>, string]>([
    ['undecodable slotId', { slotId: '***' }, 'input.slotId'],
    ['undecodable associationId', { associationId: '***' }, 'input.associationId'],
    ['quantity 0', { quantity: 0 }, 'input.quantity'],
    ['quantity over 1,000,000', { quantity: 1_000_001 }, 'input.quantity'],
    ['a note over 500 characters', { note: '字'.repeat(501) }, 'input.note'],
    ['an empty idempotency key', { idempotencyKey: '  ' }, 'input.idempotencyKey'],
    ['an idempotency key over 200 characters', { idempotencyKey: 'k'.repeat(201) }, 'input.idempotencyKey'],
  ])('BAD_USER_INPUT for %s, even from an outsider', async ([, change, field], { url }) => {
    const request = await open(url);
    const outsider = await signUp(url);
    const response = await claimAs(url, outsider.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1, ...change });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  test('NOT_FOUND for ids naming nothing (a valid id of another type), before FORBIDDEN', async ({ url }) => {
    const request = await open(url);
    const outsider = await signUp(url);
    expect(codes(await claimAs(url, outsider.token, { slotId: request.id, associationId: helper.id, quantity: 1 }))).toEqual(['NOT_FOUND']);
    expect(codes(await claimAs(url, outsider.token, { slotId: request.slots[0].id, associationId: request.id, quantity: 1 }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  test('FORBIDDEN for a plain MEMBER, an outsider, another association’s key, an unverified claimant and the requester itself', async ({
    url,
    adminToken,
  }) => {
    const request = await open(url);
    const member = await signUp(url);
    await addMember(url, helper.owner.token, helper.id, member.email, 'MEMBER');
    const outsider = await signUp(url);
    const otherKey = await createApiKey(url, other.owner.token, other.id);
    const slotId = request.slots[0].id;
    expect(codes(await claimAs(url, member.token, { slotId, associationId: helper.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(url, outsider.token, { slotId, associationId: helper.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(url, otherKey.secret, { slotId, associationId: helper.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(url, unverified.owner.token, { slotId, associationId: unverified.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(url, adminToken, { slotId, associationId: unverified.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(url, requester.owner.token, { slotId, associationId: requester.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
  });

  test('allows the OWNER, a COORDINATOR, the association’s key and an administrator', async ({ url, adminToken }) => {
    const request = await open(url, 10);
    const key = await createApiKey(url, helper.owner.token, helper.id);
    const slotId = request.slots[0].id;
    for (const token of [helper.owner.token, helper.coordinator.token, key.secret, adminToken]) {
      const response = await claimAs(url, token, { slotId, associationId: helper.id, quantity: 1 });
      expect(response.body.data?.claim.status).toBe('ACTIVE');
      await gql(url, WithdrawClaimWithReasonDocument, { id: response.body.data!.claim.id }, token);
    }
  });

  test('replays a known key before state checks: a retry after the request filled returns the claim', async ({ url }) => {
    const request = await open(url, 2);
    const input = { slotId: request.slots[0].id, associationId: helper.id, quantity: 2, idempotencyKey: 'fill-it' };
    const first = await claimAs(url, helper.owner.token, input);
    const retry = await claimAs(url, helper.owner.token, input);
    expect(retry.body.data?.claim.id).toBe(first.body.data!.claim.id);
    expect(codes(await claimAs(url, helper.owner.token, { ...input, quantity: 1 }))).toEqual(['BAD_USER_INPUT']);
  });

  test('does not use the key up when the attempt fails', async ({ url }) => {
    const request = await open(url, 1);
    const input = { slotId: request.slots[0].id, associationId: helper.id, quantity: 2, idempotencyKey: 'too-much' };
    expect(codes(await claimAs(url, helper.owner.token, input))).toEqual(['CAPACITY_EXCEEDED']);
    const smaller = await claimAs(url, helper.owner.token, { ...input, quantity: 1 });
    expect(smaller.body.data?.claim.quantity).toBe(1);
  });

  test('state: REQUEST_NOT_OPEN (FILLED or closed), then an ended slot, then ALREADY_CLAIMED, then CAPACITY_EXCEEDED with remaining', async ({
    url,
  }) => {
    const filled = await open(url, 1);
    await claimAs(url, other.owner.token, { slotId: filled.slots[0].id, associationId: other.id, quantity: 1 });
    expect(codes(await claimAs(url, helper.owner.token, { slotId: filled.slots[0].id, associationId: helper.id, quantity: 1 }))).toEqual([
      'REQUEST_NOT_OPEN',
    ]);

    const cancelled = await open(url, 3);
    await gql(url, CancelHelpRequestDocument, { id: cancelled.id }, requester.owner.token);
    expect(codes(await claimAs(url, helper.owner.token, { slotId: cancelled.slots[0].id, associationId: helper.id, quantity: 1 }))).toEqual(
      ['REQUEST_NOT_OPEN'],
    );

    const past = await postRequest(url, requester.owner.token, requester.id, {
      slots: [{ startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-1), capacity: 3 }, { capacity: 3 }],
      endsAt: hoursFromNow(5),
    });
    const ended = await claimAs(url, helper.owner.token, { slotId: past.slots[0].id, associationId: helper.id, quantity: 1 });
    expect(ended.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.slotId' });

    const request = await open(url, 3);
    const slotId = request.slots[0].id;
    await claimAs(url, helper.owner.token, { slotId, associationId: helper.id, quantity: 1 });
    expect(codes(await claimAs(url, helper.owner.token, { slotId, associationId: helper.id, quantity: 5 }))).toEqual(['ALREADY_CLAIMED']);
    const over = await claimAs(url, other.owner.token, { slotId, associationId: other.id, quantity: 3 });
    expect(over.body.errors?.[0]?.extensions).toEqual({ code: 'CAPACITY_EXCEEDED', remaining: 2 });
  });
});

describe('withdrawClaim and declineClaim', () => {
  test('withdraw: by the claimant only; the reason is kept; a FILLED request reopens (filledAt kept)', async ({ url }) => {
    const request = await open(url, 2);
    const claim = await claimAs(url, helper.owner.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 2 });
    const id = claim.body.data!.claim.id;
    expect(codes(await gql(url, WithdrawClaimWithReasonDocument, { id }, requester.owner.token))).toEqual(['FORBIDDEN']);
    const withdrawn = await gql(url, WithdrawClaimWithReasonDocument, { id, reason: '家里有事' }, helper.coordinator.token);
    expect(withdrawn.body.data!.withdrawClaim).toMatchObject({
      status: 'WITHDRAWN',
      endReason: '家里有事',
      request: { status: 'OPEN', claimed: 0 },
    });
    expect(withdrawn.body.data!.withdrawClaim.request.filledAt).not.toBeNull();
    const again = await gql(url, WithdrawClaimWithReasonDocument, { id }, helper.owner.token);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('decline: by the requester only; REQUEST_NOT_OPEN on a closed request beats a claim that is not ACTIVE', async ({ url }) => {
    const request = await open(url, 3);
    const claim = await claimAs(url, helper.owner.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 });
    const id = claim.body.data!.claim.id;
    expect(codes(await gql(url, DeclineClaimWithReasonDocument, { id }, helper.owner.token))).toEqual(['FORBIDDEN']);
    const declined = await gql(url, DeclineClaimWithReasonDocument, { id, reason: '人已够' }, requester.coordinator.token);
    expect(declined.body.data!.declineClaim).toEqual({ status: 'DECLINED', endReason: '人已够' });
    await gql(url, CompleteHelpRequestDocument, { id: request.id, beneficiaries: 1 }, requester.owner.token);
    expect(codes(await gql(url, DeclineClaimWithReasonDocument, { id }, requester.owner.token))).toEqual(['REQUEST_NOT_OPEN']);
  });

  test('cancel declines ACTIVE claims with the reason; complete fulfils them', async ({ url }) => {
    const cancelled = await open(url, 3);
    const c1 = await claimAs(url, helper.owner.token, { slotId: cancelled.slots[0].id, associationId: helper.id, quantity: 1 });
    await gql(url, CancelHelpRequestDocument, { id: cancelled.id, reason: '天气原因' }, requester.owner.token);
    const afterCancel = await gql(url, ClaimOutcomeDocument, { id: c1.body.data!.claim.id });
    expect(afterCancel.body.data!.node).toEqual({ status: 'DECLINED', endReason: '天气原因', slot: { claimed: 0 } });

    const completed = await open(url, 3);
    const c2 = await claimAs(url, helper.owner.token, { slotId: completed.slots[0].id, associationId: helper.id, quantity: 2 });
    await gql(url, CompleteHelpRequestDocument, { id: completed.id, beneficiaries: 12, outcome: '顺利' }, requester.owner.token);
    const afterComplete = await gql(url, ClaimOutcomeDocument, { id: c2.body.data!.claim.id });
    expect(afterComplete.body.data!.node).toMatchObject({ status: 'FULFILLED', slot: { claimed: 2 } });
  });

  test('contact is visible to claimants with ACTIVE or FULFILLED claims, not to withdrawn ones', async ({ url }) => {
    const request = await open(url, 3, { contact: '陈刚 138-0000-0000' });
    const contact = async () =>
      (await gql(url, RequestContactDocument, { id: request.id }, helper.owner.token)).body.data!.helpRequest!.contact;
    expect(await contact()).toBeNull();
    const claim = await claimAs(url, helper.coordinator.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 });
    expect(await contact()).toBe('陈刚 138-0000-0000');
    await gql(url, WithdrawClaimWithReasonDocument, { id: claim.body.data!.claim.id }, helper.owner.token);
    expect(await contact()).toBeNull();
  });

  test('lists claims: Association.claims newest first with status filter; HelpRequest.claims and Slot.claims oldest first', async ({
    url,
  }) => {
    const request = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 5 }, { capacity: 5 }] });
    const first = await claimAs(url, helper.owner.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 });
    const second = await claimAs(url, helper.owner.token, { slotId: request.slots[1].id, associationId: helper.id, quantity: 2 });
    await gql(url, WithdrawClaimWithReasonDocument, { id: first.body.data!.claim.id }, helper.owner.token);
    const lists = await gql(url, ClaimListsDocument, { associationId: helper.id, requestId: request.id });
    const ids = [first.body.data!.claim.id, second.body.data!.claim.id];
    const { association, helpRequest } = lists.body.data!;
    expect(association!.claims.edges.map((e) => e.node.id)).toEqual([ids[1]]);
    expect(association!.claims.pageInfo.hasNextPage).toBe(true);
    expect(helpRequest!.claims.map((c) => c.id)).toEqual(ids);
    expect(helpRequest!.withdrawn.map((c) => c.id)).toEqual([ids[0]]);
    expect(helpRequest!.slots.map((s) => s.claims.map((c) => c.id))).toEqual([[ids[0]], [ids[1]]]);
  });
});
