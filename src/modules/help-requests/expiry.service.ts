/**
 * Expiry (api.md "Help requests"): every EXPIRY_INTERVAL_MS, each instance
 * looks for OPEN requests without ACTIVE claims whose end passed by the
 * database clock, and expires them one by one. Instances may overlap freely:
 * each expiry is a conditional UPDATE, so exactly one of them wins per request.
 *
 * The database's clock, not the service's Clock: several instances race on the
 * same rows, and only PostgreSQL's now() is the same for all of them. The one
 * exception is the demo history, which passes a Clock set in the past to
 * expireRequest: alone on the database at start-up, it expires "last March"
 * last March, with the event dated by that clock like every other.
 */
import { transactionTime } from '../../db/raw.js';
import { openDb, type Db } from '../../db/handle.js';
import type { Orm } from '../../db/orm.js';
import { SYSTEM, isPrivileged, type Actor } from '../../shared/actor.js';
import { RequestEventType, RequestStatus } from '../../shared/enums.js';
import { forbidden } from '../../shared/errors.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { appendEvents } from '../event-log/event-log.service.js';
import { query } from '../tables.js';
import { lapseDueHandOffs } from './claim-handoff.service.js';

const BATCH = 200;

/**
 * Expires one OPEN request without ACTIVE claims whose end has passed. The
 * conditional UPDATE is the first statement of its transaction and locks the
 * row: with several instances, exactly one of them changes it and records the
 * EXPIRED event (actor null: the system). `clock` (the demo history only)
 * replaces the database's clock in the decision, in closedAt and in the event.
 */
export async function expireRequest(db: Db, actor: Actor, input: { requestId: string }, clock?: Clock): Promise<boolean> {
  if (!isPrivileged(actor)) throw forbidden('Only the system expires requests');
  const now = clock ? clock() : transactionTime();
  return db.em.fork().transactional(async (em) => {
    const expired = await query(em)
      .updateTable('help_request')
      .set((eb) => ({ status: RequestStatus.EXPIRED, closedAt: now, version: eb('version', '+', 1) }))
      .where('id', '=', input.requestId)
      .where('status', '=', RequestStatus.OPEN)
      .where('activeClaims', '=', 0)
      .where('endsAt', '<', now)
      .returning('id')
      .executeTakeFirst();
    if (!expired) return false;
    await appendEvents(em, input.requestId, [{ type: RequestEventType.EXPIRED, actorId: null }], clock);
    return true;
  });
}

/** Expires up to one batch of past-due requests; returns how many this call expired. */
export async function expireDue(db: Db, actor: Actor): Promise<number> {
  if (!isPrivileged(actor)) throw forbidden('Only the system expires requests');
  const due = await query(db.em)
    .selectFrom('help_request')
    .select('id')
    .where('status', '=', RequestStatus.OPEN)
    .where('activeClaims', '=', 0)
    .where('endsAt', '<', transactionTime())
    .orderBy('endsAt')
    .limit(BATCH)
    .execute();
  let expired = 0;
  for (const { id } of due) if (await expireRequest(db, actor, { requestId: id })) expired++;
  return expired;
}

export interface Job {
  stop(): Promise<void>;
}

export interface ExpiryOptions {
  orm: Orm;
  log: Logger;
  /** EXPIRY_INTERVAL_MS. */
  intervalMs: number;
}

/**
 * Runs expireDue, then lapseDueHandOffs (offers whose slot has started), as the
 * system every `intervalMs`, one run at a time; stop() waits for the current run.
 * Requests with an OFFERED hand-off never expire here: its claim is ACTIVE.
 */
export function startExpiry({ orm, log, intervalMs }: ExpiryOptions): Job {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = expireDue(openDb(orm), SYSTEM)
      .then((n) => {
        if (n > 0) log.info({ expired: n }, 'help requests expired');
      })
      .then(() => lapseDueHandOffs(openDb(orm), SYSTEM))
      .then((n) => {
        if (n > 0) log.info({ lapsed: n }, 'hand-offs lapsed');
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'expiry failed');
      })
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
