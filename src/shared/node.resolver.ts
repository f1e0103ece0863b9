/**
 * Every Node type resolves `id` the same way: the opaque global id of the row's
 * database key. Resolvers of Node types extend this base.
 */
import { FieldResolver, ID, Resolver, Root, type ClassType } from 'type-graphql';
import { toGlobalId, type NodeType } from './global-id.js';

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
