/**
 * Start-up work that must happen once however many instances start at the same
 * moment (migrations, the first administrator, demo data) runs under one
 * PostgreSQL advisory lock, held on a connection of its own.
 */
import pg from 'pg';
import { DatabaseCheckError, type Orm } from './orm.js';
import { RAISE_EXCEPTION, sqlErrorOf } from './sql-errors.js';
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

/**
 * Applies the migrations not applied yet (all or nothing). A migration that
 * refuses the database with RAISE EXCEPTION (a missing extension the role may
 * not create, ...) ends start-up with its one-line message, which names what to run.
 */
export async function migrate(orm: Orm, log: Logger): Promise<void> {
  let applied: { name: string }[];
  try {
    applied = await orm.migrator.up();
  } catch (error) {
    const refusal = raisedMessage(error);
    if (refusal !== null) throw new DatabaseCheckError(refusal);
    throw error;
  }
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
}

/** The message of a migration's RAISE EXCEPTION in `error`, without what drivers add to it; null for any other error. */
function raisedMessage(error: unknown): string | null {
  const found = sqlErrorOf(error);
  return found?.sqlState === RAISE_EXCEPTION ? found.message.split('\n')[0] : null;
}
