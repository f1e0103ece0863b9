/**
 * The one authenticate() for HTTP and WebSocket: a bearer token becomes a Viewer,
 * or the call fails with UNAUTHENTICATED. Both kinds of token are checked
 * against the database on every call, so a revoked key or a removed user fails
 * from the next request on, on every instance.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../../server/errors.js';
import type { AppServices } from '../../server/context.js';
import { row } from '../../db/sql.js';
import { API_KEY_PREFIX, hashApiKeySecret } from './api-key.secret.js';
import { verifySessionToken } from './session.service.js';
import { ANONYMOUS, type Viewer } from './viewer.js';

/** `authorization` is the header value, or the connection_init payload's field. */
export async function authenticate(app: AppServices, authorization: unknown): Promise<Viewer> {
  if (authorization === undefined || authorization === null || authorization === '') return ANONYMOUS;
  const token = typeof authorization === 'string' ? /^Bearer +(\S+) *$/i.exec(authorization)?.[1] : undefined;
  if (!token) throw unauthenticated('Credentials must be sent as "Authorization: Bearer <token>"');
  const em = app.orm.em.fork() as EntityManager;

  if (token.startsWith(API_KEY_PREFIX)) {
    const key = await row<{ id: string; associationId: string }>(
      em,
      `SELECT id, association_id AS "associationId" FROM api_key WHERE secret_hash = ? AND revoked_at IS NULL`,
      [hashApiKeySecret(token)],
    );
    if (!key) throw unauthenticated('Invalid or revoked API key');
    return { kind: 'apiKey', apiKeyId: key.id, associationId: key.associationId };
  }

  const claims = await verifySessionToken(app.sessionKey, token);
  const user = claims
    ? await row<{ id: string; isAdmin: boolean }>(em, `SELECT id, is_admin AS "isAdmin" FROM app_user WHERE id = ?`, [claims.userId])
    : null;
  if (!claims || !user) throw unauthenticated('Invalid or expired session token');
  return { kind: 'user', userId: user.id, isAdmin: user.isAdmin, expiresAt: claims.expiresAt };
}
