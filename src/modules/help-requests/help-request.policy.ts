/** Who sees a request's contact details (contract: HelpRequest.contact). Pure. */
import { isPrivileged, type Actor } from '../../shared/actor.js';

/**
 * The requester's members (and its key), members of associations with an
 * ACTIVE or FULFILLED claim on it or with a claim on it OFFERED to them (a
 * hand-off they may accept: they need to know whom they would serve), their
 * keys, and administrators. `actorAssociations`: the associations the actor
 * belongs to or is a key of, at least those among the requester and the
 * committed claimants (all of them are not needed: requestContact reads only
 * those); `committedClaimants`: the associations of those claims and offers
 * (help-request.loaders.ts).
 */
export function maySeeContact(
  actor: Actor,
  actorAssociations: ReadonlySet<string>,
  requesterId: string,
  committedClaimants: readonly string[],
): boolean {
  if (isPrivileged(actor)) return true;
  return actorAssociations.has(requesterId) || committedClaimants.some((id) => actorAssociations.has(id));
}
