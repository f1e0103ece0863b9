/**
 * Help requests end to end (api.md "Help requests", "Order of checks", "Input
 * limits", "Who may do what", "Ids"): post, update, cancel, complete, contact
 * visibility, idempotent posting and node lookups, over real HTTP on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { codes, gql } from './support/client.js';
import { ADMIN_ENV, addMember, asAdmin, createApiKey, createOrg, signUp, type Org, type Persona } from './support/personas.js';
import { POST, hoursFromNow, postRequest, requestInput } from './support/requests.js';
import { CANCEL, COMPLETE, UPDATE, errorOf, eventTypes, allEvents } from './support/events.js';
import { CLAIM } from './support/world.js';
import { toGlobalId } from '../src/shared/global-id.js';

let server: TestServer;
let url: string;
let adminToken: string;
/** A verified association in 巡场镇 with an OWNER, a COORDINATOR, a MEMBER and an API key. */
let org: Org;
let member: Persona;
let key: { id: string; secret: string };
/** Another verified association, with its own key. */
let other: Org;
let otherKey: { id: string; secret: string };
let outsider: Persona;
let unverified: Org;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), ADMIN_ENV);
  url = server.url;
  adminToken = await asAdmin(url);
  [org, other, unverified] = await Promise.all([
    createOrg(url, adminToken),
    createOrg(url, adminToken, { township: '上罗镇' }),
    createOrg(url, null),
  ]);
  [member, outsider] = await Promise.all([signUp(url, 'Member'), signUp(url, 'Outsider')]);
  expect((await addMember(url, org.owner.token, org.id, member.email, 'MEMBER')).body.errors).toBeUndefined();
  [key, otherKey] = await Promise.all([createApiKey(url, org.owner.token, org.id), createApiKey(url, other.owner.token, other.id)]);
});
afterAll(() => server?.stop());

const post = (token: string | undefined, input: Record<string, unknown>) => gql(url, POST, { input }, token);
const open = (overrides: Record<string, unknown> = {}) => postRequest(url, org.coordinator.token, org.id, overrides);
const update = (token: string | undefined, id: string, v: number, input: Record<string, unknown>) =>
  gql(url, UPDATE, { id, v, input }, token);
const cancel = (token: string | undefined, id: string, reason?: string | null) => gql(url, CANCEL, { id, reason }, token);
const complete = (token: string | undefined, id: string, b: number, o?: string | null) => gql(url, COMPLETE, { id, b, o }, token);
const HELP_REQUEST = `query ($id: ID!) { helpRequest(id: $id) { id title description township address contact urgency startsAt endsAt status version } }`;
const current = async (id: string, token = adminToken) =>
  (await gql(url, HELP_REQUEST, { id }, token)).body.data!.helpRequest as Record<string, any>;
const COUNT = `query ($r: ID) { helpRequests(filter: { requesterId: $r }) { totalCount } }`;
const countOf = async (associationId: string) => (await gql(url, COUNT, { r: associationId })).body.data!.helpRequests.totalCount as number;
const iso = (value: string) => new Date(value).toISOString();
/** A decodable id of the right type that names nothing. */
const ghost = (type: 'Association' | 'HelpRequest') => toGlobalId(type, randomUUID());

describe('postHelpRequest: what is stored', () => {
  it.each([
    ['MANPOWER', 'PERSON'],
    ['PATIENT_GUARD', 'PERSON'],
    ['FUNDRAISING', 'YUAN'],
    ['TUTORING', 'PERSON'],
    ['TRAINING', 'PERSON'],
    ['SUPPLIES', 'ITEM'],
  ])('a %s request counts in %s', async (kind, unit) => {
    const request = await open({ kind, slots: [{ capacity: 5000 }] });
    expect(request).toMatchObject({ kind, unit, status: 'OPEN', version: 1, capacity: 5000, claimed: 0, remaining: 5000 });
  });

  it('keeps the slots in input order and sums capacity, claimed and remaining over them', async () => {
    const slots = [
      { label: '夜班', startsAt: hoursFromNow(30), endsAt: hoursFromNow(38), capacity: 3 },
      { label: '白班', startsAt: hoursFromNow(10), endsAt: hoursFromNow(18), capacity: 1 },
      { label: '早班', capacity: 2 },
      { label: 'B', capacity: 7 },
      { label: 'A', capacity: 4 },
    ];
    const request = await open({ kind: 'PATIENT_GUARD', category: 'MEDICAL', slots });
    expect(request.slots.map((slot: { label: string }) => slot.label)).toEqual(['夜班', '白班', '早班', 'B', 'A']);
    expect(request.slots.map((slot: { capacity: number }) => slot.capacity)).toEqual([3, 1, 2, 7, 4]);
    expect(request.slots.map((slot: { remaining: number }) => slot.remaining)).toEqual([3, 1, 2, 7, 4]);
    expect(request.slots.every((slot: { claimed: number }) => slot.claimed === 0)).toBe(true);
    expect(request.slots[0]).toMatchObject({ startsAt: iso(slots[0]!.startsAt!), endsAt: iso(slots[0]!.endsAt!) });
    expect(request.slots[2]).toMatchObject({ startsAt: null, endsAt: null });
    expect(request).toMatchObject({ capacity: 17, claimed: 0, remaining: 17, unit: 'PERSON' });
    // The slots read back through helpRequest come in the same order.
    const again = await gql(url, `query ($id: ID!) { helpRequest(id: $id) { slots { id label } } }`, { id: request.id });
    expect(again.body.data!.helpRequest.slots).toEqual(
      request.slots.map((slot: { id: string; label: string }) => ({ id: slot.id, label: slot.label })),
    );
  });

  it('defaults township, urgency and times; starts OPEN at version 1', async () => {
    const before = Date.now();
    const request = await open({
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

  it('keeps explicit township, urgency and times, and has no times when neither it nor its slots carry any', async () => {
    const startsAt = hoursFromNow(1);
    const endsAt = hoursFromNow(50);
    const explicit = await open({
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
    const timeless = await open({ slots: [{ capacity: 2 }] });
    expect(timeless).toMatchObject({ startsAt: null, endsAt: null });
  });

  it('defaults the township to null for an association without one', async () => {
    const nowhere = await createOrg(url, adminToken, { township: null });
    const request = await postRequest(url, nowhere.owner.token, nowhere.id);
    expect(request.township).toBeNull();
  });

  it('takes times with an offset and answers them in UTC with milliseconds', async () => {
    const request = await open({
      startsAt: '2031-11-28T19:00:00+08:00',
      endsAt: '2031-11-28T21:30:00.250+08:00',
      slots: [{ capacity: 1 }],
    });
    expect(request).toMatchObject({ startsAt: '2031-11-28T11:00:00.000Z', endsAt: '2031-11-28T13:30:00.250Z' });
  });
});

describe('postHelpRequest: input limits', () => {
  const three = (third: Record<string, unknown>) => [{ capacity: 1 }, { capacity: 1 }, { capacity: 1, ...third }];
  it.each([
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
  ])('BAD_USER_INPUT for %s', async (_name, change, field) => {
    const before = await countOf(org.id);
    const response = await post(org.coordinator.token, requestInput(org.id, change));
    expect(response.body.errors).toHaveLength(1);
    expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(response.body.data ?? null).toBeNull();
    expect(await countOf(org.id)).toBe(before);
  });

  it.each([
    ['a title of 120 Chinese characters', { title: '助'.repeat(120) }],
    ['a title of 120 astral code points (240 UTF-16 units)', { title: '🤝'.repeat(120) }],
    ['a title of 120 characters padded with spaces', { title: `  ${'t'.repeat(120)}  ` }],
    ['a description of 5,000', { description: '述'.repeat(5000) }],
    ['township, address and contact of 500', { township: '镇'.repeat(500), address: 'a'.repeat(500), contact: '联'.repeat(500) }],
    ['100 slots', { slots: Array.from({ length: 100 }, () => ({ capacity: 1 })) }],
    ['capacity 1,000,000', { slots: [{ capacity: 1_000_000 }] }],
    ['a FUNDRAISING target of 1,000,000 yuan', { kind: 'FUNDRAISING', slots: [{ capacity: 1_000_000 }] }],
    ['an idempotency key of 200 characters', { idempotencyKey: `${randomUUID()}${'k'.repeat(164)}` }],
  ])('accepts %s', async (_name, change) => {
    const response = await post(org.coordinator.token, requestInput(org.id, change));
    expect(response.body.errors).toBeUndefined();
    const request = response.body.data!.postHelpRequest;
    if ('title' in change) expect(request.title).toBe((change.title as string).trim());
    if ('slots' in change) expect(request.slots).toHaveLength((change.slots as unknown[]).length);
  });
});

describe('postHelpRequest: order of checks', () => {
  it('UNAUTHENTICATED for an anonymous caller, whatever the input', async () => {
    expect(codes(await post(undefined, requestInput(org.id)))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await post(undefined, requestInput('%%', { title: '', slots: [] })))).toEqual(['UNAUTHENTICATED']);
  });

  it('BAD_USER_INPUT before NOT_FOUND: a malformed title for an id naming nothing', async () => {
    const response = await post(outsider.token, requestInput(org.owner.id, { title: '' }));
    expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
  });

  it('BAD_USER_INPUT before FORBIDDEN: an outsider with a malformed title on an existing association', async () => {
    expect(errorOf(await post(outsider.token, requestInput(org.id, { title: 't'.repeat(121) })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    expect(errorOf(await post(otherKey.secret, requestInput(org.id, { slots: [] })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.slots',
    });
    // An unverified association's OWNER with bad input: still the input first.
    expect(errorOf(await post(unverified.owner.token, requestInput(unverified.id, { description: ' ' })))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.description',
    });
  });

  it('NOT_FOUND before FORBIDDEN: an outsider posting for a valid id of another type, or of an unknown association', async () => {
    expect(codes(await post(outsider.token, requestInput(org.owner.id)))).toEqual(['NOT_FOUND']);
    const request = await open();
    expect(codes(await post(outsider.token, requestInput(request.id)))).toEqual(['NOT_FOUND']);
    expect(codes(await post(outsider.token, requestInput(ghost('Association'))))).toEqual(['NOT_FOUND']);
    expect(codes(await post(adminToken, requestInput(ghost('Association'))))).toEqual(['NOT_FOUND']);
  });
});

describe('postHelpRequest: who may post', () => {
  it('allows the OWNER, a COORDINATOR, the association’s API key and an administrator, each posting for the association', async () => {
    const before = await countOf(org.id);
    for (const token of [org.owner.token, org.coordinator.token, key.secret, adminToken]) {
      const response = await post(token, requestInput(org.id));
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.postHelpRequest.requester.id).toBe(org.id);
    }
    expect(await countOf(org.id)).toBe(before + 4);
  });

  it('refuses a plain MEMBER, an outsider, another association’s key and another association’s OWNER (FORBIDDEN)', async () => {
    const before = await countOf(org.id);
    for (const token of [member.token, outsider.token, otherKey.secret, other.owner.token, other.coordinator.token]) {
      expect(codes(await post(token, requestInput(org.id)))).toEqual(['FORBIDDEN']);
    }
    expect(await countOf(org.id)).toBe(before);
  });

  it('refuses an unverified association, even to its OWNER, its key and an administrator', async () => {
    const unverifiedKey = await createApiKey(url, unverified.owner.token, unverified.id);
    for (const token of [unverified.owner.token, unverified.coordinator.token, unverifiedKey.secret, adminToken]) {
      expect(codes(await post(token, requestInput(unverified.id)))).toEqual(['FORBIDDEN']);
    }
    expect(await countOf(unverified.id)).toBe(0);
  });
});

describe('postHelpRequest: idempotency', () => {
  it('returns the first request for the same key and input and creates nothing new', async () => {
    const fresh = await createOrg(url, adminToken);
    const input = requestInput(fresh.id, { idempotencyKey: 'retry-1', slots: [{ capacity: 2 }, { capacity: 3 }] });
    const first = await post(fresh.coordinator.token, input);
    expect(first.body.errors).toBeUndefined();
    const id = first.body.data!.postHelpRequest.id;
    // The key belongs to the association: its OWNER and its API key replay it too.
    const freshKey = await createApiKey(url, fresh.owner.token, fresh.id);
    for (const token of [fresh.coordinator.token, fresh.owner.token, freshKey.secret]) {
      const again = await post(token, input);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data!.postHelpRequest.id).toBe(id);
      expect(again.body.data!.postHelpRequest.slots.map((s: { id: string }) => s.id)).toEqual(
        first.body.data!.postHelpRequest.slots.map((s: { id: string }) => s.id),
      );
    }
    expect(await countOf(fresh.id)).toBe(1);
    expect(await eventTypes(url, [id])).toEqual(['POSTED']);
  });

  it('replays the request as it is now, even once it is closed', async () => {
    const input = requestInput(org.id, { idempotencyKey: `now-${randomUUID()}` });
    const first = (await post(org.coordinator.token, input)).body.data!.postHelpRequest;
    expect((await update(org.coordinator.token, first.id, 1, { title: '改过的标题' })).body.errors).toBeUndefined();
    const replay = (await post(org.coordinator.token, input)).body.data!.postHelpRequest;
    expect(replay).toMatchObject({ id: first.id, title: '改过的标题', version: 2 });
    expect((await cancel(org.coordinator.token, first.id)).body.errors).toBeUndefined();
    const afterCancel = await post(org.coordinator.token, input);
    expect(afterCancel.body.errors).toBeUndefined();
    expect(afterCancel.body.data!.postHelpRequest).toMatchObject({ id: first.id, status: 'CANCELLED', version: 3 });
  });

  it('refuses the same key with other input (BAD_USER_INPUT input.idempotencyKey)', async () => {
    const idempotencyKey = `other-${randomUUID()}`;
    const first = await post(org.coordinator.token, requestInput(org.id, { idempotencyKey }));
    expect(first.body.errors).toBeUndefined();
    const before = await countOf(org.id);
    for (const change of [{ title: '另一个标题' }, { slots: [{ capacity: 9 }] }, { urgency: 'HIGH' }, { contact: '电话 1' }]) {
      const response = await post(org.coordinator.token, requestInput(org.id, { idempotencyKey, ...change }));
      expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    }
    expect(await countOf(org.id)).toBe(before);
  });

  it('scopes keys by association: the same key from another association posts its own request', async () => {
    const idempotencyKey = `shared-${randomUUID()}`;
    const mine = await post(org.coordinator.token, requestInput(org.id, { idempotencyKey }));
    const theirs = await post(other.coordinator.token, requestInput(other.id, { idempotencyKey }));
    expect(mine.body.errors).toBeUndefined();
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.body.data!.postHelpRequest.id).not.toBe(mine.body.data!.postHelpRequest.id);
    expect(theirs.body.data!.postHelpRequest.requester.id).toBe(other.id);
    // With other input, too: the other association's use does not bind this one.
    const third = await createOrg(url, adminToken);
    const differing = await post(third.coordinator.token, requestInput(third.id, { idempotencyKey, title: '完全不同' }));
    expect(differing.body.errors).toBeUndefined();
  });

  it('checks permission before replaying, and a failed attempt does not use the key up', async () => {
    const idempotencyKey = `failed-${randomUUID()}`;
    const input = requestInput(org.id, { idempotencyKey });
    expect(codes(await post(member.token, input))).toEqual(['FORBIDDEN']);
    expect(errorOf(await post(org.coordinator.token, { ...input, title: '' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.title' });
    // The key is still free: other input than the failed attempts is accepted.
    const taken = await post(org.coordinator.token, { ...input, title: '第一次成功' });
    expect(taken.body.errors).toBeUndefined();
    // Now the key is bound: a MEMBER replaying it is still FORBIDDEN.
    expect(codes(await post(member.token, { ...input, title: '第一次成功' }))).toEqual(['FORBIDDEN']);
    expect(errorOf(await post(org.coordinator.token, input))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it('creates exactly one request for 20 concurrent identical calls', async () => {
    const fresh = await createOrg(url, adminToken);
    const input = requestInput(fresh.id, { idempotencyKey: 'race', slots: [{ capacity: 1 }, { capacity: 2 }] });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(fresh.coordinator.token, input)));
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    const ids = new Set(answers.map((answer) => answer.body.data!.postHelpRequest.id));
    expect(ids.size).toBe(1);
    expect(await countOf(fresh.id)).toBe(1);
    const [id] = [...ids];
    expect(await eventTypes(url, [id!])).toEqual(['POSTED']);
    const slots = await gql(url, `query ($id: ID!) { helpRequest(id: $id) { slots { capacity } } }`, { id });
    expect(slots.body.data!.helpRequest.slots).toEqual([{ capacity: 1 }, { capacity: 2 }]);
  });
});

describe('updateHelpRequest', () => {
  const full = () =>
    open({
      title: '原标题',
      description: '原描述',
      township: '巡场镇',
      address: '文化站',
      contact: '李老师 13800000000',
      urgency: 'HIGH',
      startsAt: hoursFromNow(10),
      endsAt: hoursFromNow(20),
    });

  it('leaves omitted fields unchanged and increments the version by one', async () => {
    const request = await full();
    const response = await update(org.coordinator.token, request.id, 1, { title: ' 新标题 ' });
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
    expect(await current(request.id)).toEqual(response.body.data!.updateHelpRequest);
  });

  it('clears township, address, contact, startsAt and endsAt on explicit null, in one event', async () => {
    const request = await full();
    const response = await update(org.owner.token, request.id, 1, {
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

  it.each([
    ['title', { title: null }, 'input.title'],
    ['description', { description: null }, 'input.description'],
    ['urgency', { urgency: null }, 'input.urgency'],
    ['an empty title', { title: '  ' }, 'input.title'],
    ['a title over 120', { title: '标'.repeat(121) }, 'input.title'],
    ['a description over 5,000', { description: 'd'.repeat(5001) }, 'input.description'],
    ['a township over 500', { township: 't'.repeat(501) }, 'input.township'],
    ['an address over 500', { address: 'a'.repeat(501) }, 'input.address'],
    ['a contact over 500', { contact: 'c'.repeat(501) }, 'input.contact'],
  ])('refuses %s (BAD_USER_INPUT) and changes nothing', async (_name, input, field) => {
    const request = await full();
    expect(errorOf(await update(org.coordinator.token, request.id, 1, input))).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await current(request.id)).toMatchObject({ title: '原标题', description: '原描述', urgency: 'HIGH', version: 1 });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED']);
  });

  it('changes no version and writes no event when nothing changes', async () => {
    const request = await full();
    for (const input of [
      {},
      { title: '原标题', urgency: 'HIGH' },
      { title: '  原标题  ', township: '巡场镇', address: '文化站' },
      { startsAt: request.startsAt, endsAt: request.endsAt },
      { startsAt: new Date(request.startsAt).toISOString().replace('Z', '+00:00') },
    ]) {
      const response = await update(org.coordinator.token, request.id, 1, input);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.updateHelpRequest.version).toBe(1);
    }
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED']);
    // Clearing an already empty field changes nothing either.
    const bare = await open();
    expect((await update(org.coordinator.token, bare.id, 1, { address: null, startsAt: null })).body.data!.updateHelpRequest.version).toBe(
      1,
    );
    expect(await eventTypes(url, [bare.id])).toEqual(['POSTED']);
  });

  it('counts one version per update and one UPDATED event each, by the requester', async () => {
    const request = await full();
    const changes = [{ urgency: 'CRITICAL' }, { description: '新描述' }, { contact: '王' }, { address: null }];
    for (const [i, input] of changes.entries()) {
      const response = await update(key.secret, request.id, i + 1, input);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.updateHelpRequest.version).toBe(i + 2);
    }
    const events = await allEvents(url, { requestIds: [request.id] });
    expect(events.map((event) => event.type)).toEqual(['POSTED', 'UPDATED', 'UPDATED', 'UPDATED', 'UPDATED']);
    expect(events.every((event) => event.actor?.id === org.id)).toBe(true);
    expect(await current(request.id)).toMatchObject({
      urgency: 'CRITICAL',
      description: '新描述',
      contact: '王',
      address: null,
      version: 5,
    });
  });

  it('answers VERSION_CONFLICT for a stale or future expectedVersion, changing nothing', async () => {
    const request = await full();
    expect((await update(org.coordinator.token, request.id, 1, { title: 'v2' })).body.errors).toBeUndefined();
    expect(codes(await update(org.coordinator.token, request.id, 1, { title: 'stale' }))).toEqual(['VERSION_CONFLICT']);
    expect(codes(await update(org.coordinator.token, request.id, 3, { title: 'future' }))).toEqual(['VERSION_CONFLICT']);
    expect(await current(request.id)).toMatchObject({ title: 'v2', version: 2 });
  });

  it('checks endsAt > startsAt on the result of the update', async () => {
    const request = await full();
    // Only endsAt, before the existing startsAt.
    const early = await update(org.coordinator.token, request.id, 1, { endsAt: hoursFromNow(5) });
    expect(errorOf(early)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    // Only endsAt, equal to the existing startsAt.
    expect(codes(await update(org.coordinator.token, request.id, 1, { endsAt: request.startsAt }))).toEqual(['BAD_USER_INPUT']);
    // Only startsAt, after the existing endsAt.
    expect(codes(await update(org.coordinator.token, request.id, 1, { startsAt: hoursFromNow(25) }))).toEqual(['BAD_USER_INPUT']);
    expect(await current(request.id)).toMatchObject({ startsAt: request.startsAt, endsAt: request.endsAt, version: 1 });
    // Both moved together, consistently: accepted.
    const startsAt = hoursFromNow(25);
    const endsAt = hoursFromNow(30);
    const moved = await update(org.coordinator.token, request.id, 1, { startsAt, endsAt });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.updateHelpRequest).toMatchObject({ startsAt: iso(startsAt), endsAt: iso(endsAt), version: 2 });
    // With startsAt cleared, any endsAt is fine.
    const cleared = await update(org.coordinator.token, request.id, 2, { startsAt: null, endsAt: hoursFromNow(1) });
    expect(cleared.body.errors).toBeUndefined();
    expect(cleared.body.data!.updateHelpRequest).toMatchObject({ startsAt: null, version: 3 });
  });

  // api.md "Order of checks" lists times among the shape checks that need no database: when the
  // update itself carries both startsAt and endsAt out of order, that is BAD_USER_INPUT first.
  it.each([
    ['an outsider on an id naming nothing (not NOT_FOUND)', () => outsider.token, 'ghost', 1],
    ['an outsider on an existing request (not FORBIDDEN)', () => outsider.token, 'open', 1],
    ['the requester with a stale expectedVersion (not VERSION_CONFLICT)', () => org.coordinator.token, 'open', 7],
    ['the requester on a cancelled request (not REQUEST_NOT_OPEN)', () => org.coordinator.token, 'cancelled', 2],
  ])('refuses startsAt and endsAt given out of order as input shape: %s', async (_name, token, target, version) => {
    const request = await full();
    if (target === 'cancelled') await cancel(org.coordinator.token, request.id);
    const id = target === 'ghost' ? ghost('HelpRequest') : request.id;
    const response = await update(token(), id, version, { startsAt: hoursFromNow(5), endsAt: hoursFromNow(4) });
    expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
  });

  it('answers REQUEST_NOT_OPEN on a closed request, before VERSION_CONFLICT', async () => {
    const cancelled = await full();
    expect((await cancel(org.coordinator.token, cancelled.id, '不需要了')).body.errors).toBeUndefined();
    expect(codes(await update(org.coordinator.token, cancelled.id, 2, { title: 'late' }))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await update(org.coordinator.token, cancelled.id, 1, { title: 'late and stale' }))).toEqual(['REQUEST_NOT_OPEN']);
    const completed = await full();
    expect((await complete(org.coordinator.token, completed.id, 3)).body.errors).toBeUndefined();
    expect(codes(await update(org.coordinator.token, completed.id, 2, { urgency: 'LOW' }))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await update(org.coordinator.token, completed.id, 7, { urgency: 'LOW' }))).toEqual(['REQUEST_NOT_OPEN']);
    expect(await current(completed.id)).toMatchObject({ status: 'COMPLETED', urgency: 'HIGH', version: 2 });
  });

  it('follows the order of checks: UNAUTHENTICATED, BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, then state', async () => {
    const request = await full();
    expect(codes(await update(undefined, request.id, 1, { title: 'anon' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await update(undefined, '%%', 9, { title: null }))).toEqual(['UNAUTHENTICATED']);
    expect(errorOf(await update(outsider.token, '%%', 1, { title: 'x' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(errorOf(await update(outsider.token, ghost('HelpRequest'), 1, { title: null }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    expect(codes(await update(outsider.token, ghost('HelpRequest'), 1, { title: 'x' }))).toEqual(['NOT_FOUND']);
    expect(codes(await update(outsider.token, org.id, 1, { title: 'x' }))).toEqual(['NOT_FOUND']);
    expect(codes(await update(outsider.token, request.id, 9, { title: 'x' }))).toEqual(['FORBIDDEN']);
    await cancel(org.coordinator.token, request.id);
    expect(codes(await update(member.token, request.id, 9, { title: 'x' }))).toEqual(['FORBIDDEN']);
  });
});

describe('concurrent changes to one request', () => {
  it('accepts exactly one of 10 concurrent updates from the same version; the others are VERSION_CONFLICT', async () => {
    const request = await open();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => update(org.coordinator.token, request.id, 1, { title: `racer ${i}` })),
    );
    const won = answers.filter((answer) => answer.body.errors === undefined);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => codes(answer)[0] === 'VERSION_CONFLICT')).toHaveLength(9);
    expect(await current(request.id)).toMatchObject({ title: won[0]!.body.data!.updateHelpRequest.title, version: 2 });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED', 'UPDATED']);
  });

  it('closes a request once when cancel and complete race; the loser is REQUEST_NOT_OPEN', async () => {
    const request = await open();
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => cancel(org.coordinator.token, request.id, 'race')),
      ...Array.from({ length: 4 }, () => complete(org.owner.token, request.id, 1)),
    ]);
    expect(answers.filter((answer) => answer.body.errors === undefined)).toHaveLength(1);
    expect(answers.flatMap(codes).sort()).toEqual(Array(7).fill('REQUEST_NOT_OPEN'));
    const types = await eventTypes(url, [request.id]);
    expect(types).toHaveLength(2);
    expect(['CANCELLED', 'COMPLETED']).toContain(types[1]);
    expect((await current(request.id)).version).toBe(2);
  });
});

describe('a FILLED request', () => {
  it('counts claim events in its version, and can still be updated and completed', async () => {
    const request = await open({ slots: [{ capacity: 1 }] });
    const claimed = await gql(
      url,
      CLAIM,
      { input: { slotId: request.slots[0].id, associationId: other.id, quantity: 1 } },
      other.coordinator.token,
    );
    expect(claimed.body.errors).toBeUndefined();
    expect(await current(request.id)).toMatchObject({ status: 'FILLED', version: 3 });
    expect(codes(await update(org.coordinator.token, request.id, 1, { title: 'stale' }))).toEqual(['VERSION_CONFLICT']);
    const updated = await update(org.coordinator.token, request.id, 3, { title: '已满员' });
    expect(updated.body.data!.updateHelpRequest).toMatchObject({ title: '已满员', status: 'FILLED', version: 4 });
    const completed = await complete(org.coordinator.token, request.id, 8, 'ok');
    expect(completed.body.data!.completeHelpRequest).toMatchObject({ status: 'COMPLETED', version: 5 });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED', 'CLAIMED', 'FILLED', 'UPDATED', 'COMPLETED']);
  });
});

describe('who may update, cancel and complete', () => {
  it('refuses a plain MEMBER, an outsider, another association and its key (FORBIDDEN), changing nothing', async () => {
    const request = await open();
    for (const token of [member.token, outsider.token, other.owner.token, otherKey.secret]) {
      expect(codes(await update(token, request.id, 1, { title: 'x' }))).toEqual(['FORBIDDEN']);
      expect(codes(await cancel(token, request.id))).toEqual(['FORBIDDEN']);
      expect(codes(await complete(token, request.id, 1))).toEqual(['FORBIDDEN']);
    }
    expect(await current(request.id)).toMatchObject({ status: 'OPEN', version: 1 });
  });

  it('allows the OWNER, a COORDINATOR, the API key and an administrator', async () => {
    const request = await open();
    const tokens = [org.owner.token, org.coordinator.token, key.secret, adminToken];
    for (const [i, token] of tokens.entries()) {
      const response = await update(token, request.id, i + 1, { title: `by ${i}` });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.updateHelpRequest.version).toBe(i + 2);
    }
    const byKey = await cancel(key.secret, (await open()).id);
    expect(byKey.body.data!.cancelHelpRequest.status).toBe('CANCELLED');
    const byAdmin = await complete(adminToken, (await open()).id, 2);
    expect(byAdmin.body.data!.completeHelpRequest.status).toBe('COMPLETED');
    // Events record the requester as the actor, whoever acted for it.
    const events = await allEvents(url, { requestIds: [request.id, byAdmin.body.data!.completeHelpRequest.id] });
    expect(events.map((event) => event.actor?.id)).toEqual(Array(events.length).fill(org.id));
  });
});

describe('cancelHelpRequest', () => {
  it('closes the request with its reason and one CANCELLED event', async () => {
    const request = await open();
    const response = await cancel(org.coordinator.token, request.id, '  场地取消  ');
    expect(response.body.errors).toBeUndefined();
    const cancelled = response.body.data!.cancelHelpRequest;
    expect(cancelled).toMatchObject({ id: request.id, status: 'CANCELLED', cancelReason: '场地取消', version: 2 });
    expect(new Date(cancelled.closedAt).getTime()).toBeGreaterThanOrEqual(new Date(cancelled.postedAt).getTime());
    expect(Math.abs(new Date(cancelled.closedAt).getTime() - Date.now())).toBeLessThan(60_000);
    const events = await allEvents(url, { requestIds: [request.id] });
    expect(events.map((event) => [event.type, event.actor?.id])).toEqual([
      ['POSTED', org.id],
      ['CANCELLED', org.id],
    ]);
  });

  it('keeps no reason when none is given', async () => {
    const request = await open();
    expect((await cancel(org.owner.token, request.id)).body.data!.cancelHelpRequest).toMatchObject({
      status: 'CANCELLED',
      cancelReason: null,
    });
  });

  it('answers REQUEST_NOT_OPEN when cancelling again, and writes no event', async () => {
    const request = await open();
    const first = (await cancel(org.coordinator.token, request.id, 'first')).body.data!.cancelHelpRequest;
    expect(codes(await cancel(org.coordinator.token, request.id, 'second'))).toEqual(['REQUEST_NOT_OPEN']);
    expect(await current(request.id)).toMatchObject({ status: 'CANCELLED', version: 2 });
    const again = await gql(url, `query ($id: ID!) { helpRequest(id: $id) { closedAt cancelReason } }`, { id: request.id });
    expect(again.body.data!.helpRequest).toEqual({ closedAt: first.closedAt, cancelReason: 'first' });
    expect(await eventTypes(url, [request.id])).toEqual(['POSTED', 'CANCELLED']);
  });

  it('refuses a reason over 500 (field reason), accepts 500, and checks input before existence', async () => {
    const request = await open();
    expect(errorOf(await cancel(org.coordinator.token, request.id, 'r'.repeat(501)))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(errorOf(await cancel(outsider.token, ghost('HelpRequest'), 'r'.repeat(501)))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(await current(request.id)).toMatchObject({ status: 'OPEN', version: 1 });
    const accepted = await cancel(org.coordinator.token, request.id, '因'.repeat(500));
    expect(accepted.body.data!.cancelHelpRequest.cancelReason).toBe('因'.repeat(500));
  });

  it('answers NOT_FOUND for ids naming nothing, BAD_USER_INPUT for undecodable ones, UNAUTHENTICATED anonymously', async () => {
    expect(codes(await cancel(org.coordinator.token, org.id))).toEqual(['NOT_FOUND']);
    expect(codes(await cancel(org.coordinator.token, ghost('HelpRequest')))).toEqual(['NOT_FOUND']);
    expect(errorOf(await cancel(org.coordinator.token, 'bogus!'))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(codes(await cancel(undefined, (await open()).id))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('completeHelpRequest', () => {
  it('closes the request with beneficiaries and outcome and one COMPLETED event', async () => {
    const request = await open();
    const response = await complete(org.coordinator.token, request.id, 12, ' 清扫完毕，服务12人 ');
    expect(response.body.errors).toBeUndefined();
    const completed = response.body.data!.completeHelpRequest;
    expect(completed).toMatchObject({ id: request.id, status: 'COMPLETED', beneficiaries: 12, outcome: '清扫完毕，服务12人', version: 2 });
    expect(new Date(completed.closedAt).getTime()).toBeGreaterThanOrEqual(new Date(completed.postedAt).getTime());
    const events = await allEvents(url, { requestIds: [request.id] });
    expect(events.map((event) => [event.type, event.actor?.id])).toEqual([
      ['POSTED', org.id],
      ['COMPLETED', org.id],
    ]);
  });

  it.each([0, 1_000_000])('accepts %i beneficiaries', async (beneficiaries) => {
    const request = await open();
    const response = await complete(org.coordinator.token, request.id, beneficiaries);
    expect(response.body.data!.completeHelpRequest).toMatchObject({ beneficiaries, outcome: null });
  });

  it.each([
    ['beneficiaries -1', -1, null, 'beneficiaries'],
    ['beneficiaries 1,000,001', 1_000_001, null, 'beneficiaries'],
    ['an outcome over 2,000', 5, 'o'.repeat(2001), 'outcome'],
  ])('refuses %s (BAD_USER_INPUT)', async (_name, beneficiaries, outcome, field) => {
    const request = await open();
    expect(errorOf(await complete(org.coordinator.token, request.id, beneficiaries, outcome))).toEqual({ code: 'BAD_USER_INPUT', field });
    // Shape comes before existence and permission.
    expect(errorOf(await complete(outsider.token, ghost('HelpRequest'), beneficiaries, outcome))).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
    expect(await current(request.id)).toMatchObject({ status: 'OPEN', version: 1 });
  });

  it('accepts an outcome of 2,000 characters', async () => {
    const request = await open();
    const response = await complete(org.coordinator.token, request.id, 1, '果'.repeat(2000));
    expect(response.body.data!.completeHelpRequest.outcome).toBe('果'.repeat(2000));
  });

  it('answers REQUEST_NOT_OPEN on a cancelled or completed request; FORBIDDEN comes first', async () => {
    const cancelled = await open();
    await cancel(org.coordinator.token, cancelled.id);
    expect(codes(await complete(org.coordinator.token, cancelled.id, 1))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await complete(outsider.token, cancelled.id, 1))).toEqual(['FORBIDDEN']);
    const completed = await open();
    await complete(org.coordinator.token, completed.id, 4, 'done');
    expect(codes(await complete(org.coordinator.token, completed.id, 5))).toEqual(['REQUEST_NOT_OPEN']);
    expect(codes(await cancel(org.coordinator.token, completed.id))).toEqual(['REQUEST_NOT_OPEN']);
    expect(await current(completed.id)).toMatchObject({ status: 'COMPLETED', version: 2 });
    const kept = await gql(url, `query ($id: ID!) { helpRequest(id: $id) { beneficiaries outcome cancelReason } }`, { id: completed.id });
    expect(kept.body.data!.helpRequest).toEqual({ beneficiaries: 4, outcome: 'done', cancelReason: null });
    expect(await eventTypes(url, [cancelled.id, completed.id])).toEqual(['POSTED', 'CANCELLED', 'POSTED', 'COMPLETED']);
  });

  it('answers NOT_FOUND for a valid id of another type', async () => {
    const request = await open();
    expect(codes(await complete(org.coordinator.token, org.id, 1))).toEqual(['NOT_FOUND']);
    expect(codes(await complete(org.coordinator.token, request.slots[0].id, 1))).toEqual(['NOT_FOUND']);
    expect(codes(await complete(adminToken, ghost('HelpRequest'), 1))).toEqual(['NOT_FOUND']);
    expect(errorOf(await complete(org.coordinator.token, '***', 1))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('HelpRequest.contact', () => {
  const CONTACT = `query ($id: ID!) { helpRequest(id: $id) { contact address } }`;
  const LIST = `query ($r: ID) { helpRequests(filter: { requesterId: $r }, first: 100) { edges { node { id contact } } } }`;
  let request: Record<string, any>;
  beforeAll(async () => {
    request = await open({ contact: '王护士 13900000000', address: '县医院 3 楼' });
  });

  it.each([
    ['the OWNER', () => org.owner.token],
    ['a COORDINATOR', () => org.coordinator.token],
    ['a plain MEMBER', () => member.token],
    ['the association’s API key', () => key.secret],
    ['an administrator', () => adminToken],
  ])('is visible to %s', async (_name, token) => {
    const response = await gql(url, CONTACT, { id: request.id }, token());
    expect(response.body.data!.helpRequest).toEqual({ contact: '王护士 13900000000', address: '县医院 3 楼' });
    const listed = await gql(url, LIST, { r: org.id }, token());
    expect(listed.body.data!.helpRequests.edges.find((edge: { node: { id: string } }) => edge.node.id === request.id).node.contact).toBe(
      '王护士 13900000000',
    );
  });

  it.each([
    ['an anonymous caller', () => undefined],
    ['an outsider', () => outsider.token],
    ['another association’s OWNER', () => other.owner.token],
    ['another association’s API key', () => otherKey.secret],
    ['the OWNER of an unverified association', () => unverified.owner.token],
  ])('is null for %s (the address stays public)', async (_name, token) => {
    const response = await gql(url, CONTACT, { id: request.id }, token());
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.helpRequest).toEqual({ contact: null, address: '县医院 3 楼' });
    const listed = await gql(url, LIST, { r: org.id }, token());
    const contacts = listed.body.data!.helpRequests.edges.map((edge: { node: { contact: string | null } }) => edge.node.contact);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((contact: string | null) => contact === null)).toBe(true);
  });

  it('is returned by postHelpRequest and updateHelpRequest to the requester', async () => {
    const posted = await open({ contact: '赵 1' });
    expect(posted.contact).toBe('赵 1');
    const updated = await update(key.secret, posted.id, 1, { contact: '赵 2' });
    expect(updated.body.data!.updateHelpRequest.contact).toBe('赵 2');
  });
});

describe('node and helpRequest lookups', () => {
  const NODE = `query ($id: ID!) { node(id: $id) { __typename id ... on HelpRequest { title requester { id } } ... on Slot { label capacity request { id } } } }`;

  it('node(id) returns a HelpRequest and its Slots', async () => {
    const request = await open({
      title: '节点',
      slots: [
        { label: 'one', capacity: 2 },
        { label: 'two', capacity: 5 },
      ],
    });
    expect((await gql(url, NODE, { id: request.id })).body.data!.node).toEqual({
      __typename: 'HelpRequest',
      id: request.id,
      title: '节点',
      requester: { id: org.id },
    });
    expect((await gql(url, NODE, { id: request.slots[1].id })).body.data!.node).toEqual({
      __typename: 'Slot',
      id: request.slots[1].id,
      label: 'two',
      capacity: 5,
      request: { id: request.id },
    });
    expect((await gql(url, NODE, { id: ghost('HelpRequest') })).body.data!.node).toBeNull();
  });

  it('helpRequest(id) is null for a valid id of another type or naming nothing, BAD_USER_INPUT for an undecodable one', async () => {
    const request = await open();
    const query = `query ($id: ID!) { helpRequest(id: $id) { id } }`;
    expect((await gql(url, query, { id: request.id })).body.data!.helpRequest).toEqual({ id: request.id });
    for (const id of [org.id, request.slots[0].id, outsider.id, ghost('HelpRequest')]) {
      const response = await gql(url, query, { id });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.helpRequest).toBeNull();
    }
    for (const id of ['%%', '', 'SGVscFJlcXVlc3Q6bm90LWEtdXVpZA']) {
      expect(codes(await gql(url, query, { id }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await gql(url, NODE, { id }))).toEqual(['BAD_USER_INPUT']);
    }
  });
});
