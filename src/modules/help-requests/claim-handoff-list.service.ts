/**
 * Association.handOffsOffered and Association.handOffsReceived: the hand-offs an
 * association offered of its claims, and those offered to it, newest first
 * (offeredAt desc, id desc), paged per parent in one statement.
 */
import type { Db } from '../../db/handle.js';
import { parentPageLoaders } from '../../db/parent-page.js';
import type { Actor } from '../../shared/actor.js';
import { ClaimHandOffStatus } from '../../shared/enums.js';
import { listScope, openPage, toConnection, type Connection, type Page, type PageArgs } from '../../shared/pagination.js';
import { allOf } from '../request-filter.js';
import { query } from '../tables.js';
import { HAND_OFF_FIELDS, handOffById, type HandOffRow } from './claim-handoff.loaders.js';
import { keyText } from '../../shared/pagination.js';

type Side = 'fromAssociationId' | 'toAssociationId';

function handOffsOfAssociations(side: Side) {
  return parentPageLoaders<HandOffRow, ClaimHandOffStatus>({
    statuses: Object.values(ClaimHandOffStatus),
    parentOf: (h) => h[side],
    pages: (db: Db, parentIds: string[], status: ClaimHandOffStatus | null, page: Page) => {
      const after = page.after;
      const ranked = query(db.em)
        .selectFrom('claim_handoff')
        .select(HAND_OFF_FIELDS)
        .select((eb) =>
          eb
            .cast<number>(
              eb.fn.agg('row_number').over((ob) => ob.partitionBy(side).orderBy('offeredAt', 'desc').orderBy('id', 'desc')),
              'integer',
            )
            .as('rank'),
        )
        .where((eb) =>
          allOf(eb, [
            eb(side, '=', eb.fn.any(eb.val(parentIds))),
            status === null ? null : eb('status', '=', status),
            after ? eb(eb.refTuple('offeredAt', 'id'), '<', eb.tuple(new Date(keyText(after[0])), keyText(after[1]))) : null,
          ]),
        )
        .as('ranked');
      return query(db.em)
        .selectFrom(ranked)
        .select(HAND_OFF_FIELDS)
        .where('rank', '<=', page.limit + 1)
        .orderBy('rank')
        .execute();
    },
    counts: (db: Db, parentIds: string[], status: ClaimHandOffStatus | null) =>
      query(db.em)
        .selectFrom('claim_handoff')
        .select((eb) => [eb.ref(side).as('parentId'), eb.cast<number>(eb.fn.countAll(), 'integer').as('count')])
        .where((eb) => allOf(eb, [eb(side, '=', eb.fn.any(eb.val(parentIds))), status === null ? null : eb('status', '=', status)]))
        .groupBy(side)
        .execute(),
  });
}

const LISTS = {
  fromAssociationId: { name: 'Association.handOffsOffered', loaders: handOffsOfAssociations('fromAssociationId') },
  toAssociationId: { name: 'Association.handOffsReceived', loaders: handOffsOfAssociations('toAssociationId') },
} as const;

export interface AssociationHandOffsInput extends PageArgs {
  associationId: string;
  /** Offered by the association (its claims), or to it. */
  side: 'offered' | 'received';
  status?: ClaimHandOffStatus | null;
}

/** Hand-offs are public like the claims they are about: no visibility rule narrows these lists. */
export async function associationHandOffs(db: Db, _actor: Actor, input: AssociationHandOffsInput): Promise<Connection<HandOffRow>> {
  const { associationId } = input;
  const list = LISTS[input.side === 'offered' ? 'fromAssociationId' : 'toAssociationId'];
  const status = input.status ?? null;
  // status omitted and null mean the same (not filtered): one scope for both.
  const page = openPage(input, listScope(list.name, 'NEWEST', { associationId, status }), ['timestamp', 'uuid']);
  const found = await list.loaders.page(db, { parentId: associationId, status, page, variant: null });
  for (const handOff of found) handOffById(db).prime(handOff.id, handOff);
  return toConnection(
    found,
    page,
    (h) => [h.offeredAt.toISOString(), h.id],
    () => list.loaders.count(db, associationId, status),
  );
}
