/**
 * What one claim costs the database, counted, never timed (issue 16, W4): its
 * SQL statements (the server's own `x-sql-statements`), its pool checkouts, and
 * the rows PostgreSQL returned for each statement (a wrapper on the pg client
 * of this file's in-process server). Authorizing it reads the one membership
 * that decides it, so nothing grows with the caller's other memberships.
 */
import pg from 'pg';
import { CountingClient, statementCount } from '../src/db/statement-count.js';
import { BOUNDS } from '../src/shared/cost.js';
import { isRecord } from '../src/shared/errors.js';
import { codes, dataOf, gql, send, type GraphQLResponse } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createApiKey, createAssociation, signUp, verify, type Persona } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { verifiedAssociations } from './support/world.js';
import { ClaimDocument, WithdrawDocument } from './generated/graphql.js';

test.override('serverEnv', { SQL_COUNT_HEADER: 'true' });

interface Statement {
  sql: string;
  rows: number;
}

/** What the operations sent while `watch` runs: each statement with its rows, and the pool checkouts. */
interface Watched {
  statements: Statement[];
  checkouts: number;
}

let watched: Watched | null = null;

// Statements of HTTP operations only (statementCount() is null outside one): not the live feed's reads.
// eslint-disable-next-line @typescript-eslint/unbound-method -- taken unbound on purpose, called with Reflect.apply
const countingQuery = CountingClient.prototype.query;
// eslint-disable-next-line @typescript-eslint/unbound-method -- the same
const poolConnect = pg.Pool.prototype.connect;

test.beforeAll(() => {
  Object.defineProperty(CountingClient.prototype, 'query', {
    value: function (this: pg.Client, ...args: unknown[]): unknown {
      const result: unknown = Reflect.apply(countingQuery, this, args);
      const seen = watched;
      if (seen && statementCount() !== null && result instanceof Promise) {
        const [first] = args;
        const sql = typeof first === 'string' ? first : isRecord(first) && typeof first.text === 'string' ? first.text : '';
        void result.then(
          (answer: unknown) => seen.statements.push({ sql, rows: isRecord(answer) && Array.isArray(answer.rows) ? answer.rows.length : 0 }),
          () => seen.statements.push({ sql, rows: 0 }),
        );
      }
      return result;
    },
    writable: true,
    configurable: true,
  });
  Object.defineProperty(pg.Pool.prototype, 'connect', {
    value: function (this: pg.Pool, ...args: unknown[]): unknown {
      if (watched && statementCount() !== null) watched.checkouts += 1;
      return Reflect.apply(poolConnect, this, args);
    },
    writable: true,
    configurable: true,
  });
});

test.afterAll(() => {
  Object.defineProperty(CountingClient.prototype, 'query', { value: countingQuery, writable: true, configurable: true });
  Object.defineProperty(pg.Pool.prototype, 'connect', { value: poolConnect, writable: true, configurable: true });
});

/** Runs one operation, with what it sent to PostgreSQL. */
async function watch<R>(operation: () => Promise<GraphQLResponse<R>>): Promise<Watched & { response: GraphQLResponse<R>; header: number }> {
  const seen: Watched = { statements: [], checkouts: 0 };
  watched = seen;
  try {
    const response = await operation();
    return { ...seen, response, header: Number(response.headers.get('x-sql-statements')) };
  } finally {
    watched = null;
  }
}

const rowsOf = (statements: Statement[]) => statements.map((statement) => statement.rows);
const locks = (statements: Statement[]) => statements.filter((statement) => /for update/i.test(statement.sql)).length;

interface World {
  requester: string;
  requesterToken: string;
  /** OWNER of one verified association. */
  few: Persona & { association: string };
  /** OWNER of BOUNDS.memberships verified associations (as many as a user may belong to). */
  many: Persona & { association: string };
  /** An API key of `few`'s association. */
  key: string;
  /** A signed-in user of no association. */
  outsider: Persona;
}

let world: World | null = null;

async function setUp(url: string, adminToken: string): Promise<World> {
  if (world) return world;
  const requesterOwner = await signUp(url, 'Requester');
  const requester = await createAssociation(url, requesterOwner.token);
  await verify(url, adminToken, requester);
  const fewOwner = await signUp(url, 'Few');
  const few = await createAssociation(url, fewOwner.token);
  await verify(url, adminToken, few);
  const many = await verifiedAssociations(url, adminToken, BOUNDS.memberships, 'Many');
  const key = await createApiKey(url, fewOwner.token, few);
  world = {
    requester,
    requesterToken: requesterOwner.token,
    few: { ...fewOwner, association: few },
    many: { ...many.owner, association: many.ids[many.ids.length - 1] },
    key: key.secret,
    outsider: await signUp(url, 'Outsider'),
  };
  return world;
}

/** A fresh slot of a fresh request (capacity 10), so that every claim below is a first one. */
async function freshSlot(url: string, w: World): Promise<string> {
  const posted = await postRequest(url, w.requesterToken, w.requester, { contact: '联系人', slots: [{ capacity: 10 }] });
  return posted.slots[0].id;
}

const claimAs = (url: string, token: string, input: { slotId: string; associationId: string; idempotencyKey?: string }) =>
  gql(url, ClaimDocument, { input: { quantity: 1, ...input } }, token);

describe('one claim', () => {
  test('is nine statements on two pool connections: the bearer check, then one transaction', async ({ url, adminToken }) => {
    const w = await setUp(url, adminToken);
    const slotId = await freshSlot(url, w);
    const claim = await watch(() => claimAs(url, w.few.token, { slotId, associationId: w.few.association }));
    expect(dataOf(claim.response).claim).toMatchObject({ status: 'ACTIVE', quantity: 1 });
    // The session's user; BEGIN; the checks (slot, request, association, role, key) in one
    // statement; the request's lock; the claim, the slot's increment and the request's totals
    // in one statement; the event's attributes; the log's lock; the event with its NOTIFY;
    // COMMIT. The payload is the row the transaction inserted: no read after it.
    expect(claim.header).toBe(9);
    expect(claim.statements).toHaveLength(9);
    expect(claim.checkouts).toBe(2);
    expect(locks(claim.statements)).toBe(1);
  });

  test('with an idempotency key: one statement more, to take it; a replay is answered before the lock', async ({ url, adminToken }) => {
    const w = await setUp(url, adminToken);
    const input = { slotId: await freshSlot(url, w), associationId: w.few.association, idempotencyKey: 'statements-1' };
    const first = await watch(() => claimAs(url, w.key, input));
    const { id } = dataOf(first.response).claim;
    expect(first.header).toBe(10);
    expect(first.checkouts).toBe(2);

    const replay = await watch(() => claimAs(url, w.key, input));
    expect(dataOf(replay.response).claim.id).toBe(id);
    // The key; BEGIN; the checks, which find the key taken; COMMIT; the claim as it is now.
    expect(replay.header).toBe(5);
    expect(locks(replay.statements)).toBe(0);
  });

  test('refused (NOT_FOUND, FORBIDDEN) after one read of its checks, without taking the request’s lock', async ({ url, adminToken }) => {
    const w = await setUp(url, adminToken);
    const nowhere = Buffer.from('Slot:00000000-0000-0000-0000-000000000000').toString('base64url');
    const notFound = await watch(() => claimAs(url, w.few.token, { slotId: nowhere, associationId: w.few.association }));
    expect(codes(notFound.response)).toEqual(['NOT_FOUND']);
    const slotId = await freshSlot(url, w);
    const forbidden = await watch(() => claimAs(url, w.outsider.token, { slotId, associationId: w.few.association }));
    expect(codes(forbidden.response)).toEqual(['FORBIDDEN']);
    for (const refused of [notFound, forbidden]) {
      // The session's user; BEGIN; the checks; ROLLBACK.
      expect(refused.header).toBe(4);
      expect(locks(refused.statements)).toBe(0);
    }
  });
});

describe('authorizing for a user in many associations', () => {
  test(`a claim by a member of ${BOUNDS.memberships} associations reads what one by a member of one reads: one row a statement`, async ({
    url,
    adminToken,
  }) => {
    const w = await setUp(url, adminToken);
    const [fewSlot, manySlot] = [await freshSlot(url, w), await freshSlot(url, w)];
    const few = await watch(() => claimAs(url, w.few.token, { slotId: fewSlot, associationId: w.few.association }));
    const many = await watch(() => claimAs(url, w.many.token, { slotId: manySlot, associationId: w.many.association }));
    dataOf(few.response);
    dataOf(many.response);
    expect(many.header).toBe(few.header);
    expect(rowsOf(many.statements)).toEqual(rowsOf(few.statements));
    // No statement of a claim returns more than one row (BEGIN and COMMIT none).
    expect(Math.max(...rowsOf(many.statements))).toBe(1);
  });

  test('withdrawing, and a payload’s contact, read only the memberships that decide them', async ({ url, adminToken }) => {
    const w = await setUp(url, adminToken);
    const withContact = `mutation ($input: ClaimInput!) { claim(input: $input) { id request { contact } } }`;
    const claimWithContact = async (persona: World['few']) => {
      const slotId = await freshSlot(url, w);
      return watch(() => send(url, withContact, { input: { slotId, associationId: persona.association, quantity: 1 } }, persona.token));
    };
    const [few, many] = [await claimWithContact(w.few), await claimWithContact(w.many)];
    for (const claimed of [few, many]) {
      expect(claimed.response.body.errors).toBeUndefined();
      // A committed claimant sees the request's contact.
      expect(claimed.response.body.data).toMatchObject({ claim: { request: { contact: '联系人' } } });
    }
    expect(many.header).toBe(few.header);
    expect(rowsOf(many.statements)).toEqual(rowsOf(few.statements));

    const withdraw = (persona: World['few'], claimed: typeof few) => {
      const data = claimed.response.body.data;
      const id = isRecord(data) && isRecord(data.claim) && typeof data.claim.id === 'string' ? data.claim.id : '';
      return watch(() => gql(url, WithdrawDocument, { id, reason: null }, persona.token));
    };
    const [fewWithdrawn, manyWithdrawn] = [await withdraw(w.few, few), await withdraw(w.many, many)];
    expect(dataOf(manyWithdrawn.response).withdrawClaim.status).toBe('WITHDRAWN');
    expect(manyWithdrawn.header).toBe(fewWithdrawn.header);
    expect(rowsOf(manyWithdrawn.statements)).toEqual(rowsOf(fewWithdrawn.statements));
    expect(Math.max(...rowsOf(manyWithdrawn.statements))).toBe(1);
  });
});
