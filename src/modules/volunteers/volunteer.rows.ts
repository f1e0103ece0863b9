/** Rows of the read side, derived from the entities (modules/tables.ts): a renamed column fails tsc. */
import type { RowOf } from '../tables.js';

/**
 * A volunteer as a caller may see it: `name`, `phone` and `userId` (the linked
 * user, once they accepted) are restricted (volunteer.loaders.ts,
 * `restrictedColumns`), null for callers who may not see them;
 * `invitationPending` is false for callers who may not know of the invitation.
 */
export type VolunteerRow = Pick<RowOf<'volunteer'>, 'id' | 'associationId' | 'createdAt'> & {
  name: string | null;
  phone: string | null;
  userId: string | null;
  invitationPending: boolean;
};

/** What the write side reads of a volunteer: whose roster, and which person it is. */
export type RosterEntry = Pick<RowOf<'volunteer'>, 'id' | 'associationId' | 'userId'>;

/** Every column of an assignment but its shift (the slot's times, read from the slot) and its person. */
export const ASSIGNMENT_FIELDS = [
  'id',
  'claimId',
  'slotId',
  'requestId',
  'volunteerId',
  'assignedAt',
  'endedAt',
  'endReason',
  'arrivedAt',
  'leftAt',
  'absent',
] as const satisfies readonly (keyof RowOf<'assignment'>)[];

/**
 * An assignment as reads return it, with the hours served computed in the same
 * statement from its attendance (volunteer.loaders.ts, `hoursServed`).
 */
export type AssignmentRow = Pick<RowOf<'assignment'>, (typeof ASSIGNMENT_FIELDS)[number]> & { hoursServed: number | null };

/**
 * One person across rosters (the exclusion constraint's `person`): the linked
 * user when there is one (an invitation not yet accepted links nobody), the
 * volunteer record otherwise.
 */
export const personOf = (volunteer: Pick<RosterEntry, 'id' | 'userId'>): string =>
  volunteer.userId === null ? `volunteer:${volunteer.id}` : `user:${volunteer.userId}`;

/** The person a user is, on every roster that links them. */
export const personOfUser = (userId: string): string => `user:${userId}`;

/** One shift of a service record: the assignment, its request's title and requester, the shift's times. */
export interface ServiceShiftRow {
  assignment: AssignmentRow;
  requestTitle: string;
  requesterId: string;
  /** The requesting association's name (the CSV export writes it). */
  requesterName: string;
  /**
   * The volunteer's name on the roster (the CSV export writes it): whoever may
   * see a record may see the names on it (the linked user, the roster's leads).
   */
  volunteerName: string;
  startsAt: Date;
  endsAt: Date;
  hoursServed: number | null;
}

/** A service record: its shifts, soonest first, and their totals (computed in PostgreSQL). */
export interface ServiceRecordRow {
  shifts: ServiceShiftRow[];
  totalHours: number;
  shiftsServed: number;
  absences: number;
}
