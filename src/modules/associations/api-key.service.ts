/** API keys of an association: created by its OWNER, shown once, stored hashed, revocable. */
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { BOUNDS } from '../../shared/cost.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, requiredText } from '../../shared/input.js';
import { appendRevocation } from '../event-log/event-log.service.js';
import { query } from '../tables.js';
import { ApiKey } from './api-key.entity.js';
import { apiKeyById } from './api-key.loaders.js';
import { hashApiKeySecret, newApiKeySecret } from './api-key.secret.js';
import { associationById } from './association.loaders.js';
import { mayManageApiKeys, maySeeApiKeys } from './association.policy.js';
import { API_KEY_FIELDS, type ApiKeyRow } from './association.rows.js';
import { standingIn } from './standing.service.js';

export { API_KEY_PREFIX } from './api-key.secret.js';

export interface CreatedApiKey {
  apiKey: ApiKeyRow;
  secret: string;
}

export interface CreateApiKeyFields {
  associationId: string;
  name: string;
}

export async function createApiKey(db: Db, actor: Actor, input: CreateApiKeyFields, clock: Clock = systemClock): Promise<CreatedApiKey> {
  const key = keyOf(input.associationId, 'Association', 'associationId');
  const name = requiredText(input.name, 'name', LIMITS.short);
  const association = key ? await associationById(db).load(key) : null;
  if (!association) throw notFound('Association');
  if (!mayManageApiKeys(await standingIn(db, actor, association.id))) {
    throw forbidden('Only an OWNER of the association can create API keys');
  }

  const secret = newApiKeySecret();
  const apiKey = await db.em.transactional(async (em) => {
    const q = query(em);
    // Under the association's row lock, so the bound is exact however many create at once.
    await q.selectFrom('association').select('id').where('id', '=', association.id).forUpdate().execute();
    const { keys } = await q
      .selectFrom('api_key')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('keys'))
      .where('associationId', '=', association.id)
      .executeTakeFirstOrThrow();
    if (keys >= BOUNDS.apiKeys) {
      throw badInput('associationId', `An association has at most ${BOUNDS.apiKeys} API keys, revoked ones included`);
    }
    const created = em.create(ApiKey, { associationId: association.id, name, secretHash: hashApiKeySecret(secret), createdAt: clock() });
    await em.flush();
    return created;
  });
  return {
    apiKey: { id: apiKey.id, associationId: apiKey.associationId, name: apiKey.name, createdAt: apiKey.createdAt, revokedAt: null },
    secret,
  };
}

/** Revoking a revoked key returns it unchanged. */
export async function revokeApiKey(db: Db, actor: Actor, id: string, clock: Clock = systemClock): Promise<ApiKeyRow> {
  const key = keyOf(id, 'ApiKey', 'id');
  const existing = key ? await apiKeyById(db).load(key) : null;
  if (!existing) throw notFound('API key');
  if (!mayManageApiKeys(await standingIn(db, actor, existing.associationId))) {
    throw forbidden('Only an OWNER of the association can revoke its API keys');
  }
  if (existing.revokedAt) return existing;
  return db.em.transactional(async (em) => {
    const q = query(em);
    const revoked = await q
      .updateTable('api_key')
      .set({ revokedAt: clock() })
      .where('id', '=', existing.id)
      .where('revokedAt', 'is', null)
      .returning(API_KEY_FIELDS)
      .executeTakeFirst();
    // Revoked meanwhile by someone else: return it as it is, the revocation is theirs.
    if (!revoked) return q.selectFrom('api_key').select(API_KEY_FIELDS).where('id', '=', existing.id).executeTakeFirstOrThrow();
    // Open sockets holding this key are closed on every instance (api.md, "Identity").
    await appendRevocation(em, 'API_KEY', existing.id);
    return revoked;
  });
}

/** node(id) of an ApiKey: null except for its association's OWNER and administrators. */
export async function findVisibleApiKey(db: Db, actor: Actor, id: string): Promise<ApiKeyRow | null> {
  const found = await apiKeyById(db).load(id);
  return found && maySeeApiKeys(await standingIn(db, actor, found.associationId)) ? found : null;
}

/** The API key making this request; null for everyone else. */
export async function currentApiKey(db: Db, actor: Actor): Promise<ApiKeyRow | null> {
  return actor.kind === 'apiKey' ? apiKeyById(db).load(actor.apiKeyId) : null;
}

/**
 * The key a bearer secret belongs to, if it exists and is not revoked: the
 * server's authenticate() asks on every request, so a revoked key fails from
 * the next request on, on every instance.
 */
export async function apiKeyBySecret(db: Db, secret: string): Promise<{ id: string; associationId: string } | null> {
  const found = await query(db.em)
    .selectFrom('api_key')
    .select(['id', 'associationId'])
    .where('secretHash', '=', hashApiKeySecret(secret))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return found ?? null;
}
