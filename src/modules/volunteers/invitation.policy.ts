/**
 * Who answers a roster's invitation and who leaves a roster (docs/volunteers.md,
 * "Invitations"). Pure. Consent is the user's own: nobody answers or
 * leaves for them, administrators and the system included.
 */
import type { Actor } from '../../shared/actor.js';

/** What the policies read of a roster entry: its linked user and its invited user. */
export interface RosterLink {
  userId: string | null;
  invitedUserId: string | null;
}

const isUser = (actor: Actor, userId: string | null): boolean => userId !== null && actor.kind === 'user' && actor.userId === userId;

/** acceptVolunteerInvitation, declineVolunteerInvitation: the invited user, or the user who accepted (then state decides). */
export const mayAnswerInvitation = (actor: Actor, entry: RosterLink): boolean =>
  isUser(actor, entry.invitedUserId) || isUser(actor, entry.userId);

/** leaveRoster: the linked user only. */
export const mayLeaveRoster = (actor: Actor, entry: RosterLink): boolean => isUser(actor, entry.userId);
