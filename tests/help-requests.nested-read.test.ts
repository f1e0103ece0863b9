/**
 * A page of requests with its nested lists is one SQL statement: requester,
 * slots, claims and each claim's association are built as JSON by PostgreSQL
 * from what the operation selects (help-request.json.ts), and carry only the
 * columns asked for, with their keys. This checks that reading less never
 * answers differently: every field of HelpRequest, Slot, Claim and
 * Association, selected alone and all together, through `helpRequests` (one
 * statement) and through `helpRequest(id)` (full rows, relations through the
 * loaders), as an anonymous caller and as the requester's member.
 *
 * Queries are generated field by field, so they are sent as text (`send`), not
 * as typed documents: the answers are compared with each other, not read.
 */
import { dataOf, gql, send, type GraphQLResponse } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { hoursFromNow, postRequest } from './support/requests.js';
import { verifiedAssociations } from './support/world.js';
import { ClaimDocument } from './generated/graphql.js';

test.override('serverEnv', { SQL_COUNT_HEADER: 'true' });

const FIELDS = {
  HelpRequest: `id kind category unit title description township address urgency status capacity claimed remaining startsAt endsAt
    postedAt filledAt closedAt beneficiaries outcome cancelReason version contact`,
  Slot: 'id label startsAt endsAt capacity claimed remaining request { id title } assignments { id }',
  Claim:
    'id quantity status note claimedAt endedAt endReason assigned request { id } slot { id label } handedTo { id } handOffs { id } assignments { id }',
  Association: 'id name township description categories verified createdAt',
};
/** The fields of a type, each with its sub-selection (`request { id title }`). */
const fieldsOf = (type: keyof typeof FIELDS) => [...FIELDS[type].matchAll(/\w+(?:\s*\{[^}]*\})?/g)].map((match) => match[0]);

/** Each selection under a request: one type's field alone, in every place that type appears. */
function selections(): { name: string; selection: string }[] {
  const all = (type: keyof typeof FIELDS) => FIELDS[type];
  const claim = (inner: string) =>
    `claims { ${inner} } active: claims(status: ACTIVE) { ${inner} } slots { claims { ${inner} } ended: claims(status: WITHDRAWN) { ${inner} } }`;
  return [
    ...fieldsOf('HelpRequest').map((field) => ({ name: `HelpRequest.${field}`, selection: field })),
    ...fieldsOf('Slot').map((field) => ({ name: `Slot.${field}`, selection: `slots { ${field} }` })),
    ...fieldsOf('Claim').map((field) => ({ name: `Claim.${field}`, selection: claim(field) })),
    ...fieldsOf('Association').map((field) => ({
      name: `Association.${field}`,
      selection: `requester { ${field} } ${claim(`association { ${field} }`)}`,
    })),
    {
      name: 'aliases with different selections',
      selection: `a: slots { id } b: slots { claims { note association { name } } } c: claims { id }`,
    },
    {
      name: 'fragments and directives',
      selection: `... on Node { id } ... on HelpRequest { slots @include(if: true) { ... on Slot { capacity } claims @skip(if: true) { id } } }`,
    },
    {
      name: 'everything',
      selection: `${all('HelpRequest')} requester { ${all('Association')} } slots { ${all('Slot')} claims { ${all('Claim')} association { ${all('Association')} } } }
        ${claim(`${all('Claim')} association { ${all('Association')} }`)}`,
    },
  ];
}

let poster = { token: '', id: '' };
let requestIds: string[] = [];

test.beforeAll(async ({ url, adminToken }) => {
  const posters = await verifiedAssociations(url, adminToken, 1, 'Nested poster');
  const claimants = await verifiedAssociations(url, adminToken, 3, 'Nested claimant');
  poster = { token: posters.owner.token, id: posters.ids[0] };
  const requests = [
    await postRequest(url, poster.token, poster.id, { contact: '王女士 138', address: '巡场镇 1 号', slots: [{ capacity: 4 }] }),
    await postRequest(url, poster.token, poster.id, {
      contact: '李先生 139',
      slots: [
        { label: '夜班 1', startsAt: hoursFromNow(30), endsAt: hoursFromNow(40), capacity: 2 },
        { label: '夜班 2', startsAt: hoursFromNow(54), endsAt: hoursFromNow(64), capacity: 2 },
      ],
    }),
    await postRequest(url, poster.token, poster.id, { slots: [{ capacity: 3 }] }),
  ];
  requestIds = requests.map((request) => request.id);
  const claim = async (slotId: string, associationId: string, note: string | null = null) =>
    dataOf(await gql(url, ClaimDocument, { input: { slotId, associationId, quantity: 1, note } }, claimants.owner.token)).claim.id;
  // ACTIVE, WITHDRAWN and DECLINED claims on the first request, two shifts claimed on the second,
  // and the third completed with a FULFILLED claim.
  await claim(requests[0].slots[0].id, claimants.ids[0], '两人同行');
  const withdrawn = await claim(requests[0].slots[0].id, claimants.ids[1]);
  dataOf(await send(url, `mutation($id: ID!) { withdrawClaim(id: $id, reason: "改期") { id } }`, { id: withdrawn }, claimants.owner.token));
  const declined = await claim(requests[0].slots[0].id, claimants.ids[2]);
  dataOf(await send(url, `mutation($id: ID!) { declineClaim(id: $id, reason: "已满") { id } }`, { id: declined }, poster.token));
  await claim(requests[1].slots[0].id, claimants.ids[0]);
  await claim(requests[1].slots[1].id, claimants.ids[1]);
  await claim(requests[2].slots[0].id, claimants.ids[2]);
  dataOf(
    await send(
      url,
      `mutation($id: ID!) { completeHelpRequest(id: $id, beneficiaries: 5, outcome: "完成") { id } }`,
      { id: requests[2].id },
      poster.token,
    ),
  );
});

interface ListPage {
  helpRequests: { edges: { node: { id: string } }[] };
}

/** The same selection through the list (one statement) and through helpRequest(id) for each request. */
async function bothWays(url: string, selection: string, token?: string) {
  const list = await send(
    url,
    `query($requester: ID!) { helpRequests(first: 10, filter: { requesterId: $requester }) { edges { node { id ${selection} } } } }`,
    { requester: poster.id },
    token,
  );
  const one = await send(
    url,
    `query { ${requestIds.map((id, i) => `r${i}: helpRequest(id: "${id}") { id ${selection} }`).join(' ')} }`,
    undefined,
    token,
  );
  const listed = (dataOf(list) as ListPage).helpRequests.edges.map((edge) => edge.node);
  const byId = Object.values(dataOf(one) as Record<string, { id: string }>);
  return { list, listed: sortById(listed), byId: sortById(byId) };
}

const sortById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const statementsOf = (response: GraphQLResponse<unknown>) => Number(response.headers.get('x-sql-statements'));

describe('a page with its nested lists read in one statement', () => {
  for (const { name, selection } of selections()) {
    test(`${name}: the same through helpRequests as through helpRequest(id), anonymous and as the requester's member`, async ({ url }) => {
      for (const token of [undefined, poster.token]) {
        const { listed, byId } = await bothWays(url, selection, token);
        expect(listed).toHaveLength(requestIds.length);
        expect(listed).toEqual(byId);
      }
    });
  }

  test('walking pages of one finds every request once, with or without hasNextPage asked', async ({ url }) => {
    interface Page {
      helpRequests: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage?: boolean; endCursor: string | null } };
    }
    const walk = async (pageInfo: string) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const response = await send(
          url,
          `query($requester: ID!, $after: String) { helpRequests(first: 1, after: $after, filter: { requesterId: $requester }) {
            edges { node { id slots { capacity } } } pageInfo { ${pageInfo} } } }`,
          { requester: poster.id, after },
        );
        const page = (dataOf(response) as Page).helpRequests;
        ids.push(...page.edges.map((edge) => edge.node.id));
        if (page.edges.length === 0 || page.pageInfo.hasNextPage === false) break;
        after = page.pageInfo.endCursor;
      }
      return ids;
    };
    const withNext = await walk('hasNextPage endCursor');
    expect([...withNext].sort()).toEqual([...requestIds].sort());
    expect(await walk('endCursor')).toEqual(withNext);
  });

  test('the whole page, every relation and field, is one statement for an anonymous caller', async ({ url }) => {
    // Every field that is a column or read with the page; relations reached by id (a claim's slot) are other statements.
    const everything = selections()
      .at(-1)!
      .selection.replace(/\b(request|slot|handedTo|handOffs|assignments)\s*\{[^}]*\}/g, '');
    const { list, listed } = await bothWays(url, everything);
    expect(statementsOf(list)).toBe(1);
    // What was read is there: claims of every status, their associations, the contact hidden.
    const claims = listed.flatMap((request) =>
      (request as unknown as { claims: { status: string }[] }).claims.map((claim) => claim.status),
    );
    expect(new Set(claims)).toEqual(new Set(['ACTIVE', 'WITHDRAWN', 'DECLINED', 'FULFILLED']));
    expect(listed.map((request) => (request as unknown as { contact: string | null }).contact)).toEqual([null, null, null]);
  });

  test("the requester's member sees the contact, and pays one statement more (its memberships), not one per request", async ({ url }) => {
    const without = await bothWays(url, 'slots { claims { association { name } } }', poster.token);
    const { list, listed } = await bothWays(url, 'contact slots { claims { association { name } } }', poster.token);
    expect(statementsOf(list)).toBe(statementsOf(without.list) + 1);
    expect(listed.map((request) => (request as unknown as { contact: string | null }).contact).sort()).toEqual(
      ['王女士 138', '李先生 139', null].sort(),
    );
  });
});
