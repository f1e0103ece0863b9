import { byKey, defineLoader } from '../../db/handle.js';
import { query } from '../tables.js';
import { USER_FIELDS, type UserRow } from './identity.rows.js';

export const userById = defineLoader<string, UserRow | null>(async (db, ids) =>
  byKey(
    ids,
    await query(db.em)
      .selectFrom('app_user')
      .select(USER_FIELDS)
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...ids]))))
      .execute(),
    (r) => r.id,
  ),
);
