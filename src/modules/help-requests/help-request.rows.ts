/**
 * The rows the read side hands to resolvers, derived from the entities
 * (modules/tables.ts): a renamed or retyped column changes these types, and tsc
 * finds every reader.
 */
import type { WithRelations } from '../../db/relations.js';
import type { AssociationRow } from '../associations/association.rows.js';
import type { RowOf } from '../tables.js';

/**
 * What reads select of a request: every column but the text filter's folded
 * copy of title and description (`searchText`) and the URGENCY order's
 * generated `urgencyRank`, which no resolver reads.
 */
export const REQUEST_FIELDS = [
  'id',
  'requesterId',
  'kind',
  'category',
  'unit',
  'title',
  'description',
  'township',
  'address',
  'contact',
  'urgency',
  'status',
  'startsAt',
  'endsAt',
  'capacity',
  'claimed',
  'activeClaims',
  'postedAt',
  'filledAt',
  'closedAt',
  'beneficiaries',
  'outcome',
  'cancelReason',
  'version',
] as const satisfies readonly (keyof RowOf<'help_request'>)[];

/**
 * A request as the read side hands it to resolvers. Reads that take the
 * caller's visibility (help-request-list.service.ts) have already decided
 * `contact` for that caller, and say so with CONTACT_DECIDED.
 */
export type HelpRequestRow = Pick<RowOf<'help_request'>, (typeof REQUEST_FIELDS)[number]> & {
  readonly [CONTACT_DECIDED]?: true;
} & WithRelations<{ requester: AssociationRow; slots: SlotRow[]; claims: ClaimRow[] }>;

export const CONTACT_DECIDED = Symbol('contact decided for the caller');

/** Every field of REQUEST_FIELDS that anyone may see (contact is restricted: help-request.policy.ts). */
export const PUBLIC_REQUEST_FIELDS = REQUEST_FIELDS.filter((field): field is Exclude<typeof field, 'contact'> => field !== 'contact');
export const SLOT_FIELDS = [
  'id',
  'requestId',
  'position',
  'label',
  'startsAt',
  'endsAt',
  'capacity',
  'claimed',
] as const satisfies readonly (keyof RowOf<'slot'>)[];

export type SlotRow = RowOf<'slot'> & WithRelations<{ claims: ClaimRow[] }>;

/** Every column of a claim (listed, so that a page ranked in a subquery can leave its rank behind). */
export const CLAIM_FIELDS = [
  'id',
  'slotId',
  'requestId',
  'associationId',
  'quantity',
  'status',
  'note',
  'claimedAt',
  'endedAt',
  'endReason',
  'assigned',
  'handedToClaimId',
] as const satisfies readonly (keyof RowOf<'claim'>)[];

export type ClaimRow = Pick<RowOf<'claim'>, (typeof CLAIM_FIELDS)[number]> & WithRelations<{ association: AssociationRow }>;
