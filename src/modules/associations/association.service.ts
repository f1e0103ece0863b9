/**
 * Associations and their members. Checks run in api.md's order: input shape,
 * then existence, then permission, then state.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, badInput, forbidden, notFound } from '../../server/errors.js';
import { forgetLoaded } from '../../server/loaders.js';
import type { Context } from '../../server/context.js';
import { AidCategory, MemberRole } from '../../shared/enums.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, email as normaliseEmail, foldText, optionalText, requiredText, trimText } from '../../shared/input.js';
import { listScope, openPage, toConnection, type Connection, type PageArgs } from '../../shared/pagination.js';
import { BOUNDS } from '../../shared/cost.js';
import { array, one, row, rows } from '../../db/sql.js';
import { Association } from './association.entity.js';
import { Membership } from './membership.entity.js';
import { associationById, membershipsByUser, standingIn } from './association.loaders.js';
import { mayAddMember, mayCreateAssociation, mayVerifyAssociation } from './association.policy.js';
import { ASSOCIATION_COLUMNS, type AssociationRow, type MembershipRow } from './association.rows.js';

export interface CreateAssociationFields {
  name: string;
  township?: string | null;
  description?: string | null;
  categories: AidCategory[];
}

export async function createAssociation(ctx: Context, input: CreateAssociationFields): Promise<AssociationRow> {
  const fields = {
    name: requiredText(input.name, 'input.name', LIMITS.name),
    township: optionalText(input.township, 'input.township', LIMITS.short),
    description: optionalText(input.description, 'input.description', LIMITS.description),
    categories: [...new Set(input.categories)],
  };
  if (fields.categories.length === 0) throw badInput('input.categories', 'input.categories needs at least one category');
  if (!mayCreateAssociation(ctx.viewer)) throw forbidden('Only a signed-in user can create an association');
  const userId = ctx.viewer.userId;

  const association = await ctx.em.fork().transactional(async (em) => {
    const created = em.create(Association, {
      ...fields,
      nameKey: foldText(fields.name),
      searchText: foldText(fields.name, fields.description),
    });
    try {
      // Entities carry plain foreign keys (no ORM relations), so flush in dependency order.
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw badInput('input.name', 'An association of this name already exists in this township');
      }
      throw error;
    }
    em.create(Membership, { associationId: created.id, userId, role: MemberRole.OWNER });
    await em.flush();
    return created;
  });
  membershipsByUser(ctx).clear(userId);
  return toRow(association);
}

export async function verifyAssociation(ctx: Context, id: string): Promise<AssociationRow> {
  const key = keyOf(id, 'Association', 'id');
  const existing = key ? await associationById(ctx).load(key) : null;
  if (!existing) throw notFound('Association');
  if (!mayVerifyAssociation(ctx.viewer)) throw forbidden('Only an administrator can verify an association');
  const updated = await one<AssociationRow>(
    ctx.em,
    `UPDATE association a SET verified = true WHERE a.id = ? RETURNING ${ASSOCIATION_COLUMNS}`,
    [existing.id],
  );
  associationById(ctx).clear(existing.id).prime(existing.id, updated);
  return updated;
}

/**
 * Adds a signed-up user to an association. The caller's right is checked before
 * the e-mail is looked up, so that outsiders cannot probe who has signed up.
 */
const MEMBERSHIP = `SELECT association_id AS "associationId", user_id AS "userId", role FROM membership`;

export async function addMember(ctx: Context, associationId: string, rawEmail: string, role: MemberRole): Promise<MembershipRow> {
  const key = keyOf(associationId, 'Association', 'associationId');
  const address = normaliseEmail(rawEmail, 'email');
  const association = key ? await associationById(ctx).load(key) : null;
  if (!association) throw notFound('Association');
  if (!mayAddMember(await standingIn(ctx, association.id), role)) {
    throw forbidden(role === MemberRole.OWNER ? 'Only an OWNER can add an OWNER' : 'Only an OWNER or COORDINATOR can add members');
  }
  const user = await row<{ id: string }>(ctx.em, `SELECT id FROM app_user WHERE email = ?`, [address]);
  if (!user) throw new AppError('NOT_FOUND', 'No user has signed up with this e-mail address');

  const membership = await ctx.em.fork().transactional(async (em) => {
    // The association's row, then the user's (always in this order): the bounds below are exact however many add at once.
    await row(em, `SELECT 1 FROM association WHERE id = ? FOR UPDATE`, [association.id]);
    await row(em, `SELECT 1 FROM app_user WHERE id = ? FOR UPDATE`, [user.id]);
    const existing = await row<MembershipRow>(em, `${MEMBERSHIP} WHERE association_id = ? AND user_id = ?`, [association.id, user.id]);
    if (existing) return existing;
    const counts = await one<{ members: number; memberships: number }>(
      em,
      `SELECT (SELECT count(*)::int FROM membership WHERE association_id = ?) AS members,
              (SELECT count(*)::int FROM membership WHERE user_id = ?) AS memberships`,
      [association.id, user.id],
    );
    if (counts.members >= BOUNDS.members) throw badInput('associationId', `An association has at most ${BOUNDS.members} members`);
    if (counts.memberships >= BOUNDS.memberships) throw badInput('email', `A user belongs to at most ${BOUNDS.memberships} associations`);
    await row(em, `INSERT INTO membership (association_id, user_id, role) VALUES (?, ?, ?)`, [association.id, user.id, role]);
    return one<MembershipRow>(em, `${MEMBERSHIP} WHERE association_id = ? AND user_id = ?`, [association.id, user.id]);
  });
  if (membership.role !== role) {
    throw badInput('role', `This user is already a ${membership.role} of the association; roles are not changed through addMember`);
  }
  forgetLoaded(ctx); // the payload's members and memberships are read after the change
  return membership;
}

export async function findAssociation(ctx: Context, id: string): Promise<AssociationRow | null> {
  const key = keyOf(id, 'Association', 'id');
  return key ? associationById(ctx).load(key) : null;
}

export interface AssociationFilterFields {
  townships?: string[] | null;
  categories?: AidCategory[] | null;
  verified?: boolean | null;
  text?: string | null;
}

/** associations(filter, first, after): by name (code-point order), then id. */
export async function listAssociations(
  ctx: Context,
  filter: AssociationFilterFields | null | undefined,
  args: PageArgs,
): Promise<Connection<AssociationRow>> {
  const f = filter ?? {};
  const text = optionalText(f.text, 'filter.text', LIMITS.short);
  const page = openPage(args, listScope('associations', 'NAME', { ...f, text }), ['text', 'uuid']);
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.townships) {
    where.push(`a.township = ANY(json_text_array(?::jsonb))`);
    params.push(array(f.townships.map(trimText)));
  }
  if (f.categories) {
    where.push(`a.categories && json_text_array(?::jsonb)`);
    params.push(array(f.categories));
  }
  if (f.verified != null) {
    where.push(`a.verified = ?`);
    params.push(f.verified);
  }
  if (text) {
    where.push(`strpos(a.search_text, ?) > 0`);
    params.push(foldText(text));
  }
  const filterSql = where.length ? where.join(' AND ') : 'true';
  const afterSql = page.after ? `AND (a.name COLLATE "C", a.id) > (?, ?::uuid)` : '';
  const found = await rows<AssociationRow>(
    ctx.em,
    `SELECT ${ASSOCIATION_COLUMNS} FROM association a WHERE ${filterSql} ${afterSql}
      ORDER BY a.name COLLATE "C", a.id LIMIT ?`,
    [...params, ...(page.after ?? []), page.limit + 1],
  );
  for (const association of found) associationById(ctx).prime(association.id, association);
  return toConnection(
    found,
    page,
    (a) => [a.name, a.id],
    async () => (await one<{ n: number }>(ctx.em, `SELECT count(*)::int AS n FROM association a WHERE ${filterSql}`, params)).n,
  );
}

function toRow(a: Association): AssociationRow {
  return {
    id: a.id,
    name: a.name,
    township: a.township,
    description: a.description,
    categories: a.categories,
    verified: a.verified,
    createdAt: a.createdAt,
  };
}
