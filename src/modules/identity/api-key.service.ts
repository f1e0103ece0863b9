/** API keys of an association: created by its OWNER, shown once, stored hashed, revocable. */
import type { Context } from '../../server/context.js';
import { badInput, forbidden, notFound } from '../../server/errors.js';
import { BOUNDS } from '../../shared/cost.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, requiredText } from '../../shared/input.js';
import { one, row } from '../../db/sql.js';
import { appendRevocation } from '../events/event-log.service.js';
import { associationById, standingIn } from '../associations/association.loaders.js';
import { mayManageApiKeys, maySeeApiKeys } from '../associations/association.policy.js';
import { ApiKey } from './api-key.entity.js';
import { apiKeyById } from './identity.loaders.js';
import { API_KEY_COLUMNS, type ApiKeyRow } from './identity.rows.js';
import { hashApiKeySecret, newApiKeySecret } from './api-key.secret.js';

export interface CreatedApiKey {
  apiKey: ApiKeyRow;
  secret: string;
}

export async function createApiKey(ctx: Context, associationId: string, rawName: string): Promise<CreatedApiKey> {
  const key = keyOf(associationId, 'Association', 'associationId');
  const name = requiredText(rawName, 'name', LIMITS.short);
  const association = key ? await associationById(ctx).load(key) : null;
  if (!association) throw notFound('Association');
  if (!mayManageApiKeys(await standingIn(ctx, association.id))) throw forbidden('Only an OWNER of the association can create API keys');

  const secret = newApiKeySecret();
  const apiKey = await ctx.em.fork().transactional(async (em) => {
    // Under the association's row lock, so the bound is exact however many create at once.
    await row(em, `SELECT 1 FROM association WHERE id = ? FOR UPDATE`, [association.id]);
    const { keys } = await one<{ keys: number }>(em, `SELECT count(*)::int AS keys FROM api_key WHERE association_id = ?`, [
      association.id,
    ]);
    if (keys >= BOUNDS.apiKeys)
      throw badInput('associationId', `An association has at most ${BOUNDS.apiKeys} API keys, revoked ones included`);
    const created = em.create(ApiKey, { associationId: association.id, name, secretHash: hashApiKeySecret(secret) });
    await em.flush();
    return created;
  });
  return {
    apiKey: { id: apiKey.id, associationId: apiKey.associationId, name: apiKey.name, createdAt: apiKey.createdAt, revokedAt: null },
    secret,
  };
}

/** Revoking a revoked key returns it unchanged. */
export async function revokeApiKey(ctx: Context, id: string): Promise<ApiKeyRow> {
  const key = keyOf(id, 'ApiKey', 'id');
  const existing = key ? await apiKeyById(ctx).load(key) : null;
  if (!existing) throw notFound('API key');
  if (!mayManageApiKeys(await standingIn(ctx, existing.associationId)))
    throw forbidden('Only an OWNER of the association can revoke its API keys');
  if (existing.revokedAt) return existing;
  return ctx.em.fork().transactional(async (em) => {
    const revoked = await row<ApiKeyRow>(
      em,
      `UPDATE api_key k SET revoked_at = now() WHERE k.id = ? AND k.revoked_at IS NULL RETURNING ${API_KEY_COLUMNS}`,
      [existing.id],
    );
    // Revoked meanwhile by someone else: return it as it is, the revocation is theirs.
    if (!revoked) return one<ApiKeyRow>(em, `SELECT ${API_KEY_COLUMNS} FROM api_key k WHERE k.id = ?`, [existing.id]);
    // Open sockets holding this key are closed on every instance (api.md, "Identity").
    await appendRevocation(em, 'API_KEY', existing.id);
    return revoked;
  });
}

/** node(id) of an ApiKey: null except for its association's OWNER and administrators. */
export async function findVisibleApiKey(ctx: Context, id: string): Promise<ApiKeyRow | null> {
  const found = await apiKeyById(ctx).load(id);
  return found && maySeeApiKeys(await standingIn(ctx, found.associationId)) ? found : null;
}

export async function currentApiKey(ctx: Context): Promise<ApiKeyRow | null> {
  return ctx.viewer.kind === 'apiKey' ? apiKeyById(ctx).load(ctx.viewer.apiKeyId) : null;
}
