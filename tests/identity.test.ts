/** Users and sessions end to end (api.md "Identity"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';
import { codes, gql, wsConnect } from './support/client.js';
import { ADMIN, ADMIN_ENV, asAdmin, logIn, signUp } from './support/personas.js';

let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), { ...ADMIN_ENV, SESSION_TTL: '1h' });
  url = server.url;
});
afterAll(() => server?.stop());

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id email displayName isAdmin memberships { role } } } }`;

describe('signUp', () => {
  it('creates a user, trims and lower-cases the e-mail, and returns a token', async () => {
    const response = await gql(url, SIGN_UP, {
      input: { email: '  Mei.Lin@Example.ORG ', password: 'long enough', displayName: ' 林梅 ' },
    });
    expect(response.body.errors).toBeUndefined();
    const { token, user } = response.body.data!.signUp;
    expect(user).toMatchObject({ email: 'mei.lin@example.org', displayName: '林梅', isAdmin: false, memberships: [] });
    const viewer = await gql(url, '{ viewer { id email } }', {}, token);
    expect(viewer.body.data!.viewer).toEqual({ id: user.id, email: 'mei.lin@example.org' });
  });

  it.each([
    [{ email: 'not-an-email', password: 'long enough', displayName: 'x' }, 'input.email'],
    [{ email: 'a@b.example', password: 'short', displayName: 'x' }, 'input.password'],
    [{ email: 'a@b.example', password: 'x'.repeat(257), displayName: 'x' }, 'input.password'],
    [{ email: 'a@b.example', password: 'long enough', displayName: '   ' }, 'input.displayName'],
    [{ email: 'a@b.example', password: 'long enough', displayName: '字'.repeat(101) }, 'input.displayName'],
  ])('refuses %o naming %s', async (input, field) => {
    const response = await gql(url, SIGN_UP, { input });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('counts code points: a 100-character Chinese name is accepted', async () => {
    const response = await gql(url, SIGN_UP, {
      input: { email: 'long.name@example.org', password: 'long enough', displayName: '字'.repeat(100) },
    });
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses an e-mail already registered, whatever its case', async () => {
    await gql(url, SIGN_UP, { input: { email: 'twice@example.org', password: 'long enough', displayName: 'A' } });
    const response = await gql(url, SIGN_UP, { input: { email: 'TWICE@example.org', password: 'long enough', displayName: 'B' } });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });
});

describe('logIn', () => {
  it('gives the same UNAUTHENTICATED for a wrong e-mail and a wrong password', async () => {
    const user = await signUp(url);
    const wrongPassword = await gql(url, `mutation { logIn(email: "${user.email}", password: "wrong password") { token } }`);
    const wrongEmail = await gql(url, `mutation { logIn(email: "nobody@example.org", password: "password-123") { token } }`);
    expect(codes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(codes(wrongEmail)).toEqual(['UNAUTHENTICATED']);
    expect(wrongPassword.body.errors![0]!.message).toBe(wrongEmail.body.errors![0]!.message);
    expect(wrongPassword.status).toBe(wrongEmail.status);
  });

  it('works with a stale or invalid token sent along (credentials are ignored)', async () => {
    const user = await signUp(url);
    const response = await gql(
      url,
      `mutation { logIn(email: "${user.email}", password: "password-123") { token user { email } } }`,
      {},
      'garbage.token.here',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.logIn.user.email).toBe(user.email);
  });

  it('lets the administrator from ADMIN_EMAIL log in as an administrator', async () => {
    const token = await asAdmin(url);
    const viewer = await gql(url, '{ viewer { email isAdmin } }', {}, token);
    expect(viewer.body.data!.viewer).toEqual({ email: ADMIN.email, isAdmin: true });
  });
});

describe('credentials', () => {
  it('fails the whole operation with 401 and WWW-Authenticate for an invalid token', async () => {
    const response = await gql(url, '{ viewer { id } }', {}, 'not-a-token');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a tampered token', async () => {
    const user = await signUp(url);
    const [header, payload, signature] = user.token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const response = await gql(url, '{ viewer { id } }', {}, `${header}.${forged}.${signature}`);
    expect(response.status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(response.status).toBe(401);
  });

  it('treats no credentials as anonymous: viewer is null', async () => {
    expect((await gql(url, '{ viewer { id } }')).body).toEqual({ data: { viewer: null } });
  });

  it('refuses anonymous mutations other than signUp and logIn with UNAUTHENTICATED', async () => {
    const response = await gql(url, 'mutation { createAssociation(input: { name: "x", categories: [MEDICAL] }) { id } }');
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('closes a WebSocket with 4403 for an invalid token, and accepts a valid one', async () => {
    expect(await wsConnect(server.wsUrl, 'forged').closed).toBe(4403);
    const user = await signUp(url);
    const { connected, client } = wsConnect(server.wsUrl, user.token);
    await connected;
    await client.dispose();
  });

  it('hides another user’s e-mail and memberships', async () => {
    const alice = await signUp(url, 'Alice');
    const bob = await signUp(url, 'Bob');
    const response = await gql(
      url,
      `query ($id: ID!) { node(id: $id) { ... on User { email memberships { role } displayName } } }`,
      { id: alice.id },
      bob.token,
    );
    expect(response.body.data!.node).toEqual({ email: null, memberships: [], displayName: 'Alice' });
    const admin = await gql(url, `query ($id: ID!) { node(id: $id) { ... on User { email } } }`, { id: alice.id }, await asAdmin(url));
    expect(admin.body.data!.node.email).toBe(alice.email);
  });

  it('logs in with the password set at sign-up only', async () => {
    const user = await signUp(url);
    expect(await logIn(url, user.email, 'password-123')).toMatch(/^ey/);
  });
});

describe('credential-free operations', () => {
  it('lets logIn with __typename through a stale token, but not a query', async () => {
    const user = await signUp(url);
    const withTypename = await gql(
      url,
      `mutation { __typename logIn(email: "${user.email}", password: "password-123") { token } }`,
      {},
      'stale',
    );
    expect(withTypename.body.errors).toBeUndefined();
    expect(codes(await gql(url, '{ __typename }', {}, 'stale'))).toEqual(['UNAUTHENTICATED']);
  });
});
