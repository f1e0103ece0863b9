/**
 * Start-up work that must happen once however many instances start at the same
 * moment (migrations, the first administrator, demo data) runs under one
 * PostgreSQL advisory lock, held on a connection of its own.
 */
import pg from 'pg';
import type { Orm } from './orm.js';
import type { Logger } from '../shared/logger.js';

/** Arbitrary but fixed: every instance of this server takes the same lock. */
export const STARTUP_LOCK_KEY = 7_310_885_101;

export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    // Ending the session releases the lock even if the unlock is never sent.
    await client.end().catch(() => undefined);
  }
}

export async function migrate(orm: Orm, log: Logger): Promise<void> {
  const applied = await orm.migrator.up();
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
}
