/**
 * Stats against a fixture whose expected figures are written out by hand below
 * (not computed by the same SQL): every field, with and without each filter,
 * the empty period, and refused input.
 */
import { codes, gql, send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { admin } from './support/pg.js';
import { decodeGlobalId } from '../src/shared/global-id.js';
import {
  CancelHelpRequestDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  StatsEveryFigureDocument,
  StatsLimitsDocument,
  WithdrawClaimDocument,
  type StatsFilter,
  type TypedDocumentString,
} from './generated/graphql.js';

let C: Org;

async function claim(url: string, org: Org, slotId: string, quantity: number): Promise<string> {
  const response = await gql(url, ClaimDocument, { input: { slotId, associationId: org.id, quantity } }, org.owner.token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.claim.id;
}
const mutate = async <R, V>(url: string, document: TypedDocumentString<R, V>, variables: V, token: string) => {
  const response = await gql(url, document, variables, token);
  expect(response.body.errors).toBeUndefined();
};
const withdraw = (url: string, org: Org, id: string) => mutate(url, WithdrawClaimDocument, { id }, org.owner.token);
const complete = (url: string, org: Org, id: string, beneficiaries: number) =>
  mutate(url, CompleteHelpRequestDocument, { id, beneficiaries }, org.owner.token);

/** Pins postedAt (and the first filledAt) so periods and medians are known. */
async function pin(databaseUrl: string, requestId: string, postedAt: string, fillSeconds: number | null) {
  await admin(databaseUrl, (client) =>
    client.query(
      `UPDATE help_request SET posted_at = $2, filled_at = CASE WHEN filled_at IS NULL THEN NULL ELSE $2::timestamptz + make_interval(secs => $3) END WHERE id = $1`,
      [decodeGlobalId(requestId, 'id').key, postedAt, fillSeconds ?? 0],
    ),
  );
}

test.beforeAll(async ({ url, adminToken, databaseUrl }) => {
  const A = await createOrg(url, adminToken, { name: 'Alpha', township: '巡场镇' });
  const B = await createOrg(url, adminToken, { name: 'Beta', township: '上罗镇' });
  C = await createOrg(url, adminToken, { name: 'Gamma', township: null });

  // R1: A, 巡场镇, COMMUNITY_SERVICE, 4 people; B 2 + C 2 -> FILLED; completed, 30 served.
  const r1 = await postRequest(url, A.owner.token, A.id, { kind: 'MANPOWER', category: 'COMMUNITY_SERVICE', slots: [{ capacity: 4 }] });
  await claim(url, B, r1.slots[0].id, 2);
  await claim(url, C, r1.slots[0].id, 2);
  await complete(url, A, r1.id, 30);
  // R2: A, 上罗镇, FUNDRAISING 10000 yuan; B pledges 3000; C pledges 1000 then withdraws.
  const r2 = await postRequest(url, A.owner.token, A.id, {
    kind: 'FUNDRAISING',
    category: 'POVERTY_RELIEF',
    township: '上罗镇',
    slots: [{ capacity: 10000 }],
  });
  await claim(url, B, r2.slots[0].id, 3000);
  await withdraw(url, C, await claim(url, C, r2.slots[0].id, 1000));
  // R3: B, 上罗镇, PATIENT_GUARD, 2 nights of 2; A 2 + C 2 -> FILLED; C withdraws -> REOPENED.
  const r3 = await postRequest(url, B.owner.token, B.id, {
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    slots: [{ capacity: 2 }, { capacity: 2 }],
  });
  await claim(url, A, r3.slots[0].id, 2);
  await withdraw(url, C, await claim(url, C, r3.slots[1].id, 2));
  // R4: C, no township, TUTORING 3; A claims 1; C cancels (A's claim DECLINED).
  const r4 = await postRequest(url, C.owner.token, C.id, { kind: 'TUTORING', category: 'EDUCATION', slots: [{ capacity: 3 }] });
  await claim(url, A, r4.slots[0].id, 1);
  await mutate(url, CancelHelpRequestDocument, { id: r4.id }, C.owner.token);
  // R5: B, 巡场镇, SUPPLIES 5 items; A 5 -> FILLED; completed, 12 served.
  const r5 = await postRequest(url, B.owner.token, B.id, {
    kind: 'SUPPLIES',
    category: 'CHILD_CARE',
    township: '巡场镇',
    slots: [{ capacity: 5 }],
  });
  await claim(url, A, r5.slots[0].id, 5);
  await complete(url, B, r5.id, 12);

  await pin(databaseUrl, r1.id, '2026-01-10T02:00:00Z', 3600);
  await pin(databaseUrl, r2.id, '2026-01-31T17:00:00Z', null); // 2026-02-01 01:00 in Shanghai
  await pin(databaseUrl, r3.id, '2026-02-15T00:00:00Z', 7200);
  await pin(databaseUrl, r4.id, '2026-03-05T00:00:00Z', null);
  await pin(databaseUrl, r5.id, '2026-03-20T00:00:00Z', 1800);
});

const stats = async (url: string, filter?: StatsFilter) => {
  const response = await gql(url, StatsEveryFigureDocument, { filter: filter ?? null });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.stats;
};

const zeroCategories = [
  'POVERTY_RELIEF',
  'EDUCATION',
  'MEDICAL',
  'DISABILITY',
  'SPECIAL_NEEDS',
  'CHILD_CARE',
  'SKILLS_TRAINING',
  'COMMUNITY_SERVICE',
].map((category) => ({ category, requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0 }));
const category = (name: string, posted: number, completed: number, beneficiaries: number) =>
  zeroCategories.map((c) =>
    c.category === name ? { category: name, requestsPosted: posted, requestsCompleted: completed, beneficiaries } : c,
  );

describe('stats', () => {
  test('computes every figure over all requests', async ({ url }) => {
    expect(await stats(url)).toEqual({
      requestsPosted: 5,
      requestsFilled: 3,
      requestsCompleted: 2,
      fillRate: 0.6,
      medianTimeToFillSeconds: 3600,
      volunteersCommitted: 6,
      amountPledged: 3000,
      beneficiaries: 42,
      activeAssociations: 3,
      byCategory: [
        { category: 'POVERTY_RELIEF', requestsPosted: 1, requestsCompleted: 0, beneficiaries: 0 },
        { category: 'EDUCATION', requestsPosted: 1, requestsCompleted: 0, beneficiaries: 0 },
        { category: 'MEDICAL', requestsPosted: 1, requestsCompleted: 0, beneficiaries: 0 },
        { category: 'DISABILITY', requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0 },
        { category: 'SPECIAL_NEEDS', requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0 },
        { category: 'CHILD_CARE', requestsPosted: 1, requestsCompleted: 1, beneficiaries: 12 },
        { category: 'SKILLS_TRAINING', requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0 },
        { category: 'COMMUNITY_SERVICE', requestsPosted: 1, requestsCompleted: 1, beneficiaries: 30 },
      ],
      byTownship: [
        { township: '上罗镇', requestsPosted: 2, requestsCompleted: 0, beneficiaries: 0 },
        { township: '巡场镇', requestsPosted: 2, requestsCompleted: 2, beneficiaries: 42 },
      ],
      byMonth: [
        { month: '2026-01', requestsPosted: 1, requestsCompleted: 1, beneficiaries: 30 },
        { month: '2026-02', requestsPosted: 2, requestsCompleted: 0, beneficiaries: 0 },
        { month: '2026-03', requestsPosted: 2, requestsCompleted: 1, beneficiaries: 12 },
      ],
      topHelpers: [
        { association: { name: 'Alpha' }, requestsPosted: 2, claimsMade: 2, volunteersCommitted: 2, amountPledged: 0 },
        { association: { name: 'Beta' }, requestsPosted: 2, claimsMade: 2, volunteersCommitted: 2, amountPledged: 3000 },
        { association: { name: 'Gamma' }, requestsPosted: 1, claimsMade: 1, volunteersCommitted: 2, amountPledged: 0 },
      ],
      collaborations: [
        { helper: { name: 'Alpha' }, helped: { name: 'Beta' }, claims: 2 },
        { helper: { name: 'Beta' }, helped: { name: 'Alpha' }, claims: 2 },
        { helper: { name: 'Gamma' }, helped: { name: 'Alpha' }, claims: 1 },
      ],
    });
  });

  test('counts over a period [from, to), months in Asia/Shanghai', async ({ url }) => {
    const result = await stats(url, { from: '2026-02-01T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' });
    expect(result).toMatchObject({
      requestsPosted: 2,
      requestsFilled: 1,
      requestsCompleted: 0,
      fillRate: 0.5,
      medianTimeToFillSeconds: 7200,
      volunteersCommitted: 2,
      amountPledged: 3000,
      beneficiaries: 0,
      activeAssociations: 3,
      byMonth: [{ month: '2026-02', requestsPosted: 2, requestsCompleted: 0, beneficiaries: 0 }],
    });
  });

  test('filters by township', async ({ url }) => {
    const result = await stats(url, { townships: ['巡场镇'] });
    expect(result).toMatchObject({
      requestsPosted: 2,
      requestsFilled: 2,
      requestsCompleted: 2,
      fillRate: 1,
      medianTimeToFillSeconds: 2700,
      volunteersCommitted: 4,
      amountPledged: 0,
      beneficiaries: 42,
      activeAssociations: 3,
      byTownship: [{ township: '巡场镇', requestsPosted: 2, requestsCompleted: 2, beneficiaries: 42 }],
    });
  });

  test('filters by category', async ({ url }) => {
    const result = await stats(url, { categories: ['MEDICAL', 'EDUCATION'] });
    expect(result).toMatchObject({
      requestsPosted: 2,
      requestsFilled: 1,
      requestsCompleted: 0,
      fillRate: 0.5,
      medianTimeToFillSeconds: 7200,
      volunteersCommitted: 2,
      amountPledged: 0,
      activeAssociations: 3,
      byCategory: zeroCategories.map((c) => (c.category === 'MEDICAL' || c.category === 'EDUCATION' ? { ...c, requestsPosted: 1 } : c)),
    });
  });

  test('filters by association: requests it posted or holds an ACTIVE or FULFILLED claim on', async ({ url }) => {
    const result = await stats(url, { associationId: C.id });
    expect(result).toMatchObject({
      requestsPosted: 2,
      requestsFilled: 1,
      requestsCompleted: 1,
      beneficiaries: 30,
      volunteersCommitted: 4,
      topHelpers: [
        { association: { name: 'Beta' }, requestsPosted: 0, claimsMade: 1, volunteersCommitted: 2, amountPledged: 0 },
        { association: { name: 'Gamma' }, requestsPosted: 1, claimsMade: 1, volunteersCommitted: 2, amountPledged: 0 },
      ],
      byCategory: zeroCategories.map((c) =>
        c.category === 'COMMUNITY_SERVICE'
          ? { ...c, requestsPosted: 1, requestsCompleted: 1, beneficiaries: 30 }
          : c.category === 'EDUCATION'
            ? { ...c, requestsPosted: 1 }
            : c,
      ),
    });
  });

  test('combines filters', async ({ url }) => {
    const result = await stats(url, { townships: ['巡场镇'], categories: ['CHILD_CARE'], from: '2026-03-01T00:00:00Z' });
    expect(result).toMatchObject({
      requestsPosted: 1,
      requestsCompleted: 1,
      beneficiaries: 12,
      byCategory: category('CHILD_CARE', 1, 1, 12),
    });
  });

  test('answers an empty period with zeros, fillRate 0 and median null', async ({ url }) => {
    expect(await stats(url, { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' })).toEqual({
      requestsPosted: 0,
      requestsFilled: 0,
      requestsCompleted: 0,
      fillRate: 0,
      medianTimeToFillSeconds: null,
      volunteersCommitted: 0,
      amountPledged: 0,
      beneficiaries: 0,
      activeAssociations: 0,
      byCategory: zeroCategories,
      byTownship: [],
      byMonth: [],
      topHelpers: [],
      collaborations: [],
    });
  });

  test('refuses from >= to, limits outside their range, and an undecodable association id', async ({ url }) => {
    const same = await gql(url, StatsEveryFigureDocument, { filter: { from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } });
    expect(codes(same)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send(url, '{ stats { topHelpers(limit: 0) { claimsMade } } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send(url, '{ stats { topHelpers(limit: 101) { claimsMade } } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send(url, '{ stats { collaborations(limit: 501) { claims } } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send(url, '{ stats(filter: { associationId: "%%" }) { requestsPosted } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await send(url, '{ stats(filter: { from: "2026-01-01T00:00:00" }) { requestsPosted } }'))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });

  test('limits topHelpers and collaborations', async ({ url }) => {
    const response = await gql(url, StatsLimitsDocument, {});
    expect(response.body.data!.stats).toEqual({
      topHelpers: [{ association: { name: 'Alpha' } }],
      collaborations: [{ claims: 2 }, { claims: 2 }],
    });
  });
});
