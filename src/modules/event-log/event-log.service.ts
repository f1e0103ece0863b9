/**
 * Appending to the event log, in commit order (events.md, design 1).
 *
 * Every transaction that changes a request collects its events and appends
 * them as its very last step: take the transaction-scoped advisory lock, take
 * positions from the sequence, insert, notify, commit. The lock is held until
 * commit, so positions are handed out in commit order and a reader that has
 * seen position N can never later find a committed event below N. Because the
 * lock is taken last, a transaction holding it never waits for a row lock, so
 * it cannot deadlock with the request-row locks taken first by others.
 */
import type { Em } from '../../db/query.js';
import { advisoryTransactionLock, arrayOf, nextval, notify, notifyWith, transactionTime } from '../../db/raw.js';
import type { Actor } from '../../shared/actor.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import type { RequestEventType } from '../../shared/enums.js';
import { query, type RowOf } from '../tables.js';

/** Arbitrary but fixed: the one lock that orders every append. */
export const EVENT_LOG_LOCK_KEY = 7_310_885_202;
export const EVENTS_CHANNEL = 'request_events';

/** The next position of the log: events and revocations share one sequence, hence one order. */
const nextPosition = () => nextval('request_event_position');

export interface NewEvent {
  type: RequestEventType;
  claimId?: string | null;
  /** The assignment it is about (VOLUNTEER_ASSIGNED, VOLUNTEER_UNASSIGNED, ATTENDANCE_RECORDED). */
  assignmentId?: string | null;
  /** The hand-off it is about (HANDOFF_OFFERED, HANDOFF_ACCEPTED, HANDOFF_DECLINED, HANDOFF_LAPSED). */
  handOffId?: string | null;
  /** The association whose action caused it; null for the system (EXPIRED). */
  actorId: string | null;
}

/**
 * Appends `events` for one request, in order. Must run inside the transaction
 * that made the change, after the request row was locked and changed (its
 * version already counting these events: one per event after POSTED, except
 * VOLUNTEER_ASSIGNED, VOLUNTEER_UNASSIGNED and ATTENDANCE_RECORDED, which are
 * about people, not the request, and count for nothing), as the transaction's
 * last step. `clock` sets occurredAt (demo history); without it the database's
 * transaction time does.
 *
 * Three statements whatever the number of events, and only the last two under
 * the log's lock, which every append in every process waits for:
 * 1. Before the lock, the filter attributes (replay, live delivery and HTTP
 *    reads all match on them), copied from the request as it is now. The
 *    request row is locked by this transaction, and claims and hand-offs on it
 *    are written only under that lock, so they cannot change before commit.
 * 2. The lock.
 * 3. One INSERT of every event, positions from the sequence in event order,
 *    with the NOTIFY of the last position in the same statement.
 */
export async function appendEvents(em: Em, requestId: string, events: NewEvent[], clock?: Clock): Promise<void> {
  if (events.length === 0) return;
  const request = await query(em)
    .selectFrom('help_request as h')
    .select((eb) => [
      'h.kind',
      'h.category',
      'h.township',
      'h.requesterId',
      // The requester, every association that ever claimed on the request, and every
      // association a claim on it was ever offered to (a hand-off, any status).
      arrayOf<string>(
        query(em)
          .selectNoFrom(eb.ref('h.requesterId').as('id'))
          .union(eb.selectFrom('claim as c').select('c.associationId as id').whereRef('c.requestId', '=', 'h.id'))
          .union(eb.selectFrom('claim_handoff as o').select('o.toAssociationId as id').whereRef('o.requestId', '=', 'h.id')),
      ).as('involved'),
    ])
    .where('h.id', '=', requestId)
    .executeTakeFirstOrThrow();
  const occurredAt = clock?.();
  await advisoryTransactionLock(em, EVENT_LOG_LOCK_KEY);
  await query(em)
    .with('appended', (db) =>
      db
        .insertInto('request_event')
        .values(
          events.map((event) => ({
            position: nextPosition(),
            type: event.type,
            requestId,
            claimId: event.claimId ?? null,
            assignmentId: event.assignmentId ?? null,
            handOffId: event.handOffId ?? null,
            actorId: event.actorId,
            ...request,
            occurredAt: occurredAt ?? transactionTime(),
          })),
        )
        .returning('position'),
    )
    // A wake-up only ("something up to N committed"): the table is the truth.
    .selectFrom('appended')
    .select((eb) => notifyWith(EVENTS_CHANNEL, eb.fn.max('position')).as('notified'))
    .execute();
}

export type RevokedKind = RowOf<'credential_revocation'>['kind'];

export type Revocation = Pick<RowOf<'credential_revocation'>, 'position' | 'kind' | 'subjectId'>;

/**
 * Records that a credential stopped being valid, in the log's commit order (as
 * the last step of the transaction that revoked it, like appendEvents), and
 * wakes every process: each closes the sockets that hold it before it delivers
 * any event committed after this one.
 */
export async function appendRevocation(em: Em, kind: RevokedKind, subjectId: string, clock: Clock = systemClock): Promise<void> {
  await advisoryTransactionLock(em, EVENT_LOG_LOCK_KEY);
  const inserted = await query(em)
    .insertInto('credential_revocation')
    .values({ position: nextPosition(), kind, subjectId, revokedAt: clock() })
    .returning('position')
    .executeTakeFirstOrThrow();
  await notify(em, EVENTS_CHANNEL, inserted.position);
}

/** Revocations after `position`, oldest first. */
export async function readRevocations(em: Em, position: string): Promise<Revocation[]> {
  return query(em)
    .selectFrom('credential_revocation')
    .select(['position', 'kind', 'subjectId'])
    .where('position', '>', position)
    .orderBy('position')
    .execute();
}

/** The revocable credential an actor holds, if any. */
function credentialOf(actor: Actor): { kind: RevokedKind; subjectId: string } | null {
  if (actor.kind === 'apiKey') return { kind: 'API_KEY', subjectId: actor.apiKeyId };
  if (actor.kind === 'user') return { kind: 'USER', subjectId: actor.userId };
  return null;
}

/** Whether `actor`'s credential has ever been revoked (a replay's own check: one indexed read). */
export async function isRevoked(em: Em, actor: Actor): Promise<boolean> {
  const credential = credentialOf(actor);
  if (!credential) return false;
  const found = await query(em)
    .selectFrom('credential_revocation')
    .select((eb) => eb.lit(1).as('one'))
    .where('kind', '=', credential.kind)
    .where('subjectId', '=', credential.subjectId)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}
