/**
 * Associations and their members. Checks run in api.md's order: input shape,
 * then existence, then permission, then state.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ExpressionBuilder } from 'kysely';
import { inByteOrder } from '../../db/raw.js';
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { BOUNDS } from '../../shared/cost.js';
import { AidCategory, MemberRole } from '../../shared/enums.js';
import { DomainError, badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, email as normaliseEmail, foldText, optionalText, requiredText, trimText } from '../../shared/input.js';
import { listScope, openPage, toConnection, type Connection, type PageArgs } from '../../shared/pagination.js';
import { query, type Tables } from '../tables.js';
import { allOf, anyOf } from '../request-filter.js';
import { Association } from './association.entity.js';
import { Membership } from './membership.entity.js';
import { associationById } from './association.loaders.js';
import { mayAddMember, mayCreateAssociation, mayVerifyAssociation } from './association.policy.js';
import { ASSOCIATION_FIELDS, MEMBERSHIP_FIELDS, type AssociationRow, type MembershipRow } from './association.rows.js';
import { standingIn } from './standing.service.js';

export interface CreateAssociationFields {
  name: string;
  township?: string | null;
  description?: string | null;
  categories: AidCategory[];
  /**
   * Its OWNER's user id, when the system creates it (demo data). A user who
   * founds an association always becomes its OWNER; this is not read for them.
   */
  ownerId?: string;
}

/** The caller (or, for the system, `ownerId`) becomes its OWNER. New associations are unverified. */
export async function createAssociation(
  db: Db,
  actor: Actor,
  input: CreateAssociationFields,
  clock: Clock = systemClock,
): Promise<AssociationRow> {
  const fields = {
    name: requiredText(input.name, 'name', LIMITS.name),
    township: optionalText(input.township, 'township', LIMITS.short),
    description: optionalText(input.description, 'description', LIMITS.description),
    categories: [...new Set(input.categories)],
  };
  if (fields.categories.length === 0) throw badInput('categories', 'categories needs at least one category');
  if (!mayCreateAssociation(actor)) throw forbidden('Only a signed-in user can create an association');
  const ownerId = actor.kind === 'user' ? actor.userId : input.ownerId;
  if (!ownerId) throw badInput('ownerId', 'ownerId names the OWNER of an association the system creates');

  const association = await db.em.transactional(async (em) => {
    const created = em.create(Association, {
      ...fields,
      nameKey: foldText(fields.name),
      searchText: foldText(fields.name, fields.description),
      createdAt: clock(),
    });
    try {
      // Entities carry plain foreign keys (no ORM relations), so flush in dependency order.
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw badInput('name', 'An association of this name already exists in this township');
      }
      throw error;
    }
    em.create(Membership, { associationId: created.id, userId: ownerId, role: MemberRole.OWNER, createdAt: clock() });
    await em.flush();
    return created;
  });
  return {
    id: association.id,
    name: association.name,
    township: association.township,
    description: association.description,
    categories: association.categories,
    verified: association.verified,
    createdAt: association.createdAt,
  };
}

/** Administrators only; returns the row as the update left it. */
export async function verifyAssociation(db: Db, actor: Actor, id: string): Promise<AssociationRow> {
  const key = keyOf(id, 'Association', 'id');
  const existing = key ? await associationById(db).load(key) : null;
  if (!existing) throw notFound('Association');
  if (!mayVerifyAssociation(actor)) throw forbidden('Only an administrator can verify an association');
  return query(db.em)
    .updateTable('association')
    .set({ verified: true })
    .where('id', '=', existing.id)
    .returning(ASSOCIATION_FIELDS)
    .executeTakeFirstOrThrow();
}

export interface AddMemberFields {
  associationId: string;
  email: string;
  role: MemberRole;
}

/**
 * Adds a signed-up user to an association. The caller's right is checked before
 * the e-mail is looked up, so that outsiders cannot probe who has signed up.
 * Adding an existing member with the same role returns that membership.
 */
export async function addMember(db: Db, actor: Actor, input: AddMemberFields, clock: Clock = systemClock): Promise<MembershipRow> {
  const key = keyOf(input.associationId, 'Association', 'associationId');
  const address = normaliseEmail(input.email, 'email');
  const { role } = input;
  const association = key ? await associationById(db).load(key) : null;
  if (!association) throw notFound('Association');
  if (!mayAddMember(await standingIn(db, actor, association.id), role)) {
    throw forbidden(role === MemberRole.OWNER ? 'Only an OWNER can add an OWNER' : 'Only an OWNER or COORDINATOR can add members');
  }
  const user = await query(db.em).selectFrom('app_user').select('id').where('email', '=', address).executeTakeFirst();
  if (!user) throw new DomainError('NOT_FOUND', 'No user has signed up with this e-mail address');

  const membership = await db.em.transactional(async (em): Promise<MembershipRow> => {
    const q = query(em);
    // The association's row, then the user's (always in this order): the bounds below are exact however many add at once.
    await q.selectFrom('association').select('id').where('id', '=', association.id).forUpdate().execute();
    await q.selectFrom('app_user').select('id').where('id', '=', user.id).forUpdate().execute();
    const existing = await q
      .selectFrom('membership')
      .select(MEMBERSHIP_FIELDS)
      .where('associationId', '=', association.id)
      .where('userId', '=', user.id)
      .executeTakeFirst();
    if (existing) return existing;
    const counts = await q
      .selectNoFrom((eb) => [
        eb
          .selectFrom('membership')
          .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('n'))
          .where('associationId', '=', association.id)
          .as('members'),
        eb
          .selectFrom('membership')
          .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('n'))
          .where('userId', '=', user.id)
          .as('memberships'),
      ])
      .executeTakeFirstOrThrow();
    if ((counts.members ?? 0) >= BOUNDS.members) throw badInput('associationId', `An association has at most ${BOUNDS.members} members`);
    if ((counts.memberships ?? 0) >= BOUNDS.memberships) {
      throw badInput('email', `A user belongs to at most ${BOUNDS.memberships} associations`);
    }
    em.create(Membership, { associationId: association.id, userId: user.id, role, createdAt: clock() });
    await em.flush();
    return { associationId: association.id, userId: user.id, role };
  });
  if (membership.role !== role) {
    throw badInput('role', `This user is already a ${membership.role} of the association; roles are not changed through addMember`);
  }
  return membership;
}

export async function findAssociation(db: Db, _actor: Actor, id: string): Promise<AssociationRow | null> {
  const key = keyOf(id, 'Association', 'id');
  return key ? associationById(db).load(key) : null;
}

export interface AssociationFilterFields {
  townships?: string[] | null;
  categories?: AidCategory[] | null;
  verified?: boolean | null;
  text?: string | null;
}

type AssociationScope = ExpressionBuilder<Tables, 'association'>;

/** `name COLLATE "C"`: the list's order is code-point order on every database (index association_list_idx). */

/** associations(filter, first, after): by name (code-point order), then id. */
export async function listAssociations(
  db: Db,
  _actor: Actor,
  filter: AssociationFilterFields | null | undefined,
  args: PageArgs,
): Promise<Connection<AssociationRow>> {
  const f = filter ?? {};
  const text = optionalText(f.text, 'filter.text', LIMITS.short);
  const page = openPage(args, listScope('associations', 'NAME', { ...f, text }), ['text', 'uuid']);
  const matches = (eb: AssociationScope) =>
    allOf(eb, [
      anyOf(eb, 'association.township', f.townships?.map(trimText)),
      f.categories ? eb('association.categories', '&&', eb.val([...f.categories])) : null,
      f.verified != null ? eb('association.verified', '=', f.verified) : null,
      text ? eb(eb.fn<number>('strpos', ['association.searchText', eb.val(foldText(text))]), '>', 0) : null,
    ]);
  let list = query(db.em).selectFrom('association').select(ASSOCIATION_FIELDS).where(matches);
  if (page.after) {
    // openPage checked the cursor's shape: ['text', 'uuid'].
    const [name, id] = page.after.map(String);
    list = list.where((eb) => eb(eb.tuple(inByteOrder(eb.ref('association.name')), eb.ref('association.id')), '>', eb.tuple(name, id)));
  }
  const found = await list
    .orderBy('association.name', (ob) => ob.collate('C'))
    .orderBy('association.id')
    .limit(page.limit + 1)
    .execute();
  for (const association of found) associationById(db).prime(association.id, association);
  return toConnection(
    found,
    page,
    (a) => [a.name, a.id],
    async () =>
      (
        await query(db.em)
          .selectFrom('association')
          .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
          .where(matches)
          .executeTakeFirstOrThrow()
      ).n,
  );
}
