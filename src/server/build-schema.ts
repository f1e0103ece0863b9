/**
 * The schema, built by TypeGraphQL from the resolvers. `npm run schema` prints
 * it to schema/schema.graphql; a test fails when that file drifts from this.
 */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema as buildTypeGraphQLSchema, type NonEmptyArray } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { DateTimeScalar } from '../shared/date-time.scalar.js';
import { protectAll } from './access.js';
import { NodeResolver } from '../modules/node/node.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const resolvers: NonEmptyArray<Function> = [NodeResolver];

let built: GraphQLSchema | undefined;

/** Built once per process: TypeGraphQL's metadata is global anyway. */
export async function buildSchema(): Promise<GraphQLSchema> {
  built ??= await buildTypeGraphQLSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Subscriptions read the event log with `subscribe:`; this only satisfies the builder.
    pubSub: createPubSub(),
    validate: false,
    globalMiddlewares: [protectAll],
    emitSchemaFile: false,
  });
  return built;
}

export function printSchemaSdl(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
