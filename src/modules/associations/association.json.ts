/**
 * An association read inside another row's statement, as a JSON array
 * (db/relations.ts): the columns a projection asks for, with the key every
 * association resolver follows (`id`), and how that array decodes.
 */
import type { Expression } from 'kysely';
import { jsonArray } from '../../db/raw.js';
import type { JsonShape } from '../../db/relations.js';
import { columnsFor, type Projection } from '../../shared/projection.js';
import { ASSOCIATION_FIELDS } from './association.rows.js';

type AssociationColumn = (typeof ASSOCIATION_FIELDS)[number];

/** The columns read of an association for what `wanted` asks of it. */
export const associationColumns = (wanted: Projection): AssociationColumn[] => columnsFor(ASSOCIATION_FIELDS, ['id'], wanted);

/** `json_build_array(...)` of the association whose columns `column` names, for what `wanted` asks of it, and its shape. */
export function associationJson(wanted: Projection, column: (name: AssociationColumn) => Expression<unknown>) {
  const columns = associationColumns(wanted);
  const shape: JsonShape = { columns, timestamps: columns.filter((name) => name === 'createdAt'), relations: [] };
  return { value: jsonArray(columns.map(column)), shape };
}
