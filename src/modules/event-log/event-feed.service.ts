/**
 * Reading the event log: the HTTP pages (Query.requestEvents, requestEventsHead),
 * the subscription's replay and the hub's live reads, and the one filter they
 * all apply, in SQL and in memory, so that HTTP catch-up, replay and live
 * delivery agree exactly (events.md, "Filtering").
 */
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import { badInput } from '../../shared/errors.js';
import { decodeGlobalId, type NodeType } from '../../shared/global-id.js';
import { trimText } from '../../shared/input.js';
import { MAX_FIRST, type Connection } from '../../shared/pagination.js';
import { ORIGINAL_EVENT_TYPES, type AidCategory, type RequestEventType, type RequestKind } from '../../shared/enums.js';
import { allOf, anyOf, requestAttributeConditions, type RequestAttributeFilter } from '../request-filter.js';
import { query, type RowOf, type Tables } from '../tables.js';

/** One entry of the log as every reader gets it (position: bigint as text). */
export type RequestEventRow = RowOf<'request_event'>;

/**
 * Event cursors name a position in the one global log: they are not bound to a
 * filter, so a cursor read from requestEventsHead or from any list resumes any
 * feed.
 */
export function encodeEventCursor(position: string): string {
  return Buffer.from(`ev:${position}`, 'utf8').toString('base64url');
}

export function decodeEventCursor(cursor: string, field: string): string {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^ev:(\d{1,18})$/.exec(text);
  if (!match) throw badInput(field, `${field} is not a valid event cursor`);
  return match[1];
}

/** The filter as a caller gives it (the RequestEventFilter input). */
export interface EventFilterFields {
  kinds?: RequestKind[] | null;
  categories?: AidCategory[] | null;
  townships?: string[] | null;
  requesterIds?: string[] | null;
  requestIds?: string[] | null;
  involvingAssociationId?: string | null;
  /** Absent (or null): the original ten types only (ORIGINAL_EVENT_TYPES), so older clients see nothing new. */
  types?: RequestEventType[] | null;
}

/** A checked filter: ids decoded (ids of another type match nothing). */
export interface EventFilter extends RequestAttributeFilter {
  requestIds: readonly string[] | null;
  /** undefined: not filtered; null: an id of another type, matches nothing. */
  involving: string | null | undefined;
  /** null: every type (the hub's own reads); a caller's filter always names its types. */
  types: readonly RequestEventType[] | null;
}

/** Every event. */
export const ALL_EVENTS: EventFilter = {
  kinds: null,
  categories: null,
  townships: null,
  requesterIds: null,
  requestIds: null,
  involving: undefined,
  types: null,
};

function keysOf(ids: string[] | null | undefined, type: NodeType, field: string): string[] | null {
  if (ids == null) return null;
  return ids.flatMap((id, i) => {
    const decoded = decodeGlobalId(id, `${field}.${i}`);
    return decoded.type === type ? [decoded.key] : [];
  });
}

export function checkEventFilter(filter: EventFilterFields | null | undefined, prefix = 'filter'): EventFilter {
  const f = filter ?? {};
  let involving: string | null | undefined = undefined;
  if (f.involvingAssociationId != null) {
    const decoded = decodeGlobalId(f.involvingAssociationId, `${prefix}.involvingAssociationId`);
    involving = decoded.type === 'Association' ? decoded.key : null; // null: matches nothing
  }
  return {
    kinds: f.kinds ?? null,
    categories: f.categories ?? null,
    townships: f.townships?.map(trimText) ?? null,
    requesterIds: keysOf(f.requesterIds, 'Association', `${prefix}.requesterIds`),
    requestIds: keysOf(f.requestIds, 'HelpRequest', `${prefix}.requestIds`),
    involving,
    types: f.types ?? ORIGINAL_EVENT_TYPES,
  };
}

/** The filter as one SQL predicate over request_event. */
function eventPredicate(eb: ExpressionBuilder<Tables, 'request_event'>, filter: EventFilter) {
  const { involving } = filter;
  return allOf(eb, [
    ...requestAttributeConditions(eb, { kind: 'kind', category: 'category', township: 'township', requesterId: 'requesterId' }, filter),
    anyOf(eb, 'requestId', filter.requestIds),
    anyOf(eb, 'type', filter.types),
    involving === undefined ? null : involving === null ? eb.lit(false) : eb('involved', '@>', eb.val([involving])),
  ]);
}

/** The same filter in memory, for live delivery of rows already read. */
export function eventMatches(filter: EventFilter, event: RequestEventRow): boolean {
  const inList = (values: readonly string[] | null, value: string | null) => values === null || (value !== null && values.includes(value));
  return (
    inList(filter.kinds, event.kind) &&
    inList(filter.categories, event.category) &&
    inList(filter.townships, event.township) &&
    inList(filter.requesterIds, event.requesterId) &&
    inList(filter.requestIds, event.requestId) &&
    inList(filter.types, event.type) &&
    (filter.involving === undefined || (filter.involving !== null && event.involved.includes(filter.involving)))
  );
}

/** Events matching `filter` after `afterPosition` (null: from the beginning), oldest first. */
export async function readEvents(db: Db, filter: EventFilter, afterPosition: string | null, limit: number): Promise<RequestEventRow[]> {
  return query(db.em)
    .selectFrom('request_event')
    .selectAll()
    .where((eb) => eventPredicate(eb, filter))
    .where('position', '>', afterPosition ?? '0')
    .orderBy('position')
    .limit(limit)
    .execute();
}

/** Query.requestEvents: oldest first; without `after`, from the beginning. */
/**
 * Query.requestEvents. The log is public (its rows carry no restricted field;
 * what a resolved event shows is decided per field, per caller): the actor
 * narrows nothing here.
 */
export async function listEvents(
  db: Db,
  _actor: Actor,
  input: { filter?: EventFilterFields | null; after?: string | null; first?: number | null },
): Promise<Connection<RequestEventRow>> {
  const { filter, after, first } = input;
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIRST) throw badInput('first', `first must be between 1 and ${MAX_FIRST}`);
  const afterPosition = after == null ? null : decodeEventCursor(after, 'after');
  const found = await readEvents(db, checkEventFilter(filter), afterPosition, limit + 1);
  // Only an empty page can hide a cursor from elsewhere; a page with events proves it is behind the head.
  if (found.length === 0 && afterPosition !== null && afterPosition !== '0') await refuseCursorAhead(db, afterPosition, 'after');
  const edges = found.slice(0, limit).map((event) => ({ cursor: encodeEventCursor(event.position), node: event }));
  return { edges, pageInfo: { hasNextPage: found.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The position of the newest committed event; null when the log is empty. */
export async function headPosition(db: Db): Promise<string | null> {
  const head = await query(db.em)
    .selectFrom('request_event')
    .select((eb) => eb.fn.max<string | null>('position').as('position'))
    .executeTakeFirstOrThrow();
  return head.position;
}

/**
 * Every cursor this log hands out names a committed event, so one ahead of the
 * newest comes from another database or from before a backup was restored over
 * newer data. Following it would silently skip events: refuse it instead.
 */
export async function refuseCursorAhead(db: Db, position: string, field: string): Promise<void> {
  const head = await headPosition(db);
  if (head === null || BigInt(position) > BigInt(head)) {
    throw badInput(
      field,
      `${field} is ahead of the newest event in the log (a cursor from another database, or from before a restore): resubscribe from requestEventsHead`,
    );
  }
}
