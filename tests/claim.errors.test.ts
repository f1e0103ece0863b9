/** Every error of claim, withdrawClaim and declineClaim, in api.md's order of checks, table-driven. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { codes, gql } from './support/client.js';
import { ADMIN_ENV, addMember, asAdmin, createApiKey, createOrg, signUp, type Org } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { CLAIM } from './support/world.js';

let server: TestServer;
let url: string;
let adminToken: string;
let requester: Org;
let helper: Org;
let other: Org;
let unverified: Org;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), ADMIN_ENV);
  url = server.url;
  adminToken = await asAdmin(url);
  [requester, helper, other] = await Promise.all([createOrg(url, adminToken), createOrg(url, adminToken), createOrg(url, adminToken)]);
  unverified = await createOrg(url, null);
});
afterAll(() => server?.stop());

const claimAs = (token: string, input: Record<string, unknown>) => gql(url, CLAIM, { input }, token);
const open = (capacity = 3, extra: Record<string, unknown> = {}) =>
  postRequest(url, requester.coordinator.token, requester.id, { slots: [{ capacity }], ...extra });

describe('claim: order of checks', () => {
  it('UNAUTHENTICATED for anonymous callers, before anything else', async () => {
    const response = await gql(url, CLAIM, { input: { slotId: 'garbage', associationId: 'garbage', quantity: 0 } });
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['undecodable slotId', { slotId: '***' }, 'input.slotId'],
    ['undecodable associationId', { associationId: '***' }, 'input.associationId'],
    ['quantity 0', { quantity: 0 }, 'input.quantity'],
    ['quantity over 1,000,000', { quantity: 1_000_001 }, 'input.quantity'],
    ['a note over 500 characters', { note: '字'.repeat(501) }, 'input.note'],
    ['an empty idempotency key', { idempotencyKey: '  ' }, 'input.idempotencyKey'],
    ['an idempotency key over 200 characters', { idempotencyKey: 'k'.repeat(201) }, 'input.idempotencyKey'],
  ])('BAD_USER_INPUT for %s, even from an outsider', async (_name, change, field) => {
    const request = await open();
    const outsider = await signUp(url);
    const response = await claimAs(outsider.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1, ...change });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('NOT_FOUND for ids naming nothing (a valid id of another type), before FORBIDDEN', async () => {
    const request = await open();
    const outsider = await signUp(url);
    expect(codes(await claimAs(outsider.token, { slotId: request.id, associationId: helper.id, quantity: 1 }))).toEqual(['NOT_FOUND']);
    expect(codes(await claimAs(outsider.token, { slotId: request.slots[0].id, associationId: request.id, quantity: 1 }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('FORBIDDEN for a plain MEMBER, an outsider, another association’s key, an unverified claimant and the requester itself', async () => {
    const request = await open();
    const member = await signUp(url);
    await addMember(url, helper.owner.token, helper.id, member.email, 'MEMBER');
    const outsider = await signUp(url);
    const otherKey = await createApiKey(url, other.owner.token, other.id);
    const slotId = request.slots[0].id;
    expect(codes(await claimAs(member.token, { slotId, associationId: helper.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(outsider.token, { slotId, associationId: helper.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(otherKey.secret, { slotId, associationId: helper.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(unverified.owner.token, { slotId, associationId: unverified.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(adminToken, { slotId, associationId: unverified.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
    expect(codes(await claimAs(requester.owner.token, { slotId, associationId: requester.id, quantity: 1 }))).toEqual(['FORBIDDEN']);
  });

  it('allows the OWNER, a COORDINATOR, the association’s key and an administrator', async () => {
    const request = await open(10);
    const key = await createApiKey(url, helper.owner.token, helper.id);
    const slotId = request.slots[0].id;
    for (const token of [helper.owner.token, helper.coordinator.token, key.secret, adminToken]) {
      const response = await claimAs(token, { slotId, associationId: helper.id, quantity: 1 });
      expect(response.body.data?.claim.status).toBe('ACTIVE');
      await gql(url, `mutation ($id: ID!) { withdrawClaim(id: $id) { id } }`, { id: response.body.data!.claim.id }, token);
    }
  });

  it('replays a known key before state checks: a retry after the request filled returns the claim', async () => {
    const request = await open(2);
    const input = { slotId: request.slots[0].id, associationId: helper.id, quantity: 2, idempotencyKey: 'fill-it' };
    const first = await claimAs(helper.owner.token, input);
    const retry = await claimAs(helper.owner.token, input);
    expect(retry.body.data?.claim.id).toBe(first.body.data!.claim.id);
    expect(codes(await claimAs(helper.owner.token, { ...input, quantity: 1 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('does not use the key up when the attempt fails', async () => {
    const request = await open(1);
    const input = { slotId: request.slots[0].id, associationId: helper.id, quantity: 2, idempotencyKey: 'too-much' };
    expect(codes(await claimAs(helper.owner.token, input))).toEqual(['CAPACITY_EXCEEDED']);
    const smaller = await claimAs(helper.owner.token, { ...input, quantity: 1 });
    expect(smaller.body.data?.claim.quantity).toBe(1);
  });

  it('state: REQUEST_NOT_OPEN (FILLED or closed), then an ended slot, then ALREADY_CLAIMED, then CAPACITY_EXCEEDED with remaining', async () => {
    const filled = await open(1);
    await claimAs(other.owner.token, { slotId: filled.slots[0].id, associationId: other.id, quantity: 1 });
    expect(codes(await claimAs(helper.owner.token, { slotId: filled.slots[0].id, associationId: helper.id, quantity: 1 }))).toEqual([
      'REQUEST_NOT_OPEN',
    ]);

    const cancelled = await open(3);
    await gql(url, `mutation ($id: ID!) { cancelHelpRequest(id: $id) { id } }`, { id: cancelled.id }, requester.owner.token);
    expect(codes(await claimAs(helper.owner.token, { slotId: cancelled.slots[0].id, associationId: helper.id, quantity: 1 }))).toEqual([
      'REQUEST_NOT_OPEN',
    ]);

    const past = await postRequest(url, requester.owner.token, requester.id, {
      slots: [{ startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-1), capacity: 3 }, { capacity: 3 }],
      endsAt: hoursFromNow(5),
    });
    const ended = await claimAs(helper.owner.token, { slotId: past.slots[0].id, associationId: helper.id, quantity: 1 });
    expect(ended.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.slotId' });

    const request = await open(3);
    const slotId = request.slots[0].id;
    await claimAs(helper.owner.token, { slotId, associationId: helper.id, quantity: 1 });
    expect(codes(await claimAs(helper.owner.token, { slotId, associationId: helper.id, quantity: 5 }))).toEqual(['ALREADY_CLAIMED']);
    const over = await claimAs(other.owner.token, { slotId, associationId: other.id, quantity: 3 });
    expect(over.body.errors?.[0]?.extensions).toEqual({ code: 'CAPACITY_EXCEEDED', remaining: 2 });
  });
});

describe('withdrawClaim and declineClaim', () => {
  it('withdraw: by the claimant only; the reason is kept; a FILLED request reopens (filledAt kept)', async () => {
    const request = await open(2);
    const claim = await claimAs(helper.owner.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 2 });
    const id = claim.body.data!.claim.id;
    expect(codes(await gql(url, `mutation ($id: ID!) { withdrawClaim(id: $id) { id } }`, { id }, requester.owner.token))).toEqual([
      'FORBIDDEN',
    ]);
    const withdrawn = await gql(
      url,
      `mutation ($id: ID!) { withdrawClaim(id: $id, reason: "家里有事") { status endReason endedAt request { status filledAt claimed } } }`,
      { id },
      helper.coordinator.token,
    );
    expect(withdrawn.body.data!.withdrawClaim).toMatchObject({
      status: 'WITHDRAWN',
      endReason: '家里有事',
      request: { status: 'OPEN', claimed: 0 },
    });
    expect(withdrawn.body.data!.withdrawClaim.request.filledAt).not.toBeNull();
    const again = await gql(url, `mutation ($id: ID!) { withdrawClaim(id: $id) { id } }`, { id }, helper.owner.token);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('decline: by the requester only; REQUEST_NOT_OPEN on a closed request beats a claim that is not ACTIVE', async () => {
    const request = await open(3);
    const claim = await claimAs(helper.owner.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 });
    const id = claim.body.data!.claim.id;
    expect(codes(await gql(url, `mutation ($id: ID!) { declineClaim(id: $id) { id } }`, { id }, helper.owner.token))).toEqual([
      'FORBIDDEN',
    ]);
    const declined = await gql(
      url,
      `mutation ($id: ID!) { declineClaim(id: $id, reason: "人已够") { status endReason } }`,
      { id },
      requester.coordinator.token,
    );
    expect(declined.body.data!.declineClaim).toEqual({ status: 'DECLINED', endReason: '人已够' });
    await gql(
      url,
      `mutation ($id: ID!) { completeHelpRequest(id: $id, beneficiaries: 1) { id } }`,
      { id: request.id },
      requester.owner.token,
    );
    expect(codes(await gql(url, `mutation ($id: ID!) { declineClaim(id: $id) { id } }`, { id }, requester.owner.token))).toEqual([
      'REQUEST_NOT_OPEN',
    ]);
  });

  it('cancel declines ACTIVE claims with the reason; complete fulfils them', async () => {
    const cancelled = await open(3);
    const c1 = await claimAs(helper.owner.token, { slotId: cancelled.slots[0].id, associationId: helper.id, quantity: 1 });
    await gql(
      url,
      `mutation ($id: ID!) { cancelHelpRequest(id: $id, reason: "天气原因") { id } }`,
      { id: cancelled.id },
      requester.owner.token,
    );
    const afterCancel = await gql(url, `query ($id: ID!) { node(id: $id) { ... on Claim { status endReason slot { claimed } } } }`, {
      id: c1.body.data!.claim.id,
    });
    expect(afterCancel.body.data!.node).toEqual({ status: 'DECLINED', endReason: '天气原因', slot: { claimed: 0 } });

    const completed = await open(3);
    const c2 = await claimAs(helper.owner.token, { slotId: completed.slots[0].id, associationId: helper.id, quantity: 2 });
    await gql(
      url,
      `mutation ($id: ID!) { completeHelpRequest(id: $id, beneficiaries: 12, outcome: "顺利") { id } }`,
      { id: completed.id },
      requester.owner.token,
    );
    const afterComplete = await gql(url, `query ($id: ID!) { node(id: $id) { ... on Claim { status endedAt slot { claimed } } } }`, {
      id: c2.body.data!.claim.id,
    });
    expect(afterComplete.body.data!.node).toMatchObject({ status: 'FULFILLED', slot: { claimed: 2 } });
  });

  it('contact is visible to claimants with ACTIVE or FULFILLED claims, not to withdrawn ones', async () => {
    const request = await open(3, { contact: '陈刚 138-0000-0000' });
    const query = `query ($id: ID!) { helpRequest(id: $id) { contact } }`;
    expect((await gql(url, query, { id: request.id }, helper.owner.token)).body.data!.helpRequest.contact).toBeNull();
    const claim = await claimAs(helper.coordinator.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 });
    expect((await gql(url, query, { id: request.id }, helper.owner.token)).body.data!.helpRequest.contact).toBe('陈刚 138-0000-0000');
    await gql(url, `mutation ($id: ID!) { withdrawClaim(id: $id) { id } }`, { id: claim.body.data!.claim.id }, helper.owner.token);
    expect((await gql(url, query, { id: request.id }, helper.owner.token)).body.data!.helpRequest.contact).toBeNull();
  });

  it('lists claims: Association.claims newest first with status filter; HelpRequest.claims and Slot.claims oldest first', async () => {
    const request = await postRequest(url, requester.owner.token, requester.id, { slots: [{ capacity: 5 }, { capacity: 5 }] });
    const first = await claimAs(helper.owner.token, { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 });
    const second = await claimAs(helper.owner.token, { slotId: request.slots[1].id, associationId: helper.id, quantity: 2 });
    await gql(url, `mutation ($id: ID!) { withdrawClaim(id: $id) { id } }`, { id: first.body.data!.claim.id }, helper.owner.token);
    const lists = await gql(
      url,
      `query ($a: ID!, $r: ID!) {
        association(id: $a) { claims(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } } active: claims(status: ACTIVE) { totalCount } }
        helpRequest(id: $r) { claims { id } withdrawn: claims(status: WITHDRAWN) { id } slots { claims { id } } }
      }`,
      { a: helper.id, r: request.id },
    );
    const ids = [first.body.data!.claim.id, second.body.data!.claim.id];
    expect(lists.body.data!.association.claims.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[1]]);
    expect(lists.body.data!.association.claims.pageInfo.hasNextPage).toBe(true);
    expect(lists.body.data!.helpRequest.claims.map((c: { id: string }) => c.id)).toEqual(ids);
    expect(lists.body.data!.helpRequest.withdrawn.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(lists.body.data!.helpRequest.slots.map((s: { claims: { id: string }[] }) => s.claims.map((c) => c.id))).toEqual([
      [ids[0]],
      [ids[1]],
    ]);
  });
});
