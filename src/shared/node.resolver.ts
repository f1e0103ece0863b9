/**
 * Every Node type resolves `id` the same way: the opaque global id of the row's
 * database key. Resolvers of Node types extend this base.
 */
import { FieldResolver, ID, Resolver, Root, type ClassType } from 'type-graphql';
import { NODE_TYPES, toGlobalId, type NodeType } from './global-id.js';
import type { DirectResolvers } from './direct-resolvers.js';

export function NodeFieldsResolver(objectType: ClassType, type: NodeType) {
  @Resolver(() => objectType)
  abstract class NodeFields {
    @FieldResolver(() => ID)
    id(@Root() row: { id: string }): string {
      return toGlobalId(type, row.id);
    }
  }
  return NodeFields;
}

/** `id` of every Node type, resolved directly (direct-resolvers.ts): it is on every object of every page. */
export const nodeIdResolvers: DirectResolvers = Object.fromEntries(
  NODE_TYPES.map((type) => [type, { id: (row: { id: string }) => toGlobalId(type, row.id) }]),
);
