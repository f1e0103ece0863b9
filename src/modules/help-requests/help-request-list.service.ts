/**
 * Lists of requests (api.md "Lists"): helpRequests with its filters and three
 * orders, and Association.helpRequests paged per parent in one statement.
 */
import type { Context } from '../../server/context.js';
import { array, one, rows } from '../../db/sql.js';
import { parentPageLoaders } from '../../shared/parent-page.js';
import { HelpRequestOrder, type AidCategory, type RequestKind, type RequestStatus } from '../../shared/enums.js';
import { decodeGlobalId, keyOf } from '../../shared/global-id.js';
import { LIMITS, foldText, optionalText, trimText } from '../../shared/input.js';
import { listScope, openPage, toConnection, type Connection, type KeyPart, type KeyShape, type PageArgs } from '../../shared/pagination.js';
import { REQUEST_COLUMNS, type HelpRequestRow } from './help-request.rows.js';
import { requestById } from './help-request.loaders.js';

const URGENCY_RANK: Record<string, number> = { CRITICAL: 3, HIGH: 2, NORMAL: 1, LOW: 0 };

/** Each order: its SQL, the sort key of a row, the keyset condition after a cursor. */
const ORDERS: Record<HelpRequestOrder, { orderBy: string; shape: KeyShape[]; key: (r: HelpRequestRow) => KeyPart[]; after: string }> = {
  [HelpRequestOrder.NEWEST]: {
    orderBy: 'h.posted_at DESC, h.id DESC',
    shape: ['timestamp', 'uuid'],
    key: (r) => [r.postedAt.toISOString(), r.id],
    after: '(h.posted_at, h.id) < (?::timestamptz, ?::uuid)',
  },
  [HelpRequestOrder.URGENCY]: {
    orderBy: 'h.urgency_rank DESC, h.posted_at DESC, h.id DESC',
    shape: ['rank', 'timestamp', 'uuid'],
    key: (r) => [URGENCY_RANK[r.urgency], r.postedAt.toISOString(), r.id],
    after: '(h.urgency_rank, h.posted_at, h.id) < (?::smallint, ?::timestamptz, ?::uuid)',
  },
  [HelpRequestOrder.STARTS_SOON]: {
    // Nulls last: a request without a start sorts as if it started at infinity.
    orderBy: `coalesce(h.starts_at, 'infinity'), h.id`,
    shape: ['timestamp-or-infinity', 'uuid'],
    key: (r) => [r.startsAt ? r.startsAt.toISOString() : 'infinity', r.id],
    after: `(coalesce(h.starts_at, 'infinity'), h.id) > (?::timestamptz, ?::uuid)`,
  },
};

export interface RequestFilterFields {
  statuses?: RequestStatus[] | null;
  kinds?: RequestKind[] | null;
  categories?: AidCategory[] | null;
  townships?: string[] | null;
  requesterId?: string | null;
  text?: string | null;
}

function filterSql(filter: RequestFilterFields): { sql: string; params: unknown[]; canonical: unknown } {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: string[] | null | undefined) => {
    if (values == null) return;
    where.push(`${column} = ANY(json_text_array(?::jsonb))`);
    params.push(array(values));
  };
  anyOf('h.status', filter.statuses);
  anyOf('h.kind', filter.kinds);
  anyOf('h.category', filter.categories);
  anyOf('h.township', filter.townships?.map(trimText));
  let requester: string | null | undefined;
  if (filter.requesterId != null) {
    requester = keyOf(filter.requesterId, 'Association', 'filter.requesterId');
    where.push(requester ? 'h.requester_id = ?' : 'false');
    if (requester) params.push(requester);
  }
  const text = optionalText(filter.text, 'filter.text', LIMITS.short);
  if (text) {
    where.push(`strpos(h.search_text, ?) > 0`);
    params.push(foldText(text));
  }
  return { sql: where.length ? where.join(' AND ') : 'true', params, canonical: { ...filter, requesterId: requester, text } };
}

export async function listHelpRequests(
  ctx: Context,
  filter: RequestFilterFields | null | undefined,
  orderBy: HelpRequestOrder | null | undefined,
  args: PageArgs,
): Promise<Connection<HelpRequestRow>> {
  const order = ORDERS[orderBy ?? HelpRequestOrder.NEWEST];
  const where = filterSql(filter ?? {});
  const page = openPage(args, listScope('helpRequests', orderBy ?? HelpRequestOrder.NEWEST, where.canonical), order.shape);
  const found = await rows<HelpRequestRow>(
    ctx.em,
    `SELECT ${REQUEST_COLUMNS} FROM help_request h WHERE ${where.sql} ${page.after ? `AND ${order.after}` : ''}
      ORDER BY ${order.orderBy} LIMIT ?`,
    [...where.params, ...(page.after ?? []), page.limit + 1],
  );
  for (const request of found) requestById(ctx).prime(request.id, request);
  return toConnection(
    found,
    page,
    order.key,
    async () => (await one<{ n: number }>(ctx.em, `SELECT count(*)::int AS n FROM help_request h WHERE ${where.sql}`, where.params)).n,
  );
}

/** Association.helpRequests for many associations at once (one statement per level). */
const requestsOfAssociations = parentPageLoaders<HelpRequestRow>({
  name: 'requestsOfAssociations',
  from: 'help_request h',
  columns: REQUEST_COLUMNS,
  parentColumn: 'h.requester_id',
  parentOf: (r) => r.requesterId,
  statusColumn: 'h.status',
  orderBy: ORDERS.NEWEST.orderBy,
  after: ORDERS.NEWEST.after,
});

export async function associationHelpRequests(
  ctx: Context,
  associationId: string,
  status: RequestStatus | null | undefined,
  args: PageArgs,
): Promise<Connection<HelpRequestRow>> {
  const page = openPage(args, listScope('Association.helpRequests', 'NEWEST', { associationId, status }), ORDERS.NEWEST.shape);
  const found = await requestsOfAssociations.page(ctx, { parentId: associationId, status: status ?? null, page });
  for (const request of found) requestById(ctx).prime(request.id, request);
  return toConnection(found, page, ORDERS.NEWEST.key, () => requestsOfAssociations.count(ctx, associationId, status ?? null));
}

export async function findHelpRequest(ctx: Context, id: string): Promise<HelpRequestRow | null> {
  const decoded = decodeGlobalId(id, 'id');
  return decoded.type === 'HelpRequest' ? requestById(ctx).load(decoded.key) : null;
}
