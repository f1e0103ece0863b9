/**
 * What a failed statement says, for the few refusals only PostgreSQL can
 * decide: an exclusion constraint across the rows of many requests (a service
 * answers it with a domain error), a migration's RAISE EXCEPTION (start-up ends
 * with its message). pg's errors and MikroORM's wrappers of them alike.
 */

export interface SqlError {
  sqlState: string;
  /** The violated constraint, for integrity violations. */
  constraint: string | null;
  message: string;
}

/** The first database error in `error` or its causes; null when there is none. */
export function sqlErrorOf(error: unknown): SqlError | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const state =
      'sqlState' in current && typeof current.sqlState === 'string' ? current.sqlState : 'code' in current ? current.code : null;
    if (typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state)) {
      const constraint = 'constraint' in current && typeof current.constraint === 'string' ? current.constraint : null;
      return { sqlState: state, constraint, message: current.message };
    }
  }
  return null;
}

/** Whether `error` is a violation of `constraint` (any SQLSTATE of class 23). */
export function violates(error: unknown, constraint: string): boolean {
  const found = sqlErrorOf(error);
  return found !== null && found.sqlState.startsWith('23') && found.constraint === constraint;
}

/** SQLSTATE raise_exception: what RAISE EXCEPTION reports without an ERRCODE of its own. */
export const RAISE_EXCEPTION = 'P0001';
