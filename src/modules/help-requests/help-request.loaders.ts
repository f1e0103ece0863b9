/** DataLoaders over plain rows for requests, slots and claims: one statement per level. */
import type DataLoader from 'dataloader';
import { byKey, defineLoader, groupByKey } from '../../db/handle.js';
import { ClaimHandOffStatus, ClaimStatus } from '../../shared/enums.js';
import { query } from '../tables.js';
import { CLAIM_FIELDS, REQUEST_FIELDS, type ClaimRow, type HelpRequestRow, type SlotRow } from './help-request.rows.js';

export const requestById = defineLoader<string, HelpRequestRow | null>(async (db, keys) =>
  byKey(
    keys,
    await query(db.em)
      .selectFrom('help_request')
      .select(REQUEST_FIELDS)
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...keys]))))
      .execute(),
    (r) => r.id,
  ),
);

export const slotById = defineLoader<string, SlotRow | null>(async (db, keys) =>
  byKey(
    keys,
    await query(db.em)
      .selectFrom('slot')
      .selectAll()
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...keys]))))
      .execute(),
    (r) => r.id,
  ),
);

/** Slots keep their input order. */
export const slotsByRequest = defineLoader<string, SlotRow[]>(async (db, keys) =>
  groupByKey(
    keys,
    await query(db.em)
      .selectFrom('slot')
      .selectAll()
      .where((eb) => eb('requestId', '=', eb.fn.any(eb.val([...keys]))))
      .orderBy('requestId')
      .orderBy('position')
      .execute(),
    (r) => r.requestId,
  ),
);

export const claimById = defineLoader<string, ClaimRow | null>(async (db, keys) =>
  byKey(
    keys,
    await query(db.em)
      .selectFrom('claim')
      .select(CLAIM_FIELDS)
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...keys]))))
      .execute(),
    (r) => r.id,
  ),
);

/**
 * Claims of requests or slots, oldest first, optionally of one status: keyed
 * "parentId|status" (claimsKey). Strings, so a key asked for again later in the
 * operation is served from the loader's cache: one statement per level.
 */
function claimsBy(parent: 'requestId' | 'slotId') {
  return defineLoader<string, ClaimRow[]>(async (db, keys) => {
    const parentOfKey = (key: string) => key.slice(0, key.indexOf('|'));
    const parents = [...new Set(keys.map(parentOfKey))];
    const found = await query(db.em)
      .selectFrom('claim')
      .select(CLAIM_FIELDS)
      .where((eb) => eb(parent, '=', eb.fn.any(eb.val(parents))))
      .orderBy('claimedAt')
      .orderBy('id')
      .execute();
    const groups = new Map(groupByKey(parents, found, (claim) => claim[parent]).map((group, i) => [parents[i], group]));
    return keys.map((key) => {
      const parentId = parentOfKey(key);
      const all = key === claimsKey(parentId, null);
      return (groups.get(parentId) ?? []).filter((claim) => all || key === claimsKey(parentId, claim.status));
    });
  });
}

export const claimsByRequest = claimsBy('requestId');
export const claimsBySlot = claimsBy('slotId');
/** The claims of `status` among `claims` (all of them when it is null or not given), in their order. */
const ofStatus = (claims: ClaimRow[], status: ClaimStatus | null | undefined): ClaimRow[] =>
  status == null ? claims : claims.filter((claim) => claim.status === status);

/**
 * The claims of `status` of a parent: those read with it (help-request.json.ts)
 * when it has them, filtered as the loader filters, else through `loader`.
 */
export function claimsReadOrLoaded(
  read: ClaimRow[] | undefined,
  loader: DataLoader<string, ClaimRow[]>,
  parentId: string,
  status: ClaimStatus | null,
): ClaimRow[] | Promise<ClaimRow[]> {
  return read ? ofStatus(read, status) : loader.load(claimsKey(parentId, status));
}

export const claimsKey = (parentId: string, status: ClaimStatus | null | undefined) => `${parentId}|${status ?? ''}`;

/**
 * Associations holding an ACTIVE or FULFILLED claim on each request, or offered
 * one (an OFFERED hand-off): who may see its contact (help-request.policy.ts).
 */
export const committedClaimants = defineLoader<string, string[]>(async (db, keys) => {
  const found = await query(db.em)
    .selectFrom('claim')
    .select(['requestId', 'associationId'])
    .where((eb) =>
      eb.and([eb('requestId', '=', eb.fn.any(eb.val([...keys]))), eb('status', 'in', [ClaimStatus.ACTIVE, ClaimStatus.FULFILLED])]),
    )
    .union((eb) =>
      eb
        .selectFrom('claim_handoff')
        .select(['requestId', 'toAssociationId as associationId'])
        .where((eb) => eb.and([eb('requestId', '=', eb.fn.any(eb.val([...keys]))), eb('status', '=', ClaimHandOffStatus.OFFERED)])),
    )
    .execute();
  return groupByKey(keys, found, (r) => r.requestId).map((group) => group.map((r) => r.associationId));
});
