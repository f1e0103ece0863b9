/**
 * Reads of requests (api.md "Lists"): helpRequests with its filters and three
 * orders, helpRequest(id), and Association.helpRequests paged per parent in one
 * statement. Each takes what the caller wants (a Projection) and applies the
 * caller's visibility in the statement itself: `contact` is read only when
 * wanted, and comes back null unless the caller may see it (the rule of
 * help-request.policy.ts, as SQL), so resolvers need no further statement.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { infinity } from '../../db/raw.js';
import { defineLoader, type Db } from '../../db/handle.js';
import { parentPageLoaders } from '../../db/parent-page.js';
import type { Actor } from '../../shared/actor.js';
import { HelpRequestOrder, RequestStatus, type AidCategory, type RequestKind } from '../../shared/enums.js';
import { decodeGlobalId, keyOf } from '../../shared/global-id.js';
import { LIMITS, foldText, optionalText, trimText } from '../../shared/input.js';
import {
  keyNumber,
  keyText,
  listScope,
  openPage,
  toConnection,
  type Connection,
  type KeyPart,
  type KeyShape,
  type Page,
  type PageArgs,
} from '../../shared/pagination.js';
import { allOf, anyOf, requestAttributeConditions } from '../request-filter.js';
import { query, type Tables } from '../tables.js';
import { ClaimHandOffStatus, ClaimStatus } from '../../shared/enums.js';
import { columnsFor, nodesOf, relationOf, wants, type Projection } from '../../shared/projection.js';
import { memberOfAny, visibilityOf, type Visibility } from '../associations/standing.service.js';
import { committedClaimants } from './help-request.loaders.js';
import { REMAINING_READS, requestRelations, type RequestRelations } from './help-request.json.js';
import { trustedRow } from '../../db/relations.js';
import { maySeeContact } from './help-request.policy.js';
import { CONTACT_DECIDED, PUBLIC_REQUEST_FIELDS, type HelpRequestRow } from './help-request.rows.js';

type RequestExpressions = ExpressionBuilder<Tables, 'help_request'>;

/** What decides a row's `contact`: not wanted (never read), or wanted by a caller with this visibility. */
type ContactRead = { wanted: false } | { wanted: true; visibility: Visibility };

async function contactRead(db: Db, actor: Actor, wanted: Projection): Promise<ContactRead> {
  return wants(wanted, 'contact') ? { wanted: true, visibility: await visibilityOf(db, actor) } : { wanted: false };
}

/**
 * `contact` as this caller may see it (help-request.policy.ts, maySeeContact):
 * administrators; the requester's members and keys; those of associations with
 * an ACTIVE or FULFILLED claim on the request, or with a claim on it OFFERED to
 * them (a hand-off). Null for everyone else.
 */
function contactColumn(eb: RequestExpressions, read: ContactRead) {
  if (!read.wanted) return eb.val<string | null>(null).as('contact');
  const { privileged, associations } = read.visibility;
  if (privileged) return eb.ref('help_request.contact').as('contact');
  if (associations.length === 0) return eb.val<string | null>(null).as('contact');
  const mine = eb.fn.any(eb.val([...associations]));
  // Each test is a scalar subquery with LIMIT 1, not EXISTS: PostgreSQL may run an EXISTS as one
  // hashed scan of every claim of the caller's associations (tens of thousands of rows) before
  // the page's LIMIT; a scalar subquery is looked up per row of the page, through claim_request_idx.
  const visible = eb.or([
    eb('help_request.requesterId', '=', mine),
    eb(
      eb
        .selectFrom('claim')
        .select((eb) => eb.lit(true).as('found'))
        .whereRef('claim.requestId', '=', 'help_request.id')
        .where('claim.status', 'in', [ClaimStatus.ACTIVE, ClaimStatus.FULFILLED])
        .where('claim.associationId', '=', mine)
        .limit(1)
        .$asScalar(),
      'is',
      true,
    ),
    eb(
      eb
        .selectFrom('claim_handoff')
        .select((eb) => eb.lit(true).as('found'))
        .whereRef('claim_handoff.requestId', '=', 'help_request.id')
        .where('claim_handoff.status', '=', ClaimHandOffStatus.OFFERED)
        .where('claim_handoff.toAssociationId', '=', mine)
        .limit(1)
        .$asScalar(),
      'is',
      true,
    ),
  ]);
  return eb.case().when(visible).then(eb.ref('help_request.contact')).else(null).end().as('contact');
}

/** What every request read selects whatever is asked: the keys of the orders and cursors, and of the requester. */
const REQUEST_KEYS = ['id', 'requesterId', 'postedAt', 'urgency', 'startsAt'] as const;

/**
 * The select list of a request read: what `wanted` asks of each request (its
 * columns, contact decided for this caller, its relations as JSON), or every
 * public column and contact when `wanted` is null (reads whose rows may reach
 * any field).
 */
const requestColumns = (read: ContactRead, wanted: Projection | null, relations: RequestRelations | null) => (eb: RequestExpressions) => [
  ...(wanted === null ? PUBLIC_REQUEST_FIELDS : columnsFor(PUBLIC_REQUEST_FIELDS, REQUEST_KEYS, wanted, REMAINING_READS)),
  contactColumn(eb, read),
  ...(relations?.selections ?? []),
];

/**
 * The caller's rows: relations decoded (help-request.json.ts), and contact
 * marked as decided for it when it asked for contact, so that the contact
 * resolver trusts it.
 */
function forCaller(rows: Record<string, unknown>[], read: ContactRead, relations: RequestRelations | null = null): HelpRequestRow[] {
  return rows.map((row) => {
    const decoded = relations ? relations.decode(row) : trustedRow<HelpRequestRow>(row);
    return read.wanted ? Object.assign(decoded, { [CONTACT_DECIDED]: true as const }) : decoded;
  });
}

const URGENCY_RANK: Record<string, number> = { CRITICAL: 3, HIGH: 2, NORMAL: 1, LOW: 0 };

/** A request without a start sorts as if it started at infinity (STARTS_SOON: nulls last); the index has this expression. */
const startsKey = (eb: RequestExpressions) => eb.fn.coalesce('startsAt', infinity());

/** Each order: the sort key of a row (its cursor), and the keyset condition for the rows after a cursor's key. */
interface Order {
  shape: KeyShape[];
  key: (row: HelpRequestRow) => KeyPart[];
  after: (eb: RequestExpressions, key: KeyPart[]) => Expression<SqlBool>;
}

const ORDERS: Record<HelpRequestOrder, Order> = {
  [HelpRequestOrder.NEWEST]: {
    shape: ['timestamp', 'uuid'],
    key: (r) => [r.postedAt.toISOString(), r.id],
    after: (eb, [postedAt, id]) => eb(eb.refTuple('postedAt', 'id'), '<', eb.tuple(new Date(keyText(postedAt)), keyText(id))),
  },
  [HelpRequestOrder.URGENCY]: {
    shape: ['rank', 'timestamp', 'uuid'],
    key: (r) => [URGENCY_RANK[r.urgency], r.postedAt.toISOString(), r.id],
    after: (eb, [rank, postedAt, id]) =>
      eb(eb.refTuple('urgencyRank', 'postedAt', 'id'), '<', eb.tuple(keyNumber(rank), new Date(keyText(postedAt)), keyText(id))),
  },
  [HelpRequestOrder.STARTS_SOON]: {
    shape: ['timestamp-or-infinity', 'uuid'],
    key: (r) => [r.startsAt ? r.startsAt.toISOString() : 'infinity', r.id],
    after: (eb, [startsAt, id]) =>
      eb(eb.refTuple(startsKey(eb), 'id'), '>', eb.tuple(eb.cast<Date>(eb.val(keyText(startsAt)), 'timestamptz'), keyText(id))),
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

export interface ListHelpRequestsInput extends PageArgs {
  filter?: RequestFilterFields | null;
  orderBy?: HelpRequestOrder | null;
}

/** The filter checked and decoded (paths under `filter.`), and its canonical form for the cursor scope. */
function checkFilter(filter: RequestFilterFields) {
  const requester = filter.requesterId == null ? undefined : keyOf(filter.requesterId, 'Association', 'filter.requesterId');
  const text = optionalText(filter.text, 'filter.text', LIMITS.short);
  const checked = {
    statuses: filter.statuses ?? null,
    kinds: filter.kinds ?? null,
    categories: filter.categories ?? null,
    townships: filter.townships?.map(trimText) ?? null,
    // An id of another type names no association: nothing matches.
    requesterIds: requester === undefined ? null : requester === null ? [] : [requester],
    folded: text ? foldText(text) : null,
  };
  return { checked, canonical: { ...filter, requesterId: requester, text } };
}

function filterCondition(eb: RequestExpressions, filter: ReturnType<typeof checkFilter>['checked']): Expression<SqlBool> {
  return allOf(eb, [
    anyOf(eb, 'status', filter.statuses),
    ...requestAttributeConditions(eb, { kind: 'kind', category: 'category', township: 'township', requesterId: 'requesterId' }, filter),
    filter.folded === null ? null : eb(eb.fn<number>('strpos', ['searchText', eb.val(filter.folded)]), '>', 0),
  ]);
}

/**
 * `selection`: what the caller wants of the connection: of each request (its
 * nodes), and whether it asks for pageInfo.hasNextPage (only then is one row
 * more read).
 */
export async function listHelpRequests(
  db: Db,
  actor: Actor,
  input: ListHelpRequestsInput,
  selection: Projection,
): Promise<Connection<HelpRequestRow>> {
  const wanted = nodesOf(selection);
  const readAhead = wants(relationOf(selection, 'pageInfo'), 'hasNextPage') ? 1 : 0;
  const orderBy = input.orderBy ?? HelpRequestOrder.NEWEST;
  const order = ORDERS[orderBy];
  const { checked, canonical } = checkFilter(input.filter ?? {});
  const page = openPage(input, listScope('helpRequests', orderBy, canonical), order.shape);
  const after = page.after;
  const read = await contactRead(db, actor, wanted);
  const relations = requestRelations(query(db.em), wanted);
  let pageQuery = query(db.em)
    .selectFrom('help_request')
    .select(requestColumns(read, wanted, relations))
    .where((eb) => allOf(eb, [filterCondition(eb, checked), after ? order.after(eb, after) : null]));
  if (orderBy === HelpRequestOrder.NEWEST) pageQuery = pageQuery.orderBy('postedAt', 'desc').orderBy('id', 'desc');
  else if (orderBy === HelpRequestOrder.URGENCY)
    pageQuery = pageQuery.orderBy('urgencyRank', 'desc').orderBy('postedAt', 'desc').orderBy('id', 'desc');
  else pageQuery = pageQuery.orderBy(startsKey).orderBy('id');
  // The page size as a literal (a checked integer, 1-101): PostgreSQL can then keep one generic plan
  // of the prepared statement (db/prepared-statements.ts); a parameter LIMIT makes it plan every time.
  const found = forCaller(await pageQuery.limit((eb) => eb.lit(page.limit + readAhead)).execute(), read, relations);
  return toConnection(found, page, order.key, async () => {
    const { n } = await query(db.em)
      .selectFrom('help_request')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
      .where((eb) => filterCondition(eb, checked))
      .executeTakeFirstOrThrow();
    return n;
  });
}

/** Association.helpRequests for many associations at once: one statement for the pages, one for the counts. */
const requestsOfAssociations = parentPageLoaders<HelpRequestRow, RequestStatus, ContactRead>({
  statuses: Object.values(RequestStatus),
  parentOf: (r) => r.requesterId,
  pages: async (db: Db, parentIds: string[], status: RequestStatus | null, page: Page, read: ContactRead) => {
    const after = page.after;
    const ranked = query(db.em)
      .selectFrom('help_request')
      .select(requestColumns(read, null, null))
      .select((eb) =>
        eb
          .cast<number>(
            eb.fn.agg('row_number').over((ob) => ob.partitionBy('requesterId').orderBy('postedAt', 'desc').orderBy('id', 'desc')),
            'integer',
          )
          .as('rank'),
      )
      .where((eb) =>
        allOf(eb, [
          eb('requesterId', '=', eb.fn.any(eb.val(parentIds))),
          status === null ? null : eb('status', '=', status),
          after ? ORDERS.NEWEST.after(eb, after) : null,
        ]),
      )
      .as('ranked');
    return forCaller(
      await query(db.em)
        .selectFrom(ranked)
        .select([...PUBLIC_REQUEST_FIELDS, 'contact'])
        .where('rank', '<=', page.limit + 1)
        .orderBy('rank')
        .execute(),
      read,
    );
  },
  counts: (db: Db, parentIds: string[], status: RequestStatus | null) =>
    query(db.em)
      .selectFrom('help_request')
      .select((eb) => ['requesterId as parentId', eb.cast<number>(eb.fn.countAll(), 'integer').as('count')])
      .where((eb) => allOf(eb, [eb('requesterId', '=', eb.fn.any(eb.val(parentIds))), status === null ? null : eb('status', '=', status)]))
      .groupBy('requesterId')
      .execute(),
});

export interface AssociationHelpRequestsInput extends PageArgs {
  associationId: string;
  status?: RequestStatus | null;
}

export async function associationHelpRequests(
  db: Db,
  actor: Actor,
  input: AssociationHelpRequestsInput,
  wanted: Projection,
): Promise<Connection<HelpRequestRow>> {
  const { associationId } = input;
  const status = input.status ?? null;
  const page = openPage(
    input,
    listScope('Association.helpRequests', 'NEWEST', { associationId, status: input.status }),
    ORDERS.NEWEST.shape,
  );
  const found = await requestsOfAssociations.page(db, {
    parentId: associationId,
    status,
    page,
    variant: await contactRead(db, actor, wanted),
  });
  return toConnection(found, page, ORDERS.NEWEST.key, () => requestsOfAssociations.count(db, associationId, status));
}

/** Requests by id as one caller may see them: one statement per distinct contact read among the keys of a tick. */
const requestsForCaller = defineLoader<{ id: string; read: ContactRead }, HelpRequestRow | null>(async (db, keys) => {
  const byRead = new Map<string, { read: ContactRead; ids: string[] }>();
  for (const { id, read } of keys) {
    const variant = JSON.stringify(read);
    const group = byRead.get(variant) ?? { read, ids: [] };
    group.ids.push(id);
    byRead.set(variant, group);
  }
  const found = new Map<string, HelpRequestRow>();
  for (const [variant, { read, ids }] of byRead) {
    const rows = await query(db.em)
      .selectFrom('help_request')
      .select(requestColumns(read, null, null))
      .where((eb) => eb('id', '=', eb.fn.any(eb.val(ids))))
      .execute();
    for (const row of forCaller(rows, read)) found.set(`${row.id}|${variant}`, row);
  }
  return keys.map(({ id, read }) => found.get(`${id}|${JSON.stringify(read)}`) ?? null);
});

/** Query.helpRequest: an undecodable id is BAD_USER_INPUT (path `id`), an id of another type names nothing. */
export async function findHelpRequest(db: Db, actor: Actor, input: { id: string }, wanted: Projection): Promise<HelpRequestRow | null> {
  const decoded = decodeGlobalId(input.id, 'id');
  if (decoded.type !== 'HelpRequest') return null;
  return requestsForCaller(db).load({ id: decoded.key, read: await contactRead(db, actor, wanted) });
}

/**
 * HelpRequest.contact as `actor` may see it. Rows from the reads above come with
 * it decided (no statement); a request reached another way (a claim's request,
 * an event's request, a mutation's payload) asks the policy, with the request's
 * committed claimants and the caller's memberships among them and the requester,
 * from their loaders.
 */
export async function requestContact(db: Db, actor: Actor, input: { request: HelpRequestRow }): Promise<string | null> {
  const { request } = input;
  if (request[CONTACT_DECIDED]) return request.contact;
  if (request.contact === null || actor.kind === 'anonymous') return null;
  // Only the memberships that decide it: the requester's and the committed claimants', never all of the caller's.
  const claimants = await committedClaimants(db).load(request.id);
  const mine = await memberOfAny(db, actor, [request.requesterId, ...claimants]);
  return maySeeContact(actor, mine, request.requesterId, claimants) ? request.contact : null;
}
