/**
 * For values the data model guarantees (a row a foreign key points at, the
 * row a RETURNING clause just wrote): a missing one is a bug or a concurrent
 * deletion, never the caller's doing, so it ends the operation as an internal
 * error instead of a null where the schema promises a value.
 */
export function mustExist<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing although the data model guarantees it`);
  return value;
}
