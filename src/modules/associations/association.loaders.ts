import { byKey, defineLoader, groupByKey } from '../../db/handle.js';
import { MemberRole } from '../../shared/enums.js';
import type { ExpressionBuilder, ReferenceExpression } from 'kysely';
import { query } from '../tables.js';
import { ASSOCIATION_FIELDS, type AssociationRow, type MembershipRow } from './association.rows.js';

/** OWNER first, then COORDINATOR, then MEMBER. */
function roleRank<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, role: ReferenceExpression<DB, TB>) {
  const ranks = [MemberRole.OWNER, MemberRole.COORDINATOR, MemberRole.MEMBER];
  return eb.fn<number>('array_position', [eb.val(ranks), role]);
}

export const associationById = defineLoader<string, AssociationRow | null>(async (db, ids) =>
  byKey(
    ids,
    await query(db.em)
      .selectFrom('association')
      .select(ASSOCIATION_FIELDS)
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...ids]))))
      .execute(),
    (r) => r.id,
  ),
);

/** Members of each association: role OWNER, COORDINATOR, MEMBER, then display name (code-point order). */
export const membershipsByAssociation = defineLoader<string, MembershipRow[]>(async (db, ids) =>
  groupByKey(
    ids,
    await query(db.em)
      .selectFrom('membership as m')
      .innerJoin('app_user as u', 'u.id', 'm.userId')
      .select(['m.associationId', 'm.userId', 'm.role'])
      .where((eb) => eb('m.associationId', '=', eb.fn.any(eb.val([...ids]))))
      .orderBy((eb) => roleRank(eb, 'm.role'))
      .orderBy('u.displayName', (ob) => ob.collate('C'))
      .orderBy('u.id')
      .execute(),
    (m) => m.associationId,
  ),
);

/** One user's place in one association: what a permission check asks (membershipRole). */
export interface MembershipKey {
  userId: string;
  associationId: string;
}

/**
 * The user's role in the association, or null when not a member: the one row
 * that decides a permission check, read through the primary key
 * (association_id, user_id), so the cost does not grow with the user's other
 * memberships. Every pair asked for in one tick is one statement of two array
 * parameters, whatever their number: the pairs of those users and those
 * associations. That is exactly the pairs asked for when they are one user's
 * (an operation) or one set of associations' (an event's requester and
 * claimants, for each subscriber of the live feed); rows of other pairs are
 * dropped here.
 */
export const membershipRole = defineLoader<MembershipKey, MemberRole | null>(
  async (db, keys) =>
    byKey(
      keys.map(membershipKey),
      await query(db.em)
        .selectFrom('membership')
        .select(['associationId', 'userId', 'role'])
        .where((eb) => eb('associationId', '=', eb.fn.any(eb.val([...new Set(keys.map((key) => key.associationId))]))))
        .where((eb) => eb('userId', '=', eb.fn.any(eb.val([...new Set(keys.map((key) => key.userId))]))))
        .execute(),
      membershipKey,
    ).map((row) => row?.role ?? null),
  membershipKey,
);

function membershipKey(key: MembershipKey): string {
  return `${key.associationId}/${key.userId}`;
}

/** Memberships of each user: role, then the association's name (code-point order). */
export const membershipsByUser = defineLoader<string, MembershipRow[]>(async (db, ids) =>
  groupByKey(
    ids,
    await query(db.em)
      .selectFrom('membership as m')
      .innerJoin('association as a', 'a.id', 'm.associationId')
      .select(['m.associationId', 'm.userId', 'm.role'])
      .where((eb) => eb('m.userId', '=', eb.fn.any(eb.val([...ids]))))
      .orderBy((eb) => roleRank(eb, 'm.role'))
      .orderBy('a.name', (ob) => ob.collate('C'))
      .orderBy('a.id')
      .execute(),
    (m) => m.userId,
  ),
);
