/**
 * Expiry (api.md "Help requests"): every EXPIRY_INTERVAL_MS, each instance
 * looks for OPEN requests without ACTIVE claims whose end passed by the
 * database clock, and expires them one by one. Instances may overlap freely:
 * each expiry is a conditional UPDATE, so exactly one of them wins per request.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppServices } from '../../server/context.js';
import { rows } from '../../db/sql.js';
import { expireRequest } from './help-request.service.js';

const BATCH = 200;

export async function expireDue(em: EntityManager): Promise<number> {
  const due = await rows<{ id: string }>(
    em,
    `SELECT id FROM help_request WHERE status = 'OPEN' AND active_claims = 0 AND ends_at < now() ORDER BY ends_at LIMIT ?`,
    [BATCH],
  );
  let expired = 0;
  for (const { id } of due) if (await expireRequest(em, id)) expired++;
  return expired;
}

export interface Job {
  stop(): Promise<void>;
}

export function startExpiry(services: AppServices): Job {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = expireDue(services.orm.em.fork() as EntityManager)
      .then((n) => {
        if (n > 0) services.log.info({ expired: n }, 'help requests expired');
      })
      .catch((error: unknown) => {
        services.log.error({ err: error }, 'expiry failed');
      })
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, services.config.expiryIntervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
