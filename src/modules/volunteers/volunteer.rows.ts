/** Rows of the read side, derived from the entities (modules/tables.ts): a renamed column fails tsc. */
import type { RowOf } from '../tables.js';

/**
 * A volunteer as a caller may see it: `name`, `phone` and `userId` (the linked
 * user) are restricted (volunteer.loaders.ts, `restrictedColumns`), null for
 * callers who may not see them.
 */
export type VolunteerRow = Pick<RowOf<'volunteer'>, 'id' | 'associationId' | 'createdAt'> & {
  name: string | null;
  phone: string | null;
  userId: string | null;
};

/** What the write side reads of a volunteer: whose roster, and which person it is. */
export type RosterEntry = Pick<RowOf<'volunteer'>, 'id' | 'associationId' | 'userId'>;

/** Every column of an assignment but its shift (the slot's times, read from the slot). */
export const ASSIGNMENT_FIELDS = [
  'id',
  'claimId',
  'slotId',
  'requestId',
  'volunteerId',
  'assignedAt',
  'endedAt',
  'endReason',
] as const satisfies readonly (keyof RowOf<'assignment'>)[];

export type AssignmentRow = Pick<RowOf<'assignment'>, (typeof ASSIGNMENT_FIELDS)[number]>;

/**
 * One person across rosters (the exclusion constraint's `person`): the linked
 * user when there is one, the volunteer record otherwise.
 */
export const personOf = (volunteer: Pick<RosterEntry, 'id' | 'userId'>): string =>
  volunteer.userId === null ? `volunteer:${volunteer.id}` : `user:${volunteer.userId}`;

/** The person a user is, on every roster that links them. */
export const personOfUser = (userId: string): string => `user:${userId}`;
