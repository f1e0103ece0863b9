/**
 * Plain-row reads: SQL through MikroORM's connection (inside a transaction when
 * given its EntityManager), no entity hydration, no identity map.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

export async function rows<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

export async function row<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T | null> {
  return (await rows<T>(em, sql, params))[0] ?? null;
}

/** The one row a statement always returns (an aggregate, a RETURNING on a row known to exist). */
export async function one<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T> {
  const [first] = await rows<T>(em, sql, params);
  if (first === undefined) throw new Error('expected one row, got none');
  return first;
}

/** An array parameter: SQL side, write `json_text_array(?::jsonb)` (MikroORM would expand a JS array into a list of parameters). */
export function array(values: readonly string[]): string {
  return JSON.stringify(values);
}
