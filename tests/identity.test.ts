/** Users and sessions end to end (api.md "Identity"). */
import { codes, gql, wsConnect } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { ADMIN, asAdmin, logIn, signUp } from './support/personas.js';
import {
  CreateAssociationDocument,
  LogInDocument,
  LogInWithTypenameDocument,
  LogInWithUserDocument,
  QueryTypenameDocument,
  SignUpWithProfileDocument,
  UserEmailDocument,
  UserPrivateFieldsDocument,
  ViewerEmailAndIsAdminDocument,
  ViewerIdAndEmailDocument,
  ViewerIdDocument,
  type SignUpInput,
} from './generated/graphql.js';

test.override('serverEnv', { SESSION_TTL: '1h' });

describe('signUp', () => {
  test('creates a user, trims and lower-cases the e-mail, and returns a token', async ({ url }) => {
    const response = await gql(url, SignUpWithProfileDocument, {
      input: { email: '  Mei.Lin@Example.ORG ', password: 'long enough', displayName: ' 林梅 ' },
    });
    expect(response.body.errors).toBeUndefined();
    const { token, user } = response.body.data!.signUp;
    expect(user).toMatchObject({ email: 'mei.lin@example.org', displayName: '林梅', isAdmin: false, memberships: [] });
    const viewer = await gql(url, ViewerIdAndEmailDocument, {}, token);
    expect(viewer.body.data!.viewer).toEqual({ id: user.id, email: 'mei.lin@example.org' });
  });

  test.for<[SignUpInput, string]>([
    [{ email: 'not-an-email', password: 'long enough', displayName: 'x' }, 'input.email'],
    [{ email: 'a@b.example', password: 'short', displayName: 'x' }, 'input.password'],
    [{ email: 'a@b.example', password: 'x'.repeat(257), displayName: 'x' }, 'input.password'],
    [{ email: 'a@b.example', password: 'long enough', displayName: '   ' }, 'input.displayName'],
    [{ email: 'a@b.example', password: 'long enough', displayName: '字'.repeat(101) }, 'input.displayName'],
  ])('refuses %o naming %s', async ([input, field], { url }) => {
    const response = await gql(url, SignUpWithProfileDocument, { input });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  test('counts code points: a 100-character Chinese name is accepted', async ({ url }) => {
    const response = await gql(url, SignUpWithProfileDocument, {
      input: { email: 'long.name@example.org', password: 'long enough', displayName: '字'.repeat(100) },
    });
    expect(response.body.errors).toBeUndefined();
  });

  test('refuses an e-mail already registered, whatever its case', async ({ url }) => {
    await gql(url, SignUpWithProfileDocument, { input: { email: 'twice@example.org', password: 'long enough', displayName: 'A' } });
    const response = await gql(url, SignUpWithProfileDocument, {
      input: { email: 'TWICE@example.org', password: 'long enough', displayName: 'B' },
    });
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });
});

describe('logIn', () => {
  test('gives the same UNAUTHENTICATED for a wrong e-mail and a wrong password', async ({ url }) => {
    const user = await signUp(url);
    const wrongPassword = await gql(url, LogInDocument, { email: user.email, password: 'wrong password' });
    const wrongEmail = await gql(url, LogInDocument, { email: 'nobody@example.org', password: 'password-123' });
    expect(codes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(codes(wrongEmail)).toEqual(['UNAUTHENTICATED']);
    expect(wrongPassword.body.errors![0].message).toBe(wrongEmail.body.errors![0].message);
    expect(wrongPassword.status).toBe(wrongEmail.status);
  });

  test('works with a stale or invalid token sent along (credentials are ignored)', async ({ url }) => {
    const user = await signUp(url);
    const response = await gql(url, LogInWithUserDocument, { email: user.email, password: 'password-123' }, 'garbage.token.here');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.logIn.user.email).toBe(user.email);
  });

  test('lets the administrator from ADMIN_EMAIL log in as an administrator', async ({ url }) => {
    const token = await asAdmin(url);
    const viewer = await gql(url, ViewerEmailAndIsAdminDocument, {}, token);
    expect(viewer.body.data!.viewer).toEqual({ email: ADMIN.email, isAdmin: true });
  });
});

describe('credentials', () => {
  test('fails the whole operation with 401 and WWW-Authenticate for an invalid token', async ({ url }) => {
    const response = await gql(url, ViewerIdDocument, {}, 'not-a-token');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  test('refuses a tampered token', async ({ url }) => {
    const user = await signUp(url);
    const [header, payload, signature] = user.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    const response = await gql(url, ViewerIdDocument, {}, `${header}.${forged}.${signature}`);
    expect(response.status).toBe(401);
  });

  test('refuses a malformed Authorization header', async ({ url }) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(response.status).toBe(401);
  });

  test('treats no credentials as anonymous: viewer is null', async ({ url }) => {
    expect((await gql(url, ViewerIdDocument, {})).body).toEqual({ data: { viewer: null } });
  });

  test('refuses anonymous mutations other than signUp and logIn with UNAUTHENTICATED', async ({ url }) => {
    const response = await gql(url, CreateAssociationDocument, { input: { name: 'x', categories: ['MEDICAL'] } });
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  test('closes a WebSocket with 4403 for an invalid token, and accepts a valid one', async ({ url, wsUrl }) => {
    expect(await wsConnect(wsUrl, 'forged').closed).toBe(4403);
    const user = await signUp(url);
    const { connected, client } = wsConnect(wsUrl, user.token);
    await connected;
    await client.dispose();
  });

  test('hides another user’s e-mail and memberships', async ({ url, adminToken }) => {
    const alice = await signUp(url, 'Alice');
    const bob = await signUp(url, 'Bob');
    const response = await gql(url, UserPrivateFieldsDocument, { id: alice.id }, bob.token);
    expect(response.body.data!.node).toEqual({ email: null, memberships: [], displayName: 'Alice' });
    const admin = await gql(url, UserEmailDocument, { id: alice.id }, adminToken);
    expect(admin.body.data!.node).toEqual({ email: alice.email });
  });

  test('logs in with the password set at sign-up only', async ({ url }) => {
    const user = await signUp(url);
    expect(await logIn(url, user.email, 'password-123')).toMatch(/^ey/);
  });
});

describe('credential-free operations', () => {
  test('lets logIn with __typename through a stale token, but not a query', async ({ url }) => {
    const user = await signUp(url);
    const withTypename = await gql(url, LogInWithTypenameDocument, { email: user.email, password: 'password-123' }, 'stale');
    expect(withTypename.body.errors).toBeUndefined();
    expect(codes(await gql(url, QueryTypenameDocument, {}, 'stale'))).toEqual(['UNAUTHENTICATED']);
  });
});
