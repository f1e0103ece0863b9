/**
 * The restricted lists of associations and users, each read with its rule
 * applied (api.md "Who sees what"): what a caller may not see is an empty list,
 * never an error.
 */
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import { maySeePrivateOf, type SelfUserRow } from '../identity/user.policy.js';
import { apiKeysByAssociation } from './api-key.loaders.js';
import { membershipsByAssociation, membershipsByUser } from './association.loaders.js';
import { maySeeApiKeys, maySeeMembers } from './association.policy.js';
import type { ApiKeyRow, MembershipRow } from './association.rows.js';
import { standingIn } from './standing.service.js';

/** Association.members: its own members (and its keys) and administrators. */
export async function associationMembers(db: Db, actor: Actor, input: { associationId: string }): Promise<MembershipRow[]> {
  const visible = maySeeMembers(await standingIn(db, actor, input.associationId));
  return visible ? membershipsByAssociation(db).load(input.associationId) : [];
}

/** Association.apiKeys: its OWNERs and administrators. */
export async function associationApiKeys(db: Db, actor: Actor, input: { associationId: string }): Promise<ApiKeyRow[]> {
  const visible = maySeeApiKeys(await standingIn(db, actor, input.associationId));
  return visible ? apiKeysByAssociation(db).load(input.associationId) : [];
}

/** User.memberships: the user themself and administrators. */
export async function userMemberships(db: Db, actor: Actor, input: { user: SelfUserRow }): Promise<MembershipRow[]> {
  return maySeePrivateOf(actor, input.user) ? membershipsByUser(db).load(input.user.id) : [];
}
