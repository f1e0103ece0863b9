/**
 * Query.requestEvents and requestEventsHead (api.md "Events and subscriptions"):
 * oldest first, the event types of the request lifecycle with their actor,
 * cursors and `after`, `first` bounds, and every RequestEventFilter field,
 * matching the attributes stored when each event was written.
 */
import { randomUUID } from 'node:crypto';
import { codes, gql, type GraphQLResponse } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createApiKey, createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { allEvents, errorOf, eventPage, type EventNode } from './support/events.js';
import { toGlobalId } from '../src/shared/global-id.js';
import {
  CancelHelpRequestDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  HelpRequestListPageDocument,
  RequestEventCursorsInTownshipDocument,
  RequestEventPageDocument,
  RequestEventsHeadDocument,
  RequestEventsWithCurrentRequestDocument,
  UpdateHelpRequestDocument,
  WithdrawClaimDocument,
  type HelpRequestListPageQuery,
  type PostHelpRequestInput,
  type RequestEventFilter,
  type UpdateHelpRequestInput,
} from './generated/graphql.js';

let a: Org;
let b: Org;
let helper: Org;

test.beforeAll(async ({ url, adminToken }) => {
  [a, b, helper] = await Promise.all([createOrg(url, adminToken), createOrg(url, adminToken), createOrg(url, adminToken)]);
});

const township = (label: string) => `${label}-${randomUUID()}`;
const update = async (url: string, token: string, id: string, expectedVersion: number, input: UpdateHelpRequestInput) => {
  const response = await gql(url, UpdateHelpRequestDocument, { id, expectedVersion, input }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.updateHelpRequest;
};
const events = (url: string, filter: RequestEventFilter) => allEvents(url, filter);
const summary = (list: EventNode[], names: Record<string, string>) =>
  list.map((event) => `${names[event.request.id] ?? event.request.id} ${event.type}`);

describe('the lifecycle in the log', () => {
  test('lists POSTED, UPDATED, CANCELLED and COMPLETED oldest first, with the requester as actor, whoever acted', async ({
    url,
    adminToken,
  }) => {
    const key = await createApiKey(url, a.owner.token, a.id);
    const place = township('生命镇');
    const r1 = await postRequest(url, key.secret, a.id, { township: place, title: 'r1' });
    const r2 = await postRequest(url, adminToken, a.id, { township: place, title: 'r2' });
    await update(url, adminToken, r1.id, 1, { urgency: 'HIGH' });
    const completed = await gql(url, CompleteHelpRequestDocument, { id: r2.id, beneficiaries: 3, outcome: 'ok' }, a.owner.token);
    expect(completed.body.errors).toBeUndefined();
    await update(url, a.coordinator.token, r1.id, 2, { title: 'r1 again' });
    expect((await gql(url, CancelHelpRequestDocument, { id: r1.id, reason: 'no' }, key.secret)).body.errors).toBeUndefined();

    const list = await events(url, { requestIds: [r1.id, r2.id] });
    expect(summary(list, { [r1.id]: 'r1', [r2.id]: 'r2' })).toEqual([
      'r1 POSTED',
      'r2 POSTED',
      'r1 UPDATED',
      'r2 COMPLETED',
      'r1 UPDATED',
      'r1 CANCELLED',
    ]);
    for (const event of list) {
      expect(event.actor).toEqual({ id: a.id });
      expect(event.claim).toBeNull();
      expect(event.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    // Written one after another: their times never go backwards.
    const times = list.map((event) => new Date(event.occurredAt).getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    // The same events, filtered by township instead.
    expect(await events(url, { townships: [place] })).toEqual(list);
  });

  test('resolves request as it is now, not as it was when the event was written', async ({ url }) => {
    const request = await postRequest(url, a.coordinator.token, a.id, { title: 'old title' });
    await update(url, a.coordinator.token, request.id, 1, { title: 'new title' });
    await gql(url, CancelHelpRequestDocument, { id: request.id }, a.coordinator.token);
    const response = await gql(url, RequestEventsWithCurrentRequestDocument, { requestIds: [request.id] });
    expect(response.body.data!.requestEvents.edges.map((edge) => edge.node)).toEqual(
      ['POSTED', 'UPDATED', 'CANCELLED'].map((type) => ({
        type,
        request: { id: request.id, title: 'new title', status: 'CANCELLED', version: 3 },
      })),
    );
  });

  test('writes no event for a refused operation or an update that changes nothing', async ({ url }) => {
    const request = await postRequest(url, a.coordinator.token, a.id, { title: 'quiet' });
    await update(url, a.coordinator.token, request.id, 1, { title: 'quiet' });
    expect(
      codes(await gql(url, UpdateHelpRequestDocument, { id: request.id, expectedVersion: 5, input: { title: 'x' } }, a.coordinator.token)),
    ).toEqual(['VERSION_CONFLICT']);
    expect(
      codes(await gql(url, UpdateHelpRequestDocument, { id: request.id, expectedVersion: 1, input: { title: 'x' } }, b.coordinator.token)),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await gql(url, CompleteHelpRequestDocument, { id: request.id, beneficiaries: -1 }, a.coordinator.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await events(url, { requestIds: [request.id] })).map((event) => event.type)).toEqual(['POSTED']);
  });
});

describe('cursors, after and first', () => {
  let place: string;
  let list: EventNode[];
  test.beforeAll(async ({ url }) => {
    place = township('游标镇');
    // 105 requests, one POSTED event each, then a few more events on some of them.
    for (let i = 0; i < 105; i += 15) {
      await Promise.all(
        Array.from({ length: 15 }, (_, j) => postRequest(url, b.coordinator.token, b.id, { township: place, title: `cursor ${i + j}` })),
      );
    }
    list = await events(url, { townships: [place] });
  });

  test('gives every event a distinct cursor, and after any cursor resumes exactly after it', async ({ url }) => {
    expect(list).toHaveLength(105);
    expect(new Set(list.map((event) => event.cursor)).size).toBe(105);
    for (const i of [0, 1, 49, 98, 99, 100, 103]) {
      const next = await eventPage(url, { filter: { townships: [place] }, after: list[i].cursor, first: 3 });
      expect(next.edges.map((edge) => edge.node)).toEqual(list.slice(i + 1, i + 4));
      expect(next.pageInfo.hasNextPage).toBe(i + 4 < list.length);
    }
    const end = await eventPage(url, { filter: { townships: [place] }, after: list.at(-1)!.cursor });
    expect(end).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test('orders the cursors strictly: walking from each cursor never returns it or an earlier event', async ({ url }) => {
    // Page by page with first 7 the walk gives the same sequence as one read of 100 plus the rest.
    expect(await allEvents(url, { townships: [place] }, null, 7)).toEqual(list);
    const from50 = await allEvents(url, { townships: [place] }, list[50].cursor, 10);
    expect(from50).toEqual(list.slice(51));
    // The log's cursors are global: one read in another filter resumes this one exactly.
    const unfiltered = await allEvents(url, undefined, list[50].cursor);
    expect(unfiltered.filter((event) => list.some((mine) => mine.cursor === event.cursor))).toEqual(list.slice(51));
    expect(unfiltered.some((event) => list.slice(0, 51).some((mine) => mine.cursor === event.cursor))).toBe(false);
  });

  test('takes 100 events by default and for an explicit null first, 1 to 100 otherwise', async ({ url }) => {
    for (const variables of [{}, { first: null }]) {
      const response = await gql(url, RequestEventPageDocument, { filter: { townships: [place] }, ...variables });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.requestEvents.edges).toHaveLength(100);
      expect(response.body.data!.requestEvents.pageInfo).toEqual({ hasNextPage: true, endCursor: list[99].cursor });
    }
    const literal = await gql(url, RequestEventCursorsInTownshipDocument, { township: place });
    expect(literal.body.data!.requestEvents.edges).toHaveLength(100);
    const one = await eventPage(url, { filter: { townships: [place] }, first: 1 });
    expect(one.edges.map((edge) => edge.node)).toEqual([list[0]]);
    expect(one.pageInfo).toEqual({ hasNextPage: true, endCursor: list[0].cursor });
    expect((await eventPage(url, { filter: { townships: [place] }, first: 100 })).edges).toHaveLength(100);
  });

  test.for([0, -1, 101])('refuses first = %i (BAD_USER_INPUT first)', async (first, { url }) => {
    expect(errorOf(await gql(url, RequestEventPageDocument, { filter: { townships: [place] }, first }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });

  test('refuses a malformed cursor (BAD_USER_INPUT after)', async ({ url }) => {
    const listCursor = (await gql(url, HelpRequestListPageDocument, { first: 1 })).body.data!.helpRequests.pageInfo.endCursor;
    for (const after of [
      'garbage!',
      '%%',
      '',
      listCursor,
      Buffer.from('ev:abc').toString('base64url'),
      Buffer.from('ev:-1').toString('base64url'),
    ]) {
      expect(errorOf(await gql(url, RequestEventPageDocument, { filter: { townships: [place] }, after }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  test('requestEventsHead names the newest event: the last one of the whole log, and after it nothing', async ({ url }) => {
    const head = async () => (await gql(url, RequestEventsHeadDocument, {})).body.data!.requestEventsHead;
    const request = await postRequest(url, a.coordinator.token, a.id);
    const all = await allEvents(url);
    const last = all.at(-1)!;
    expect(last).toMatchObject({ type: 'POSTED', request: { id: request.id } });
    expect(await head()).toBe(last.cursor);
    expect((await eventPage(url, { after: last.cursor })).edges).toEqual([]);
    // A new event moves the head to it; reading after the old head gives exactly the new event.
    await update(url, a.coordinator.token, request.id, 1, { urgency: 'LOW' });
    const newHead = await head();
    expect(newHead).not.toBe(last.cursor);
    const since = await eventPage(url, { after: last.cursor });
    expect(since.edges.map((edge) => [edge.node.type, edge.node.request.id])).toEqual([['UPDATED', request.id]]);
    expect(since.edges[0].cursor).toBe(newHead);
    // With a filter, the head as `after` resumes that filter too.
    const filtered = await eventPage(url, { filter: { requestIds: [request.id] }, after: newHead });
    expect(filtered.edges).toEqual([]);
  });
});

describe('filters', () => {
  let here: string;
  let there: string;
  const r: Record<string, string> = {};
  const names: Record<string, string> = {};
  test.beforeAll(async ({ url }) => {
    here = township('过滤镇');
    there = township('那边镇');
    const postAs = async (org: Org, name: string, overrides: Partial<PostHelpRequestInput>) => {
      r[name] = (await postRequest(url, org.coordinator.token, org.id, overrides)).id;
      names[r[name]] = name;
    };
    await postAs(a, 'p1', { kind: 'MANPOWER', category: 'COMMUNITY_SERVICE', township: here });
    await postAs(a, 'p2', { kind: 'SUPPLIES', category: 'POVERTY_RELIEF', township: there });
    await postAs(b, 'p3', { kind: 'PATIENT_GUARD', category: 'MEDICAL', township: here });
    await update(url, a.coordinator.token, r.p1, 1, { urgency: 'HIGH' });
    expect((await gql(url, CancelHelpRequestDocument, { id: r.p3 }, b.coordinator.token)).body.errors).toBeUndefined();
  });

  /** The events a filter matches, restricted to this test's townships unless the filter names its own. */
  const matching = async (url: string, filter: RequestEventFilter) =>
    summary(await events(url, { townships: [here, there], ...filter }), names);

  test.for<[string, Record<string, string | string[]>, string[]]>([
    ['no other filter', {}, ['p1 POSTED', 'p2 POSTED', 'p3 POSTED', 'p1 UPDATED', 'p3 CANCELLED']],
    ['kinds [MANPOWER]', { kinds: ['MANPOWER'] }, ['p1 POSTED', 'p1 UPDATED']],
    ['kinds [SUPPLIES, PATIENT_GUARD]', { kinds: ['SUPPLIES', 'PATIENT_GUARD'] }, ['p2 POSTED', 'p3 POSTED', 'p3 CANCELLED']],
    ['kinds [FUNDRAISING]', { kinds: ['FUNDRAISING'] }, []],
    ['kinds []', { kinds: [] }, []],
    ['categories [MEDICAL]', { categories: ['MEDICAL'] }, ['p3 POSTED', 'p3 CANCELLED']],
    [
      'categories [COMMUNITY_SERVICE, POVERTY_RELIEF]',
      { categories: ['COMMUNITY_SERVICE', 'POVERTY_RELIEF'] },
      ['p1 POSTED', 'p2 POSTED', 'p1 UPDATED'],
    ],
    ['categories []', { categories: [] }, []],
    ['townships [here]', { townships: ['HERE'] }, ['p1 POSTED', 'p3 POSTED', 'p1 UPDATED', 'p3 CANCELLED']],
    ['townships [there]', { townships: ['THERE'] }, ['p2 POSTED']],
    ['townships []', { townships: [] }, []],
    ['requesterIds [a]', { requesterIds: ['A'] }, ['p1 POSTED', 'p2 POSTED', 'p1 UPDATED']],
    ['requesterIds [a, b]', { requesterIds: ['A', 'B'] }, ['p1 POSTED', 'p2 POSTED', 'p3 POSTED', 'p1 UPDATED', 'p3 CANCELLED']],
    ['requesterIds [a request id] (another type)', { requesterIds: ['P1'] }, []],
    ['requesterIds [b, a request id]', { requesterIds: ['B', 'P1'] }, ['p3 POSTED', 'p3 CANCELLED']],
    ['requesterIds [an unknown association]', { requesterIds: ['GHOST'] }, []],
    ['requesterIds []', { requesterIds: [] }, []],
    ['requestIds [p2, p3]', { requestIds: ['P2', 'P3'] }, ['p2 POSTED', 'p3 POSTED', 'p3 CANCELLED']],
    ['requestIds [an association id] (another type)', { requestIds: ['A'] }, []],
    ['requestIds []', { requestIds: [] }, []],
    ['involvingAssociationId a (the requester)', { involvingAssociationId: 'A' }, ['p1 POSTED', 'p2 POSTED', 'p1 UPDATED']],
    ['involvingAssociationId b', { involvingAssociationId: 'B' }, ['p3 POSTED', 'p3 CANCELLED']],
    ['involvingAssociationId of another type', { involvingAssociationId: 'P1' }, []],
    ['involvingAssociationId of an uninvolved association', { involvingAssociationId: 'HELPER' }, []],
    [
      'kinds, categories and townships',
      { kinds: ['MANPOWER', 'PATIENT_GUARD'], categories: ['MEDICAL'], townships: ['HERE'] },
      ['p3 POSTED', 'p3 CANCELLED'],
    ],
    ['requesterIds and requestIds', { requesterIds: ['A'], requestIds: ['P1', 'P3'] }, ['p1 POSTED', 'p1 UPDATED']],
    [
      'every filter at once',
      {
        kinds: ['MANPOWER'],
        categories: ['COMMUNITY_SERVICE'],
        townships: ['HERE'],
        requesterIds: ['A'],
        requestIds: ['P1'],
        involvingAssociationId: 'A',
      },
      ['p1 POSTED', 'p1 UPDATED'],
    ],
    [
      'every filter but one that excludes',
      {
        kinds: ['MANPOWER'],
        categories: ['COMMUNITY_SERVICE'],
        townships: ['HERE'],
        requesterIds: ['A'],
        requestIds: ['P1'],
        involvingAssociationId: 'B',
      },
      [],
    ],
  ])('%s', async ([, filter, expected], { url }) => {
    // Placeholders stand for ids and townships made in beforeAll.
    const ids: Record<string, string> = {
      A: a.id,
      B: b.id,
      HELPER: helper.id,
      P1: r.p1,
      P2: r.p2,
      P3: r.p3,
      HERE: here,
      THERE: there,
      GHOST: toGlobalId('Association', randomUUID()),
    };
    const resolved = Object.fromEntries(
      Object.entries(filter).map(([field, value]) => [
        field,
        Array.isArray(value) && field !== 'kinds' && field !== 'categories'
          ? value.map((v) => ids[v] ?? v)
          : (ids[value as string] ?? value),
      ]),
    ) as RequestEventFilter; // the placeholders resolved, field by field
    expect(await matching(url, resolved)).toEqual(expected);
  });

  test('matches the requester as involved in its own requests across the whole log', async ({ url }) => {
    const mine = await events(url, { involvingAssociationId: b.id });
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const ids = new Set<string>();
    for (let after: string | null = null; ;) {
      const requests: GraphQLResponse<HelpRequestListPageQuery> = await gql(url, HelpRequestListPageDocument, {
        filter: { requesterId: b.id },
        first: 100,
        after,
      });
      const connection = requests.body.data!.helpRequests;
      for (const edge of connection.edges) ids.add(edge.node.id);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(mine.every((event) => ids.has(event.request.id))).toBe(true);
    expect(await events(url, { requesterIds: [b.id] })).toEqual(mine);
  });

  test.for<[string, RequestEventFilter, string]>([
    ['requesterIds', { requesterIds: ['%%'] }, 'filter.requesterIds.0'],
    ['requestIds', { requestIds: ['GOOD', 'not-an-id!'] }, 'filter.requestIds.1'],
    ['involvingAssociationId', { involvingAssociationId: '***' }, 'filter.involvingAssociationId'],
  ])('refuses an undecodable id in %s (BAD_USER_INPUT)', async ([, filter, field], { url }) => {
    const resolved = JSON.parse(JSON.stringify(filter).replace('GOOD', r.p1)) as RequestEventFilter;
    const response = await gql(url, RequestEventPageDocument, { filter: resolved });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(errorOf(response)?.field).toBe(field);
  });
});

describe('filters match the attributes stored when each event was written', () => {
  test('a request moved from township A to B: A matches only what was written in A, B only what was written in B', async ({ url }) => {
    const townA = township('甲镇');
    const townB = township('乙镇');
    const request = await postRequest(url, a.coordinator.token, a.id, { township: townA });
    await update(url, a.coordinator.token, request.id, 1, { township: townB });
    expect((await events(url, { townships: [townA] })).map((event) => event.type)).toEqual(['POSTED']);
    expect((await events(url, { townships: [townB] })).map((event) => event.type)).toEqual(['UPDATED']);
    expect((await events(url, { townships: [townA, townB] })).map((event) => event.type)).toEqual(['POSTED', 'UPDATED']);

    // Without a township, an event matches no township; moved back, A matches again from then on.
    await update(url, a.coordinator.token, request.id, 2, { township: null });
    await update(url, a.coordinator.token, request.id, 3, { township: townA });
    expect((await gql(url, CancelHelpRequestDocument, { id: request.id }, a.coordinator.token)).body.errors).toBeUndefined();
    expect((await events(url, { townships: [townA] })).map((event) => event.type)).toEqual(['POSTED', 'UPDATED', 'CANCELLED']);
    expect((await events(url, { townships: [townB] })).map((event) => event.type)).toEqual(['UPDATED']);
    expect((await events(url, { requestIds: [request.id] })).map((event) => event.type)).toEqual([
      'POSTED',
      'UPDATED',
      'UPDATED',
      'UPDATED',
      'CANCELLED',
    ]);
    // The list of requests, by contrast, filters on the request as it is now.
    const now = await gql(url, HelpRequestListPageDocument, { filter: { townships: [townB] } });
    expect(now.body.data!.helpRequests.totalCount).toBe(0);
  });

  test('an association is involved from its claim on, whatever becomes of the claim', async ({ url }) => {
    const place = township('认领镇');
    const request = await postRequest(url, a.coordinator.token, a.id, { township: place, slots: [{ capacity: 2 }] });
    await update(url, a.coordinator.token, request.id, 1, { urgency: 'HIGH' });
    const claimed = await gql(
      url,
      ClaimDocument,
      { input: { slotId: request.slots[0].id, associationId: helper.id, quantity: 1 } },
      helper.coordinator.token,
    );
    expect(claimed.body.errors).toBeUndefined();
    const claimId = claimed.body.data!.claim.id;
    const withdrawn = await gql(url, WithdrawClaimDocument, { id: claimId }, helper.coordinator.token);
    expect(withdrawn.body.data!.withdrawClaim.status).toBe('WITHDRAWN');
    await update(url, a.coordinator.token, request.id, 4, { urgency: 'LOW' });

    const all = await events(url, { requestIds: [request.id] });
    expect(all.map((event) => [event.type, event.actor?.id, event.claim?.id ?? null])).toEqual([
      ['POSTED', a.id, null],
      ['UPDATED', a.id, null],
      ['CLAIMED', helper.id, claimId],
      ['CLAIM_WITHDRAWN', helper.id, claimId],
      ['UPDATED', a.id, null],
    ]);
    expect((await events(url, { requestIds: [request.id], involvingAssociationId: helper.id })).map((event) => event.type)).toEqual([
      'CLAIMED',
      'CLAIM_WITHDRAWN',
      'UPDATED',
    ]);
    expect(await events(url, { requestIds: [request.id], involvingAssociationId: a.id })).toEqual(all);
    // The claimant never becomes the requester.
    expect(await events(url, { townships: [place], requesterIds: [helper.id] })).toEqual([]);
  });
});
