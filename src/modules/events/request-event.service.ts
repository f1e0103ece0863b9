/**
 * Reading the event log: Query.requestEvents and requestEventsHead, and the one
 * filter predicate shared with the subscription, so that HTTP catch-up, replay
 * and live delivery agree exactly (events.md, "Filtering").
 */
import type { Context } from '../../server/context.js';
import { trimText } from '../../shared/input.js';
import { badInput } from '../../server/errors.js';
import { array, one, rows } from '../../db/sql.js';
import { decodeGlobalId, type NodeType } from '../../shared/global-id.js';
import { MAX_FIRST, type Connection } from '../../shared/pagination.js';
import type { AidCategory, RequestKind } from '../../shared/enums.js';
import { EVENT_COLUMNS, type RequestEventRow } from './request-event.rows.js';

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

export interface EventFilterFields {
  kinds?: RequestKind[] | null;
  categories?: AidCategory[] | null;
  townships?: string[] | null;
  requesterIds?: string[] | null;
  requestIds?: string[] | null;
  involvingAssociationId?: string | null;
}

/** A checked filter: ids decoded (ids of another type match nothing). */
export interface EventFilter {
  kinds: string[] | null;
  categories: string[] | null;
  townships: string[] | null;
  requesterIds: string[] | null;
  requestIds: string[] | null;
  involving: string | null | undefined;
}

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
  };
}

/** The filter as one SQL predicate over request_event e. */
export function eventFilterSql(filter: EventFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: string[] | null, cast = '') => {
    if (values === null) return;
    where.push(`${column} = ANY(json_text_array(?::jsonb)${cast})`);
    params.push(array(values));
  };
  anyOf('e.kind', filter.kinds);
  anyOf('e.category', filter.categories);
  anyOf('e.township', filter.townships);
  anyOf('e.requester_id', filter.requesterIds, '::uuid[]');
  anyOf('e.request_id', filter.requestIds, '::uuid[]');
  if (filter.involving === null) where.push('false');
  else if (filter.involving !== undefined) {
    where.push(`e.involved @> ARRAY[?::uuid]`);
    params.push(filter.involving);
  }
  return { sql: where.length ? where.join(' AND ') : 'true', params };
}

/** The same filter in memory, for live delivery of rows already read. */
export function eventMatches(filter: EventFilter, event: RequestEventRow): boolean {
  const inList = (values: string[] | null, value: string | null) => values === null || (value !== null && values.includes(value));
  return (
    inList(filter.kinds, event.kind) &&
    inList(filter.categories, event.category) &&
    inList(filter.townships, event.township) &&
    inList(filter.requesterIds, event.requesterId) &&
    inList(filter.requestIds, event.requestId) &&
    (filter.involving === undefined || (filter.involving !== null && event.involved.includes(filter.involving)))
  );
}

export async function readEvents(
  ctx: Pick<Context, 'em'>,
  filter: EventFilter,
  afterPosition: string | null,
  limit: number,
): Promise<RequestEventRow[]> {
  const predicate = eventFilterSql(filter);
  return rows<RequestEventRow>(
    ctx.em,
    `SELECT ${EVENT_COLUMNS} FROM request_event e
      WHERE ${predicate.sql} AND e.position > ?::bigint
      ORDER BY e.position LIMIT ?`,
    [...predicate.params, afterPosition ?? '0', limit],
  );
}

/** Query.requestEvents: oldest first; without `after`, from the beginning. */
export async function listEvents(
  ctx: Context,
  filter: EventFilterFields | null | undefined,
  after: string | null | undefined,
  first: number | null | undefined,
): Promise<Connection<RequestEventRow>> {
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIRST) throw badInput('first', `first must be between 1 and ${MAX_FIRST}`);
  const afterPosition = after == null ? null : decodeEventCursor(after, 'after');
  const found = await readEvents(ctx, checkEventFilter(filter), afterPosition, limit + 1);
  // Only an empty page can hide a cursor from elsewhere; a page with events proves it is behind the head.
  if (found.length === 0 && afterPosition !== null && afterPosition !== '0') await refuseCursorAhead(ctx, afterPosition, 'after');
  const edges = found.slice(0, limit).map((event) => ({ cursor: encodeEventCursor(event.position), node: event }));
  return { edges, pageInfo: { hasNextPage: found.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}

export async function headPosition(ctx: Pick<Context, 'em'>): Promise<string | null> {
  return (await one<{ position: string | null }>(ctx.em, `SELECT max(position)::text AS position FROM request_event`)).position;
}

/**
 * Every cursor this log hands out names a committed event, so one ahead of the
 * newest comes from another database or from before a backup was restored over
 * newer data. Following it would silently skip events: refuse it instead.
 */
export async function refuseCursorAhead(ctx: Pick<Context, 'em'>, position: string, field: string): Promise<void> {
  const head = await headPosition(ctx);
  if (head === null || BigInt(position) > BigInt(head)) {
    throw badInput(
      field,
      `${field} is ahead of the newest event in the log (a cursor from another database, or from before a restore): resubscribe from requestEventsHead`,
    );
  }
}
