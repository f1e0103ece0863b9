import { byKey, defineLoader, groupByKey } from '../../db/handle.js';
import { query } from '../tables.js';
import { API_KEY_FIELDS, type ApiKeyRow } from './association.rows.js';

export const apiKeyById = defineLoader<string, ApiKeyRow | null>(async (db, ids) =>
  byKey(
    ids,
    await query(db.em)
      .selectFrom('api_key')
      .select(API_KEY_FIELDS)
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...ids]))))
      .execute(),
    (r) => r.id,
  ),
);

/** Newest first, revoked ones included (api.md "Lists"). */
export const apiKeysByAssociation = defineLoader<string, ApiKeyRow[]>(async (db, ids) =>
  groupByKey(
    ids,
    await query(db.em)
      .selectFrom('api_key')
      .select(API_KEY_FIELDS)
      .where((eb) => eb('associationId', '=', eb.fn.any(eb.val([...ids]))))
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    (r) => r.associationId,
  ),
);
