/**
 * A projection: which fields of a row a caller wants, and for each relation
 * what it wants of the related rows. Read services take one, so that they read
 * what is asked for and nothing else (a later page can be built in one
 * statement from it). It is built by the API layer from a GraphQL selection
 * (shared/selection.ts) and knows nothing of GraphQL: the demo data, tests and
 * command-line tools build one with `projection()`.
 *
 * Names are the domain's field names, which are also the contract's.
 */
export interface Projection {
  readonly fields: ReadonlySet<string>;
  readonly relations: ReadonlyMap<string, Projection>;
}

export const NOTHING: Projection = { fields: new Set(), relations: new Map() };

/** A projection of `fields`, with `relations` (a relation is also a wanted field). */
export function projection(fields: readonly string[], relations: Readonly<Record<string, Projection>> = {}): Projection {
  return { fields: new Set([...fields, ...Object.keys(relations)]), relations: new Map(Object.entries(relations)) };
}

/** Whether the caller wants `field` (a scalar, or a relation). */
export const wants = (of: Projection, field: string): boolean => of.fields.has(field);

/** What the caller wants of a relation (NOTHING when it does not want it). */
export const relationOf = (of: Projection, relation: string): Projection => of.relations.get(relation) ?? NOTHING;

/** The projection of the nodes of a Relay connection (`edges { node { ... } }`). */
export const nodesOf = (connection: Projection): Projection => relationOf(relationOf(connection, 'edges'), 'node');

/** Both projections at once (a field selected twice under different aliases, or two types of one interface). */
export function merge(a: Projection, b: Projection): Projection {
  const relations = new Map(a.relations);
  for (const [name, wanted] of b.relations) {
    const known = relations.get(name);
    relations.set(name, known ? merge(known, wanted) : wanted);
  }
  return { fields: new Set([...a.fields, ...b.fields]), relations };
}

/**
 * The columns a read selects for a projection: the keys (always: resolvers of
 * relations and ids follow them), every column the caller asks for, and what
 * the computed fields it asks for read (`derived`: field -> columns).
 */
export function columnsFor<C extends string>(
  columns: readonly C[],
  keys: readonly C[],
  wanted: Projection,
  derived: Readonly<Partial<Record<string, readonly C[]>>> = {},
): C[] {
  const selected = new Set<C>(keys);
  for (const column of columns) if (wanted.fields.has(column)) selected.add(column);
  for (const field of wanted.fields) for (const column of derived[field] ?? []) selected.add(column);
  return [...selected];
}
