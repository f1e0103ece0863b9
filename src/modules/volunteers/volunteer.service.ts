/**
 * Rosters: the volunteers an association can assign to the places it claims.
 * Checks run in api.md's order: input shape, existence, permission, state.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/handle.js';
import { parentPageLoaders } from '../../db/parent-page.js';
import { inByteOrder } from '../../db/raw.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { BOUNDS } from '../../shared/cost.js';
import { DomainError, badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, email as normaliseEmail, optionalText, requiredText } from '../../shared/input.js';
import { listScope, openPage, toConnection, type Connection, type Page, type PageArgs } from '../../shared/pagination.js';
import { allOf } from '../request-filter.js';
import { query, type Tables } from '../tables.js';
import { associationById } from '../associations/association.loaders.js';
import { mayActFor } from '../associations/association.policy.js';
import { standingIn, visibilityOf, type Visibility } from '../associations/standing.service.js';
import { keyText } from '../../shared/pagination.js';
import { visibleVolunteerById, volunteerColumns } from './volunteer.loaders.js';
import type { VolunteerRow } from './volunteer.rows.js';

/** addVolunteer's input (paths `associationId`, `name`, ...). */
export interface AddVolunteerFields {
  associationId: string;
  name: string;
  phone?: string | null;
  /** Invites the user who signed up with this e-mail address (they accept or decline: invitation.service.ts). */
  userEmail?: string | null;
}

/**
 * Adds a volunteer to an association's roster; returns its id. By the
 * association's OWNERs, COORDINATORs and key, and administrators. The caller's
 * right is checked before the e-mail is looked up (outsiders cannot probe who
 * has signed up). `userEmail` links nobody: it invites that user, and until
 * they accept, the volunteer is one without an account. The roster's bound,
 * "a user once per roster" (linked or invited) and the bound of invitations
 * waiting for one user are exact under the association's and the user's row
 * locks (in that order, as addMember takes them).
 */
export async function addVolunteer(db: Db, actor: Actor, input: AddVolunteerFields, clock: Clock): Promise<string> {
  const associationKey = keyOf(input.associationId, 'Association', 'associationId');
  const fields = {
    name: requiredText(input.name, 'name', LIMITS.name),
    phone: optionalText(input.phone, 'phone', LIMITS.phone),
  };
  const address = input.userEmail == null ? null : normaliseEmail(input.userEmail, 'userEmail');
  const association = associationKey ? await associationById(db).load(associationKey) : null;
  if (!association) throw notFound('Association');
  if (!mayActFor(await standingIn(db, actor, association.id))) {
    throw forbidden('Only an OWNER or COORDINATOR of the association, or its API key, can add volunteers to its roster');
  }
  const user =
    address === null ? null : await query(db.em).selectFrom('app_user').select('id').where('email', '=', address).executeTakeFirst();
  if (user === undefined) throw new DomainError('NOT_FOUND', 'No user has signed up with this e-mail address');

  return db.em.transactional(async (em) => {
    const q = query(em);
    await q.selectFrom('association').select('id').where('id', '=', association.id).forUpdate().execute();
    const { volunteers } = await q
      .selectFrom('volunteer')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('volunteers'))
      .where('associationId', '=', association.id)
      .executeTakeFirstOrThrow();
    if (volunteers >= BOUNDS.volunteers) {
      throw badInput('associationId', `An association has at most ${BOUNDS.volunteers} volunteers on its roster`);
    }
    if (user) {
      await q.selectFrom('app_user').select('id').where('id', '=', user.id).forUpdate().execute();
      const known = await q
        .selectFrom('volunteer')
        .select('userId')
        .where('associationId', '=', association.id)
        .where((eb) => eb.or([eb('userId', '=', user.id), eb('invitedUserId', '=', user.id)]))
        .executeTakeFirst();
      if (known) {
        throw badInput(
          'userEmail',
          known.userId === user.id
            ? "This user is already on the association's roster"
            : "This user is already invited to the association's roster and has not answered yet",
        );
      }
      const { waiting } = await q
        .selectFrom('volunteer')
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('waiting'))
        .where('invitedUserId', '=', user.id)
        .executeTakeFirstOrThrow();
      if (waiting >= BOUNDS.invitationsPerUser) {
        throw badInput('userEmail', `A user has at most ${BOUNDS.invitationsPerUser} invitations to rosters waiting for an answer`);
      }
    }
    const { id } = await q
      .insertInto('volunteer')
      .values({
        id: randomUUID(),
        associationId: association.id,
        name: fields.name,
        phone: fields.phone,
        invitedUserId: user?.id ?? null,
        createdAt: clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

/** A volunteer as the caller may see it (null when `id` names none). */
export async function findVolunteer(db: Db, actor: Actor, id: string): Promise<VolunteerRow | null> {
  return visibleVolunteerById(db).load({ id, visibility: await visibilityOf(db, actor) });
}

/** `name COLLATE "C"`: rosters are in code-point order on every database (index volunteer_roster_idx). */
const nameInCodePointOrder = (eb: ExpressionBuilder<Tables, 'volunteer'>) => inByteOrder(eb.ref('volunteer.name'));

/** A roster row carries its real name as its sort key (`name` itself is what the caller may see). */
type RosterRow = VolunteerRow & { sortName: string };

/** Association.volunteers for many associations at once: one statement for the pages, one for the counts. */
const rostersOfAssociations = parentPageLoaders<RosterRow, string, Visibility>({
  statuses: [],
  parentOf: (v) => v.associationId,
  pages: async (db: Db, parentIds: string[], _status: string | null, page: Page, visibility: Visibility) => {
    const after = page.after;
    const ranked = query(db.em)
      .selectFrom('volunteer')
      .select(volunteerColumns(visibility))
      .select((eb) => [
        eb.ref('volunteer.name').as('sortName'),
        eb
          .cast<number>(
            eb.fn
              .agg('row_number')
              .over((ob) => ob.partitionBy('volunteer.associationId').orderBy(nameInCodePointOrder(eb)).orderBy('volunteer.id')),
            'integer',
          )
          .as('rank'),
      ])
      .where((eb) =>
        allOf(eb, [
          eb('volunteer.associationId', '=', eb.fn.any(eb.val(parentIds))),
          after
            ? eb(eb.tuple(nameInCodePointOrder(eb), eb.ref('volunteer.id')), '>', eb.tuple(keyText(after[0]), keyText(after[1])))
            : null,
        ]),
      )
      .as('ranked');
    return query(db.em)
      .selectFrom(ranked)
      .select(['id', 'associationId', 'createdAt', 'name', 'phone', 'userId', 'invitationPending', 'sortName'])
      .where('rank', '<=', page.limit + 1)
      .orderBy('rank')
      .execute();
  },
  counts: (db: Db, parentIds: string[]) =>
    query(db.em)
      .selectFrom('volunteer')
      .select((eb) => ['associationId as parentId', eb.cast<number>(eb.fn.countAll(), 'integer').as('count')])
      .where((eb) => eb('associationId', '=', eb.fn.any(eb.val(parentIds))))
      .groupBy('associationId')
      .execute(),
});

export interface AssociationVolunteersInput extends PageArgs {
  associationId: string;
}

/**
 * Association.volunteers, by name (code-point order), then id: for its OWNERs,
 * COORDINATORs and key, and administrators; an empty list for everyone else.
 */
export async function associationVolunteers(db: Db, actor: Actor, input: AssociationVolunteersInput): Promise<Connection<RosterRow>> {
  const { associationId } = input;
  const page = openPage(input, listScope('Association.volunteers', 'NAME', { associationId }), ['text', 'uuid']);
  if (!mayActFor(await standingIn(db, actor, associationId)))
    return toConnection(
      [],
      page,
      () => [],
      async () => 0,
    );
  const found = await rostersOfAssociations.page(db, {
    parentId: associationId,
    status: null,
    page,
    variant: await visibilityOf(db, actor),
  });
  return toConnection(
    found,
    page,
    (v) => [v.sortName, v.id],
    () => rostersOfAssociations.count(db, associationId, null),
  );
}
