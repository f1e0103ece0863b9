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
import type { EntityManager } from '@mikro-orm/postgresql';
import { one, row, rows } from '../../db/sql.js';
import type { RequestEventType } from '../../shared/enums.js';
import type { Viewer } from '../identity/viewer.js';

/** Arbitrary but fixed: the one lock that orders every append. */
export const EVENT_LOG_LOCK_KEY = 7_310_885_202;
export const EVENTS_CHANNEL = 'request_events';

export interface NewEvent {
  type: RequestEventType;
  claimId?: string | null;
  /** The association whose action caused it; null for the system (EXPIRED). */
  actorId: string | null;
}

/**
 * Appends `events` for one request, in order. Must run inside the transaction
 * that made the change, after the request row was locked and changed (its
 * version already counting these events: one per event after POSTED), as the
 * transaction's last step.
 */
export async function appendEvents(em: EntityManager, requestId: string, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await row(em, `SELECT pg_advisory_xact_lock(?)`, [EVENT_LOG_LOCK_KEY]);
  let last = '';
  for (const event of events) {
    // The filter attributes are copied from the request as it is now, inside this
    // transaction: replay, live delivery and HTTP reads all match on these.
    const inserted = await one<{ position: string }>(
      em,
      `INSERT INTO request_event (position, type, request_id, claim_id, actor_id, kind, category, township, requester_id, involved)
       SELECT nextval('request_event_position'), ?, h.id, ?::uuid, ?::uuid, h.kind, h.category, h.township, h.requester_id,
              ARRAY(SELECT h.requester_id UNION SELECT c.association_id FROM claim c WHERE c.request_id = h.id)
         FROM help_request h WHERE h.id = ?
       RETURNING position::text AS position`,
      [event.type, event.claimId ?? null, event.actorId, requestId],
    );
    last = inserted.position;
  }
  // A wake-up only ("something up to N committed"): the table is the truth.
  await row(em, `SELECT pg_notify(?, ?)`, [EVENTS_CHANNEL, last]);
}

export type RevokedKind = 'API_KEY' | 'USER';

export interface Revocation {
  position: string;
  kind: RevokedKind;
  subjectId: string;
}

/**
 * Records that a credential stopped being valid, in the log's commit order (as
 * the last step of the transaction that revoked it, like appendEvents), and
 * wakes every process: each closes the sockets that hold it before it delivers
 * any event committed after this one.
 */
export async function appendRevocation(em: EntityManager, kind: RevokedKind, subjectId: string): Promise<void> {
  await row(em, `SELECT pg_advisory_xact_lock(?)`, [EVENT_LOG_LOCK_KEY]);
  const inserted = await one<{ position: string }>(
    em,
    `INSERT INTO credential_revocation (position, kind, subject_id) VALUES (nextval('request_event_position'), ?, ?)
     RETURNING position::text AS position`,
    [kind, subjectId],
  );
  await row(em, `SELECT pg_notify(?, ?)`, [EVENTS_CHANNEL, inserted.position]);
}

/** Revocations after `position`, oldest first. */
export async function readRevocations(em: EntityManager, position: string): Promise<Revocation[]> {
  return rows<Revocation>(
    em,
    `SELECT position::text AS position, kind, subject_id AS "subjectId" FROM credential_revocation WHERE position > ?::bigint ORDER BY position`,
    [position],
  );
}

/** Whether `viewer`'s credential has ever been revoked (a replay's own check: one indexed read). */
export async function isRevoked(em: EntityManager, viewer: Viewer): Promise<boolean> {
  const subject = viewer.kind === 'apiKey' ? ['API_KEY', viewer.apiKeyId] : viewer.kind === 'user' ? ['USER', viewer.userId] : null;
  if (!subject) return false;
  const found = await row<{ one: number }>(
    em,
    `SELECT 1 AS one FROM credential_revocation WHERE kind = ? AND subject_id = ? LIMIT 1`,
    subject,
  );
  return found !== null;
}
