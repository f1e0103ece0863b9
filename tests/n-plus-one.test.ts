/**
 * No N+1 anywhere: nested reads cost a constant number of SQL statements, one
 * per level plus a constant, whatever the page size (x-sql-statements counts
 * the operation's own statements only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { gql } from './support/client.js';
import { ADMIN_ENV, asAdmin } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { CLAIM, verifiedAssociations } from './support/world.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), { ...ADMIN_ENV, SQL_COUNT_HEADER: 'true' });
  const adminToken = await asAdmin(server.url);
  // Posters sort first by name; claimants ("Zeta ...") are never on the listed page, so
  // no row of the list happens to serve a deeper level from the loader cache.
  const posters = await verifiedAssociations(server.url, adminToken, 50, 'Level');
  const claimants = await verifiedAssociations(server.url, adminToken, 50, 'Zeta');
  // Every association posts two requests of two slots; one claimant claims on both slots.
  const requests = await Promise.all(
    posters.ids.map((id) =>
      Promise.all([0, 1].map(() => postRequest(server.url, posters.owner.token, id, { slots: [{ capacity: 5 }, { capacity: 5 }] }))),
    ),
  );
  await Promise.all(
    requests.flat().map((request, i) => {
      const claimant = claimants.ids[Math.floor(i / 2)];
      return Promise.all(
        request.slots.map((slot: { id: string }) =>
          gql(server.url, CLAIM, { input: { slotId: slot.id, associationId: claimant, quantity: 1 } }, claimants.owner.token),
        ),
      );
    }),
  );
});
afterAll(() => server?.stop());

async function statements(query: string, n: number): Promise<number> {
  const response = await gql(server.url, query, { n });
  expect(response.body.errors).toBeUndefined();
  return Number(response.headers.get('x-sql-statements'));
}

describe('SQL statements per operation', () => {
  it('associations > helpRequests > slots > claims > association: the same for 5 and 50 parents, one per level', async () => {
    const query = `query ($n: Int) { associations(first: $n) { edges { node { name helpRequests(first: 10) { edges { node { title slots { claims { association { name } } } } } } } } } }`;
    const [five, fifty] = [await statements(query, 5), await statements(query, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(5 + 1); // five levels
  });

  it('per-parent totalCount costs one more statement, not one per parent', async () => {
    const query = `query ($n: Int) { associations(first: $n) { totalCount edges { node { helpRequests(first: 1) { totalCount } claims(first: 1) { totalCount } } } } }`;
    const [five, fifty] = [await statements(query, 5), await statements(query, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(6);
  });

  it('helpRequests with requester, slots, claims and claimant', async () => {
    const query = `query ($n: Int) { helpRequests(first: $n) { edges { node { requester { name } slots { claims { association { name } } } claims { association { name } slot { label } request { title } } } } } }`;
    const [five, fifty] = [await statements(query, 5), await statements(query, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(7);
  });

  it('requestEvents with request and claim', async () => {
    const query = `query ($n: Int) { requestEvents(first: $n) { edges { node { type actor { name } request { title requester { name } } claim { quantity association { name } } } } } }`;
    const [five, fifty] = [await statements(query, 5), await statements(query, 50)];
    expect(five).toBe(fifty);
    expect(fifty).toBeLessThanOrEqual(6);
  });

  it('counts only the operation’s own statements', async () => {
    expect(await statements('query ($n: Int) { __typename a: associations(first: $n) { edges { node { id } } } }', 1)).toBe(1);
  });
});
