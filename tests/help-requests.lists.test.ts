/**
 * Lists of help requests (api.md "Lists"): the three orders of Query.helpRequests,
 * every HelpRequestFilter field alone and combined, pagination rules, and
 * Association.helpRequests for several associations in one query. Every test
 * works in a township string of its own, so other tests' rows never interfere.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { codes, gql } from './support/client.js';
import { ADMIN_ENV, asAdmin, createOrg, type Org } from './support/personas.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { CANCEL, COMPLETE, errorOf } from './support/events.js';
import { decodeGlobalId, toGlobalId } from '../src/shared/global-id.js';

let server: TestServer;
let url: string;
let adminToken: string;
let a: Org;
let b: Org;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), ADMIN_ENV);
  url = server.url;
  adminToken = await asAdmin(url);
  [a, b] = await Promise.all([createOrg(url, adminToken), createOrg(url, adminToken)]);
});
afterAll(() => server?.stop());

const LIST = `query ($filter: HelpRequestFilter, $orderBy: HelpRequestOrder, $first: Int, $after: String) {
  helpRequests(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title urgency startsAt postedAt status } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Row {
  id: string;
  title: string;
  urgency: string;
  startsAt: string | null;
  postedAt: string;
  status: string;
}
interface Page {
  totalCount: number;
  edges: { cursor: string; node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const list = (variables: Record<string, unknown>) => gql(url, LIST, variables);
async function page(variables: Record<string, unknown>): Promise<Page> {
  const response = await list(variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.helpRequests as Page;
}
const idsOf = async (filter: Record<string, unknown>) => {
  const found = await page({ filter, first: 100 });
  expect(found.totalCount).toBe(found.edges.length);
  return found.edges.map((edge) => edge.node.id);
};

/** Walks a list with `first` rows per page; checks totalCount and pageInfo on every page. */
async function walk(variables: Record<string, unknown>, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  let total: number | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const current: Page = await page({ ...variables, first, after });
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
const RANK: Record<string, number> = { CRITICAL: 3, HIGH: 2, NORMAL: 1, LOW: 0 };
const time = (value: string | null) => (value === null ? Infinity : new Date(value).getTime());
const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
const ORDERS: Record<string, (x: Row, y: Row) => number> = {
  NEWEST: (x, y) => cmp(time(y.postedAt), time(x.postedAt)) || cmp(uuidOf(y.id), uuidOf(x.id)),
  URGENCY: (x, y) => cmp(RANK[y.urgency]!, RANK[x.urgency]!) || cmp(time(y.postedAt), time(x.postedAt)) || cmp(uuidOf(y.id), uuidOf(x.id)),
  STARTS_SOON: (x, y) => cmp(time(x.startsAt), time(y.startsAt)) || cmp(uuidOf(x.id), uuidOf(y.id)),
};
const sorted = (rows: Row[], order: string) => [...rows].sort(ORDERS[order]).map((row) => row.id);
const township = (label: string) => `${label}-${randomUUID()}`;

describe('orders', () => {
  let place: string;
  let rows: Row[];
  beforeAll(async () => {
    place = township('排序镇');
    const tenAm = hoursFromNow(10);
    const specs = [
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
      rows.push((await postRequest(url, a.coordinator.token, a.id, { ...spec, title: `order ${i}`, township: place })) as Row);
    rows.push(
      ...((await Promise.all(
        specs
          .slice(4)
          .map((spec, i) =>
            postRequest(url, (i % 2 ? a : b).coordinator.token, (i % 2 ? a : b).id, { ...spec, title: `order ${i + 4}`, township: place }),
          ),
      )) as Row[]),
    );
  });

  it.each(['NEWEST', 'URGENCY', 'STARTS_SOON'])('%s follows api.md, on one page and walking pages of 2', async (orderBy) => {
    const expected = sorted(rows, orderBy);
    const whole = await page({ filter: { townships: [place] }, orderBy, first: 100 });
    expect(whole.totalCount).toBe(rows.length);
    expect(whole.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(await walk({ filter: { townships: [place] }, orderBy }, 2)).toEqual(expected);
    expect(await walk({ filter: { townships: [place] }, orderBy }, 1)).toEqual(expected);
  });

  it('URGENCY puts CRITICAL first and LOW last; STARTS_SOON puts requests without a start last', async () => {
    const urgent = (await page({ filter: { townships: [place] }, orderBy: 'URGENCY', first: 100 })).edges.map((edge) => edge.node.urgency);
    expect(urgent).toEqual(['CRITICAL', 'CRITICAL', 'CRITICAL', 'HIGH', 'HIGH', 'NORMAL', 'NORMAL', 'LOW', 'LOW']);
    const soon = (await page({ filter: { townships: [place] }, orderBy: 'STARTS_SOON', first: 100 })).edges.map(
      (edge) => edge.node.startsAt,
    );
    expect(soon.slice(-2)).toEqual([null, null]);
    expect(soon.slice(0, -2).every((startsAt) => startsAt !== null)).toBe(true);
  });

  it('orders NEWEST by default', async () => {
    const response = await gql(url, `query ($t: String!) { helpRequests(filter: { townships: [$t] }) { edges { node { id } } } }`, {
      t: place,
    });
    expect(response.body.data!.helpRequests.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(sorted(rows, 'NEWEST'));
  });

  it('keeps its order and pages when a request changes status', async () => {
    const moving = township('状态镇');
    const made: Row[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await postRequest(url, a.coordinator.token, a.id, { title: `moving ${i}`, township: moving })) as Row);
    const first = await page({ filter: { townships: [moving] }, first: 2 });
    // A request already listed is cancelled: the next page still starts right after the cursor.
    await gql(url, CANCEL, { id: first.edges[0]!.node.id }, a.coordinator.token);
    const rest = await page({ filter: { townships: [moving] }, first: 10, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(sorted(made, 'NEWEST'));
  });
});

describe('filters', () => {
  let here: string;
  let there: string;
  const r: Record<string, string> = {};
  beforeAll(async () => {
    here = township('筛选镇');
    there = township('别处镇');
    const postAs = async (org: Org, name: string, overrides: Record<string, unknown>) => {
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
    expect((await gql(url, CANCEL, { id: r.a2 }, a.coordinator.token)).body.errors).toBeUndefined();
    expect((await gql(url, COMPLETE, { id: r.a3, b: 2 }, a.coordinator.token)).body.errors).toBeUndefined();
  });

  /** Names of the requests a filter matches (both townships unless it says otherwise). */
  async function matching(filter: Record<string, unknown>): Promise<string[]> {
    const ids = await idsOf({ townships: [here, there], ...filter });
    const byId = Object.fromEntries(Object.entries(r).map(([name, id]) => [id, name]));
    return ids.map((id) => byId[id] ?? `unexpected ${id}`).sort();
  }

  it.each([
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
  ])('%s', async (_name, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });

  it('matches text case-insensitively beyond ASCII (accented and full-width Latin letters)', async () => {
    const place = township('大小写镇');
    const request = await postRequest(url, a.coordinator.token, a.id, {
      title: 'ÉCOLE rurale',
      description: 'ＷＩＦＩ 教室',
      township: place,
    });
    for (const text of ['ÉCOLE', 'école', 'École RURALE', 'ｗｉｆｉ', 'Ｗｉｆｉ']) {
      expect({ text, ids: await idsOf({ townships: [place], text }) }).toEqual({ text, ids: [request.id] });
    }
  });

  it('filters by townships (trimmed), and an empty list matches nothing', async () => {
    expect((await idsOf({ townships: [here] })).sort()).toEqual([r.a1, r.a2, r.a3, r.b1, r.b2].sort());
    expect(await idsOf({ townships: [there] })).toEqual([r.a4]);
    expect(await idsOf({ townships: [`  ${there} `] })).toEqual([r.a4]);
    expect((await idsOf({ townships: [here, there, 'nowhere'] })).sort()).toEqual(Object.values(r).sort());
    expect(await idsOf({ townships: [] })).toEqual([]);
  });

  it('filters by requesterId; a valid id of another type or naming nothing matches nothing; an undecodable one is BAD_USER_INPUT', async () => {
    expect(await matching({ requesterId: a.id })).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(await matching({ requesterId: b.id })).toEqual(['b1', 'b2']);
    expect(await matching({ requesterId: r.b1 })).toEqual([]);
    expect(await matching({ requesterId: a.owner.id })).toEqual([]);
    expect(await matching({ requesterId: toGlobalId('Association', randomUUID()) })).toEqual([]);
    // Without a township filter too: another type matches nothing at all.
    expect((await page({ filter: { requesterId: r.b1 } })).totalCount).toBe(0);
    const bad = await list({ filter: { requesterId: 'not an id' } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(errorOf(bad)?.field).toBe('filter.requesterId');
  });

  it('combines every filter', async () => {
    const all = { statuses: ['OPEN'], kinds: ['MANPOWER'], categories: ['MEDICAL'], townships: [here], requesterId: b.id, text: 'clinic' };
    expect(await idsOf(all)).toEqual([r.b1]);
    // Each one, changed, excludes the match.
    for (const change of [
      { statuses: ['CANCELLED'] },
      { kinds: ['FUNDRAISING'] },
      { categories: ['EDUCATION'] },
      { townships: [there] },
      { requesterId: a.id },
      { text: 'coats' },
    ]) {
      expect(await idsOf({ ...all, ...change })).toEqual([]);
    }
    expect(await matching({ requesterId: a.id, statuses: ['OPEN', 'COMPLETED'], text: '护' })).toEqual(['a3']);
  });

  it('matches the current values of a request after an update', async () => {
    const from = township('旧镇');
    const to = township('新镇');
    const request = await postRequest(url, a.coordinator.token, a.id, { township: from, title: 'before', urgency: 'LOW' });
    const update = `mutation ($id: ID!, $input: UpdateHelpRequestInput!) { updateHelpRequest(id: $id, expectedVersion: 1, input: $input) { version } }`;
    expect(
      (await gql(url, update, { id: request.id, input: { township: to, title: 'after', urgency: 'CRITICAL' } }, a.coordinator.token)).body
        .errors,
    ).toBeUndefined();
    expect(await idsOf({ townships: [from] })).toEqual([]);
    expect(await idsOf({ townships: [to] })).toEqual([request.id]);
    expect(await idsOf({ townships: [to], text: 'before' })).toEqual([]);
    expect(await idsOf({ townships: [to], text: 'AFTER' })).toEqual([request.id]);
    const other = await postRequest(url, a.coordinator.token, a.id, { township: to, urgency: 'HIGH' });
    const urgent = await page({ filter: { townships: [to] }, orderBy: 'URGENCY', first: 10 });
    expect(urgent.edges.map((edge) => edge.node.id)).toEqual([request.id, other.id]);
  });

  it('counts the whole filtered list, whatever first and after', async () => {
    const filter = { townships: [here, there] };
    const first = await page({ filter, first: 1 });
    expect(first.totalCount).toBe(6);
    expect(first.edges).toHaveLength(1);
    const next = await page({ filter, first: 2, after: first.pageInfo.endCursor });
    expect(next.totalCount).toBe(6);
    const filtered = await page({ filter: { ...filter, statuses: ['OPEN'] }, first: 1 });
    expect(filtered.totalCount).toBe(4);
  });
});

describe('pagination', () => {
  let place: string;
  let made: Row[];
  beforeAll(async () => {
    place = township('分页镇');
    made = [];
    for (let i = 0; i < 23; i += 8) {
      made.push(
        ...((await Promise.all(
          Array.from({ length: Math.min(8, 23 - i) }, (_, j) =>
            postRequest(url, b.coordinator.token, b.id, {
              title: `page ${i + j}`,
              township: place,
              urgency: ['LOW', 'HIGH'][j % 2],
              startsAt: j % 3 ? hoursFromNow(j + 1) : null,
            }),
          ),
        )) as Row[]),
      );
    }
  });

  it.each([0, -1, 101])('refuses first = %i (BAD_USER_INPUT first)', async (first) => {
    expect(errorOf(await list({ filter: { townships: [place] }, first }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('takes 20 for an explicit null first or an omitted one, and up to 100', async () => {
    for (const variables of [{ first: null }, {}]) {
      const current = await page({ filter: { townships: [place] }, ...variables });
      expect(current.edges).toHaveLength(20);
      expect(current.pageInfo.hasNextPage).toBe(true);
      expect(current.totalCount).toBe(23);
    }
    const literal = await gql(
      url,
      `query ($t: String!) { helpRequests(filter: { townships: [$t] }, first: null) { edges { node { id } } } }`,
      { t: place },
    );
    expect(literal.body.data!.helpRequests.edges).toHaveLength(20);
    expect((await page({ filter: { townships: [place] }, first: 100 })).edges).toHaveLength(23);
  });

  it.each(['NEWEST', 'URGENCY', 'STARTS_SOON'])('walks every row once, in order, with first 2 (%s)', async (orderBy) => {
    expect(await walk({ filter: { townships: [place] }, orderBy }, 2)).toEqual(sorted(made, orderBy));
  });

  it('answers an empty last page after the last cursor', async () => {
    const all = await page({ filter: { townships: [place] }, first: 100 });
    const after = await page({ filter: { townships: [place] }, first: 5, after: all.pageInfo.endCursor });
    expect(after).toEqual({ totalCount: 23, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a cursor used with another order or filter, or malformed (BAD_USER_INPUT after)', async () => {
    const filter = { townships: [place] };
    const first = await page({ filter, orderBy: 'NEWEST', first: 2 });
    const cursor = first.pageInfo.endCursor!;
    // The same order and filter (keys in another order) accept it.
    expect((await page({ filter: { townships: [place] }, orderBy: 'NEWEST', first: 2, after: cursor })).edges).toHaveLength(2);
    for (const variables of [
      { filter, orderBy: 'URGENCY' },
      { filter, orderBy: 'STARTS_SOON' },
      { filter: { townships: [place, 'elsewhere'] }, orderBy: 'NEWEST' },
      { filter: { ...filter, statuses: ['OPEN'] }, orderBy: 'NEWEST' },
      { filter: { ...filter, text: 'page' }, orderBy: 'NEWEST' },
      { filter: null, orderBy: 'NEWEST' },
    ]) {
      expect(errorOf(await list({ ...variables, first: 2, after: cursor }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    for (const garbage of ['garbage', '%%%', '', Buffer.from('["x"]').toString('base64url')]) {
      expect(errorOf(await list({ filter, first: 2, after: garbage }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });
});

describe('Association.helpRequests', () => {
  const NESTED = `query ($t: String!) {
    associations(filter: { townships: [$t] }, first: 10) {
      edges { node {
        id
        helpRequests(first: 2) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } }
        cancelled: helpRequests(status: CANCELLED) { totalCount edges { node { title } } }
        open: helpRequests(status: OPEN, first: 1) { totalCount edges { node { title } } pageInfo { hasNextPage } }
      } }
    }
  }`;
  const ONE = `query ($id: ID!, $status: RequestStatus, $first: Int, $after: String) {
    association(id: $id) { helpRequests(status: $status, first: $first, after: $after) { totalCount edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }
  }`;
  let place: string;
  let orgs: Org[];
  const posted: Record<string, Row[]> = {};

  beforeAll(async () => {
    place = township('协会镇');
    orgs = await Promise.all([0, 1, 2].map(() => createOrg(url, adminToken, { township: place })));
    const counts = [5, 1, 0];
    for (const [i, org] of orgs.entries()) {
      posted[org.id] = [];
      for (let j = 0; j < counts[i]!; j++)
        posted[org.id]!.push((await postRequest(url, org.coordinator.token, org.id, { title: `${i}-${j}` })) as Row);
    }
    // The second oldest request of the first association is cancelled.
    await gql(url, CANCEL, { id: posted[orgs[0]!.id]![1]!.id }, orgs[0]!.owner.token);
  });

  const titles = (rows: Row[]) => rows.map((row) => row.title);
  const newest = (id: string) => sorted(posted[id]!, 'NEWEST').map((rid) => posted[id]!.find((row) => row.id === rid)!.title);

  it('pages every association’s requests, newest first, with counts and a status filter, in one query', async () => {
    const response = await gql(url, NESTED, { t: place });
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data!.associations.edges.map((edge: { node: Record<string, any> }) => edge.node);
    expect(nodes.map((node: { id: string }) => node.id).sort()).toEqual(orgs.map((org) => org.id).sort());
    const byId = Object.fromEntries(nodes.map((node: { id: string }) => [node.id, node]));

    const [first, second, third] = orgs.map((org) => byId[org.id]);
    expect(first.helpRequests.totalCount).toBe(5);
    expect(titles(first.helpRequests.edges.map((edge: { node: Row }) => edge.node))).toEqual(newest(orgs[0]!.id).slice(0, 2));
    expect(first.helpRequests.pageInfo.hasNextPage).toBe(true);
    expect(first.cancelled).toEqual({ totalCount: 1, edges: [{ node: { title: '0-1' } }] });
    expect(first.open.totalCount).toBe(4);
    expect(first.open.edges).toEqual([{ node: { title: newest(orgs[0]!.id).filter((title) => title !== '0-1')[0] } }]);
    expect(first.open.pageInfo.hasNextPage).toBe(true);

    expect(second.helpRequests).toMatchObject({ totalCount: 1, edges: [{ node: { title: '1-0' } }], pageInfo: { hasNextPage: false } });
    expect(second.cancelled).toEqual({ totalCount: 0, edges: [] });
    expect(second.open).toEqual({ totalCount: 1, edges: [{ node: { title: '1-0' } }], pageInfo: { hasNextPage: false } });

    expect(third.helpRequests).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(third.cancelled).toEqual({ totalCount: 0, edges: [] });
  });

  it('walks the pages of one association with after, in the order of Query.helpRequests', async () => {
    const org = orgs[0]!;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response = await gql(url, ONE, { id: org.id, first: 2, after });
      expect(response.body.errors).toBeUndefined();
      const connection: Page = response.body.data!.association.helpRequests;
      expect(connection.totalCount).toBe(5);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(sorted(posted[org.id]!, 'NEWEST'));
    expect(seen).toEqual(await idsOf({ requesterId: org.id }));
    // With a status, too.
    const open1 = await gql(url, ONE, { id: org.id, status: 'OPEN', first: 3 });
    const open2 = await gql(url, ONE, {
      id: org.id,
      status: 'OPEN',
      first: 3,
      after: open1.body.data!.association.helpRequests.pageInfo.endCursor,
    });
    const openIds = [...open1.body.data!.association.helpRequests.edges, ...open2.body.data!.association.helpRequests.edges].map(
      (edge: { node: Row }) => edge.node.id,
    );
    expect(openIds).toEqual(sorted(posted[org.id]!, 'NEWEST').filter((id) => id !== posted[org.id]![1]!.id));
    expect(open2.body.data!.association.helpRequests.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first outside 1..100 and a cursor of another association, status or list', async () => {
    const [org, otherOrg] = orgs as [Org, Org];
    expect(errorOf(await gql(url, ONE, { id: org.id, first: 0 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await gql(url, ONE, { id: org.id, first: 101 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const defaulted = await gql(url, ONE, { id: org.id, first: null });
    expect(defaulted.body.data!.association.helpRequests.edges).toHaveLength(5);
    const cursor = (await gql(url, ONE, { id: org.id, first: 1 })).body.data!.association.helpRequests.pageInfo.endCursor;
    expect(errorOf(await gql(url, ONE, { id: otherOrg.id, first: 1, after: cursor }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorOf(await gql(url, ONE, { id: org.id, status: 'OPEN', first: 1, after: cursor }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(errorOf(await list({ filter: { requesterId: org.id }, first: 1, after: cursor }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const listCursor = (await page({ filter: { requesterId: org.id }, first: 1 })).pageInfo.endCursor;
    expect(errorOf(await gql(url, ONE, { id: org.id, first: 1, after: listCursor }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
