/** Rows of the read side, derived from the entities (modules/tables.ts): a renamed column fails tsc. */
import type { RowOf } from '../tables.js';

export const ASSOCIATION_FIELDS = ['id', 'name', 'township', 'description', 'categories', 'verified', 'createdAt'] as const;
export type AssociationRow = Pick<RowOf<'association'>, (typeof ASSOCIATION_FIELDS)[number]>;

export const MEMBERSHIP_FIELDS = ['associationId', 'userId', 'role'] as const;
export type MembershipRow = Pick<RowOf<'membership'>, (typeof MEMBERSHIP_FIELDS)[number]>;

/** Never the secret's hash. */
export const API_KEY_FIELDS = ['id', 'associationId', 'name', 'createdAt', 'revokedAt'] as const;
export type ApiKeyRow = Pick<RowOf<'api_key'>, (typeof API_KEY_FIELDS)[number]>;
