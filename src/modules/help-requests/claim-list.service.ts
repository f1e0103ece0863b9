/** Association.claims: the claims an association made, newest first, paged per parent in one statement. */
import type { Context } from '../../server/context.js';
import type { ClaimStatus } from '../../shared/enums.js';
import { listScope, openPage, toConnection, type Connection, type PageArgs } from '../../shared/pagination.js';
import { parentPageLoaders } from '../../shared/parent-page.js';
import { CLAIM_COLUMNS, type ClaimRow } from './help-request.rows.js';
import { claimById } from './help-request.loaders.js';

const claimsOfAssociations = parentPageLoaders<ClaimRow>({
  name: 'claimsOfAssociations',
  from: 'claim c',
  columns: CLAIM_COLUMNS,
  parentColumn: 'c.association_id',
  parentOf: (c) => c.associationId,
  statusColumn: 'c.status',
  orderBy: 'c.claimed_at DESC, c.id DESC',
  after: '(c.claimed_at, c.id) < (?::timestamptz, ?::uuid)',
});

export async function associationClaims(
  ctx: Context,
  associationId: string,
  status: ClaimStatus | null | undefined,
  args: PageArgs,
): Promise<Connection<ClaimRow>> {
  const page = openPage(args, listScope('Association.claims', 'NEWEST', { associationId, status }), ['timestamp', 'uuid']);
  const found = await claimsOfAssociations.page(ctx, { parentId: associationId, status: status ?? null, page });
  for (const claim of found) claimById(ctx).prime(claim.id, claim);
  return toConnection(
    found,
    page,
    (c) => [c.claimedAt.toISOString(), c.id],
    () => claimsOfAssociations.count(ctx, associationId, status ?? null),
  );
}
