/** DataLoaders over plain rows of hand-offs: one statement per level. */
import { byKey, defineLoader, groupByKey } from '../../db/handle.js';
import { query, type RowOf } from '../tables.js';

/** Every column of a hand-off (listed, so that a page ranked in a subquery can leave its rank behind). */
export const HAND_OFF_FIELDS = [
  'id',
  'claimId',
  'requestId',
  'slotId',
  'fromAssociationId',
  'toAssociationId',
  'status',
  'note',
  'reason',
  'offeredAt',
  'lapsesAt',
  'decidedAt',
  'newClaimId',
] as const satisfies readonly (keyof RowOf<'claim_handoff'>)[];

/** A hand-off as the read side hands it to resolvers (every column: hand-offs are public, like claims). */
export type HandOffRow = Pick<RowOf<'claim_handoff'>, (typeof HAND_OFF_FIELDS)[number]>;

export const handOffById = defineLoader<string, HandOffRow | null>(async (db, keys) =>
  byKey(
    keys,
    await query(db.em)
      .selectFrom('claim_handoff')
      .select(HAND_OFF_FIELDS)
      .where((eb) => eb('id', '=', eb.fn.any(eb.val([...keys]))))
      .execute(),
    (r) => r.id,
  ),
);

/** Every hand-off of each claim, oldest first (at most BOUNDS.handOffsPerClaim each). */
export const handOffsByClaim = defineLoader<string, HandOffRow[]>(async (db, keys) =>
  groupByKey(
    keys,
    await query(db.em)
      .selectFrom('claim_handoff')
      .select(HAND_OFF_FIELDS)
      .where((eb) => eb('claimId', '=', eb.fn.any(eb.val([...keys]))))
      .orderBy('claimId')
      .orderBy('offeredAt')
      .orderBy('id')
      .execute(),
    (r) => r.claimId,
  ),
);
