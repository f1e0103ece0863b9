/**
 * What the actor is with respect to associations, loaded once per operation
 * (the memberships loader) and asked of the pure policies in
 * association.policy.ts. Every module that acts for an association or shows
 * what only its members may see comes here.
 */
import type { Db } from '../../db/handle.js';
import { isPrivileged, type Actor } from '../../shared/actor.js';
import { MemberRole } from '../../shared/enums.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { associationById, membershipsByUser } from './association.loaders.js';
import { mayActFor, standingOf, type Standing } from './association.policy.js';
import type { AssociationRow } from './association.rows.js';

/** The actor's roles, by association id (empty for everyone but a signed-in user). */
export async function actorRoles(db: Db, actor: Actor): Promise<Map<string, MemberRole>> {
  if (actor.kind !== 'user') return new Map();
  const memberships = await membershipsByUser(db).load(actor.userId);
  return new Map(memberships.map((m) => [m.associationId, m.role]));
}

/** The actor's standing in one association; the system's is an administrator's. */
export async function standingIn(db: Db, actor: Actor, associationId: string): Promise<Standing> {
  return standingOf(actor, associationId, await actorRoles(db, actor));
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
  if (!mayActFor(await standingIn(db, actor, association.id))) {
    throw forbidden(`Only an OWNER or COORDINATOR of the association, or its API key, can ${verb}`);
  }
  return association;
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
