/**
 * The only statements written as SQL text: what Kysely has no builder for.
 * Each is one named function, so a reader finds them all here.
 */
import { sql } from 'kysely';
import type { Em } from './query.js';

/** `pg_advisory_xact_lock(key)`: held until the transaction of `em` ends. */
export async function advisoryTransactionLock(em: Em, key: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${key})`.execute(em.getKysely());
}

/** `pg_notify(channel, payload)`: delivered to listeners when the transaction of `em` commits. */
export async function notify(em: Em, channel: string, payload: string): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${payload})`.execute(em.getKysely());
}
