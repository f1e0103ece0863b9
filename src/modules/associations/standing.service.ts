/**
 * What the actor is with respect to associations, asked of the pure policies
 * in association.policy.ts. Every module that acts for an association or shows
 * what only its members may see comes here.
 *
 * A permission check reads only the membership that decides it (the user's
 * role in that one association, by primary key, through a loader keyed by the
 * pair), so its cost does not grow with the user's other memberships. Only
 * read paths that filter by everything the caller may see (visibilityOf,
 * actorAssociations) read all of them.
 */
import type { Db } from '../../db/handle.js';
import { isPrivileged, type Actor } from '../../shared/actor.js';
import { MemberRole } from '../../shared/enums.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { associationById, membershipRole, membershipsByUser } from './association.loaders.js';
import { mayActFor, standingWithRole, type Standing } from './association.policy.js';
import type { AssociationRow } from './association.rows.js';

/** The actor's roles, by association id (empty for everyone but a signed-in user). */
export async function actorRoles(db: Db, actor: Actor): Promise<Map<string, MemberRole>> {
  if (actor.kind !== 'user') return new Map();
  const memberships = await membershipsByUser(db).load(actor.userId);
  return new Map(memberships.map((m) => [m.associationId, m.role]));
}

/** The actor's standing in one association (one indexed read for a user, none for anyone else); the system's is an administrator's. */
export async function standingIn(db: Db, actor: Actor, associationId: string): Promise<Standing> {
  const role = actor.kind === 'user' ? await membershipRole(db).load({ userId: actor.userId, associationId }) : null;
  return standingWithRole(actor, associationId, role);
}

/**
 * Those of `associationIds` the actor belongs to (any role) or is a key of: a
 * decision about a few associations (a request's requester and claimants) reads
 * those memberships only, in one statement.
 */
export async function memberOfAny(db: Db, actor: Actor, associationIds: readonly string[]): Promise<Set<string>> {
  if (actor.kind === 'apiKey') return new Set(associationIds.filter((id) => id === actor.associationId));
  if (actor.kind !== 'user' || associationIds.length === 0) return new Set();
  const { userId } = actor;
  const roles = await membershipRole(db).loadMany(associationIds.map((associationId) => ({ userId, associationId })));
  return new Set(
    associationIds.filter((_, i) => {
      const role = roles[i];
      if (role instanceof Error) throw role;
      return role !== null;
    }),
  );
}

/** The associations the actor belongs to (any role) or is an API key of; the system belongs to none. */
export async function actorAssociations(db: Db, actor: Actor): Promise<Set<string>> {
  if (actor.kind === 'apiKey') return new Set([actor.associationId]);
  return new Set((await actorRoles(db, actor)).keys());
}

/**
 * Loads the association an actor acts for (by database key; null for an id
 * that named nothing) and checks that the actor may act for it: existence, then
 * permission (api.md's order of checks). `verb` completes the refusal message.
 */
export async function actingAssociation(db: Db, actor: Actor, associationKey: string | null, verb: string): Promise<AssociationRow> {
  const association = associationKey ? await associationById(db).load(associationKey) : null;
  if (!association) throw notFound('Association');
  requireMayActFor(await standingIn(db, actor, association.id), verb);
  return association;
}

/** FORBIDDEN unless the standing may act for its association (OWNER, COORDINATOR, its key, an administrator). */
export function requireMayActFor(standing: Standing, verb: string): void {
  if (!mayActFor(standing)) throw forbidden(`Only an OWNER or COORDINATOR of the association, or its API key, can ${verb}`);
}

/**
 * What an actor may see of what only some associations may see (a request's
 * contact, a volunteer's name, ...): everything (administrators, the system),
 * or what concerns the associations it belongs to or is a key of, some of it
 * only where it leads them (OWNER or COORDINATOR, or their key), and what
 * concerns the user it is. Read services take it and apply the visibility
 * rules in the statement that reads the rows. Plain data (sorted lists), so
 * equal visibilities serialise alike and can key a batch.
 */
export interface Visibility {
  readonly privileged: boolean;
  /** The associations the actor belongs to (any role) or is a key of. */
  readonly associations: readonly string[];
  /** Those of them where it is an OWNER or COORDINATOR, or their key. */
  readonly leads: readonly string[];
  /** The signed-in user it is; null for keys, anonymous callers and the system. */
  readonly userId: string | null;
}

/** What an anonymous caller sees: nothing restricted. */
export const PUBLIC_ONLY: Visibility = { privileged: false, associations: [], leads: [], userId: null };

const LEAD_ROLES: ReadonlySet<MemberRole> = new Set([MemberRole.OWNER, MemberRole.COORDINATOR]);

export async function visibilityOf(db: Db, actor: Actor): Promise<Visibility> {
  if (isPrivileged(actor)) return { ...PUBLIC_ONLY, privileged: true, userId: actor.kind === 'user' ? actor.userId : null };
  if (actor.kind === 'apiKey') return { ...PUBLIC_ONLY, associations: [actor.associationId], leads: [actor.associationId] };
  if (actor.kind !== 'user') return PUBLIC_ONLY;
  const roles = [...(await actorRoles(db, actor))];
  return {
    privileged: false,
    associations: roles.map(([id]) => id).sort(),
    leads: roles
      .filter(([, role]) => LEAD_ROLES.has(role))
      .map(([id]) => id)
      .sort(),
    userId: actor.userId,
  };
}
