import { array, rows } from '../../db/sql.js';
import { byKey, defineLoader, groupByKey } from '../../server/loaders.js';
import type { Context } from '../../server/context.js';
import type { MemberRole } from '../../shared/enums.js';
import { ASSOCIATION_COLUMNS, type AssociationRow, type MembershipRow } from './association.rows.js';
import { standingOf, type Standing } from './association.policy.js';

const ROLE_ORDER = `array_position(ARRAY['OWNER', 'COORDINATOR', 'MEMBER'], m.role)`;

export const associationById = defineLoader<string, AssociationRow | null>('associationById', async (em, ids) =>
  byKey(
    ids,
    await rows<AssociationRow>(em, `SELECT ${ASSOCIATION_COLUMNS} FROM association a WHERE a.id = ANY(json_text_array(?::jsonb)::uuid[])`, [
      array(ids),
    ]),
    (r) => r.id,
  ),
);

/** Memberships grouped by one side, ordered by role, then by the other side's name. */
function membershipsBy(
  name: string,
  key: 'association_id' | 'user_id',
  orderJoin: string,
  orderBy: string,
  keyOf: (m: MembershipRow) => string,
) {
  return defineLoader<string, MembershipRow[]>(name, async (em, ids) =>
    groupByKey(
      ids,
      await rows<MembershipRow>(
        em,
        `SELECT m.association_id AS "associationId", m.user_id AS "userId", m.role
           FROM membership m ${orderJoin}
          WHERE m.${key} = ANY(json_text_array(?::jsonb)::uuid[])
          ORDER BY ${ROLE_ORDER}, ${orderBy}`,
        [array(ids)],
      ),
      keyOf,
    ),
  );
}

/** Members of each association: role OWNER, COORDINATOR, MEMBER, then display name. */
export const membershipsByAssociation = membershipsBy(
  'membershipsByAssociation',
  'association_id',
  'JOIN app_user u ON u.id = m.user_id',
  'u.display_name COLLATE "C", u.id',
  (m) => m.associationId,
);

/** Memberships of each user: role, then the association's name. */
export const membershipsByUser = membershipsBy(
  'membershipsByUser',
  'user_id',
  'JOIN association a ON a.id = m.association_id',
  'a.name COLLATE "C", a.id',
  (m) => m.userId,
);

/** The caller's roles, by association id (empty for anonymous callers and API keys). */
export async function viewerRoles(ctx: Context): Promise<Map<string, MemberRole>> {
  if (ctx.viewer.kind !== 'user') return new Map();
  const memberships = await membershipsByUser(ctx).load(ctx.viewer.userId);
  return new Map(memberships.map((m) => [m.associationId, m.role]));
}

export async function standingIn(ctx: Context, associationId: string): Promise<Standing> {
  return standingOf(ctx.viewer, associationId, await viewerRoles(ctx));
}

/** The associations the caller belongs to (any role) or is an API key of. */
export async function viewerAssociations(ctx: Context): Promise<Set<string>> {
  if (ctx.viewer.kind === 'apiKey') return new Set([ctx.viewer.associationId]);
  return new Set((await viewerRoles(ctx)).keys());
}
