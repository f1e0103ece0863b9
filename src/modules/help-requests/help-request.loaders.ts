/** DataLoaders over plain rows for requests, slots and claims: one statement per level. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { array, rows } from '../../db/sql.js';
import { byKey, defineLoader, groupByKey } from '../../server/loaders.js';
import type { ClaimStatus } from '../../shared/enums.js';
import { CLAIM_COLUMNS, REQUEST_COLUMNS, SLOT_COLUMNS, type ClaimRow, type HelpRequestRow, type SlotRow } from './help-request.rows.js';

const ids = (keys: readonly string[]) => [array(keys)];
const ANY_UUID = `ANY(json_text_array(?::jsonb)::uuid[])`;

export const requestById = defineLoader<string, HelpRequestRow | null>('requestById', async (em, keys) =>
  byKey(
    keys,
    await rows<HelpRequestRow>(em, `SELECT ${REQUEST_COLUMNS} FROM help_request h WHERE h.id = ${ANY_UUID}`, ids(keys)),
    (r) => r.id,
  ),
);

export const slotById = defineLoader<string, SlotRow | null>('slotById', async (em, keys) =>
  byKey(keys, await rows<SlotRow>(em, `SELECT ${SLOT_COLUMNS} FROM slot s WHERE s.id = ${ANY_UUID}`, ids(keys)), (r) => r.id),
);

/** Slots keep their input order. */
export const slotsByRequest = defineLoader<string, SlotRow[]>('slotsByRequest', async (em, keys) =>
  groupByKey(
    keys,
    await rows<SlotRow>(
      em,
      `SELECT ${SLOT_COLUMNS} FROM slot s WHERE s.request_id = ${ANY_UUID} ORDER BY s.request_id, s.position`,
      ids(keys),
    ),
    (r) => r.requestId,
  ),
);

export const claimById = defineLoader<string, ClaimRow | null>('claimById', async (em, keys) =>
  byKey(keys, await rows<ClaimRow>(em, `SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.id = ${ANY_UUID}`, ids(keys)), (r) => r.id),
);

/** Claims of a request or slot, oldest first, optionally of one status: keyed "id|status". */
function claimsBy(name: string, column: 'request_id' | 'slot_id', parentOf: (claim: ClaimRow) => string) {
  return defineLoader<string, ClaimRow[]>(name, async (em: EntityManager, keys) => {
    const parents = [...new Set(keys.map((key) => key.split('|')[0]))];
    const found = await rows<ClaimRow>(
      em,
      `SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.${column} = ${ANY_UUID} ORDER BY c.claimed_at, c.id`,
      ids(parents),
    );
    return keys.map((key) => {
      const [parent, status] = key.split('|') as [string, ClaimStatus | ''];
      return found.filter((claim) => parentOf(claim) === parent && (status === '' || claim.status === status));
    });
  });
}

export const claimsByRequest = claimsBy('claimsByRequest', 'request_id', (c) => c.requestId);
export const claimsBySlot = claimsBy('claimsBySlot', 'slot_id', (c) => c.slotId);
export const claimsKey = (parentId: string, status: ClaimStatus | null | undefined) => `${parentId}|${status ?? ''}`;

/** Associations holding an ACTIVE or FULFILLED claim on each request (who may see its contact). */
export const committedClaimants = defineLoader<string, string[]>('committedClaimants', async (em, keys) => {
  const found = await rows<{ requestId: string; associationId: string }>(
    em,
    `SELECT DISTINCT c.request_id AS "requestId", c.association_id AS "associationId"
       FROM claim c WHERE c.request_id = ${ANY_UUID} AND c.status IN ('ACTIVE', 'FULFILLED')`,
    ids(keys),
  );
  return groupByKey(keys, found, (r) => r.requestId).map((group) => group.map((r) => r.associationId));
});
