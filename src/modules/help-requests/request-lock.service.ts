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
  return em.fork().transactional(async (tem) => {
    const request = await tem.findOneOrFail(HelpRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const events: NewEvent[] = [];
    const result = await work({ em: tem, request, emit: (event) => events.push(event) });
    // One per event (never POSTED here), except those about people (assignments, attendance).
    request.version += events.filter((event) => !VERSIONLESS_EVENT_TYPES.has(event.type)).length;
    await tem.flush();
    await appendEvents(tem, requestId, events, clock);
    return result;
  });
}

export const isClosed = (status: RequestStatus) =>
  status === RequestStatus.COMPLETED || status === RequestStatus.CANCELLED || status === RequestStatus.EXPIRED;

export function requireOpenOrFilled(request: HelpRequest): void {
  if (isClosed(request.status)) throw new DomainError('REQUEST_NOT_OPEN', `The request is ${request.status}`);
}
