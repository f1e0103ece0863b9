/**
 * The one way to change a request: in a transaction that first locks the
 * request row, so every state change of one request is serialised and its
 * status always agrees with its slots; events are appended last (events.md).
 */
import { LockMode } from '@mikro-orm/core';
import type { Em } from '../../db/query.js';
import type { Clock } from '../../shared/clock.js';
import { RequestStatus, VERSIONLESS_EVENT_TYPES } from '../../shared/enums.js';
import { DomainError } from '../../shared/errors.js';
import { appendEvents, type NewEvent } from '../event-log/event-log.service.js';
import { query, type RowOf } from '../tables.js';
import { HelpRequest } from './help-request.entity.js';

export interface RequestTransaction {
  /** The transaction's EntityManager: `query(em)` runs inside it. */
  em: Em;
  /** The locked request; change its fields, they are flushed before the events (its version counts them). */
  request: HelpRequest;
  /** Records an event; they are appended, in order, as the transaction's last step. */
  emit: (event: NewEvent) => void;
}

/** `clock` dates the events, like every time the services write (the demo history posts "last March"). */
export async function inRequestTransaction<T>(
  em: Em,
  requestId: string,
  clock: Clock,
  work: (tx: RequestTransaction) => Promise<T>,
): Promise<T> {
  return inTransaction(em, (tem) => withRequestLocked(tem, requestId, clock, work));
}

/** A transaction of its own, on a fork of `em`: one pool connection from BEGIN to COMMIT. */
export async function inTransaction<T>(em: Em, work: (tem: Em) => Promise<T>): Promise<T> {
  return em.fork().transactional(work);
}

/**
 * inRequestTransaction's steps inside a transaction the caller opened
 * (inTransaction), for an operation that first reads, on the same connection,
 * what decides whether it may go ahead: one pool connection for its checks and
 * its change, and a refused caller never takes the request's lock.
 */
export async function withRequestLocked<T>(
  tem: Em,
  requestId: string,
  clock: Clock,
  work: (tx: RequestTransaction) => Promise<T>,
): Promise<T> {
  const request = await tem.findOneOrFail(HelpRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const events: NewEvent[] = [];
  const result = await work({ em: tem, request, emit: (event) => events.push(event) });
  request.version = versionAfter(request.version, events);
  await tem.flush();
  await appendEvents(tem, requestId, events, clock);
  return result;
}

/** A request's version after `events`: one more per event (never POSTED here), except those about people (assignments, attendance). */
export function versionAfter(version: number, events: readonly NewEvent[]): number {
  return version + events.filter((event) => !VERSIONLESS_EVENT_TYPES.has(event.type)).length;
}

/** What a change written by its own statement needs of the locked request (withRequestRowLocked). */
export type LockedRequestRow = Pick<
  RowOf<'help_request'>,
  'id' | 'status' | 'capacity' | 'claimed' | 'activeClaims' | 'filledAt' | 'version'
>;

export interface RequestRowTransaction {
  /** The transaction's EntityManager: `query(em)` runs inside it. */
  em: Em;
  /** The request as locked, read-only: the work writes the request's changes itself. */
  request: Readonly<LockedRequestRow>;
  /** Records an event; they are appended, in order, as the transaction's last step. */
  emit: (event: NewEvent) => void;
}

/**
 * withRequestLocked's protocol (the request's row locked first, the events
 * appended last, the version counting them) for a change that writes the
 * request's row in a statement of its own instead of through the unit of work:
 * the claim, whose insert, slot increment and request totals are one statement
 * (claim.service.ts). That statement must set `version` to
 * versionAfter(request.version, the events the work emits). Typed statements
 * only: no entity is loaded, compared or flushed.
 */
export async function withRequestRowLocked<T>(
  tem: Em,
  requestId: string,
  clock: Clock,
  work: (tx: RequestRowTransaction) => Promise<T>,
): Promise<T> {
  const request = await query(tem)
    .selectFrom('help_request')
    .select(['id', 'status', 'capacity', 'claimed', 'activeClaims', 'filledAt', 'version'])
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const events: NewEvent[] = [];
  const result = await work({ em: tem, request, emit: (event) => events.push(event) });
  await appendEvents(tem, requestId, events, clock);
  return result;
}

export const isClosed = (status: RequestStatus) =>
  status === RequestStatus.COMPLETED || status === RequestStatus.CANCELLED || status === RequestStatus.EXPIRED;

export function requireOpenOrFilled(request: HelpRequest): void {
  if (isClosed(request.status)) throw new DomainError('REQUEST_NOT_OPEN', `The request is ${request.status}`);
}
