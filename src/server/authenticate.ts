/**
 * The one authenticate() for HTTP and WebSocket: a bearer token becomes an
 * Actor, or the call fails with UNAUTHENTICATED. Both kinds of token are checked
 * against the database on every call, so a revoked key or a removed user fails
 * from the next request on, on every instance.
 */
import { openDb } from '../db/handle.js';
import { ANONYMOUS, type Actor } from '../shared/actor.js';
import { API_KEY_PREFIX } from '../modules/associations/api-key.secret.js';
import { apiKeyBySecret } from '../modules/associations/api-key.service.js';
import { verifySessionToken } from '../modules/identity/session.service.js';
import { userForSession } from '../modules/identity/user.service.js';
import type { AppServices } from './context.js';
import { unauthenticated } from './errors.js';

/** `authorization` is the header value, or the connection_init payload's field. */
export async function authenticate(app: AppServices, authorization: unknown): Promise<Actor> {
  if (authorization === undefined || authorization === null || authorization === '') return ANONYMOUS;
  const token = typeof authorization === 'string' ? /^Bearer +(\S+) *$/i.exec(authorization)?.[1] : undefined;
  if (!token) throw unauthenticated('Credentials must be sent as "Authorization: Bearer <token>"');
  const db = openDb(app.orm);

  if (token.startsWith(API_KEY_PREFIX)) {
    const key = await apiKeyBySecret(db, token);
    if (!key) throw unauthenticated('Invalid or revoked API key');
    return { kind: 'apiKey', apiKeyId: key.id, associationId: key.associationId };
  }

  const claims = await verifySessionToken(app.sessionKey, token);
  const user = claims ? await userForSession(db, claims.userId) : null;
  if (!claims || !user) throw unauthenticated('Invalid or expired session token');
  return { kind: 'user', userId: user.id, isAdmin: user.isAdmin, expiresAt: claims.expiresAt };
}
