/**
 * Invitations to rosters (found by an attacker review of issue 14): the e-mail
 * address an association gives addVolunteer invites that user; only the user
 * makes the link, by accepting. The link decides who the volunteer is (the
 * person of overlapping shifts, User.shifts and User.serviceRecord, the right
 * to see the entry's name and phone), so nobody makes it for them: not the
 * roster, not an administrator. The linked user may leave the roster again.
 *
 * Checks run in api.md's order: the id's shape; the volunteer (NOT_FOUND);
 * the caller (FORBIDDEN: the invited user, or the linked one); then the state.
 * Everything is read and written under the volunteer row's update lock, which
 * assignVolunteers takes as a share lock to read who a volunteer is: a
 * volunteer is never assigned as a person it just stopped being.
 */
import type { Kysely } from 'kysely';
import type { Db } from '../../db/handle.js';
import { violates } from '../../db/sql-errors.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, badInput, forbidden, notFound } from '../../shared/errors.js';
import { keyOf } from '../../shared/global-id.js';
import { mustExist } from '../../shared/must-exist.js';
import { query, type Tables } from '../tables.js';
import { maySeePrivateOf, type SelfUserRow } from '../identity/user.policy.js';
import { NO_OVERLAP, ONE_PER_SLOT } from './assignment.service.js';
import { mayAnswerInvitation, mayLeaveRoster, type RosterLink } from './invitation.policy.js';
import { invitationsByUser } from './volunteer.loaders.js';
import { personOfUser, type VolunteerRow } from './volunteer.rows.js';

/** The volunteer the operations act on (path `volunteerId`). */
export interface VolunteerIdFields {
  volunteerId: string;
}

/** A volunteer's row as locked: whose roster, its link and its invitation. */
type LockedEntry = RosterLink & { id: string; associationId: string };

/**
 * Runs `work` in a transaction on the volunteer `volunteerId` names, its row
 * locked: BAD_USER_INPUT for an undecodable id, NOT_FOUND for an id naming
 * none, FORBIDDEN unless `allowed`.
 */
async function withLockedEntry(
  db: Db,
  actor: Actor,
  volunteerId: string,
  allowed: (actor: Actor, entry: RosterLink) => boolean,
  refusal: string,
  work: (q: Kysely<Tables>, entry: LockedEntry) => Promise<void>,
): Promise<string> {
  const key = keyOf(volunteerId, 'Volunteer', 'volunteerId');
  return db.em.transactional(async (em) => {
    const q = query(em);
    const entry = key
      ? await q
          .selectFrom('volunteer')
          .select(['id', 'associationId', 'userId', 'invitedUserId'])
          .where('id', '=', key)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!entry) throw notFound('Volunteer');
    if (!allowed(actor, entry)) throw forbidden(refusal);
    await work(q, entry);
    return entry.id;
  });
}

/**
 * The invited user accepts: the volunteer becomes them (`userId`), the
 * invitation is gone. Its shifts that have not ended are theirs from now on
 * (their person), so they show in User.shifts and count against the user's
 * other shifts: one that overlaps a shift the user is already on refuses the
 * acceptance (SCHEDULE_CONFLICT), changing nothing. Accepting again, once
 * linked, changes nothing. Returns the volunteer's id.
 */
export async function acceptVolunteerInvitation(db: Db, actor: Actor, input: VolunteerIdFields, clock: Clock): Promise<string> {
  return withLockedEntry(
    db,
    actor,
    input.volunteerId,
    mayAnswerInvitation,
    'Only the invited user can accept this invitation',
    async (q, entry) => {
      if (entry.userId !== null) return; // accepted before, by this user (the policy allowed them)
      const userId = mustExist(entry.invitedUserId, 'entry.invitedUserId');
      const linked = await q
        .selectFrom('volunteer')
        .select('id')
        .where('associationId', '=', entry.associationId)
        .where('userId', '=', userId)
        .executeTakeFirst();
      if (linked) throw badInput('volunteerId', "You are already on this association's roster: a user is on a roster once");
      await q.updateTable('volunteer').set({ userId, invitedUserId: null }).where('id', '=', entry.id).execute();
      try {
        await q
          .updateTable('assignment')
          .set({ person: personOfUser(userId) })
          .where('volunteerId', '=', entry.id)
          .where('endedAt', 'is', null)
          .where((eb) => eb(eb.fn<Date>('upper', ['shift']), '>', clock()))
          .execute();
      } catch (error) {
        if (violates(error, NO_OVERLAP) || violates(error, ONE_PER_SLOT)) {
          throw new DomainError(
            'SCHEDULE_CONFLICT',
            'This roster has put the volunteer on a shift that overlaps one you are already on: ask either association to unassign you, then accept',
            { field: 'volunteerId' },
          );
        }
        throw error;
      }
    },
  );
}

/** The invited user declines: the invitation is gone, the volunteer stays on the roster without an account. Returns its id. */
export async function declineVolunteerInvitation(db: Db, actor: Actor, input: VolunteerIdFields): Promise<string> {
  return withLockedEntry(
    db,
    actor,
    input.volunteerId,
    mayAnswerInvitation,
    'Only the invited user can decline this invitation',
    async (q, entry) => {
      if (entry.userId !== null) throw badInput('volunteerId', 'You accepted this invitation: leaveRoster takes you off the roster');
      await q.updateTable('volunteer').set({ invitedUserId: null }).where('id', '=', entry.id).execute();
    },
  );
}

/**
 * The linked user leaves the roster: the volunteer links nobody any more and
 * is one without an account. Its active assignments keep the person they were
 * made as (the user is still expected there unless the roster unassigns them);
 * new ones are the volunteer's own. Returns the volunteer's id.
 */
export async function leaveRoster(db: Db, actor: Actor, input: VolunteerIdFields): Promise<string> {
  return withLockedEntry(
    db,
    actor,
    input.volunteerId,
    mayLeaveRoster,
    'Only the user linked to this volunteer can leave the roster',
    async (q, entry) => {
      await q.updateTable('volunteer').set({ userId: null }).where('id', '=', entry.id).execute();
    },
  );
}

/** User.volunteerInvitations: the user's invitations waiting for an answer, for the user themself and administrators; empty for others. */
export async function userVolunteerInvitations(db: Db, actor: Actor, user: SelfUserRow): Promise<VolunteerRow[]> {
  return maySeePrivateOf(actor, user) ? invitationsByUser(db).load(user.id) : [];
}
