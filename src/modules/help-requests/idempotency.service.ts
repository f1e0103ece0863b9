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
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../server/errors.js';
import { LIMITS, requiredText } from '../../shared/input.js';
import { row } from '../../db/sql.js';
import { mustExist } from '../../shared/must-exist.js';

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
  field = 'input.idempotencyKey',
): IdempotencyKey | null {
  if (raw == null) return null;
  const key = requiredText(raw, field, LIMITS.idempotencyKey);
  const inputHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  return { associationId, operation, key, inputHash };
}

/** The stored result id of a known key with the same input; BAD_USER_INPUT for other input; null when unknown. */
export async function replayOf(em: EntityManager, key: IdempotencyKey, field = 'input.idempotencyKey'): Promise<string | null> {
  const stored = await row<{ inputHash: string; resultId: string }>(
    em,
    `SELECT input_hash AS "inputHash", result_id AS "resultId" FROM idempotency_key WHERE association_id = ? AND operation = ? AND key = ?`,
    [key.associationId, key.operation, key.key],
  );
  if (!stored) return null;
  if (stored.inputHash !== key.inputHash) throw badInput(field, 'This idempotency key was used with other input');
  return stored.resultId;
}

/** Takes the key for `resultId` inside the writing transaction, or throws ReplayInstead if another call holds it. */
export async function takeKey(em: EntityManager, key: IdempotencyKey, resultId: string): Promise<void> {
  const taken = await row<{ key: string }>(
    em,
    `INSERT INTO idempotency_key (association_id, operation, key, input_hash, result_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING key`,
    [key.associationId, key.operation, key.key, key.inputHash, resultId],
  );
  if (!taken) throw new ReplayInstead();
}

/**
 * Runs `write` (which must call takeKey first when a key is given); when a twin
 * won the race, answers with the twin's result instead.
 */
export async function idempotent(em: EntityManager, key: IdempotencyKey | null, write: () => Promise<string>): Promise<string> {
  if (key) {
    const replay = await replayOf(em, key);
    if (replay) return replay;
  }
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ReplayInstead) || !key) throw error;
    return mustExist(await replayOf(em, key), 'the claim of an idempotency key taken by another transaction');
  }
}
