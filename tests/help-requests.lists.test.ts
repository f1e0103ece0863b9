/**
 * Lists of help requests (api.md "Lists"): the three orders of Query.helpRequests,
 * every HelpRequestFilter field alone and combined, pagination rules, and
 * Association.helpRequests for several associations in one query. Every test
 * works in a township string of its own, so other tests' rows never interfere.
 */
import { randomUUID } from 'node:crypto';
import { codes, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, type Org } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { errorOf } from './support/events.js';
import { decodeGlobalId, toGlobalId } from '../src/shared/global-id.js';
import {
  AssociationHelpRequestPageDocument,
  AssociationsHelpRequestsInTownshipDocument,
  CancelHelpRequestDocument,
  CompleteHelpRequestDocument,
  HelpRequestIdsInTownshipDocument,
  HelpRequestIdsInTownshipFirstNullDocument,
  HelpRequestListPageDocument,
  UpdateHelpRequestDocument,
  type AssociationHelpRequestPageQuery,
  type AssociationHelpRequestPageQueryVariables,
  type HelpRequestFilter,
  type HelpRequestListPageQuery,
  type HelpRequestListPageQueryVariables,
  type HelpRequestOrder,
  type PostHelpRequestInput,
  type Urgency,
} from './generated/graphql.js';

let a: Org;
let b: Org;

test.beforeAll(async ({ url, adminToken }) => {
  [a, b] = await Promise.all([createOrg(url, adminToken), createOrg(url, adminToken)]);
});

type Page = HelpRequestListPageQuery['helpRequests'];
type Row = Page['edges'][number]['node'];
type AssociationPage = NonNullable<AssociationHelpRequestPageQuery['association']>['helpRequests'];

const list = (url: string, variables: HelpRequestListPageQueryVariables) => gql(url, HelpRequestListPageDocument, variables);
async function page(url: string, variables: HelpRequestListPageQueryVariables): Promise<Page> {
  const response = await list(url, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.helpRequests;
}
const idsOf = async (url: string, filter: HelpRequestFilter) => {
  const found = await page(url, { filter, first: 100 });
  expect(found.totalCount).toBe(found.edges.length);
  return found.edges.map((edge) => edge.node.id);
};

/** Walks a list with `first` rows per page; checks totalCount and pageInfo on every page. */
async function walk(url: string, variables: HelpRequestListPageQueryVariables, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  let total: number | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const current: Page = await page(url, { ...variables, first, after });
    total ??= current.totalCount;
    expect(current.totalCount).toBe(total);
    ids.push(...current.edges.map((edge) => edge.node.id));
    if (current.edges.length > 0) expect(current.pageInfo.endCursor).toBe(current.edges.at(-1)!.cursor);
    if (!current.pageInfo.hasNextPage) {
      expect(ids.length).toBe(total);
      return ids;
    }
    expect(current.edges).toHaveLength(first);
    after = current.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

/** The database key of a global id: the tie-breaker of every order. */
const uuidOf = (id: string) => decodeGlobalId(id, 'id').key;
const RANK: Record<Urgency, number> = { CRITICAL: 3, HIGH: 2, NORMAL: 1, LOW: 0 };
const time = (value: string | null) => (value === null ? Infinity : new Date(value).getTime());
const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
const ORDERS: Record<HelpRequestOrder, (x: Row, y: Row) => number> = {
  NEWEST: (x, y) => cmp(time(y.postedAt), time(x.postedAt)) || cmp(uuidOf(y.id), uuidOf(x.id)),
  URGENCY: (x, y) => cmp(RANK[y.urgency], RANK[x.urgency]) || cmp(time(y.postedAt), time(x.postedAt)) || cmp(uuidOf(y.id), uuidOf(x.id)),
  STARTS_SOON: (x, y) => cmp(time(x.startsAt), time(y.startsAt)) || cmp(uuidOf(x.id), uuidOf(y.id)),
};
const sorted = (rows: Row[], order: HelpRequestOrder) => [...rows].sort(ORDERS[order]).map((row) => row.id);
const township = (label: string) => `${label}-${randomUUID()}`;

describe('orders', () => {
  let place: string;
  let rows: Row[];
  test.beforeAll(async ({ url }) => {
    place = township('排序镇');
    const tenAm = hoursFromNow(10);
    const specs: Partial<PostHelpRequestInput>[] = [
      { urgency: 'LOW', startsAt: hoursFromNow(30) },
      { urgency: 'CRITICAL' },
      { urgency: 'HIGH', startsAt: tenAm },
      { urgency: 'NORMAL', startsAt: tenAm },
      { urgency: 'CRITICAL', startsAt: hoursFromNow(5) },
      { urgency: 'NORMAL' },
      { urgency: 'LOW', startsAt: hoursFromNow(20) },
      { urgency: 'HIGH', startsAt: tenAm },
      { urgency: 'CRITICAL', startsAt: hoursFromNow(40) },
    ];
    rows = [];
    // Some one after another, some at once (equal postedAt is then possible: the id breaks the tie).
    for (const [i, spec] of specs.slice(0, 4).entries())
      rows.push(await postRequest(url, a.coordinator.token, a.id, { ...spec, title: `order ${i}`, township: place }));
    rows.push(
      ...(await Promise.all(
        specs
          .slice(4)
          .map((spec, i) =>
            postRequest(url, (i % 2 ? a : b).coordinator.token, (i % 2 ? a : b).id, { ...spec, title: `order ${i + 4}`, township: place }),
          ),
      )),
    );
  });

  test.for<HelpRequestOrder>(['NEWEST', 'URGENCY', 'STARTS_SOON'])(
    '%s follows api.md, on one page and walking pages of 2',
    async (orderBy, { url }) => {
      const expected = sorted(rows, orderBy);
      const whole = await page(url, { filter: { townships: [place] }, orderBy, first: 100 });
      expect(whole.totalCount).toBe(rows.length);
      expect(whole.edges.map((edge) => edge.node.id)).toEqual(expected);
      expect(whole.pageInfo.hasNextPage).toBe(false);
      expect(await walk(url, { filter: { townships: [place] }, orderBy }, 2)).toEqual(expected);
      expect(await walk(url, { filter: { townships: [place] }, orderBy }, 1)).toEqual(expected);
    },
  );

  test('URGENCY puts CRITICAL first and LOW last; STARTS_SOON puts requests without a start last', async ({ url }) => {
    const urgent = (await page(url, { filter: { townships: [place] }, orderBy: 'URGENCY', first: 100 })).edges.map(
      (edge) => edge.node.urgency,
    );
    expect(urgent).toEqual(['CRITICAL', 'CRITICAL', 'CRITICAL', 'HIGH', 'HIGH', 'NORMAL', 'NORMAL', 'LOW', 'LOW']);
    const soon = (await page(url, { filter: { townships: [place] }, orderBy: 'STARTS_SOON', first: 100 })).edges.map(
      (edge) => edge.node.startsAt,
    );
    expect(soon.slice(-2)).toEqual([null, null]);
    expect(soon.slice(0, -2).every((startsAt) => startsAt !== null)).toBe(true);
  });

  test('orders NEWEST by default', async ({ url }) => {
    const response = await gql(url, HelpRequestIdsInTownshipDocument, { township: place });
    expect(response.body.data!.helpRequests.edges.map((edge) => edge.node.id)).toEqual(sorted(rows, 'NEWEST'));
  });

  test('keeps its order and pages when a request changes status', async ({ url }) => {
    const moving = township('状态镇');
    const made: Row[] = [];
    for (let i = 0; i < 5; i++) made.push(await postRequest(url, a.coordinator.token, a.id, { title: `moving ${i}`, township: moving }));
    const first = await page(url, { filter: { townships: [moving] }, first: 2 });
    // A request already listed is cancelled: the next page still starts right after the cursor.
    await gql(url, CancelHelpRequestDocument, { id: first.edges[0].node.id }, a.coordinator.token);
    const rest = await page(url, { filter: { townships: [moving] }, first: 10, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(sorted(made, 'NEWEST'));
  });
});

describe('filters', () => {
  let here: string;
  let there: string;
  const r: Record<string, string> = {};
  test.beforeAll(async ({ url }) => {
    here = township('筛选镇');
    there = township('别处镇');
    const postAs = async (org: Org, name: string, overrides: Partial<PostHelpRequestInput>) => {
      r[name] = (await postRequest(url, org.coordinator.token, org.id, { township: here, ...overrides })).id;
    };
    await postAs(a, 'a1', { kind: 'MANPOWER', category: 'COMMUNITY_SERVICE', title: 'Library Cleaning', description: '阅览室' });
    await postAs(a, 'a2', {
      kind: 'SUPPLIES',
      category: 'POVERTY_RELIEF',
      title: '冬衣募集',
      description: 'Need winter COATS for 20 families',
    });
    await postAs(a, 'a3', { kind: 'PATIENT_GUARD', category: 'MEDICAL', title: '守护病人', description: '夜间陪护' });
    await postAs(a, 'a4', { kind: 'TUTORING', category: 'EDUCATION', title: '周末辅导', description: '数学', township: there });
    await postAs(b, 'b1', { kind: 'MANPOWER', category: 'MEDICAL', title: 'Clean the CLINIC', description: '卫生院' });
    await postAs(b, 'b2', {
      kind: 'FUNDRAISING',
      category: 'MEDICAL',
      title: '医疗筹款',
      description: 'surgery fund',
      slots: [{ capacity: 50000 }],
    });
    expect((await gql(url, CancelHelpRequestDocument, { id: r.a2 }, a.coordinator.token)).body.errors).toBeUndefined();
    expect((await gql(url, CompleteHelpRequestDocument, { id: r.a3, beneficiaries: 2 }, a.coordinator.token)).body.errors).toBeUndefined();
  });

  /** Names of the requests a filter matches (both townships unless it says otherwise). */
  async function matching(url: string, filter: HelpRequestFilter): Promise<string[]> {
    const ids = await idsOf(url, { townships: [here, there], ...filter });
    const byId = Object.fromEntries(Object.entries(r).map(([name, id]) => [id, name]));
    return ids.map((id) => byId[id] ?? `unexpected ${id}`).sort();
  }

  test.for<[string, HelpRequestFilter, string[]]>([
    ['no other filter', {}, ['a1', 'a2', 'a3', 'a4', 'b1', 'b2']],
    ['statuses [CANCELLED]', { statuses: ['CANCELLED'] }, ['a2']],
    ['statuses [OPEN]', { statuses: ['OPEN'] }, ['a1', 'a4', 'b1', 'b2']],
    ['statuses [CANCELLED, COMPLETED]', { statuses: ['CANCELLED', 'COMPLETED'] }, ['a2', 'a3']],
    ['statuses [FILLED, EXPIRED]', { statuses: ['FILLED', 'EXPIRED'] }, []],
    ['statuses []', { statuses: [] }, []],
    ['kinds [MANPOWER]', { kinds: ['MANPOWER'] }, ['a1', 'b1']],
    ['kinds [SUPPLIES, FUNDRAISING]', { kinds: ['SUPPLIES', 'FUNDRAISING'] }, ['a2', 'b2']],
    ['kinds [TRAINING]', { kinds: ['TRAINING'] }, []],
    ['kinds []', { kinds: [] }, []],
    ['categories [MEDICAL]', { categories: ['MEDICAL'] }, ['a3', 'b1', 'b2']],
    ['categories [EDUCATION, POVERTY_RELIEF]', { categories: ['EDUCATION', 'POVERTY_RELIEF'] }, ['a2', 'a4']],
    ['categories []', { categories: [] }, []],
    ['text in a title, case-insensitive', { text: 'clean' }, ['a1', 'b1']],
    ['text in upper case', { text: 'CLEANING' }, ['a1']],
    ['text in a description, case-insensitive', { text: 'coats' }, ['a2']],
    ['Chinese text in a title', { text: '守护' }, ['a3']],
    ['Chinese text in a description', { text: '陪护' }, ['a3']],
    ['text matching both title and description of different requests', { text: 'C' }, ['a1', 'a2', 'b1']],
    ['text matching nothing', { text: 'nothing-like-this' }, []],
    ['statuses and kinds', { statuses: ['OPEN'], kinds: ['MANPOWER', 'SUPPLIES'] }, ['a1', 'b1']],
    ['kinds and categories', { kinds: ['MANPOWER'], categories: ['MEDICAL'] }, ['b1']],
    ['categories and text', { categories: ['MEDICAL'], text: 'surgery' }, ['b2']],
  ])('%s', async ([, filter, expected], { url }) => {
    expect(await matching(url, filter)).toEqual(expected);
  });

  test('matches text case-insensitively beyond ASCII (accented and full-width Latin letters)', async ({ url }) => {
    const place = township('大小写镇');
    const request = await postRequest(url, a.coordinator.token, a.id, {
      title: 'ÉCOLE rurale',
      description: 'ＷＩＦＩ 教室',
      township: place,
    });
    for (const text of ['ÉCOLE', 'école', 'École RURALE', 'ｗｉｆｉ', 'Ｗｉｆｉ']) {
      expect({ text, ids: await idsOf(url, { townships: [place], text }) }).toEqual({ text, ids: [request.id] });
    }
  });

  test('filters by townships (trimmed), and an empty list matches nothing', async ({ url }) => {
    expect((await idsOf(url, { townships: [here] })).sort()).toEqual([r.a1, r.a2, r.a3, r.b1, r.b2].sort());
    expect(await idsOf(url, { townships: [there] })).toEqual([r.a4]);
    expect(await idsOf(url, { townships: [`  ${there} `] })).toEqual([r.a4]);
    expect((await idsOf(url, { townships: [here, there, 'nowhere'] })).sort()).toEqual(Object.values(r).sort());
    expect(await idsOf(url, { townships: [] })).toEqual([]);
  });

  test('filters by requesterId; a valid id of another type or naming nothing matches nothing; an undecodable one is BAD_USER_INPUT', async ({
    url,
  }) => {
    expect(await matching(url, { requesterId: a.id })).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(await matching(url, { requesterId: b.id })).toEqual(['b1', 'b2']);
    expect(await matching(url, { requesterId: r.b1 })).toEqual([]);
    expect(await matching(url, { requesterId: a.owner.id })).toEqual([]);
    expect(await matching(url, { requesterId: toGlobalId('Association', randomUUID()) })).toEqual([]);
    // Without a township filter too: another type matches nothing at all.
    expect((await page(url, { filter: { requesterId: r.b1 } })).totalCount).toBe(0);
    const bad = await list(url, { filter: { requesterId: 'not an id' } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(errorOf(bad)?.field).toBe('filter.requesterId');
  });

  test('combines every filter', async ({ url }) => {
    const all: HelpRequestFilter = {
      statuses: ['OPEN'],
      kinds: ['MANPOWER'],
      categories: ['MEDICAL'],
      townships: [here],
      requesterId: b.id,
      text: 'clinic',
    };
    expect(await idsOf(url, all)).toEqual([r.b1]);
    // Each one, changed, excludes the match.
    const changes: HelpRequestFilter[] = [
      { statuses: ['CANCELLED'] },
      { kinds: ['FUNDRAISING'] },
      { categories: ['EDUCATION'] },
      { townships: [there] },
      { requesterId: a.id },
      { text: 'coats' },
    ];
    for (const change of changes) {
      expect(await idsOf(url, { ...all, ...change })).toEqual([]);
    }
    expect(await matching(url, { requesterId: a.id, statuses: ['OPEN', 'COMPLETED'], text: '护' })).toEqual(['a3']);
  });

  test('matches the current values of a request after an update', async ({ url }) => {
    const from = township('旧镇');
    const to = township('新镇');
    const request = await postRequest(url, a.coordinator.token, a.id, { township: from, title: 'before', urgency: 'LOW' });
    expect(
      (
        await gql(
          url,
          UpdateHelpRequestDocument,
          { id: request.id, expectedVersion: 1, input: { township: to, title: 'after', urgency: 'CRITICAL' } },
          a.coordinator.token,
        )
      ).body.errors,
    ).toBeUndefined();
    expect(await idsOf(url, { townships: [from] })).toEqual([]);
    expect(await idsOf(url, { townships: [to] })).toEqual([request.id]);
    expect(await idsOf(url, { townships: [to], text: 'before' })).toEqual([]);
    expect(await idsOf(url, { townships: [to], text: 'AFTER' })).toEqual([request.id]);
    const other = await postRequest(url, a.coordinator.token, a.id, { township: to, urgency: 'HIGH' });
    const urgent = await page(url, { filter: { townships: [to] }, orderBy: 'URGENCY', first: 10 });
    expect(urgent.edges.map((edge) => edge.node.id)).toEqual([request.id, other.id]);
  });

  test('counts the whole filtered list, whatever first and after', async ({ url }) => {
    const filter = { townships: [here, there] };
    const first = await page(url, { filter, first: 1 });
    expect(first.totalCount).toBe(6);
    expect(first.edges).toHaveLength(1);
    const next = await page(url, { filter, first: 2, after: first.pageInfo.endCursor });
    expect(next.totalCount).toBe(6);
    const filtered = await page(url, { filter: { ...filter, statuses: ['OPEN'] }, first: 1 });
    expect(filtered.totalCount).toBe(4);
  });
});

describe('pagination', () => {
  let place: string;
  let made: Row[];
  test.beforeAll(async ({ url }) => {
    place = township('分页镇');
    made = [];
    for (let i = 0; i < 23; i += 8) {
      made.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(8, 23 - i) }, (_, j) =>
            postRequest(url, b.coordinator.token, b.id, {
              title: `page ${i + j}`,
              township: place,
              urgency: (['LOW', 'HIGH'] as const)[j % 2],
              startsAt: j % 3 ? hoursFromNow(j + 1) : null,
            }),
          ),
        )),
      );
    }
  });

  test.for([0, -1, 101])('refuses first = %i (BAD_USER_INPUT first)', async (first, { url }) => {
    expect(errorOf(await list(url, { filter: { townships: [place] }, first }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  test('takes 20 for an explicit null first or an omitted one, and up to 100', async ({ url }) => {
    for (const variables of [{ first: null }, {}]) {
      const current = await page(url, { filter: { townships: [place] }, ...variables });
      expect(current.edges).toHaveLength(20);
      expect(current.pageInfo.hasNextPage).toBe(true);
      expect(current.totalCount).toBe(23);
    }
    const literal = await gql(url, HelpRequestIdsInTownshipFirstNullDocument, { township: place });
    expect(literal.body.data!.helpRequests.edges).toHaveLength(20);
    expect((await page(url, { filter: { townships: [place] }, first: 100 })).edges).toHaveLength(23);
  });

  test.for<HelpRequestOrder>(['NEWEST', 'URGENCY', 'STARTS_SOON'])(
    'walks every row once, in order, with first 2 (%s)',
    async (orderBy, { url }) => {
      expect(await walk(url, { filter: { townships: [place] }, orderBy }, 2)).toEqual(sorted(made, orderBy));
    },
  );

  test('answers an empty last page after the last cursor', async ({ url }) => {
    const all = await page(url, { filter: { townships: [place] }, first: 100 });
    const after = await page(url, { filter: { townships: [place] }, first: 5, after: all.pageInfo.endCursor });
    expect(after).toEqual({ totalCount: 23, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test('refuses a cursor used with another order or filter, or malformed (BAD_USER_INPUT after)', async ({ url }) => {
    const filter = { townships: [place] };
    const first = await page(url, { filter, orderBy: 'NEWEST', first: 2 });
    const cursor = first.pageInfo.endCursor!;
    // The same order and filter (keys in another order) accept it.
    expect((await page(url, { filter: { townships: [place] }, orderBy: 'NEWEST', first: 2, after: cursor })).edges).toHaveLength(2);
    const others: HelpRequestListPageQueryVariables[] = [
      { filter, orderBy: 'URGENCY' },
      { filter, orderBy: 'STARTS_SOON' },
      { filter: { townships: [place, 'elsewhere'] }, orderBy: 'NEWEST' },
      { filter: { ...filter, statuses: ['OPEN'] }, orderBy: 'NEWEST' },
      { filter: { ...filter, text: 'page' }, orderBy: 'NEWEST' },
      { filter: null, orderBy: 'NEWEST' },
    ];
    for (const variables of others) {
      expect(errorOf(await list(url, { ...variables, first: 2, after: cursor }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    for (const garbage of ['garbage', '%%%', '', Buffer.from('["x"]').toString('base64url')]) {
      expect(errorOf(await list(url, { filter, first: 2, after: garbage }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});

describe('Association.helpRequests', () => {
  let place: string;
  let orgs: Org[];
  const posted: Record<string, Row[]> = {};

  test.beforeAll(async ({ url, adminToken }) => {
    place = township('协会镇');
    orgs = await Promise.all([0, 1, 2].map(() => createOrg(url, adminToken, { township: place })));
    const counts = [5, 1, 0];
    for (const [i, org] of orgs.entries()) {
      posted[org.id] = [];
      for (let j = 0; j < counts[i]; j++)
        posted[org.id].push(await postRequest(url, org.coordinator.token, org.id, { title: `${i}-${j}` }));
    }
    // The second oldest request of the first association is cancelled.
    await gql(url, CancelHelpRequestDocument, { id: posted[orgs[0].id][1].id }, orgs[0].owner.token);
  });

  const titles = (rows: { title: string }[]) => rows.map((row) => row.title);
  const newest = (id: string) => sorted(posted[id], 'NEWEST').map((rid) => posted[id].find((row) => row.id === rid)!.title);

  test('pages every association’s requests, newest first, with counts and a status filter, in one query', async ({ url }) => {
    const response = await gql(url, AssociationsHelpRequestsInTownshipDocument, { township: place });
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data!.associations.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id).sort()).toEqual(orgs.map((org) => org.id).sort());
    const byId = Object.fromEntries(nodes.map((node) => [node.id, node]));

    const [first, second, third] = orgs.map((org) => byId[org.id]);
    expect(first.helpRequests.totalCount).toBe(5);
    expect(titles(first.helpRequests.edges.map((edge) => edge.node))).toEqual(newest(orgs[0].id).slice(0, 2));
    expect(first.helpRequests.pageInfo.hasNextPage).toBe(true);
    expect(first.cancelled).toEqual({ totalCount: 1, edges: [{ node: { title: '0-1' } }] });
    expect(first.open.totalCount).toBe(4);
    expect(first.open.edges).toEqual([{ node: { title: newest(orgs[0].id).find((title) => title !== '0-1') } }]);
    expect(first.open.pageInfo.hasNextPage).toBe(true);

    expect(second.helpRequests).toMatchObject({ totalCount: 1, edges: [{ node: { title: '1-0' } }], pageInfo: { hasNextPage: false } });
    expect(second.cancelled).toEqual({ totalCount: 0, edges: [] });
    expect(second.open).toEqual({ totalCount: 1, edges: [{ node: { title: '1-0' } }], pageInfo: { hasNextPage: false } });

    expect(third.helpRequests).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(third.cancelled).toEqual({ totalCount: 0, edges: [] });
  });

  test('walks the pages of one association with after, in the order of Query.helpRequests', async ({ url }) => {
    const org = orgs[0];
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response = await gql(url, AssociationHelpRequestPageDocument, { id: org.id, first: 2, after });
      expect(response.body.errors).toBeUndefined();
      const connection: AssociationPage = response.body.data!.association!.helpRequests;
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(sorted(posted[org.id], 'NEWEST'));
    expect(seen).toEqual(await idsOf(url, { requesterId: org.id }));
    // With a status, too.
    const open1 = await gql(url, AssociationHelpRequestPageDocument, { id: org.id, status: 'OPEN', first: 3 });
    const open2 = await gql(url, AssociationHelpRequestPageDocument, {
      id: org.id,
      status: 'OPEN',
      first: 3,
      after: open1.body.data!.association!.helpRequests.pageInfo.endCursor,
    });
    const openIds = [...open1.body.data!.association!.helpRequests.edges, ...open2.body.data!.association!.helpRequests.edges].map(
      (edge) => edge.node.id,
    );
    expect(openIds).toEqual(sorted(posted[org.id], 'NEWEST').filter((id) => id !== posted[org.id][1].id));
    expect(open2.body.data!.association!.helpRequests.pageInfo.hasNextPage).toBe(false);
  });

  test('refuses first outside 1..100 and a cursor of another association, status or list', async ({ url }) => {
    const [org, otherOrg] = orgs as [Org, Org];
    const one = (variables: AssociationHelpRequestPageQueryVariables) => gql(url, AssociationHelpRequestPageDocument, variables);
    expect(errorOf(await one({ id: org.id, first: 0 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await one({ id: org.id, first: 101 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const defaulted = await one({ id: org.id, first: null });
    expect(defaulted.body.data!.association!.helpRequests.edges).toHaveLength(5);
    const cursor = (await one({ id: org.id, first: 1 })).body.data!.association!.helpRequests.pageInfo.endCursor;
    expect(errorOf(await one({ id: otherOrg.id, first: 1, after: cursor }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorOf(await one({ id: org.id, status: 'OPEN', first: 1, after: cursor }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(errorOf(await list(url, { filter: { requesterId: org.id }, first: 1, after: cursor }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const listCursor = (await page(url, { filter: { requesterId: org.id }, first: 1 })).pageInfo.endCursor;
    expect(errorOf(await one({ id: org.id, first: 1, after: listCursor }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
