/**
 * Who may do what for an association (api.md "Who may do what"), as pure
 * functions of the caller's standing. Services load the standing, then ask.
 */
import { isPrivileged, type Actor } from '../../shared/actor.js';
import { MemberRole } from '../../shared/enums.js';

/** What the caller is with respect to one association. */
export interface Standing {
  /** An administrator, or the system: passes every check. */
  admin: boolean;
  /** The signed-in user's role in it, if a member. */
  role: MemberRole | null;
  /** The caller is an API key of this association (it sees what a MEMBER sees). */
  ownKey: boolean;
}

/** `role`: the signed-in user's role in the association, null when not a member (ignored for anyone but a user). */
export function standingWithRole(actor: Actor, associationId: string, role: MemberRole | null): Standing {
  return {
    admin: isPrivileged(actor),
    role: actor.kind === 'user' ? role : null,
    ownKey: actor.kind === 'apiKey' && actor.associationId === associationId,
  };
}

/** The same, from the user's roles by association id. */
export function standingOf(actor: Actor, associationId: string, roles: ReadonlyMap<string, MemberRole>): Standing {
  return standingWithRole(actor, associationId, roles.get(associationId) ?? null);
}

const isLead = (s: Standing) => s.role === MemberRole.OWNER || s.role === MemberRole.COORDINATOR;

/** Any signed-in user (not an API key) may found an association; the system too (it names the OWNER). */
export const mayCreateAssociation = (actor: Actor) => actor.kind === 'user' || actor.kind === 'system';

export const mayVerifyAssociation = (actor: Actor) => isPrivileged(actor);

/** OWNER or COORDINATOR; only an OWNER adds an OWNER. */
export const mayAddMember = (s: Standing, role: MemberRole) =>
  s.admin || s.role === MemberRole.OWNER || (s.role === MemberRole.COORDINATOR && role !== MemberRole.OWNER);

export const mayManageApiKeys = (s: Standing) => s.admin || s.role === MemberRole.OWNER;

/** Post, update, cancel, complete, decline; claim and withdraw for the claiming association. */
export const mayActFor = (s: Standing) => s.admin || isLead(s) || s.ownKey;

/** Restricted field Association.members: its own members (and its keys) and administrators. */
export const maySeeMembers = (s: Standing) => s.admin || s.role !== null || s.ownKey;

/** Restricted field Association.apiKeys, and node(id) of an ApiKey. */
export const maySeeApiKeys = (s: Standing) => s.admin || s.role === MemberRole.OWNER;
