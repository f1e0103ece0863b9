/**
 * Who may see what of a user (api.md, "Who may do what"), as pure functions of
 * the actor: the user themself, administrators and the system.
 */
import { isPrivileged, type Actor } from '../../shared/actor.js';
import type { UserRow } from './identity.rows.js';

/**
 * Marks a user row as seen by that user themself: AuthPayload.user right after
 * signUp or logIn, when the operation's actor is still anonymous.
 */
export const SELF = Symbol('self');
export type SelfUserRow = UserRow & { [SELF]?: true };

/** Restricted fields User.email and User.memberships. */
export const maySeeUserPrivate = (actor: Actor, userId: string): boolean =>
  isPrivileged(actor) || (actor.kind === 'user' && actor.userId === userId);

/** maySeeUserPrivate for a row, which may be marked as the user's own (SELF). */
export const maySeePrivateOf = (actor: Actor, user: SelfUserRow): boolean => user[SELF] === true || maySeeUserPrivate(actor, user.id);
