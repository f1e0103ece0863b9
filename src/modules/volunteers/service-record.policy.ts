/** Who sees a volunteer's service record (docs/volunteers.md). Pure. */
import type { Actor } from '../../shared/actor.js';
import { MemberRole } from '../../shared/enums.js';
import type { Standing } from '../associations/association.policy.js';
import { maySeePrivateOf, type SelfUserRow } from '../identity/user.policy.js';

/** Volunteer.serviceRecord and its CSV: the roster association's OWNERs and API key, and administrators. */
export const maySeeVolunteerRecord = (s: Standing): boolean => s.admin || s.role === MemberRole.OWNER || s.ownKey;

/** User.serviceRecord and `?user=me`: the user themself and administrators. */
export const maySeeUserRecord = (actor: Actor, user: SelfUserRow): boolean => maySeePrivateOf(actor, user);
