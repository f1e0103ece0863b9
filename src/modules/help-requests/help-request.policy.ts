/** Who sees a request's contact details (contract: HelpRequest.contact). Pure. */
import type { Viewer } from '../identity/viewer.js';

/**
 * The requester's members (and its key), members of associations with an
 * ACTIVE or FULFILLED claim on it (and their keys), and administrators.
 * `viewerAssociations`: the associations the caller belongs to or is a key of.
 */
export function maySeeContact(
  viewer: Viewer,
  viewerAssociations: ReadonlySet<string>,
  requesterId: string,
  committedClaimants: readonly string[],
): boolean {
  if (viewer.kind === 'user' && viewer.isAdmin) return true;
  return viewerAssociations.has(requesterId) || committedClaimants.some((id) => viewerAssociations.has(id));
}
