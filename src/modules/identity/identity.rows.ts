/** Rows of the read side, derived from the entity (modules/tables.ts): a renamed column fails tsc. */
import type { RowOf } from '../tables.js';

/** What a user row holds for reading (never the password hash). */
export const USER_FIELDS = ['id', 'email', 'displayName', 'isAdmin', 'createdAt'] as const;

export type UserRow = Pick<RowOf<'app_user'>, (typeof USER_FIELDS)[number]>;
