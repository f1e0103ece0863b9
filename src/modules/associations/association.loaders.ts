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
