/** Association.claims: the claims an association made, newest first, paged per parent in one statement. */
import type { Db } from '../../db/handle.js';
import { parentPageLoaders } from '../../db/parent-page.js';
import type { Actor } from '../../shared/actor.js';
import { ClaimStatus } from '../../shared/enums.js';
import { listScope, openPage, toConnection, type Connection, type Page, type PageArgs } from '../../shared/pagination.js';
import { allOf } from '../request-filter.js';
import { query } from '../tables.js';
import { CLAIM_FIELDS, type ClaimRow } from './help-request.rows.js';
import { claimById } from './help-request.loaders.js';
import { keyText } from '../../shared/pagination.js';

const claimsOfAssociations = parentPageLoaders<ClaimRow, ClaimStatus>({
  statuses: Object.values(ClaimStatus),
  parentOf: (c) => c.associationId,
  pages: (db: Db, parentIds: string[], status: ClaimStatus | null, page: Page) => {
    const after = page.after;
    const ranked = query(db.em)
      .selectFrom('claim')
      .select(CLAIM_FIELDS)
      .select((eb) =>
        eb
          .cast<number>(
            eb.fn.agg('row_number').over((ob) => ob.partitionBy('associationId').orderBy('claimedAt', 'desc').orderBy('id', 'desc')),
            'integer',
          )
          .as('rank'),
      )
      .where((eb) =>
        allOf(eb, [
          eb('associationId', '=', eb.fn.any(eb.val(parentIds))),
          status === null ? null : eb('status', '=', status),
          after ? eb(eb.refTuple('claimedAt', 'id'), '<', eb.tuple(new Date(keyText(after[0])), keyText(after[1]))) : null,
        ]),
      )
      .as('ranked');
    return query(db.em)
      .selectFrom(ranked)
      .select(CLAIM_FIELDS)
      .where('rank', '<=', page.limit + 1)
      .orderBy('rank')
      .execute();
  },
  counts: (db: Db, parentIds: string[], status: ClaimStatus | null) =>
    query(db.em)
      .selectFrom('claim')
      .select((eb) => ['associationId as parentId', eb.cast<number>(eb.fn.countAll(), 'integer').as('count')])
      .where((eb) =>
        allOf(eb, [eb('associationId', '=', eb.fn.any(eb.val(parentIds))), status === null ? null : eb('status', '=', status)]),
      )
      .groupBy('associationId')
      .execute(),
});

export interface AssociationClaimsInput extends PageArgs {
  associationId: string;
  status?: ClaimStatus | null;
}

/** Claims are public like the requests they are on: no visibility rule narrows this list. */
export async function associationClaims(db: Db, _actor: Actor, input: AssociationClaimsInput): Promise<Connection<ClaimRow>> {
  const { associationId } = input;
  const status = input.status ?? null;
  const page = openPage(input, listScope('Association.claims', 'NEWEST', { associationId, status: input.status }), ['timestamp', 'uuid']);
  const found = await claimsOfAssociations.page(db, { parentId: associationId, status, page, variant: null });
  for (const claim of found) claimById(db).prime(claim.id, claim);
  return toConnection(
    found,
    page,
    (c) => [c.claimedAt.toISOString(), c.id],
    () => claimsOfAssociations.count(db, associationId, status),
  );
}
