/**
 * Reads of volunteers and assignments, one statement per level. A volunteer's
 * name, phone, linked user and pending invitation are decided for the caller
 * in the statement that reads them (`restrictedColumns`), so loads are keyed
 * by the caller's Visibility as well as the id: one Db may serve several
 * callers (the live feed resolves an event once for all its subscribers in a
 * process).
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { byKey, defineLoader, groupByKey } from '../../db/handle.js';
import { hoursWithin, transactionTime } from '../../db/raw.js';
import { query, type Tables } from '../tables.js';
import type { Visibility } from '../associations/standing.service.js';
import { ASSIGNMENT_FIELDS, personOfUser, type AssignmentRow, type RosterEntry, type VolunteerRow } from './volunteer.rows.js';

type VolunteerExpressions = ExpressionBuilder<Tables, 'volunteer'>;

/**
 * Who may see a volunteer's name, phone and linked user (docs/volunteers.md, "Who sees
 * what"): administrators; the linked user (once they accepted the roster's
 * invitation: an invited user is nobody yet); the OWNERs, COORDINATORs and keys
 * of the roster's association and of every association that requested a slot
 * the volunteer is or was assigned to. Nobody else.
 */
function maySee(eb: VolunteerExpressions, visibility: Visibility): Expression<SqlBool> {
  if (visibility.privileged) return eb.lit(true);
  const conditions: Expression<SqlBool>[] = [];
  if (visibility.userId !== null) conditions.push(eb('volunteer.userId', '=', visibility.userId));
  if (visibility.leads.length > 0) {
    const leads = eb.fn.any(eb.val([...visibility.leads]));
    conditions.push(
      eb('volunteer.associationId', '=', leads),
      eb.exists(
        eb
          .selectFrom('assignment')
          .innerJoin('help_request', 'help_request.id', 'assignment.requestId')
          .select('assignment.id')
          .whereRef('assignment.volunteerId', '=', 'volunteer.id')
          .where('help_request.requesterId', '=', leads),
      ),
    );
  }
  return conditions.length === 0 ? eb.lit(false) : eb.or(conditions);
}

/**
 * Who may know that a volunteer's invitation waits for an answer: administrators,
 * the OWNERs, COORDINATORs and keys of the roster's association, and the invited
 * user. (Not the requesters it was assigned to: the invitation is the roster's.)
 */
function mayKnowInvitation(eb: VolunteerExpressions, visibility: Visibility): Expression<SqlBool> {
  if (visibility.privileged) return eb.lit(true);
  const conditions: Expression<SqlBool>[] = [];
  if (visibility.userId !== null) conditions.push(eb('volunteer.invitedUserId', '=', visibility.userId));
  if (visibility.leads.length > 0) conditions.push(eb('volunteer.associationId', '=', eb.fn.any(eb.val([...visibility.leads]))));
  return conditions.length === 0 ? eb.lit(false) : eb.or(conditions);
}

/**
 * name, phone and userId, each null unless the caller may see them; and
 * invitationPending, false unless the caller may know of the invitation. An
 * invited user is not the linked user: they see neither name nor phone here
 * (their invitation shows them the name alone: `invitationsByUser`).
 */
export function restrictedColumns(eb: VolunteerExpressions, visibility: Visibility) {
  const visible = maySee(eb, visibility);
  return [
    eb.case().when(visible).then(eb.ref('volunteer.name')).else(null).end().as('name'),
    eb.case().when(visible).then(eb.ref('volunteer.phone')).else(null).end().as('phone'),
    eb.case().when(visible).then(eb.ref('volunteer.userId')).else(null).end().as('userId'),
    eb
      .case()
      .when(eb.and([mayKnowInvitation(eb, visibility), eb('volunteer.invitedUserId', 'is not', null)]))
      .then(eb.lit(true))
      .else(eb.lit(false))
      .end()
      .as('invitationPending'),
  ];
}

/** The columns of a volunteer read for a caller. */
export const volunteerColumns = (visibility: Visibility) => (eb: VolunteerExpressions) => [
  eb.ref('volunteer.id').as('id'),
  eb.ref('volunteer.associationId').as('associationId'),
  eb.ref('volunteer.createdAt').as('createdAt'),
  ...restrictedColumns(eb, visibility),
];

export interface VisibleVolunteerKey {
  id: string;
  visibility: Visibility;
}

/** Equal keys, equal text: a Visibility is plain data with sorted lists. */
const cacheKeyOf = ({ id, visibility }: VisibleVolunteerKey) => `${JSON.stringify(visibility)}|${id}`;

/** Volunteers as the key's caller may see them: one statement per distinct visibility in a batch (usually one). */
export const visibleVolunteerById = defineLoader<VisibleVolunteerKey, VolunteerRow | null>(async (db, keys) => {
  const byVisibility = new Map<string, { visibility: Visibility; ids: Set<string> }>();
  for (const { id, visibility } of keys) {
    const batch = byVisibility.get(JSON.stringify(visibility)) ?? { visibility, ids: new Set<string>() };
    batch.ids.add(id);
    byVisibility.set(JSON.stringify(visibility), batch);
  }
  const found = new Map<string, VolunteerRow>();
  for (const { visibility, ids } of byVisibility.values()) {
    const rows = await query(db.em)
      .selectFrom('volunteer')
      .select(volunteerColumns(visibility))
      .where((eb) => eb('volunteer.id', '=', eb.fn.any(eb.val([...ids]))))
      .execute();
    for (const row of rows) found.set(cacheKeyOf({ id: row.id, visibility }), row);
  }
  return keys.map((key) => found.get(cacheKeyOf(key)) ?? null);
}, cacheKeyOf);

/**
 * Each user's invitations waiting for an answer, oldest first: the volunteer as
 * the invitation shows it to the invited user, the roster's association and the
 * name the roster gave, never the phone nor a link. Who may see the list is
 * decided by the service (the user themself and administrators).
 */
export const invitationsByUser = defineLoader<string, VolunteerRow[]>(async (db, userIds) => {
  const found = await query(db.em)
    .selectFrom('volunteer')
    .select(['id', 'associationId', 'createdAt', 'name', 'invitedUserId'])
    .where((eb) => eb('invitedUserId', '=', eb.fn.any(eb.val([...userIds]))))
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return groupByKey(userIds, found, (r) => r.invitedUserId).map((rows) =>
    rows.map(({ invitedUserId: _invited, ...row }): VolunteerRow => ({ ...row, phone: null, userId: null, invitationPending: true })),
  );
});

/** What the write side needs of a volunteer: whose roster, which person. Never shown to callers. */
export const rosterEntryById = defineLoader<string, RosterEntry | null>(async (db, ids) =>
  byKey(
    ids,
    await query(db.em)
      .selectFrom('volunteer')
      .select(['id', 'associationId', 'userId'])
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...ids]))))
      .execute(),
    (r) => r.id,
  ),
);

type AssignmentExpressions = ExpressionBuilder<Tables, 'assignment'>;

/**
 * Hours served, computed in PostgreSQL from the recorded times capped by the
 * shift (db/raw.ts, hoursWithin): 0 when absent, null until both times are
 * recorded.
 */
export const hoursServed = (eb: AssignmentExpressions) =>
  eb
    .case()
    .when('assignment.absent', '=', true)
    .then(eb.lit(0))
    .else(hoursWithin(eb.ref('assignment.arrivedAt'), eb.ref('assignment.leftAt'), eb.ref('assignment.shift')))
    .end();

/** An assignment's hours served, beside its columns (AssignmentRow). */
const withHours = (eb: AssignmentExpressions) => hoursServed(eb).as('hoursServed');

export const assignmentById = defineLoader<string, AssignmentRow | null>(async (db, ids) =>
  byKey(
    ids,
    await query(db.em)
      .selectFrom('assignment')
      .select(ASSIGNMENT_FIELDS)
      .select(withHours)
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...ids]))))
      .execute(),
    (r) => r.id,
  ),
);

/** Active assignments of slots or claims, in the order they were made. */
function activeAssignmentsBy(parent: 'slotId' | 'claimId') {
  return defineLoader<string, AssignmentRow[]>(async (db, ids) =>
    groupByKey(
      ids,
      await query(db.em)
        .selectFrom('assignment')
        .select(ASSIGNMENT_FIELDS)
        .select(withHours)
        .where((eb) => eb(parent, '=', eb.fn.any(eb.val([...ids]))))
        .where('endedAt', 'is', null)
        .orderBy('assignedAt')
        .orderBy('id')
        .execute(),
      (r) => r[parent],
    ),
  );
}

export const activeAssignmentsBySlot = activeAssignmentsBy('slotId');
export const activeAssignmentsByClaim = activeAssignmentsBy('claimId');

/**
 * Each user's upcoming shifts: active assignments of every roster that links
 * them whose shift ends after now (the database clock), soonest first. Found by
 * person and time range, through the exclusion constraint's own index.
 */
export const upcomingShiftsByUser = defineLoader<string, AssignmentRow[]>(async (db, userIds) => {
  const persons = userIds.map(personOfUser);
  const found = await query(db.em)
    .selectFrom('assignment')
    .select(ASSIGNMENT_FIELDS)
    .select(withHours)
    .select('person')
    .where((eb) =>
      eb.and([
        eb('person', '=', eb.fn.any(eb.val(persons))),
        eb('endedAt', 'is', null),
        eb('shift', '&&', eb.fn<string>('tstzrange', [transactionTime(), eb.lit(null)])),
      ]),
    )
    .orderBy((eb) => eb.fn('lower', ['shift']))
    .orderBy('id')
    .execute();
  return groupByKey(persons, found, (r) => r.person).map((rows) => rows.map(({ person: _person, ...row }) => row));
});
