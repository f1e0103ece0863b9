import { array, rows } from '../../db/sql.js';
import { byKey, defineLoader, groupByKey } from '../../server/loaders.js';
import { API_KEY_COLUMNS, USER_COLUMNS, type ApiKeyRow, type UserRow } from './identity.rows.js';

export const userById = defineLoader<string, UserRow | null>('userById', async (em, ids) =>
  byKey(
    ids,
    await rows<UserRow>(em, `SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = ANY(json_text_array(?::jsonb)::uuid[])`, [array(ids)]),
    (r) => r.id,
  ),
);

export const apiKeyById = defineLoader<string, ApiKeyRow | null>('apiKeyById', async (em, ids) =>
  byKey(
    ids,
    await rows<ApiKeyRow>(em, `SELECT ${API_KEY_COLUMNS} FROM api_key k WHERE k.id = ANY(json_text_array(?::jsonb)::uuid[])`, [array(ids)]),
    (r) => r.id,
  ),
);

/** Newest first, revoked ones included (api.md "Lists"). */
export const apiKeysByAssociation = defineLoader<string, ApiKeyRow[]>('apiKeysByAssociation', async (em, ids) =>
  groupByKey(
    ids,
    await rows<ApiKeyRow>(
      em,
      `SELECT ${API_KEY_COLUMNS} FROM api_key k WHERE k.association_id = ANY(json_text_array(?::jsonb)::uuid[]) ORDER BY k.created_at DESC, k.id DESC`,
      [array(ids)],
    ),
    (r) => r.associationId,
  ),
);
