/**
 * Rate limits (api.md, "Limits"): shared by every instance through PostgreSQL;
 * RATE_LIMITED with `extensions.retryAfter` and HTTP 429 + Retry-After; logIn
 * counted per (e-mail, address) so a correct password is refused too while
 * limited; aliases count one each; the limit lifts when its window ends; the
 * limiter's table holds hashes only.
 */
import { codes, dataOf, gql, send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { admin } from './support/pg.js';
import { LogInDocument, SignUpDocument } from './generated/graphql.js';

// Small budgets and a short window: each test reaches a limit in a few calls and sees it lift.
const LIMITS = {
  RATE_LIMITS: 'true',
  RATE_LIMIT_LOGIN_ACCOUNT: '3/3s',
  RATE_LIMIT_LOGIN_ADDRESS: '1000/1m',
  RATE_LIMIT_SIGNUP_ADDRESS: '1000/1m',
  RATE_LIMIT_MUTATIONS: '1000/1m',
};
test.override('serverEnv', LIMITS);

let n = 0;
async function newAccount(url: string): Promise<{ email: string; password: string }> {
  n += 1;
  const account = { email: `limited.${n}.${Date.now()}@example.org`, password: 'the-right-password' };
  dataOf(await gql(url, SignUpDocument, { input: { ...account, displayName: '限流' } }));
  return account;
}

/** Resolves once `ms` have passed on the clock the limiter reads, for a window to end (no event to await). */
const windowEnds = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('logIn attempts per account and address', () => {
  test('refuse the attempt after the budget, even with the right password, with 429 and Retry-After; then lift', async ({ url }) => {
    const account = await newAccount(url);
    for (let i = 0; i < 3; i += 1) {
      expect(codes(await gql(url, LogInDocument, { email: account.email, password: 'wrong-password' }))).toEqual(['UNAUTHENTICATED']);
    }
    const limited = await gql(url, LogInDocument, account);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
    // Another account from the same address is not locked out.
    const other = await newAccount(url);
    dataOf(await gql(url, LogInDocument, other));
    // The window ends and the right password works again.
    await windowEnds(retryAfter * 1000 + 200);
    dataOf(await gql(url, LogInDocument, account));
  });

  test('count every aliased logIn in one operation', async ({ url }) => {
    const account = await newAccount(url);
    const aliases = Array.from({ length: 4 }, (_, i) => `a${i}: logIn(email: $e, password: $p) { token }`).join(' ');
    const response = await send(url, `mutation ($e: String!, $p: String!) { ${aliases} }`, { e: account.email, p: account.password });
    expect(response.status).toBe(429);
    expect(codes(response)).toEqual(['RATE_LIMITED']);
  });

  test('are shared by two instances on one database', async ({ url, spawn }) => {
    const account = await newAccount(url);
    const [a, b] = [await spawn(LIMITS), await spawn(LIMITS)];
    expect(codes(await gql(a.url, LogInDocument, { email: account.email, password: 'wrong' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(b.url, LogInDocument, { email: account.email, password: 'wrong' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(a.url, LogInDocument, { email: account.email, password: 'wrong' }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(b.url, LogInDocument, account))).toEqual(['RATE_LIMITED']);
  });

  test('keep no e-mail address in the limiter’s table, only hashes', async ({ url, databaseUrl }) => {
    const account = await newAccount(url);
    await gql(url, LogInDocument, { email: account.email, password: 'wrong' });
    const { rows } = await admin(databaseUrl, (client) => client.query<{ key: string }>('SELECT key FROM rate_limit'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.key.includes('@') || row.key.includes('example.org'))).toEqual([]);
  });
});

describe('signUps per address and mutations per caller', () => {
  /** A POST from `address`, as a proxy trusted by TRUST_PROXY=1 reports it. */
  async function from(address: string, url: string, query: string, token?: string): Promise<string[]> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return (body.errors ?? []).map((error) => String(error.extensions?.code));
  }

  test('refuse the signUp after the budget per address (TRUST_PROXY names it), and a caller’s mutations after theirs', async ({
    spawn,
    url: fileUrl,
  }) => {
    const server = await spawn({ ...LIMITS, TRUST_PROXY: '1', RATE_LIMIT_SIGNUP_ADDRESS: '2/1m', RATE_LIMIT_MUTATIONS: '4/1m' });
    const address = `203.0.113.${(Date.now() % 200) + 1}`;
    const signUp = (i: number) =>
      `mutation { signUp(input: { email: "s${i}.${Date.now()}@example.org", password: "password-123", displayName: "S" }) { token } }`;
    expect(await from(address, server.url, signUp(1))).toEqual([]);
    expect(await from(address, server.url, signUp(2))).toEqual([]);
    expect(await from(address, server.url, signUp(3))).toEqual(['RATE_LIMITED']);
    // Another address is not affected.
    expect(await from('198.51.100.9', server.url, signUp(4))).toEqual([]);

    // A user's own budget: mutations counted per user, whatever the address.
    const account = await newAccount(fileUrl);
    // Logged in through the file's server: the token is valid on every instance of the database.
    const token = dataOf(await gql(fileUrl, LogInDocument, account)).logIn.token;
    const mutate = (via: string) =>
      from(via, server.url, 'mutation { a: createAssociation(input: { name: "", categories: [] }) { id } }', token);
    for (let i = 0; i < 4; i += 1) expect(await mutate(`192.0.2.${i + 1}`)).toEqual(['BAD_USER_INPUT']);
    expect(await mutate('192.0.2.99')).toEqual(['RATE_LIMITED']);
  });
});

describe('logIn attempts with invisible characters', () => {
  test('count against the account they name: zero-width prefixes buy no fresh budget', async ({ url }) => {
    const account = await newAccount(url);
    const disguised = ['', '\u200b', '\u200b\u200b', '\ufeff'].map((prefix) => prefix + account.email);
    for (const email of disguised.slice(0, 3)) {
      expect(codes(await gql(url, LogInDocument, { email, password: 'wrong' }))).toEqual(['UNAUTHENTICATED']);
    }
    expect(codes(await gql(url, LogInDocument, { email: disguised[3], password: account.password }))).toEqual(['RATE_LIMITED']);
  });
});
