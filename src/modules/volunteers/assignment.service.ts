/**
 * Assignments: the claiming association names who fills the places it holds on
 * a timed slot (issue 14). The promises hold in PostgreSQL, whatever the
 * concurrency and however many instances:
 * - never more people than the claim's quantity: one conditional
 *   `UPDATE claim SET assigned = assigned + n ... WHERE assigned + n <= quantity`
 *   (CAPACITY_EXCEEDED), under CHECK (assigned <= quantity);
 * - never one person twice on a slot (ALREADY_CLAIMED): every assignment on a
 *   slot is written under its request's row lock, and a partial unique index
 *   backs it;
 * - never one person on two overlapping shifts of any requests
 *   (SCHEDULE_CONFLICT): an exclusion constraint on (person, shift) of active
 *   assignments decides, across requests, where no row lock can; another on
 *   (volunteer, shift) keeps one roster entry off two overlapping shifts.
 * A volunteer's person is read under a share lock of its row: accepting an
 * invitation or leaving a roster (invitation.service.ts) changes it under the
 * row's update lock, so an assignment is never made as a stale person.
 * Everything runs in the request's transaction (request-lock.service.ts): all
 * or nothing, events appended last. Assignment events do not change the
 * request's version.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/handle.js';
import { violates } from '../../db/sql-errors.js';
import { advisoryTransactionLocks } from '../../db/raw.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { CapacityUnit, ClaimStatus, RequestEventType } from '../../shared/enums.js';
import { DomainError, badInput, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { LIMITS, optionalText } from '../../shared/input.js';
import { mustExist } from '../../shared/must-exist.js';
import { query } from '../tables.js';
import { actingAssociation } from '../associations/standing.service.js';
import { claimById, requestById, slotById } from '../help-requests/help-request.loaders.js';
import { inRequestTransaction, requireOpenOrFilled } from '../help-requests/request-lock.service.js';
import { assignmentById, rosterEntryById } from './volunteer.loaders.js';
import { personOf, type RosterEntry } from './volunteer.rows.js';

/** Volunteers one assignVolunteers call may name. */
const MAX_ASSIGNED_AT_ONCE = 100;

/** The advisory lock namespace of persons being assigned (pg_advisory_xact_lock(namespace, hashtext(person))). */
const PERSON_LOCK_NAMESPACE = 800;

/** The exclusion constraint of migration 0800: one person, no overlapping active shifts. */
export const NO_OVERLAP = 'assignment_no_overlap';
/** The partial unique index of migration 0800: one person once on a slot. */
export const ONE_PER_SLOT = 'assignment_one_per_slot_idx';
/**
 * The exclusion constraint of migration 1200: one roster entry, no overlapping active
 * shifts, whatever person its assignments were made as (a user who leaves a roster keeps
 * theirs on the assignments made while linked; new ones are the entry's own).
 */
export const ENTRY_NO_OVERLAP = 'assignment_volunteer_no_overlap';

/** assignVolunteers' input (paths `claimId`, `volunteerIds.2`, ...). */
export interface AssignVolunteersFields {
  claimId: string;
  volunteerIds: string[];
}

/** The volunteers' database keys, in input order: undecodable, too many or repeated is BAD_USER_INPUT; another type's id names nothing. */
function volunteerKeys(ids: string[]): (string | null)[] {
  if (ids.length < 1 || ids.length > MAX_ASSIGNED_AT_ONCE) {
    throw badInput('volunteerIds', `volunteerIds names 1 to ${MAX_ASSIGNED_AT_ONCE} volunteers`);
  }
  const keys = ids.map((id, i) => keyOf(id, 'Volunteer', `volunteerIds.${i}`));
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (key === null) return;
    if (seen.has(key)) throw badInput(`volunteerIds.${i}`, `volunteerIds.${i} names a volunteer already listed`);
    seen.add(key);
  });
  return keys;
}

/** Returns the ids of the new assignments, in the order of `volunteerIds`. */
export async function assignVolunteers(db: Db, actor: Actor, input: AssignVolunteersFields, clock: Clock): Promise<string[]> {
  const claimKey = keyOf(input.claimId, 'Claim', 'claimId');
  const keys = volunteerKeys(input.volunteerIds);

  const claim = claimKey ? await claimById(db).load(claimKey) : null;
  if (!claim) throw notFound('Claim');
  const found = await Promise.all(keys.map((key) => (key ? rosterEntryById(db).load(key) : Promise.resolve(null))));
  const missing = found.findIndex((entry) => entry === null);
  if (missing >= 0) {
    throw new DomainError('NOT_FOUND', `volunteerIds.${missing} names no volunteer`, { field: `volunteerIds.${missing}` });
  }
  const volunteers = found.filter((entry): entry is RosterEntry => entry !== null);
  await actingAssociation(db, actor, claim.associationId, 'assign volunteers to its claims');
  volunteers.forEach((volunteer, i) => {
    if (volunteer.associationId !== claim.associationId) {
      throw badInput(`volunteerIds.${i}`, `volunteerIds.${i} is not on the roster of the claiming association`);
    }
  });
  const request = mustExist(await requestById(db).load(claim.requestId), 'requestById(claim.requestId)');
  const slot = mustExist(await slotById(db).load(claim.slotId), 'slotById(claim.slotId)');
  // A slot's times never change after posting: the row loaded here is current.
  const { startsAt, endsAt } = slot;
  if (request.unit !== CapacityUnit.PERSON || startsAt === null || endsAt === null) {
    throw badInput('claimId', 'Volunteers are assigned to places on a timed slot (startsAt and endsAt) of a request for people');
  }
  const entryIds = volunteers.map((volunteer) => volunteer.id);

  return inRequestTransaction(db.em, request.id, clock, async ({ em, request: locked, emit }) => {
    requireOpenOrFilled(locked);
    const q = query(em);
    // Claims change status only under this lock: what is read here holds until commit.
    const current = await q.selectFrom('claim').select('status').where('id', '=', claim.id).executeTakeFirstOrThrow();
    if (current.status !== ClaimStatus.ACTIVE) throw badInput('claimId', `The claim is ${current.status}, not ACTIVE`);
    if (endsAt <= clock()) throw badInput('claimId', 'This slot has already ended');

    // Who each volunteer is (its linked user, or itself), under a share lock of its row until commit.
    const links = await q
      .selectFrom('volunteer')
      .select(['id', 'userId'])
      .where((eb) => eb('id', '=', eb.fn.any(eb.val(entryIds))))
      .orderBy('id')
      .forShare()
      .execute();
    const linkOf = new Map(links.map((row) => [row.id, row.userId]));
    const persons = volunteers.map((volunteer) => personOf({ id: volunteer.id, userId: linkOf.get(volunteer.id) ?? null }));

    // Every assignment on this slot is written under this lock (the partial unique index backs it).
    // One person once, and one roster entry once, whatever person it was assigned as.
    const onSlot = await q
      .selectFrom('assignment')
      .select(['person', 'volunteerId'])
      .where('slotId', '=', slot.id)
      .where('endedAt', 'is', null)
      .where((eb) => eb.or([eb('person', '=', eb.fn.any(eb.val(persons))), eb('volunteerId', '=', eb.fn.any(eb.val(entryIds)))]))
      .execute();
    const takenPersons = new Set(onSlot.map((row) => row.person));
    const takenEntries = new Set(onSlot.map((row) => row.volunteerId));
    const twice = persons.findIndex((person, i) => takenPersons.has(person) || takenEntries.has(entryIds[i]));
    if (twice >= 0) {
      throw new DomainError('ALREADY_CLAIMED', `volunteerIds.${twice} is already assigned to this slot`, {
        field: `volunteerIds.${twice}`,
      });
    }

    // The capacity check and the increment are one statement.
    const n = volunteers.length;
    const counted = await q
      .updateTable('claim')
      .set((eb) => ({ assigned: eb('assigned', '+', n) }))
      .where('id', '=', claim.id)
      .where('status', '=', ClaimStatus.ACTIVE)
      .where((eb) => eb(eb('assigned', '+', n), '<=', eb.ref('quantity')))
      .returning('assigned')
      .executeTakeFirst();
    if (!counted) {
      const { remaining } = await q
        .selectFrom('claim')
        .select((eb) => eb('quantity', '-', eb.ref('assigned')).as('remaining'))
        .where('id', '=', claim.id)
        .executeTakeFirstOrThrow();
      throw new DomainError('CAPACITY_EXCEEDED', `Only ${remaining} places of this claim are unassigned`, { remaining });
    }

    // One row at a time, in one order of persons for every transaction: two that assign
    // the same people elsewhere wait for each other in that order and never deadlock,
    // and a conflict names its volunteer.
    const now = clock();
    const ids = volunteers.map(() => randomUUID());
    const order = persons.map((person, i) => ({ person, i })).sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
    // Each person locked first, in that order, in one statement: two transactions inserting
    // overlapping shifts of one person would otherwise each wait, inside the exclusion
    // constraint's check, for the other's uncommitted row, and one would die of a deadlock
    // (40P01) instead of answering SCHEDULE_CONFLICT once the other commits.
    await advisoryTransactionLocks(
      em,
      PERSON_LOCK_NAMESPACE,
      order.map(({ person }) => person),
    );
    for (const { person, i } of order) {
      try {
        await q
          .insertInto('assignment')
          .values((eb) => ({
            id: ids[i],
            claimId: claim.id,
            slotId: slot.id,
            requestId: request.id,
            volunteerId: volunteers[i].id,
            person,
            shift: eb.fn<string>('tstzrange', [eb.val(startsAt), eb.val(endsAt), eb.val('[)')]),
            assignedAt: now,
            absent: false,
          }))
          .execute();
      } catch (error) {
        if (violates(error, NO_OVERLAP) || violates(error, ENTRY_NO_OVERLAP)) {
          throw new DomainError('SCHEDULE_CONFLICT', `volunteerIds.${i} is already on an overlapping shift`, {
            field: `volunteerIds.${i}`,
          });
        }
        // Only an invitation to another roster accepted meanwhile can make the person appear on this slot.
        if (violates(error, ONE_PER_SLOT)) {
          throw new DomainError('ALREADY_CLAIMED', `volunteerIds.${i} is already assigned to this slot`, { field: `volunteerIds.${i}` });
        }
        throw error;
      }
    }
    for (const assignmentId of ids) {
      emit({ type: RequestEventType.VOLUNTEER_ASSIGNED, claimId: claim.id, assignmentId, actorId: claim.associationId });
    }
    return ids;
  });
}

/** unassignVolunteer's arguments (paths `id`, `reason`). */
export interface UnassignVolunteerInput {
  id: string;
  reason?: string | null;
}

/** What to do instead of unassigning someone whose shift is on record. */
const RECORD_ABSENT_INSTEAD =
  'who was assigned stays on record. If the volunteer did not come, the requesting association records them absent (recordAttendance)';

/**
 * Ends an active assignment and frees its place on the claim. By the claiming
 * association, before the shift starts (by the clock) and before any attendance
 * is recorded for it: after that, unassigning would rewrite who served
 * (BAD_USER_INPUT `id`; the requester records `absent` instead).
 */
export async function unassignVolunteer(db: Db, actor: Actor, input: UnassignVolunteerInput, clock: Clock): Promise<string> {
  const reason = optionalText(input.reason, 'reason', LIMITS.short);
  const key = keyOf(input.id, 'Assignment', 'id');
  const assignment = key ? await assignmentById(db).load(key) : null;
  if (!assignment) throw notFound('Assignment');
  const claim = mustExist(await claimById(db).load(assignment.claimId), 'claimById(assignment.claimId)');
  await actingAssociation(db, actor, claim.associationId, 'unassign its volunteers');
  // Assignments exist only on timed slots (assignVolunteers); a slot's times never change.
  const startsAt = mustExist((await slotById(db).load(assignment.slotId))?.startsAt, 'slotById(assignment.slotId).startsAt');

  return inRequestTransaction(db.em, assignment.requestId, clock, async ({ em, request, emit }) => {
    requireOpenOrFilled(request);
    const q = query(em);
    // Assignments of a request (attendance included) change only under its row lock: what is read here holds until commit.
    const current = await q
      .selectFrom('assignment')
      .select(['endedAt', 'arrivedAt', 'absent'])
      .where('id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    if (current.endedAt !== null) throw badInput('id', 'The assignment has already ENDED');
    if (current.arrivedAt !== null || current.absent) {
      throw badInput('id', `Attendance has been recorded for this assignment: ${RECORD_ABSENT_INSTEAD}`);
    }
    if (startsAt <= clock()) throw badInput('id', `This shift has started: ${RECORD_ABSENT_INSTEAD}`);
    await q.updateTable('assignment').set({ endedAt: clock(), endReason: reason }).where('id', '=', assignment.id).execute();
    await q
      .updateTable('claim')
      .set((eb) => ({ assigned: eb('assigned', '-', 1) }))
      .where('id', '=', claim.id)
      .execute();
    emit({ type: RequestEventType.VOLUNTEER_UNASSIGNED, claimId: claim.id, assignmentId: assignment.id, actorId: claim.associationId });
    return assignment.id;
  });
}
