/**
 * The API layer's half of projections: a resolver's GraphQL selection (with
 * its fragments, aliases and @skip/@include already resolved by
 * graphql-parse-resolve-info, the parser PostGraphile uses) turned into a plain
 * Projection for a read service.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type FieldsByTypeName, type ResolveTree } from 'graphql-parse-resolve-info';
import { merge, NOTHING, type Projection } from './projection.js';

/** What the selection of the field being resolved asks for. */
export function projectionOf(info: GraphQLResolveInfo): Projection {
  const tree = parseResolveInfo(info);
  return tree && isResolveTree(tree) ? fromTypes(tree.fieldsByTypeName) : NOTHING;
}

function isResolveTree(tree: ResolveTree | FieldsByTypeName): tree is ResolveTree {
  return 'fieldsByTypeName' in tree && 'name' in tree;
}

/** Every possible type's fields, merged: a service reads rows, not GraphQL types. */
function fromTypes(byType: FieldsByTypeName): Projection {
  let result = NOTHING;
  for (const fields of Object.values(byType)) {
    const found = Object.values(fields);
    const relations = new Map<string, Projection>();
    for (const child of found) {
      if (Object.keys(child.fieldsByTypeName).length === 0) continue;
      const wanted = fromTypes(child.fieldsByTypeName);
      const known = relations.get(child.name);
      relations.set(child.name, known ? merge(known, wanted) : wanted);
    }
    result = merge(result, { fields: new Set(found.map((child) => child.name)), relations });
  }
  return result;
}
