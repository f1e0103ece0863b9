/**
 * Relations read with their row, in the same statement (built as JSON by
 * PostgreSQL: jsonObject in raw.ts). A row carries them under RELATIONS, and
 * the relation's resolver returns them instead of asking a loader, so a page
 * with its nested lists is one statement and no loader round.
 *
 * Such rows hold what the selection they were read for asks of them (with
 * their keys and what their computed fields read: columnsFor in
 * shared/projection.ts), not every column. Only the resolvers of that same
 * selection reach them: they never enter a loader, which another part of the
 * operation could ask for other columns.
 */
import { decodeTimestamp } from './timestamps.js';

export const RELATIONS = Symbol('relations read with the row');

/** A row that may carry some of the relations `R` read with it. */
export interface WithRelations<R extends object> {
  readonly [RELATIONS]?: Partial<R>;
}

/** The relation when it was read with the row, else undefined (then a loader reads it). */
export function readWith<R extends object, K extends keyof R>(row: WithRelations<R>, relation: K): R[K] | undefined {
  return row[RELATIONS]?.[relation];
}

/** An object PostgreSQL built as JSON (json_build_object: jsonObject in raw.ts), as JSON.parse gave it. */
export type JsonRow = Record<string, unknown>;

export const isJsonRow = (value: unknown): value is JsonRow => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows of a JSON array column (json_agg gives null for no row: an empty list). */
export const jsonRows = (value: unknown): JsonRow[] => (Array.isArray(value) ? value.filter(isJsonRow) : []);

/** A timestamptz inside JSON (ISO 8601 text) made a Date in place, when the row has it. */
export function decodeTimestampIn(row: JsonRow, key: string): void {
  const value = row[key];
  if (typeof value === 'string') row[key] = decodeTimestamp(value);
}

/**
 * The row PostgreSQL built as JSON from the columns of `R`, with its
 * timestamps decoded, taken as `R`: the statement is this process's own,
 * built from the entities' columns (modules/tables.ts), so the JSON has their
 * names and types. It holds the columns the selection asked for (see above).
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the row type it built
export function trustedRow<R>(row: JsonRow): R {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- see above: our own statement's JSON, typed by the columns it selected
  return row as R;
}

/** Hangs `relations` on the row (see RELATIONS): an own property, so a copy of the row keeps them. */
export function attachRelations(row: JsonRow, relations: object): void {
  Object.assign(row, { [RELATIONS]: relations });
}
