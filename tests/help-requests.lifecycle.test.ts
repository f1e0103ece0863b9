/**
 * Help requests end to end (api.md "Help requests", "Order of checks", "Input
 * limits", "Who may do what", "Ids"): post, update, cancel, complete, contact
 * visibility, idempotent posting and node lookups, over real HTTP on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { codes, dataOf, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createOrg, signUp, type Org, type Persona } from './support/personas.js';
import { hoursFromNow, postRequest, requestInput } from './support/requests.js';
import { allEvents, errorOf, eventTypes } from './support/events.js';
import { toGlobalId } from '../src/shared/global-id.js';
import {
  CancelHelpRequestDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  HelpRequestClosureDocument,
  HelpRequestContactDocument,
  HelpRequestContactsByRequesterDocument,
  AssociationRequestContactsDocument,
  ContactThroughSlotsDocument,
  type AssociationRequestContactsQuery,
  HelpRequestCountByRequesterDocument,
  HelpRequestIdLookupDocument,
  HelpRequestOrSlotNodeDocument,
  HelpRequestResultDocument,
  HelpRequestSlotCapacitiesDocument,
  HelpRequestSlotLabelsDocument,
  HelpRequestStateDocument,
  PostHelpRequestDocument,
  UpdateHelpRequestDocument,
  type CapacityUnit,
  type PostHelpRequestInput,
  type RequestFieldsFragment,
  type RequestKind,
  type SlotInput,
  type UpdateHelpRequestInput,
} from './generated/graphql.js';

/** A verified association in 巡场镇 with an OWNER, a COORDINATOR, a MEMBER and an API key. */
let org: Org;
let member: Persona;
let key: { id: string; secret: string };
/** Another verified association, with its own key. */
let other: Org;
let otherKey: { id: string; secret: string };
let outsider: Persona;
let unverified: Org;

test.beforeAll(async ({ url, adminToken }) => {
  [org, other, unverified] = await Promise.all([
    createOrg(url, adminToken),
    createOrg(url, adminToken, { township: '上罗镇' }),
    createOrg(url, null),
  ]);
  [member, outsider] = await Promise.all([signUp(url, 'Member'), signUp(url, 'Outsider')]);
  expect((await addMember(url, org.owner.token, org.id, member.email, 'MEMBER')).body.errors).toBeUndefined();
  [key, otherKey] = await Promise.all([createApiKey(url, org.owner.token, org.id), createApiKey(url, other.owner.token, other.id)]);
});

const post = (url: string, token: string | undefined, input: PostHelpRequestInput) => gql(url, PostHelpRequestDocument, { input }, token);
const open = (url: string, overrides: Partial<PostHelpRequestInput> = {}) => postRequest(url, org.coordinator.token, org.id, overrides);
const update = (url: string, token: string | undefined, id: string, expectedVersion: number, input: UpdateHelpRequestInput) =>
  gql(url, UpdateHelpRequestDocument, { id, expectedVersion, input }, token);
const cancel = (url: string, token: string | undefined, id: string, reason?: string | null) =>
  gql(url, CancelHelpRequestDocument, { id, reason }, token);
const complete = (url: string, token: string | undefined, id: string, beneficiaries: number, outcome?: string | null) =>
  gql(url, CompleteHelpRequestDocument, { id, beneficiaries, outcome }, token);
/** The request as `token` (an administrator's, who sees the contact) reads it now. */
const current = async (url: string, token: string, id: string) => {
  const { helpRequest } = dataOf(await gql(url, HelpRequestStateDocument, { id }, token));
  expect(helpRequest).not.toBeNull();
  return helpRequest!;
};
const countOf = async (url: string, associationId: string) =>
  dataOf(await gql(url, HelpRequestCountByRequesterDocument, { requesterId: associationId })).helpRequests.totalCount;
const iso = (value: string) => new Date(value).toISOString();
/** A decodable id of the right type that names nothing. */
const ghost = (type: 'Association' | 'HelpRequest') => toGlobalId(type, randomUUID());

describe('postHelpRequest: what is stored', () => {
  test.for<[RequestKind, CapacityUnit]>([
    ['MANPOWER', 'PERSON'],
    ['PATIENT_GUARD', 'PERSON'],
    ['FUNDRAISING', 'YUAN'],
    ['TUTORING', 'PERSON'],
    ['TRAINING', 'PERSON'],
    ['SUPPLIES', 'ITEM'],
  ])('a %s request counts in %s', async ([kind, unit], { url }) => {
    const request = await open(url, { kind, slots: [{ capacity: 5000 }] });
    expect(request).toMatchObject({ kind, unit, status: 'OPEN', version: 1, capacity: 5000, claimed: 0, remaining: 5000 });
  });

  test('keeps the slots in input order and sums capacity, claimed and remaining over them', async ({ url }) => {
    const slots = [
      { label: '夜班', startsAt: hoursFromNow(30), endsAt: hoursFromNow(38), capacity: 3 },
      { label: '白班', startsAt: hoursFromNow(10), endsAt: hoursFromNow(18), capacity: 1 },
      { label: '早班', capacity: 2 },
      { label: 'B', capacity: 7 },
      { label: 'A', capacity: 4 },
    ];
    const request = await open(url, { kind: 'PATIENT_GUARD', category: 'MEDICAL', slots });
    expect(request.slots.map((slot) => slot.label)).toEqual(['夜班', '白班', '早班', 'B', 'A']);
    expect(request.slots.map((slot) => slot.capacity)).toEqual([3, 1, 2, 7, 4]);
    expect(request.slots.map((slot) => slot.remaining)).toEqual([3, 1, 2, 7, 4]);
    expect(request.slots.every((slot) => slot.claimed === 0)).toBe(true);
    expect(request.slots[0]).toMatchObject({ startsAt: iso(slots[0].startsAt!), endsAt: iso(slots[0].endsAt!) });
    expect(request.slots[2]).toMatchObject({ startsAt: null, endsAt: null });
    expect(request).toMatchObject({ capacity: 17, claimed: 0, remaining: 17, unit: 'PERSON' });
    // The slots read back through helpRequest come in the same order.
    const again = await gql(url, HelpRequestSlotLabelsDocument, { id: request.id });
    expect(again.body.data!.helpRequest!.slots).toEqual(request.slots.map((slot) => ({ id: slot.id, label: slot.label })));
  });

  test('defaults township, urgency and times; starts OPEN at version 1', async ({ url }) => {
    const before = Date.now();
    const request = await open(url, {
      slots: [
        { startsAt: hoursFromNow(5), endsAt: hoursFromNow(7), capacity: 1 },
        { startsAt: hoursFromNow(3), endsAt: hoursFromNow(4), capacity: 1 },
        { capacity: 1 },
      ],
    });
    expect(request).toMatchObject({
      township: '巡场镇',
      urgency: 'NORMAL',
      status: 'OPEN',
      version: 1,
      address: null,
      filledAt: null,
      closedAt: null,
      beneficiaries: null,
      outcome: null,
      cancelReason: null,
      requester: { id: org.id },
    });
    expect(request.startsAt).toBe(request.slots[1].startsAt);
    expect(request.endsAt).toBe(request.slots[0].endsAt);
    expect(request.postedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(new Date(request.postedAt).getTime() - before)).toBeLessThan(60_000);
  });

  test('keeps explicit township, urgency and times, and has no times when neither it nor its slots carry any', async ({ url }) => {
    const startsAt = hoursFromNow(1);
    const endsAt = hoursFromNow(50);
    const explicit = await open(url, {
      township: ' 孝儿镇 ',
      address: '孝儿镇卫生院',
      urgency: 'CRITICAL',
      startsAt,
      endsAt,
      slots: [{ startsAt: hoursFromNow(5), endsAt: hoursFromNow(7), capacity: 1 }],
    });
    expect(explicit).toMatchObject({
      township: '孝儿镇',
      address: '孝儿镇卫生院',
      urgency: 'CRITICAL',
      startsAt: iso(startsAt),
      endsAt: iso(endsAt),
    });
    const timeless = await open(url, { slots: [{ capacity: 2 }] });
    expect(timeless).toMatchObject({ startsAt: null, endsAt: null });
  });

  test('defaults the township to null for an association without one', async ({ url, adminToken }) => {
    const nowhere = await createOrg(url, adminToken, { township: null });
    const request = await postRequest(url, nowhere.owner.token, nowhere.id);
    expect(request.township).toBeNull();
  });

  test('takes times with an offset and answers them in UTC with milliseconds', async ({ url }) => {
    const request = await open(url, {
      startsAt: '2031-11-28T19:00:00+08:00',
      endsAt: '2031-11-28T21:30:00.250+08:00',
      slots: [{ capacity: 1 }],
    });
    expect(request).toMatchObject({ startsAt: '2031-11-28T11:00:00.000Z', endsAt: '2031-11-28T13:30:00.250Z' });
  });
});

describe('postHelpRequest: input limits', () => {
  const three = (third: Partial<SlotInput>): SlotInput[] => [{ capacity: 1 }, { capacity: 1 }, { capacity: 1, ...third }];
  test.for<[string, Partial<PostHelpRequestInput>, string]>([
    ['an empty title', { title: '' }, 'input.title'],
    ['a blank title', { title: '   ' }, 'input.title'],
    ['a title of 121 code points', { title: 'x'.repeat(121) }, 'input.title'],
    ['a title of 121 Chinese characters', { title: '助'.repeat(121) }, 'input.title'],
    ['an empty description', { description: '' }, 'input.description'],
    ['a description over 5,000', { description: 'd'.repeat(5001) }, 'input.description'],
    ['a township over 500', { township: 't'.repeat(501) }, 'input.township'],
    ['an address over 500', { address: '址'.repeat(501) }, 'input.address'],
    ['a contact over 500', { contact: 'c'.repeat(501) }, 'input.contact'],
    ['no slot', { slots: [] }, 'input.slots'],
    ['101 slots', { slots: Array.from({ length: 101 }, () => ({ capacity: 1 })) }, 'input.slots'],
    ['a FUNDRAISING request with 2 slots', { kind: 'FUNDRAISING', slots: [{ capacity: 100 }, { capacity: 100 }] }, 'input.slots'],
    ['capacity 0 in slot 2', { slots: three({ capacity: 0 }) }, 'input.slots.2.capacity'],
    ['capacity -5 in slot 2', { slots: three({ capacity: -5 }) }, 'input.slots.2.capacity'],
    ['capacity 1,000,001 in slot 2', { slots: three({ capacity: 1_000_001 }) }, 'input.slots.2.capacity'],
    ['a slot label over 500', { slots: three({ label: 'l'.repeat(501) }) }, 'input.slots.2.label'],
    [
      'a slot ending when it starts',
      { slots: [{ capacity: 1, startsAt: '2031-01-01T08:00:00Z', endsAt: '2031-01-01T08:00:00Z' }] },
      'input.slots.0.endsAt',
    ],
    ['a slot ending before it starts', { slots: three({ startsAt: hoursFromNow(5), endsAt: hoursFromNow(4) }) }, 'input.slots.2.endsAt'],
    ['a request ending when it starts', { startsAt: '2031-01-01T08:00:00Z', endsAt: '2031-01-01T08:00:00Z' }, 'input.endsAt'],
    ['a request ending before it starts', { startsAt: hoursFromNow(5), endsAt: hoursFromNow(4) }, 'input.endsAt'],
    [
      'a request ending before the start its slots give it',
      { endsAt: hoursFromNow(2), slots: [{ capacity: 1, startsAt: hoursFromNow(3), endsAt: hoursFromNow(4) }] },
      'input.endsAt',
    ],
    ['an undecodable associationId', { associationId: 'not-an-id!' }, 'input.associationId'],
    ['an idempotency key of 201 characters', { idempotencyKey: 'k'.repeat(201) }, 'input.idempotencyKey'],
    ['an empty idempotency key', { idempotencyKey: '' }, 'input.idempotencyKey'],
  ])('BAD_USER_INPUT for %s', async ([, change, field], { url }) => {
    const before = await countOf(url, org.id);
    const response = await post(url, org.coordinator.token, requestInput(org.id, change));
    expect(response.body.errors).toHaveLength(1);
    expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(response.body.data ?? null).toBeNull();
    expect(await countOf(url, org.id)).toBe(before);
  });

  test.for<[string, Partial<PostHelpRequestInput>]>([
    ['a title of 120 Chinese characters', { title: '助'.repeat(120) }],
    ['a title of 120 astral code points (240 UTF-16 units)', { title: '🤝'.repeat(120) }],
    ['a title of 120 characters padded with spaces', { title: `  ${'t'.repeat(120)}  ` }],
    ['a description of 5,000', { description: '述'.repeat(5000) }],
    ['township, address and contact of 500', { township: '镇'.repeat(500), address: 'a'.repeat(500), contact: '联'.repeat(500) }],
    ['100 slots', { slots: Array.from({ length: 100 }, () => ({ capacity: 1 })) }],
    ['capacity 1,000,000', { slots: [{ capacity: 1_000_000 }] }],
    ['a FUNDRAISING target of 1,000,000 yuan', { kind: 'FUNDRAISING', slots: [{ capacity: 1_000_000 }] }],
    ['an idempotency key of 200 characters', { idempotencyKey: `${randomUUID()}${'k'.repeat(164)}` }],
  ])('accepts %s', async ([, change], { url }) => {
    const response = await post(url, org.coordinator.token, requestInput(org.id, change));
    expect(response.body.errors).toBeUndefined();
    const request = response.body.data!.postHelpRequest;
    if ('title' in change) expect(request.title).toBe(change.title?.trim());
    if ('slots' in change) expect(request.slots).toHaveLength(change.slots!.length);
  });
});

describe('postHelpRequest: order of checks', () => {
  test('UNAUTHENTICATED for an anonymous caller, whatever the input', async ({ url }) => {
    expect(codes(await post(url, undefined, requestInput(org.id)))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await post(url, undefined, requestInput('%%', { title: '', slots: [] })))).toEqual(['UNAUTHENTICATED']);
  });

  test('BAD_USER_INPUT before NOT_FOUND: a malformed title for an id naming nothing', async ({ url }) => {
    const response = await post(url, outsider.token, requestInput(org.owner.id, { title: '' }));
    expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
  });

  test('BAD_USER_INPUT before FORBIDDEN: an outsider with a malformed title on an existing association', async ({ url }) => {
    expect(errorOf(await post(url, outsider.token, requestInput(org.id, { title: 't'.repeat(121) })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    expect(errorOf(await post(url, otherKey.secret, requestInput(org.id, { slots: [] })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.slots',
    });
    // An unverified association's OWNER with bad input: still the input first.
    expect(errorOf(await post(url, unverified.owner.token, requestInput(unverified.id, { description: ' ' })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.description',
    });
  });

  test('NOT_FOUND before FORBIDDEN: an outsider posting for a valid id of another type, or of an unknown association', async ({
    url,
    adminToken,
  }) => {
    expect(codes(await post(url, outsider.token, requestInput(org.owner.id)))).toEqual(['NOT_FOUND']);
    const request = await open(url);
    expect(codes(await post(url, outsider.token, requestInput(request.id)))).toEqual(['NOT_FOUND']);
    expect(codes(await post(url, outsider.token, requestInput(ghost('Association'))))).toEqual(['NOT_FOUND']);
    expect(codes(await post(url, adminToken, requestInput(ghost('Association'))))).toEqual(['NOT_FOUND']);
  });
});

describe('postHelpRequest: who may post', () => {
  test('allows the OWNER, a COORDINATOR, the association’s API key and an administrator, each posting for the association', async ({
    url,
    adminToken,
  }) => {
    const before = await countOf(url, org.id);
    for (const token of [org.owner.token, org.coordinator.token, key.secret, adminToken]) {
      const response = await post(url, token, requestInput(org.id));
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.postHelpRequest.requester.id).toBe(org.id);
    }
    expect(await countOf(url, org.id)).toBe(before + 4);
  });

  test('refuses a plain MEMBER, an outsider, another association’s key and another association’s OWNER (FORBIDDEN)', async ({ url }) => {
    const before = await countOf(url, org.id);
    for (const token of [member.token, outsider.token, otherKey.secret, other.owner.token, other.coordinator.token]) {
      expect(codes(await post(url, token, requestInput(org.id)))).toEqual(['FORBIDDEN']);
    }
    expect(await countOf(url, org.id)).toBe(before);
  });

  test('refuses an unverified association, even to its OWNER, its key and an administrator', async ({ url, adminToken }) => {
    const unverifiedKey = await createApiKey(url, unverified.owner.token, unverified.id);
    for (const token of [unverified.owner.token, unverified.coordinator.token, unverifiedKey.secret, adminToken]) {
      expect(codes(await post(url, token, requestInput(unverified.id)))).toEqual(['FORBIDDEN']);
    }
    expect(await countOf(url, unverified.id)).toBe(0);
  });
});

describe('postHelpRequest: idempotency', () => {
  test('returns the first request for the same key and input and creates nothing new', async ({ url, adminToken }) => {
    const fresh = await createOrg(url, adminToken);
    const input = requestInput(fresh.id, { idempotencyKey: 'retry-1', slots: [{ capacity: 2 }, { capacity: 3 }] });
    const first = await post(url, fresh.coordinator.token, input);
    expect(first.body.errors).toBeUndefined();
    const id = first.body.data!.postHelpRequest.id;
    // The key belongs to the association: its OWNER and its API key replay it too.
    const freshKey = await createApiKey(url, fresh.owner.token, fresh.id);
    for (const token of [fresh.coordinator.token, fresh.owner.token, freshKey.secret]) {
      const again = await post(url, token, input);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data!.postHelpRequest.id).toBe(id);
      expect(again.body.data!.postHelpRequest.slots.map((s) => s.id)).toEqual(first.body.data!.postHelpRequest.slots.map((s) => s.id));
    }
    expect(await countOf(url, fresh.id)).toBe(1);
    expect(await eventTypes(url, [id])).toEqual(['POSTED']);
  });

  test('replays the request as it is now, even once it is closed', async ({ url }) => {
    const input = requestInput(org.id, { idempotencyKey: `now-${randomUUID()}` });
    const first = (await post(url, org.coordinator.token, input)).body.data!.postHelpRequest;
    expect((await update(url, org.coordinator.token, first.id, 1, { title: '改过的标题' })).body.errors).toBeUndefined();
    const replay = (await post(url, org.coordinator.token, input)).body.data!.postHelpRequest;
    expect(replay).toMatchObject({ id: first.id, title: '改过的标题', version: 2 });
    expect((await cancel(url, org.coordinator.token, first.id)).body.errors).toBeUndefined();
    const afterCancel = await post(url, org.coordinator.token, input);
    expect(afterCancel.body.errors).toBeUndefined();
    expect(afterCancel.body.data!.postHelpRequest).toMatchObject({ id: first.id, status: 'CANCELLED', version: 3 });
  });

  test('refuses the same key with other input (BAD_USER_INPUT input.idempotencyKey)', async ({ url }) => {
    const idempotencyKey = `other-${randomUUID()}`;
    const first = await post(url, org.coordinator.token, requestInput(org.id, { idempotencyKey }));
    expect(first.body.errors).toBeUndefined();
    const before = await countOf(url, org.id);
    const changes: Partial<PostHelpRequestInput>[] = [
      { title: '另一个标题' },
      { slots: [{ capacity: 9 }] },
      { urgency: 'HIGH' },
      { contact: '电话 1' },
    ];
    for (const change of changes) {
      const response = await post(url, org.coordinator.token, requestInput(org.id, { idempotencyKey, ...change }));
      expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    }
    expect(await countOf(url, org.id)).toBe(before);
  });

  test('scopes keys by association: the same key from another association posts its own request', async ({ url, adminToken }) => {
    const idempotencyKey = `shared-${randomUUID()}`;
    const mine = await post(url, org.coordinator.token, requestInput(org.id, { idempotencyKey }));
    const theirs = await post(url, other.coordinator.token, requestInput(other.id, { idempotencyKey }));
    expect(mine.body.errors).toBeUndefined();
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.body.data!.postHelpRequest.id).not.toBe(mine.body.data!.postHelpRequest.id);
    expect(theirs.body.data!.postHelpRequest.requester.id).toBe(other.id);
    // With other input, too: the other association's use does not bind this one.
    const third = await createOrg(url, adminToken);
    const differing = await post(url, third.coordinator.token, requestInput(third.id, { idempotencyKey, title: '完全不同' }));
    expect(differing.body.errors).toBeUndefined();
  });

  test('checks permission before replaying, and a failed attempt does not use the key up', async ({ url }) => {
    const idempotencyKey = `failed-${randomUUID()}`;
    const input = requestInput(org.id, { idempotencyKey });
    expect(codes(await post(url, member.token, input))).toEqual(['FORBIDDEN']);
    expect(errorOf(await post(url, org.coordinator.token, { ...input, title: '' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    // The key is still free: other input than the failed attempts is accepted.
    const taken = await post(url, org.coordinator.token, { ...input, title: '第一次成功' });
    expect(taken.body.errors).toBeUndefined();
    // Now the key is bound: a MEMBER replaying it is still FORBIDDEN.
    expect(codes(await post(url, member.token, { ...input, title: '第一次成功' }))).toEqual(['FORBIDDEN']);
    expect(errorOf(await post(url, org.coordinator.token, input))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  test('creates exactly one request for 20 concurrent identical calls', async ({ url, adminToken }) => {
    const fresh = await createOrg(url, adminToken);
    const input = requestInput(fresh.id, { idempotencyKey: 'race', slots: [{ capacity: 1 }, { capacity: 2 }] });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(url, fresh.coordinator.token, input)));
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    const ids = new Set(answers.map((answer) => answer.body.data!.postHelpRequest.id));
    expect(ids.size).toBe(1);
    expect(await countOf(url, fresh.id)).toBe(1);
    const [id] = [...ids];
    expect(await eventTypes(url, [id])).toEqual(['POSTED']);
    const slots = await gql(url, HelpRequestSlotCapacitiesDocument, { id });
    expect(slots.body.data!.helpRequest!.slots).toEqual([{ capacity: 1 }, { capacity: 2 }]);
  });
});

describe('updateHelpRequest', () => {
  const full = (url: string) =>
    open(url, {
      title: '原标题',
      description: '原描述',
      township: '巡场镇',
      address: '文化站',
      contact: '李老师 13800000000',
      urgency: 'HIGH',
      startsAt: hoursFromNow(10),
      endsAt: hoursFromNow(20),
    });

  test('leaves omitted fields unchanged and increments the version by one', async ({ url, adminToken }) => {
    const request = await full(url);
    const response = await update(url, org.coordinator.token, request.id, 1, { title: ' 新标题 ' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.updateHelpRequest).toEqual({
      id: request.id,
      title: '新标题',
      description: '原描述',
      township: '巡场镇',
      address: '文化站',
      contact: '李老师 13800000000',
      urgency: 'HIGH',
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      status: 'OPEN',
      version: 2,
    });
    expect(await current(url, adminToken, request.id)).toEqual(response.body.data!.updateHelpRequest);
  });

  test('clears township, address, contact, startsAt and endsAt on explicit null, in one event', async ({ url }) => {
    const request = await full(url);
    const response = await update(url, org.owner.token, request.id, 1, {
      township: null,
      address: null,
      contact: null,
      startsAt: null,
      endsAt: null,
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.updateHelpRequest).toMatchObject({
      title: '原标题',
      description: '原描述',
      urgency: 'HIGH',
      township: null,
      address: null,
      contact: null,
      startsAt: null,
      endsAt: null,
      version: 2,
    });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED', 'UPDATED']);
  });

  test.for<[string, UpdateHelpRequestInput, string]>([
    ['title', { title: null }, 'input.title'],
    ['description', { description: null }, 'input.description'],
    ['urgency', { urgency: null }, 'input.urgency'],
    ['an empty title', { title: '  ' }, 'input.title'],
    ['a title over 120', { title: '标'.repeat(121) }, 'input.title'],
    ['a description over 5,000', { description: 'd'.repeat(5001) }, 'input.description'],
    ['a township over 500', { township: 't'.repeat(501) }, 'input.township'],
    ['an address over 500', { address: 'a'.repeat(501) }, 'input.address'],
    ['a contact over 500', { contact: 'c'.repeat(501) }, 'input.contact'],
  ])('refuses %s (BAD_USER_INPUT) and changes nothing', async ([, input, field], { url, adminToken }) => {
    const request = await full(url);
    expect(errorOf(await update(url, org.coordinator.token, request.id, 1, input))).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await current(url, adminToken, request.id)).toMatchObject({
      title: '原标题',
      description: '原描述',
      urgency: 'HIGH',
      version: 1,
    });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED']);
  });

  test('changes no version and writes no event when nothing changes', async ({ url }) => {
    const request = await full(url);
    const inputs: UpdateHelpRequestInput[] = [
      {},
      { title: '原标题', urgency: 'HIGH' },
      { title: '  原标题  ', township: '巡场镇', address: '文化站' },
      { startsAt: request.startsAt, endsAt: request.endsAt },
      { startsAt: new Date(request.startsAt!).toISOString().replace('Z', '+00:00') },
    ];
    for (const input of inputs) {
      const response = await update(url, org.coordinator.token, request.id, 1, input);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.updateHelpRequest.version).toBe(1);
    }
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED']);
    // Clearing an already empty field changes nothing either.
    const bare = await open(url);
    expect(
      (await update(url, org.coordinator.token, bare.id, 1, { address: null, startsAt: null })).body.data!.updateHelpRequest.version,
    ).toBe(1);
    expect(await eventTypes(url, [bare.id])).toEqual(['POSTED']);
  });

  test('counts one version per update and one UPDATED event each, by the requester', async ({ url, adminToken }) => {
    const request = await full(url);
    const changes: UpdateHelpRequestInput[] = [{ urgency: 'CRITICAL' }, { description: '新描述' }, { contact: '王' }, { address: null }];
    for (const [i, input] of changes.entries()) {
      const response = await update(url, key.secret, request.id, i + 1, input);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.updateHelpRequest.version).toBe(i + 2);
    }
    const events = await allEvents(url, { requestIds: [request.id] });
    expect(events.map((event) => event.type)).toEqual(['POSTED', 'UPDATED', 'UPDATED', 'UPDATED', 'UPDATED']);
    expect(events.every((event) => event.actor?.id === org.id)).toBe(true);
    expect(await current(url, adminToken, request.id)).toMatchObject({
      urgency: 'CRITICAL',
      description: '新描述',
      contact: '王',
      address: null,
      version: 5,
    });
  });

  test('answers VERSION_CONFLICT for a stale or future expectedVersion, changing nothing', async ({ url, adminToken }) => {
    const request = await full(url);
    expect((await update(url, org.coordinator.token, request.id, 1, { title: 'v2' })).body.errors).toBeUndefined();
    expect(codes(await update(url, org.coordinator.token, request.id, 1, { title: 'stale' }))).toEqual(['VERSION_CONFLICT']);
    expect(codes(await update(url, org.coordinator.token, request.id, 3, { title: 'future' }))).toEqual(['VERSION_CONFLICT']);
    expect(await current(url, adminToken, request.id)).toMatchObject({ title: 'v2', version: 2 });
  });

  test('checks endsAt > startsAt on the result of the update', async ({ url, adminToken }) => {
    const request = await full(url);
    // Only endsAt, before the existing startsAt.
    const early = await update(url, org.coordinator.token, request.id, 1, { endsAt: hoursFromNow(5) });
    expect(errorOf(early)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    // Only endsAt, equal to the existing startsAt.
    expect(codes(await update(url, org.coordinator.token, request.id, 1, { endsAt: request.startsAt }))).toEqual(['BAD_USER_INPUT']);
    // Only startsAt, after the existing endsAt.
    expect(codes(await update(url, org.coordinator.token, request.id, 1, { startsAt: hoursFromNow(25) }))).toEqual(['BAD_USER_INPUT']);
    expect(await current(url, adminToken, request.id)).toMatchObject({ startsAt: request.startsAt, endsAt: request.endsAt, version: 1 });
    // Both moved together, consistently: accepted.
    const startsAt = hoursFromNow(25);
    const endsAt = hoursFromNow(30);
    const moved = await update(url, org.coordinator.token, request.id, 1, { startsAt, endsAt });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.updateHelpRequest).toMatchObject({ startsAt: iso(startsAt), endsAt: iso(endsAt), version: 2 });
    // With startsAt cleared, any endsAt is fine.
    const cleared = await update(url, org.coordinator.token, request.id, 2, { startsAt: null, endsAt: hoursFromNow(1) });
    expect(cleared.body.errors).toBeUndefined();
    expect(cleared.body.data!.updateHelpRequest).toMatchObject({ startsAt: null, version: 3 });
  });

  // api.md "Order of checks" lists times among the shape checks that need no database: when the
  // update itself carries both startsAt and endsAt out of order, that is BAD_USER_INPUT first.
  test.for<[string, () => string, 'ghost' | 'open' | 'cancelled', number]>([
    ['an outsider on an id naming nothing (not NOT_FOUND)', () => outsider.token, 'ghost', 1],
    ['an outsider on an existing request (not FORBIDDEN)', () => outsider.token, 'open', 1],
    ['the requester with a stale expectedVersion (not VERSION_CONFLICT)', () => org.coordinator.token, 'open', 7],
    ['the requester on a cancelled request (not REQUEST_NOT_OPEN)', () => org.coordinator.token, 'cancelled', 2],
  ])('refuses startsAt and endsAt given out of order as input shape: %s', async ([, token, target, version], { url }) => {
    const request = await full(url);
    if (target === 'cancelled') await cancel(url, org.coordinator.token, request.id);
    const id = target === 'ghost' ? ghost('HelpRequest') : request.id;
    const response = await update(url, token(), id, version, { startsAt: hoursFromNow(5), endsAt: hoursFromNow(4) });
    expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
  });

  test('answers REQUEST_NOT_OPEN on a closed request, before VERSION_CONFLICT', async ({ url, adminToken }) => {
    const cancelled = await full(url);
    expect((await cancel(url, org.coordinator.token, cancelled.id, '不需要了')).body.errors).toBeUndefined();
    expect(codes(await update(url, org.coordinator.token, cancelled.id, 2, { title: 'late' }))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await update(url, org.coordinator.token, cancelled.id, 1, { title: 'late and stale' }))).toEqual(['REQUEST_NOT_OPEN']);
    const completed = await full(url);
    expect((await complete(url, org.coordinator.token, completed.id, 3)).body.errors).toBeUndefined();
    expect(codes(await update(url, org.coordinator.token, completed.id, 2, { urgency: 'LOW' }))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await update(url, org.coordinator.token, completed.id, 7, { urgency: 'LOW' }))).toEqual(['REQUEST_NOT_OPEN']);
    expect(await current(url, adminToken, completed.id)).toMatchObject({ status: 'COMPLETED', urgency: 'HIGH', version: 2 });
  });

  test('follows the order of checks: UNAUTHENTICATED, BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, then state', async ({ url }) => {
    const request = await full(url);
    expect(codes(await update(url, undefined, request.id, 1, { title: 'anon' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await update(url, undefined, '%%', 9, { title: null }))).toEqual(['UNAUTHENTICATED']);
    expect(errorOf(await update(url, outsider.token, '%%', 1, { title: 'x' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(errorOf(await update(url, outsider.token, ghost('HelpRequest'), 1, { title: null }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    expect(codes(await update(url, outsider.token, ghost('HelpRequest'), 1, { title: 'x' }))).toEqual(['NOT_FOUND']);
    expect(codes(await update(url, outsider.token, org.id, 1, { title: 'x' }))).toEqual(['NOT_FOUND']);
    expect(codes(await update(url, outsider.token, request.id, 9, { title: 'x' }))).toEqual(['FORBIDDEN']);
    await cancel(url, org.coordinator.token, request.id);
    expect(codes(await update(url, member.token, request.id, 9, { title: 'x' }))).toEqual(['FORBIDDEN']);
  });
});

describe('concurrent changes to one request', () => {
  test('accepts exactly one of 10 concurrent updates from the same version; the others are VERSION_CONFLICT', async ({
    url,
    adminToken,
  }) => {
    const request = await open(url);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => update(url, org.coordinator.token, request.id, 1, { title: `racer ${i}` })),
    );
    const won = answers.filter((answer) => answer.body.errors === undefined);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => codes(answer)[0] === 'VERSION_CONFLICT')).toHaveLength(9);
    expect(await current(url, adminToken, request.id)).toMatchObject({ title: won[0].body.data!.updateHelpRequest.title, version: 2 });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED', 'UPDATED']);
  });

  test('closes a request once when cancel and complete race; the loser is REQUEST_NOT_OPEN', async ({ url, adminToken }) => {
    const request = await open(url);
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => cancel(url, org.coordinator.token, request.id, 'race')),
      ...Array.from({ length: 4 }, () => complete(url, org.owner.token, request.id, 1)),
    ]);
    expect(answers.filter((answer) => answer.body.errors === undefined)).toHaveLength(1);
    expect(answers.flatMap(codes).sort()).toEqual(Array(7).fill('REQUEST_NOT_OPEN'));
    const types = await eventTypes(url, [request.id]);
    expect(types).toHaveLength(2);
    expect(['CANCELLED', 'COMPLETED']).toContain(types[1]);
    expect((await current(url, adminToken, request.id)).version).toBe(2);
  });
});

describe('a FILLED request', () => {
  test('counts claim events in its version, and can still be updated and completed', async ({ url, adminToken }) => {
    const request = await open(url, { slots: [{ capacity: 1 }] });
    const claimed = await gql(
      url,
      ClaimDocument,
      { input: { slotId: request.slots[0].id, associationId: other.id, quantity: 1 } },
      other.coordinator.token,
    );
    expect(claimed.body.errors).toBeUndefined();
    expect(await current(url, adminToken, request.id)).toMatchObject({ status: 'FILLED', version: 3 });
    expect(codes(await update(url, org.coordinator.token, request.id, 1, { title: 'stale' }))).toEqual(['VERSION_CONFLICT']);
    const updated = await update(url, org.coordinator.token, request.id, 3, { title: '已满员' });
    expect(updated.body.data!.updateHelpRequest).toMatchObject({ title: '已满员', status: 'FILLED', version: 4 });
    const completed = await complete(url, org.coordinator.token, request.id, 8, 'ok');
    expect(completed.body.data!.completeHelpRequest).toMatchObject({ status: 'COMPLETED', version: 5 });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED', 'CLAIMED', 'FILLED', 'UPDATED', 'COMPLETED']);
  });
});

describe('who may update, cancel and complete', () => {
  test('refuses a plain MEMBER, an outsider, another association and its key (FORBIDDEN), changing nothing', async ({
    url,
    adminToken,
  }) => {
    const request = await open(url);
    for (const token of [member.token, outsider.token, other.owner.token, otherKey.secret]) {
      expect(codes(await update(url, token, request.id, 1, { title: 'x' }))).toEqual(['FORBIDDEN']);
      expect(codes(await cancel(url, token, request.id))).toEqual(['FORBIDDEN']);
      expect(codes(await complete(url, token, request.id, 1))).toEqual(['FORBIDDEN']);
    }
    expect(await current(url, adminToken, request.id)).toMatchObject({ status: 'OPEN', version: 1 });
  });

  test('allows the OWNER, a COORDINATOR, the API key and an administrator', async ({ url, adminToken }) => {
    const request = await open(url);
    const tokens = [org.owner.token, org.coordinator.token, key.secret, adminToken];
    for (const [i, token] of tokens.entries()) {
      const response = await update(url, token, request.id, i + 1, { title: `by ${i}` });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.updateHelpRequest.version).toBe(i + 2);
    }
    const byKey = await cancel(url, key.secret, (await open(url)).id);
    expect(byKey.body.data!.cancelHelpRequest.status).toBe('CANCELLED');
    const byAdmin = await complete(url, adminToken, (await open(url)).id, 2);
    expect(byAdmin.body.data!.completeHelpRequest.status).toBe('COMPLETED');
    // Events record the requester as the actor, whoever acted for it.
    const events = await allEvents(url, { requestIds: [request.id, byAdmin.body.data!.completeHelpRequest.id] });
    expect(events.map((event) => event.actor?.id)).toEqual(Array(events.length).fill(org.id));
  });
});

describe('cancelHelpRequest', () => {
  test('closes the request with its reason and one CANCELLED event', async ({ url }) => {
    const request = await open(url);
    const response = await cancel(url, org.coordinator.token, request.id, '  场地取消  ');
    expect(response.body.errors).toBeUndefined();
    const cancelled = response.body.data!.cancelHelpRequest;
    expect(cancelled).toMatchObject({ id: request.id, status: 'CANCELLED', cancelReason: '场地取消', version: 2 });
    expect(new Date(cancelled.closedAt!).getTime()).toBeGreaterThanOrEqual(new Date(cancelled.postedAt).getTime());
    expect(Math.abs(new Date(cancelled.closedAt!).getTime() - Date.now())).toBeLessThan(60_000);
    const events = await allEvents(url, { requestIds: [request.id] });
    expect(events.map((event) => [event.type, event.actor?.id])).toEqual([
      ['POSTED', org.id],
      ['CANCELLED', org.id],
    ]);
  });

  test('keeps no reason when none is given', async ({ url }) => {
    const request = await open(url);
    expect((await cancel(url, org.owner.token, request.id)).body.data!.cancelHelpRequest).toMatchObject({
      status: 'CANCELLED',
      cancelReason: null,
    });
  });

  test('answers REQUEST_NOT_OPEN when cancelling again, and writes no event', async ({ url, adminToken }) => {
    const request = await open(url);
    const first = (await cancel(url, org.coordinator.token, request.id, 'first')).body.data!.cancelHelpRequest;
    expect(codes(await cancel(url, org.coordinator.token, request.id, 'second'))).toEqual(['REQUEST_NOT_OPEN']);
    expect(await current(url, adminToken, request.id)).toMatchObject({ status: 'CANCELLED', version: 2 });
    const again = await gql(url, HelpRequestClosureDocument, { id: request.id });
    expect(again.body.data!.helpRequest).toEqual({ closedAt: first.closedAt, cancelReason: 'first' });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED', 'CANCELLED']);
  });

  test('refuses a reason over 500 (field reason), accepts 500, and checks input before existence', async ({ url, adminToken }) => {
    const request = await open(url);
    expect(errorOf(await cancel(url, org.coordinator.token, request.id, 'r'.repeat(501)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(errorOf(await cancel(url, outsider.token, ghost('HelpRequest'), 'r'.repeat(501)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(await current(url, adminToken, request.id)).toMatchObject({ status: 'OPEN', version: 1 });
    const accepted = await cancel(url, org.coordinator.token, request.id, '因'.repeat(500));
    expect(accepted.body.data!.cancelHelpRequest.cancelReason).toBe('因'.repeat(500));
  });

  test('answers NOT_FOUND for ids naming nothing, BAD_USER_INPUT for undecodable ones, UNAUTHENTICATED anonymously', async ({ url }) => {
    expect(codes(await cancel(url, org.coordinator.token, org.id))).toEqual(['NOT_FOUND']);
    expect(codes(await cancel(url, org.coordinator.token, ghost('HelpRequest')))).toEqual(['NOT_FOUND']);
    expect(errorOf(await cancel(url, org.coordinator.token, 'bogus!'))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(codes(await cancel(url, undefined, (await open(url)).id))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('completeHelpRequest', () => {
  test('closes the request with beneficiaries and outcome and one COMPLETED event', async ({ url }) => {
    const request = await open(url);
    const response = await complete(url, org.coordinator.token, request.id, 12, ' 清扫完毕，服务12人 ');
    expect(response.body.errors).toBeUndefined();
    const completed = response.body.data!.completeHelpRequest;
    expect(completed).toMatchObject({ id: request.id, status: 'COMPLETED', beneficiaries: 12, outcome: '清扫完毕，服务12人', version: 2 });
    expect(new Date(completed.closedAt!).getTime()).toBeGreaterThanOrEqual(new Date(completed.postedAt).getTime());
    const events = await allEvents(url, { requestIds: [request.id] });
    expect(events.map((event) => [event.type, event.actor?.id])).toEqual([
      ['POSTED', org.id],
      ['COMPLETED', org.id],
    ]);
  });

  test.for([0, 1_000_000])('accepts %i beneficiaries', async (beneficiaries, { url }) => {
    const request = await open(url);
    const response = await complete(url, org.coordinator.token, request.id, beneficiaries);
    expect(response.body.data!.completeHelpRequest).toMatchObject({ beneficiaries, outcome: null });
  });

  test.for<[string, number, string | null, string]>([
    ['beneficiaries -1', -1, null, 'beneficiaries'],
    ['beneficiaries 1,000,001', 1_000_001, null, 'beneficiaries'],
    ['an outcome over 2,000', 5, 'o'.repeat(2001), 'outcome'],
  ])('refuses %s (BAD_USER_INPUT)', async ([, beneficiaries, outcome, field], { url, adminToken }) => {
    const request = await open(url);
    expect(errorOf(await complete(url, org.coordinator.token, request.id, beneficiaries, outcome))).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
    // Shape comes before existence and permission.
    expect(errorOf(await complete(url, outsider.token, ghost('HelpRequest'), beneficiaries, outcome))).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
    expect(await current(url, adminToken, request.id)).toMatchObject({ status: 'OPEN', version: 1 });
  });

  test('accepts an outcome of 2,000 characters', async ({ url }) => {
    const request = await open(url);
    const response = await complete(url, org.coordinator.token, request.id, 1, '果'.repeat(2000));
    expect(response.body.data!.completeHelpRequest.outcome).toBe('果'.repeat(2000));
  });

  test('answers REQUEST_NOT_OPEN on a cancelled or completed request; FORBIDDEN comes first', async ({ url, adminToken }) => {
    const cancelled = await open(url);
    await cancel(url, org.coordinator.token, cancelled.id);
    expect(codes(await complete(url, org.coordinator.token, cancelled.id, 1))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await complete(url, outsider.token, cancelled.id, 1))).toEqual(['FORBIDDEN']);
    const completed = await open(url);
    await complete(url, org.coordinator.token, completed.id, 4, 'done');
    expect(codes(await complete(url, org.coordinator.token, completed.id, 5))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await cancel(url, org.coordinator.token, completed.id))).toEqual(['REQUEST_NOT_OPEN']);
    expect(await current(url, adminToken, completed.id)).toMatchObject({ status: 'COMPLETED', version: 2 });
    const kept = await gql(url, HelpRequestResultDocument, { id: completed.id });
    expect(kept.body.data!.helpRequest).toEqual({ beneficiaries: 4, outcome: 'done', cancelReason: null });
    expect(await eventTypes(url, [cancelled.id, completed.id])).toEqual(['POSTED', 'CANCELLED', 'POSTED', 'COMPLETED']);
  });

  test('answers NOT_FOUND for a valid id of another type', async ({ url, adminToken }) => {
    const request = await open(url);
    expect(codes(await complete(url, org.coordinator.token, org.id, 1))).toEqual(['NOT_FOUND']);
    expect(codes(await complete(url, org.coordinator.token, request.slots[0].id, 1))).toEqual(['NOT_FOUND']);
    expect(codes(await complete(url, adminToken, ghost('HelpRequest'), 1))).toEqual(['NOT_FOUND']);
    expect(errorOf(await complete(url, org.coordinator.token, '***', 1))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

/** Contacts by request id, as Association.helpRequests listed them. */
function pagedContacts(node: AssociationRequestContactsQuery['node']): Map<string, string | null> {
  if (node?.__typename !== 'Association') throw new Error('expected an Association');
  return new Map(node.helpRequests.edges.map(({ node: request }) => [request.id, request.phone]));
}

describe('HelpRequest.contact', () => {
  let request: RequestFieldsFragment;
  test.beforeAll(async ({ url }) => {
    request = await open(url, { contact: '王护士 13900000000', address: '县医院 3 楼' });
  });

  test.for<[string, (adminToken: string) => string]>([
    ['the OWNER', () => org.owner.token],
    ['a COORDINATOR', () => org.coordinator.token],
    ['a plain MEMBER', () => member.token],
    ['the association’s API key', () => key.secret],
    ['an administrator', (adminToken) => adminToken],
  ])('is visible to %s', async ([, token], { url, adminToken }) => {
    const response = await gql(url, HelpRequestContactDocument, { id: request.id }, token(adminToken));
    expect(response.body.data!.helpRequest).toEqual({ contact: '王护士 13900000000', address: '县医院 3 楼' });
    const listed = await gql(url, HelpRequestContactsByRequesterDocument, { requesterId: org.id }, token(adminToken));
    expect(listed.body.data!.helpRequests.edges.find((edge) => edge.node.id === request.id)!.node.contact).toBe('王护士 13900000000');
    const paged = await gql(url, AssociationRequestContactsDocument, { id: org.id }, token(adminToken));
    expect(pagedContacts(paged.body.data!.node).get(request.id)).toBe('王护士 13900000000');
    // Through slots > request, after a list that did not ask for contact (nothing decided there leaks here).
    const nested = dataOf(await gql(url, ContactThroughSlotsDocument, { requesterId: org.id }, token(adminToken)));
    const node = nested.helpRequests.edges.find((edge) => edge.node.id === request.id)!.node;
    expect(node.slots.map((slot) => slot.request.contact)).toEqual(['王护士 13900000000']);
  });

  test.for<[string, () => string | undefined]>([
    ['an anonymous caller', () => undefined],
    ['an outsider', () => outsider.token],
    ['another association’s OWNER', () => other.owner.token],
    ['another association’s API key', () => otherKey.secret],
    ['the OWNER of an unverified association', () => unverified.owner.token],
  ])('is null for %s (the address stays public)', async ([, token], { url }) => {
    const response = await gql(url, HelpRequestContactDocument, { id: request.id }, token());
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.helpRequest).toEqual({ contact: null, address: '县医院 3 楼' });
    const listed = await gql(url, HelpRequestContactsByRequesterDocument, { requesterId: org.id }, token());
    const contacts = listed.body.data!.helpRequests.edges.map((edge) => edge.node.contact);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((contact) => contact === null)).toBe(true);
    const paged = pagedContacts((await gql(url, AssociationRequestContactsDocument, { id: org.id }, token())).body.data!.node);
    expect(paged.size).toBeGreaterThan(0);
    expect([...paged.values()].every((contact) => contact === null)).toBe(true);
    const nested = dataOf(await gql(url, ContactThroughSlotsDocument, { requesterId: org.id }, token()));
    expect(nested.helpRequests.edges.flatMap((edge) => edge.node.slots.map((slot) => slot.request.contact)).every((c) => c === null)).toBe(
      true,
    );
  });

  test('is returned by postHelpRequest and updateHelpRequest to the requester', async ({ url }) => {
    const posted = await open(url, { contact: '赵 1' });
    expect(posted.contact).toBe('赵 1');
    const updated = await update(url, key.secret, posted.id, 1, { contact: '赵 2' });
    expect(updated.body.data!.updateHelpRequest.contact).toBe('赵 2');
  });
});

describe('node and helpRequest lookups', () => {
  test('node(id) returns a HelpRequest and its Slots', async ({ url }) => {
    const request = await open(url, {
      title: '节点',
      slots: [
        { label: 'one', capacity: 2 },
        { label: 'two', capacity: 5 },
      ],
    });
    expect((await gql(url, HelpRequestOrSlotNodeDocument, { id: request.id })).body.data!.node).toEqual({
      __typename: 'HelpRequest',
      id: request.id,
      title: '节点',
      requester: { id: org.id },
    });
    expect((await gql(url, HelpRequestOrSlotNodeDocument, { id: request.slots[1].id })).body.data!.node).toEqual({
      __typename: 'Slot',
      id: request.slots[1].id,
      label: 'two',
      capacity: 5,
      request: { id: request.id },
    });
    expect((await gql(url, HelpRequestOrSlotNodeDocument, { id: ghost('HelpRequest') })).body.data!.node).toBeNull();
  });

  test('helpRequest(id) is null for a valid id of another type or naming nothing, BAD_USER_INPUT for an undecodable one', async ({
    url,
  }) => {
    const request = await open(url);
    expect((await gql(url, HelpRequestIdLookupDocument, { id: request.id })).body.data!.helpRequest).toEqual({ id: request.id });
    for (const id of [org.id, request.slots[0].id, outsider.id, ghost('HelpRequest')]) {
      const response = await gql(url, HelpRequestIdLookupDocument, { id });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.helpRequest).toBeNull();
    }
    for (const id of ['%%', '', 'SGVscFJlcXVlc3Q6bm90LWEtdXVpZA']) {
      expect(codes(await gql(url, HelpRequestIdLookupDocument, { id }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await gql(url, HelpRequestOrSlotNodeDocument, { id }))).toEqual(['BAD_USER_INPUT']);
    }
  });
});
