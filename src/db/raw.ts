/**
 * The only statements written as SQL text: what Kysely has no builder for.
 * Each is one named function, so a reader finds them all here.
 */
import { sql, type Expression } from 'kysely';
import type pg from 'pg';
import type { Em } from './query.js';

/** `pg_advisory_xact_lock(key)`: held until the transaction of `em` ends. */
export async function advisoryTransactionLock(em: Em, key: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${key})`.execute(em.getKysely());
}

/** `pg_notify(channel, payload)`: delivered to listeners when the transaction of `em` commits. */
export async function notify(em: Em, channel: string, payload: string): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${payload})`.execute(em.getKysely());
}

/**
 * `pg_notify(channel, value::text)` as an expression, so that a statement can
 * notify with what it computed (the last position it inserted) in one round trip.
 */
export const notifyWith = (channel: string, payload: Expression<unknown>) => sql<null>`pg_notify(${channel}, (${payload})::text)`;

// SQL expressions Kysely has no builder for, typed, for the query builders of
// the modules. Each says what it computes; values go in as parameters.

/** `now()`: the transaction's start by the database clock (expiry decides by it: every instance agrees). */
export const transactionTime = () => sql<Date>`now()`;

/** `value COLLATE "C"`: byte (code point) order, the same whatever the server's locale, for keyset comparisons. */
export const inByteOrder = <T extends string | null>(value: Expression<T>) => sql<T>`${value} COLLATE "C"`;

/** Seconds from `from` to `to`: `extract(epoch FROM to - from)`. */
export const secondsBetween = (from: Expression<Date | null>, to: Expression<Date | null>) =>
  sql<number>`extract(epoch FROM ${to} - ${from})`;

/**
 * Hours served from `arrived` to `left`, capped by `shift` (a tstzrange): the
 * part of the stay inside the shift, in hours, never negative, rounded to 2
 * decimals (as float8: a JavaScript number). Null when either time is null
 * (`least` and `greatest` would skip a null, so it is decided first).
 */
export const hoursWithin = (arrived: Expression<Date | null>, left: Expression<Date | null>, shift: Expression<string>) =>
  sql<number | null>`CASE WHEN ${arrived} IS NULL OR ${left} IS NULL THEN NULL
    ELSE round(greatest(0, extract(epoch FROM least(${left}, upper(${shift})) - greatest(${arrived}, lower(${shift})))) / 3600, 2)::float8 END`;

/** The month of `instant` on the wall clock of `timeZone` (IANA), as YYYY-MM. */
export const monthIn = (instant: Expression<Date>, timeZone: string) =>
  sql<string>`to_char(${instant} AT TIME ZONE ${timeZone}, 'YYYY-MM')`;

/** `nextval('sequence')`, as text (a bigint). */
export const nextval = (sequence: string) => sql<string>`nextval(${sql.lit(sequence)})`;

/** `ARRAY(subquery)`: a one-column subquery's values as an array. */
export const arrayOf = <T>(subquery: Expression<unknown>) => sql<T[]>`ARRAY(${subquery})`;

/** The server's encoding and version number (e.g. 150004), checked at start (orm.ts). */
export async function serverSettings(em: Em): Promise<{ encoding: string; version: number }> {
  const { rows } = await sql<{
    encoding: string;
    version: number;
  }>`SELECT current_setting('server_encoding') AS encoding, current_setting('server_version_num')::int AS version`.execute(em.getKysely());
  const settings = rows.at(0);
  if (!settings) throw new Error('the server answered no settings');
  return settings;
}

/** `SELECT 1`: whether the database answers at all (GET /readyz). */
export async function ping(em: Em): Promise<void> {
  await sql`SELECT 1`.execute(em.getKysely());
}

/**
 * `value` written into the statement rather than sent as a parameter: PostgreSQL
 * must see it at planning time to match a partial index's predicate (ON CONFLICT
 * ... WHERE status = 'ACTIVE') whatever the plan cache decides.
 */
export const inlined = <T extends string>(value: T) => sql<T>`${sql.lit(value)}`;

/** `'infinity'::timestamptz`: after every instant (a missing start sorts last; the index has this expression). */
export const infinity = () => sql<Date>`'infinity'::timestamptz`;

/** `LISTEN channel` on a connection of its own (a plain pg client: the ORM's pool cannot hold one). */
export async function listen(client: pg.Client, channel: string): Promise<void> {
  await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
}

/**
 * `json_build_array(value, ...)`: a row built by PostgreSQL as one JSON array,
 * values only (relations.ts decodes it by position, JsonShape). Inside JSON a
 * timestamptz is ISO 8601 text (decodeTimestamp).
 */
export const jsonArray = (values: readonly Expression<unknown>[]) => sql`json_build_array(${sql.join(values)})`;

/**
 * SQL text this process compiled before with Kysely from constants only (no
 * parameter: the caller checks), reused as it is: a statement's part that
 * depends on the shape of what is asked, not on its values, is built once per
 * shape (help-request.json.ts). Never text from input.
 */
export const precompiled = (text: string) => sql`${sql.raw(text)}`;

/**
 * `pg_advisory_xact_lock(namespace, hashtext(key))` for each of `keys`, in
 * their order, in one statement: held until the transaction of `em` ends.
 * Callers pass keys sorted, so two transactions locking overlapping sets
 * wait for each other instead of deadlocking.
 */
export async function advisoryTransactionLocks(em: Em, namespace: number, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${namespace}::int, hashtext(k)) FROM unnest(${[...keys]}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`.execute(
    em.getKysely(),
  );
}
