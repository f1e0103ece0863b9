/**
 * Session tokens (api.md, "Identity"): only a token this server could have
 * issued is accepted. A correctly signed token without `exp`, or whose `sub` is
 * not a user id, is as invalid as a forged one: UNAUTHENTICATED with HTTP 401,
 * and 4403 on a socket, never an internal error.
 */
import { SignJWT } from 'jose';
import { codes, dataOf, gql, send, wsConnect } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { signUp } from './support/personas.js';
import { decodeGlobalId } from '../src/shared/global-id.js';
import { ViewerIdDocument } from './generated/graphql.js';

const SECRET = 'tokens-test-secret-0123456789-abcdefghij';
const KEY = new TextEncoder().encode(SECRET);
test.override('serverEnv', { SESSION_SECRET: SECRET });

/** A token signed with the server's own secret, with exactly the claims given. */
function mint(claims: { sub?: string | number; exp?: number; iss?: string }): Promise<string> {
  // jose types `sub` as a string; a numeric one is exactly what a forger would try.
  return new SignJWT(claims as Record<string, unknown>).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(KEY);
}

/** The user's database key, which is what a session token's `sub` holds. */
async function userKey(url: string): Promise<{ id: string; key: string }> {
  const user = await signUp(url);
  return { id: user.id, key: decodeGlobalId(user.id, 'id').key };
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('connection_init', () => {
  test('matches the authorization key whatever its case: bad credentials close the socket with 4403', async ({ url, wsUrl }) => {
    for (const key of ['Authorization', 'AUTHORIZATION', 'authorization']) {
      const socket = wsConnect(wsUrl, undefined, { [key]: 'Bearer not-a-token' });
      expect(await socket.closed).toBe(4403);
    }
    // A valid token under a capitalised key authenticates the socket.
    const user = await userKey(url);
    const token = await mint({ sub: user.key, exp: inAnHour(), iss: 'mutual-aid' });
    const socket = wsConnect(wsUrl, undefined, { Authorization: `Bearer ${token}` });
    await socket.connected;
    await socket.client.dispose();
  });
});

describe('session tokens', () => {
  test('a token minted with the claims logIn issues is accepted (the minting below is faithful)', async ({ url }) => {
    const user = await userKey(url);
    const token = await mint({ sub: user.key, exp: inAnHour(), iss: 'mutual-aid' });
    expect(dataOf(await gql(url, ViewerIdDocument, {}, token)).viewer?.id).toBe(user.id);
  });

  test.for([
    ['no exp', async (userId: string) => mint({ sub: userId, iss: 'mutual-aid' })],
    ['no sub', async () => mint({ exp: inAnHour(), iss: 'mutual-aid' })],
    ['a sub that is not a user id', async () => mint({ sub: 'not-a-uuid', exp: inAnHour(), iss: 'mutual-aid' })],
    ['a numeric sub', async () => mint({ sub: 42, exp: inAnHour(), iss: 'mutual-aid' })],
    ['an SQL sub', async () => mint({ sub: "' OR 1=1 --", exp: inAnHour(), iss: 'mutual-aid' })],
    ['an expired exp', async (userId: string) => mint({ sub: userId, exp: Math.floor(Date.now() / 1000) - 10, iss: 'mutual-aid' })],
    ['another issuer', async (userId: string) => mint({ sub: userId, exp: inAnHour(), iss: 'someone-else' })],
  ] as const)(
    'a signed token with %s is UNAUTHENTICATED (401) over HTTP and closes the socket with 4403',
    async ([, make], { url, wsUrl }) => {
      const user = await signUp(url);
      const token = await make(user.id);
      const response = await send(url, '{ viewer { id } }', undefined, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      const socket = wsConnect(wsUrl, token);
      expect(await socket.closed).toBe(4403);
    },
  );
});
