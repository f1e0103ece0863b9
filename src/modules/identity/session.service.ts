/**
 * Session tokens: HS256 JWTs signed with SESSION_SECRET or, when unset, with a
 * secret generated once and stored in the database, so every instance on one
 * database accepts every token.
 */
import { randomBytes, webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Db } from '../../db/handle.js';
import { query } from '../tables.js';

const ISSUER = 'mutual-aid';
const SECRET_SETTING = 'session_secret';

export async function loadSessionKey(db: Db, configured: string | null): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  // The first instance to get here stores its secret; every other one reads it.
  const q = query(db.em);
  await q
    .insertInto('app_setting')
    .values({ key: SECRET_SETTING, value: randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await q.selectFrom('app_setting').select('value').where('key', '=', SECRET_SETTING).executeTakeFirstOrThrow();
  return new TextEncoder().encode(stored.value);
}

/**
 * The secret as a WebCrypto HMAC key, imported once per secret. jose 6 runs on
 * WebCrypto only: handed the raw bytes (or a Node KeyObject, which it exports
 * back to bytes), it imports them again on every sign and verify, a cost paid
 * by every authenticated request; a CryptoKey it uses as it is.
 */
const hmacKeys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>();

function hmacKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    hmacKeys.set(secret, key);
  }
  return key;
}

export async function issueSessionToken(key: Uint8Array, userId: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(await hmacKey(key));
}

export interface SessionClaims {
  userId: string;
  /** When the token stops being valid (its `exp`); an open socket is closed then. */
  expiresAt: Date;
}

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The claims of a valid token, or null for an invalid, tampered or expired one,
 * and for a correctly signed one that lacks `exp` or whose `sub` is not a user
 * id (api.md, "Identity"): such a token was not made by this server's logIn.
 */
export async function verifySessionToken(key: Uint8Array, token: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(key), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.sub !== 'string' || !USER_ID.test(payload.sub) || typeof payload.exp !== 'number') return null;
    return { userId: payload.sub, expiresAt: new Date(payload.exp * 1000) };
  } catch {
    return null;
  }
}
