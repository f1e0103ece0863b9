/**
 * Relay building blocks of the schema: the Node interface, PageInfo and one
 * factory for the named Edge/Connection types of the contract.
 */
import { Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import type { NodeType } from './global-id.js';
import { edgesCost } from './cost.js';

/** Resolvers hand out plain rows, so `instanceof` cannot tell types apart: tag them. */
export const NODE_TYPE = Symbol('nodeType');
export type Tagged<T> = T & { [NODE_TYPE]: NodeType };

export function tagNode<T extends object>(type: NodeType, row: T): Tagged<T> {
  return Object.assign(row, { [NODE_TYPE]: type });
}

@InterfaceType('Node', {
  description: 'Relay global object identification: every id is opaque and unique across types.',
  resolveType: (value: Tagged<object>) => value[NODE_TYPE],
})
export abstract class NodeInterface {
  @Field(() => ID)
  id!: string;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionClasses {
  Edge: ClassType;
  Connection: ClassType;
}

/** `HelpRequest` -> HelpRequestEdge and HelpRequestConnection, as the contract names them. */
export function connectionTypes(name: string, node: () => ClassType, options: { totalCount: boolean }): ConnectionClasses {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(node)
    node!: unknown;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    // Multiplied by the page size at the field that returns the connection.
    @Field(() => [Edge], { complexity: edgesCost })
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }

  if (options.totalCount) {
    // Declared on a subclass-free path: the field exists only where the contract has it.
    Field(() => Int)(Connection.prototype, 'totalCount');
  }
  return { Edge, Connection };
}
