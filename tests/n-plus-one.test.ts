/**
 * No N+1 anywhere: nested reads cost a constant number of SQL statements, one
 * per level plus a constant, whatever the page size (x-sql-statements counts
 * the operation's own statements only).
 */
import { dataOf, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { postRequest } from './support/requests.js';
import { verifiedAssociations } from './support/world.js';
import {
  ClaimDocument,
  HelpRequestContactsDocument,
  HelpRequestTitlesDocument,
  NestedAssociationsDocument,
  NestedHelpRequestsDocument,
  NestedRequestEventsDocument,
  NestedTotalCountsDocument,
  TypenameAndAssociationIdsDocument,
  type TypedDocumentString,
} from './generated/graphql.js';

test.override('serverEnv', { SQL_COUNT_HEADER: 'true' });

let claimantToken = '';

test.beforeAll(async ({ url, adminToken }) => {
  // Posters sort first by name; claimants ("Zeta ...") are never on the listed page, so
  // no row of the list happens to serve a deeper level from the loader cache.
  const posters = await verifiedAssociations(url, adminToken, 50, 'Level');
  const claimants = await verifiedAssociations(url, adminToken, 50, 'Zeta');
  claimantToken = claimants.owner.token;
  // Every association posts two requests of two slots; one claimant claims on both slots.
  const requests = await Promise.all(
    posters.ids.map((id) =>
      Promise.all(
        [0, 1].map(() => postRequest(url, posters.owner.token, id, { contact: '联系人 1', slots: [{ capacity: 5 }, { capacity: 5 }] })),
      ),
    ),
  );
  await Promise.all(
    requests.flat().map(async (request, i) => {
      const claimant = claimants.ids[Math.floor(i / 2)];
      for (const slot of request.slots) {
        const input = { slotId: slot.id, associationId: claimant, quantity: 1 };
        dataOf(await gql(url, ClaimDocument, { input }, claimants.owner.token));
      }
    }),
  );
});

/** The statements one operation issued, with its page size `n`. */
async function statements(
  url: string,
  document: TypedDocumentString<unknown, { n?: number | null }>,
  n: number,
  token?: string,
): Promise<number> {
  const response = await gql(url, document, { n }, token);
  expect(response.body.errors).toBeUndefined();
  return Number(response.headers.get('x-sql-statements'));
}

describe('SQL statements per operation', () => {
  test('associations > helpRequests > slots > claims > association: the same for 5 and 50 parents, one per level', async ({ url }) => {
    const [five, fifty] = [await statements(url, NestedAssociationsDocument, 5), await statements(url, NestedAssociationsDocument, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(5 + 1); // five levels
  });

  test('per-parent totalCount costs one more statement, not one per parent', async ({ url }) => {
    const [five, fifty] = [await statements(url, NestedTotalCountsDocument, 5), await statements(url, NestedTotalCountsDocument, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(6);
  });

  test('helpRequests with requester, slots, claims and claimant', async ({ url }) => {
    const [five, fifty] = [await statements(url, NestedHelpRequestsDocument, 5), await statements(url, NestedHelpRequestsDocument, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(7);
  });

  test('requestEvents with request and claim', async ({ url }) => {
    const [five, fifty] = [await statements(url, NestedRequestEventsDocument, 5), await statements(url, NestedRequestEventsDocument, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(6);
  });

  test('contact is decided in the statement that reads the page: one statement more for a member (its memberships), none per request', async ({
    url,
  }) => {
    for (const n of [5, 50]) {
      expect(await statements(url, HelpRequestTitlesDocument, n)).toBe(1);
      expect(await statements(url, HelpRequestContactsDocument, n)).toBe(1); // anonymous: nothing to look up
      // Signed in, the bearer token is checked first (one statement); contact not asked for is not read.
      const titles = await statements(url, HelpRequestTitlesDocument, n, claimantToken);
      expect(titles).toBe(2);
      expect(await statements(url, HelpRequestContactsDocument, n, claimantToken)).toBe(titles + 1);
    }
    // The claimant holds ACTIVE claims on every request of the page: it sees each contact.
    const { helpRequests } = dataOf(await gql(url, HelpRequestContactsDocument, { n: 50 }, claimantToken));
    expect(helpRequests.edges.map((edge) => edge.node.contact)).toEqual(helpRequests.edges.map(() => '联系人 1'));
  });

  test('counts only the operation’s own statements', async ({ url }) => {
    expect(await statements(url, TypenameAndAssociationIdsDocument, 1)).toBe(1);
  });
});
