/**
 * Idempotency keys for postHelpRequest and claim (api.md "Claims"): scoped by
 * (association, operation, key); the same key with the same input returns the
 * first successful result, even when the calls race; other input is
 * BAD_USER_INPUT; a failed attempt does not use the key up.
 *
 * The key row is inserted first thing in the writing transaction, with
 * ON CONFLICT DO NOTHING: a racing twin waits on the unique index until the
 * first commits (then finds the key taken and replays) or rolls back (then goes
 * ahead itself). A unique violation is never raised, so no transaction aborts.
 */
import { createHash } from 'node:crypto';
import type { Em } from '../../db/query.js';
import type { Clock } from '../../shared/clock.js';
import { badInput } from '../../shared/errors.js';
import { LIMITS, requiredText } from '../../shared/input.js';
import { mustExist } from '../../shared/must-exist.js';
import { query } from '../tables.js';

export type IdempotentOperation = 'postHelpRequest' | 'claim';

export interface IdempotencyKey {
  associationId: string;
  operation: IdempotentOperation;
  key: string;
  inputHash: string;
}

/** Thrown inside a writing transaction to roll it back and replay instead. */
export class ReplayInstead extends Error {}

export function idempotencyKey(
  raw: string | null | undefined,
  associationId: string,
  operation: IdempotentOperation,
  input: unknown,
  field = 'idempotencyKey',
): IdempotencyKey | null {
  if (raw == null) return null;
  const key = requiredText(raw, field, LIMITS.idempotencyKey);
  const inputHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  return { associationId, operation, key, inputHash };
}

/** What is stored of a taken key. */
export interface StoredKey {
  inputHash: string;
  resultId: string;
}

/** The stored result id of a known key with the same input; BAD_USER_INPUT for other input; null when unknown. */
export async function replayOf(em: Em, key: IdempotencyKey, field = 'idempotencyKey'): Promise<string | null> {
  const stored = await query(em)
    .selectFrom('idempotency_key')
    .select(['inputHash', 'resultId'])
    .where('associationId', '=', key.associationId)
    .where('operation', '=', key.operation)
    .where('key', '=', key.key)
    .executeTakeFirst();
  return replayFrom(key, stored ?? null, field);
}

/**
 * replayOf's decision on a key's row read by the caller (claim reads it in the
 * statement of its other checks): the stored result id for the same input,
 * BAD_USER_INPUT for other input, null when the key is unknown.
 */
export function replayFrom(key: IdempotencyKey, stored: StoredKey | null, field = 'idempotencyKey'): string | null {
  if (!stored) return null;
  if (stored.inputHash !== key.inputHash) throw badInput(field, 'This idempotency key was used with other input');
  return stored.resultId;
}

/** Takes the key for `resultId` inside the writing transaction, or throws ReplayInstead if another call holds it. */
export async function takeKey(em: Em, key: IdempotencyKey, resultId: string, clock: Clock): Promise<void> {
  const taken = await query(em)
    .insertInto('idempotency_key')
    .values({
      associationId: key.associationId,
      operation: key.operation,
      key: key.key,
      inputHash: key.inputHash,
      resultId,
      createdAt: clock(),
    })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!taken) throw new ReplayInstead();
}

/**
 * Runs `write` (which must call takeKey first when a key is given); when a twin
 * won the race, answers with the twin's result instead.
 */
export async function idempotent(em: Em, key: IdempotencyKey | null, write: () => Promise<string>): Promise<string> {
  if (key) {
    const replay = await replayOf(em, key);
    if (replay) return replay;
  }
  return orTwinsResult(em, key, write, (id) => id);
}

/**
 * Runs `write` (which must call takeKey first when a key is given, and has
 * checked for a replay itself); when a twin took the key first, answers with
 * `replayed(the twin's result id)` instead.
 */
export async function orTwinsResult<T>(
  em: Em,
  key: IdempotencyKey | null,
  write: () => Promise<T>,
  replayed: (id: string) => T,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ReplayInstead) || !key) throw error;
    return replayed(mustExist(await replayOf(em, key), 'the result of an idempotency key taken by another transaction'));
  }
}
