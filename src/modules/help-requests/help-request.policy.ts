/** Who sees a request's contact details (contract: HelpRequest.contact). Pure. */
import { isPrivileged, type Actor } from '../../shared/actor.js';

/**
 * The requester's members (and its key), members of associations with an
 * ACTIVE or FULFILLED claim on it (and their keys), and administrators.
 * `actorAssociations`: the associations the actor belongs to or is a key of.
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
