/**
 * Session tokens: HS256 JWTs signed with SESSION_SECRET or, when unset, with a
 * secret generated once and stored in the database, so every instance on one
 * database accepts every token.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import { one, row } from '../../db/sql.js';

const ISSUER = 'mutual-aid';
const SECRET_SETTING = 'session_secret';

export async function loadSessionKey(em: EntityManager, configured: string | null): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  // The first instance to get here stores its secret; every other one reads it.
  await row(em, `INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [
    SECRET_SETTING,
    randomBytes(48).toString('base64url'),
  ]);
  const stored = await one<{ value: string }>(em, `SELECT value FROM app_setting WHERE key = ?`, [SECRET_SETTING]);
  return new TextEncoder().encode(stored.value);
}

export async function issueSessionToken(key: Uint8Array, userId: string, ttlSeconds: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/** The user id of a valid token, or null for an invalid, tampered or expired one. */
export async function verifySessionToken(key: Uint8Array, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER });
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}
