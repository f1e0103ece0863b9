/**
 * An association read inside another row's statement, as JSON (db/relations.ts):
 * the columns a projection asks for, with the key every association resolver
 * follows (`id`), and the decoder back to a row.
 */
import type { Expression } from 'kysely';
import { jsonObject } from '../../db/raw.js';
import { decodeTimestampIn, trustedRow, type JsonRow } from '../../db/relations.js';
import { columnsFor, type Projection } from '../../shared/projection.js';
import { ASSOCIATION_FIELDS, type AssociationRow } from './association.rows.js';

type AssociationColumn = (typeof ASSOCIATION_FIELDS)[number];

/** `json_build_object(...)` of the association whose columns `column` names, for what `wanted` asks of it. */
export function associationJson(wanted: Projection, column: (name: AssociationColumn) => Expression<unknown>) {
  return jsonObject(columnsFor(ASSOCIATION_FIELDS, ['id'], wanted).map((name) => [name, column(name)] as const));
}

/** The row back from that JSON: its timestamp decoded, the rest as PostgreSQL wrote it. */
export function decodeAssociation(json: JsonRow): AssociationRow {
  decodeTimestampIn(json, 'createdAt');
  return trustedRow<AssociationRow>(json);
}
