/**
 * What a live subscriber may see of one event, as a key: subscribers of the
 * same document and variables whose keys are equal get equal answers, so the
 * transport executes the document once per key and event instead of once per
 * subscriber (issue 16, W6; events.md "Delivery": per subscriber only the
 * visibility rules differ).
 *
 * The key is not a summary of the caller (administrator, memberships): it is
 * the outcome of the very rule the resolver applies, for the rows this event
 * is resolved with. An administrator and a member of the requester both see
 * the contact, so they share an answer; an anonymous caller and a member of an
 * unrelated association both see none, so they share another. Which rules a
 * document reaches is decided from its selection (request-event.sharing.ts);
 * a document reaching any other rule is executed per subscriber.
 */
import type { Actor } from '../../shared/actor.js';
import { requestById } from '../help-requests/help-request.loaders.js';
import { requestContact } from '../help-requests/help-request-list.service.js';
import type { Delivery } from './event-hub.service.js';

/**
 * What of a document's answer depends on who subscribed:
 * - `none`: nothing, every subscriber gets the same answer;
 * - `request-contact`: the event's own request's `contact`, nothing else;
 * - `any`: something else (a member list, a volunteer's name, another
 *   request's contact...): the document runs for each subscriber.
 */
export type ViewerDependence = 'none' | 'request-contact' | 'any';

/**
 * The sharing key of `actor` for this delivered event, or null when the answer
 * is the subscriber's own (`any`). Synchronous when nothing needs loading.
 */
export function viewerClass(delivery: Delivery, actor: Actor, dependence: ViewerDependence): string | null | Promise<string> {
  switch (dependence) {
    case 'none':
      return '';
    case 'any':
      return null;
    case 'request-contact':
      // The anonymous never see a contact (api.md "Identity"): no load needed.
      return actor.kind === 'anonymous' ? 'contact hidden' : contactClass(delivery, actor);
  }
}

/**
 * Whether `actor` sees the contact of the event's request, by the resolver's
 * own function on the rows of this delivery's Db (the loaders it will read).
 * The contact's value is the same for everyone who sees it, so whether it is
 * shown is all that differs.
 */
async function contactClass(delivery: Delivery, actor: Actor): Promise<string> {
  const request = await requestById(delivery.shared).load(delivery.event.requestId);
  const contact = request ? await requestContact(delivery.shared, actor, { request }) : null;
  return contact === null ? 'contact hidden' : 'contact shown';
}
