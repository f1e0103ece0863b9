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

/** An object a JSON row decodes to, before it is taken as its row type (trustedRow). */
export type JsonRow = Record<string, unknown>;

/**
 * How a row built by PostgreSQL as a JSON array (jsonArray in raw.ts:
 * values only, no keys to build, send and parse) decodes: its columns in
 * order, those of them that are timestamps (ISO 8601 text inside JSON), then
 * its relations in order, each one row (null when there is none) or a list
 * (json_agg: null for no row).
 */
export interface JsonShape {
  readonly columns: readonly string[];
  readonly timestamps: readonly string[];
  readonly relations: readonly JsonRelation[];
}

export interface JsonRelation {
  readonly name: string;
  readonly many: boolean;
  readonly shape: JsonShape;
}

/** One row of `shape` from its JSON array: columns by position, timestamps decoded, relations under RELATIONS. */
function decodeJsonRow(value: unknown, shape: JsonShape): JsonRow {
  const values = Array.isArray(value) ? value : [];
  const row: JsonRow = {};
  const { columns } = shape;
  for (let i = 0; i < columns.length; i++) row[columns[i]] = values[i];
  for (const column of shape.timestamps) {
    const text = row[column];
    if (typeof text === 'string') row[column] = decodeTimestamp(text);
  }
  if (shape.relations.length > 0) {
    const relations: JsonRow = {};
    shape.relations.forEach((relation, i) => {
      relations[relation.name] = decodeRelation(values[columns.length + i], relation);
    });
    attachRelations(row, relations);
  }
  return row;
}

/** A relation's JSON value: a list of rows, or one row (null when there is none). */
export function decodeRelation(value: unknown, relation: JsonRelation): JsonRow[] | JsonRow | null {
  if (relation.many) return Array.isArray(value) ? value.map((item) => decodeJsonRow(item, relation.shape)) : [];
  return value === null || value === undefined ? null : decodeJsonRow(value, relation.shape);
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
