/**
 * The schema, built by TypeGraphQL from the resolvers. `npm run schema` prints
 * it to schema/schema.graphql; a test fails when that file drifts from this.
 */
import 'reflect-metadata';
import { GraphQLSchema, isObjectType, printSchema } from 'graphql';
import { buildSchema as buildTypeGraphQLSchema, type NonEmptyArray } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import '../shared/enums.graphql.js'; // registers the enums before any type refers to them
import { DateTimeScalar } from '../shared/date-time.scalar.js';
import { PageInfo } from '../shared/relay.type.js';
import { assertEveryRootFieldHasAccess } from '../modules/access.js';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { UserResolver } from '../modules/identity/user.resolver.js';
import { AssociationRequestsResolver } from '../modules/help-requests/association-requests.resolver.js';
import { ApiKeyResolver } from '../modules/associations/api-key.resolver.js';
import { AssociationResolver } from '../modules/associations/association.resolver.js';
import { MembershipResolver, UserMembershipsResolver } from '../modules/associations/membership.resolver.js';
import { HelpRequestResolver, helpRequestDirectResolvers } from '../modules/help-requests/help-request.resolver.js';
import { SlotResolver, slotDirectResolvers } from '../modules/help-requests/slot.resolver.js';
import { ClaimResolver, claimDirectResolvers } from '../modules/help-requests/claim.resolver.js';
import {
  AssociationHandOffsResolver,
  ClaimHandOffResolver,
  ClaimHandOffsResolver,
} from '../modules/help-requests/claim-handoff.resolver.js';
import { RequestEventResolver } from '../modules/events/request-event.resolver.js';
import {
  AssociationVolunteersResolver,
  UserShiftsResolver,
  UserVolunteerInvitationsResolver,
  VolunteerResolver,
} from '../modules/volunteers/volunteer.resolver.js';
import { AssignmentResolver, ClaimAssignmentsResolver, SlotAssignmentsResolver } from '../modules/volunteers/assignment.resolver.js';
import {
  ServiceRecordResolver,
  ServiceShiftResolver,
  UserServiceRecordResolver,
  VolunteerServiceRecordResolver,
} from '../modules/volunteers/service-record.resolver.js';
import { AssociationStatsResolver, CollaborationResolver, StatsResolver } from '../modules/stats/stats.resolver.js';
import type { DirectResolvers } from '../shared/direct-resolvers.js';
import { nodeIdResolvers } from '../shared/node.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  UserResolver,
  ApiKeyResolver,
  AssociationResolver,
  MembershipResolver,
  UserMembershipsResolver,
  AssociationRequestsResolver,
  HelpRequestResolver,
  SlotResolver,
  ClaimResolver,
  ClaimHandOffResolver,
  ClaimHandOffsResolver,
  AssociationHandOffsResolver,
  VolunteerResolver,
  AssociationVolunteersResolver,
  UserShiftsResolver,
  UserVolunteerInvitationsResolver,
  AssignmentResolver,
  SlotAssignmentsResolver,
  ClaimAssignmentsResolver,
  ServiceRecordResolver,
  ServiceShiftResolver,
  UserServiceRecordResolver,
  VolunteerServiceRecordResolver,
  RequestEventResolver,
  StatsResolver,
  AssociationStatsResolver,
  CollaborationResolver,
];

/** Fields on every object of a page, resolved without TypeGraphQL's parameter machinery (shared/direct-resolvers.ts). */
const directResolvers: DirectResolvers[] = [nodeIdResolvers, helpRequestDirectResolvers, slotDirectResolvers, claimDirectResolvers];

/** Replaces the resolve function of each direct field; a type or field the schema lacks is a programming error. */
function installDirectResolvers(schema: GraphQLSchema): void {
  for (const table of directResolvers) {
    for (const [typeName, fields] of Object.entries(table)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`direct resolvers: ${typeName} is not an object type of the schema`);
      for (const [fieldName, resolve] of Object.entries(fields)) {
        const field = Object.hasOwn(type.getFields(), fieldName) ? type.getFields()[fieldName] : undefined;
        if (!field) throw new Error(`direct resolvers: ${typeName}.${fieldName} is not in the schema`);
        // graphql-js hands it the object its parent field resolved and the operation's Context: the types the resolver declares.
        field.resolve = (source: unknown, args: Record<string, unknown>, context: unknown) =>
          Reflect.apply(resolve, undefined, [source, args, context]);
      }
    }
  }
}

let built: Promise<GraphQLSchema> | undefined;

/** Built once per process: TypeGraphQL's metadata is global anyway. */
export function buildSchema(): Promise<GraphQLSchema> {
  built ??= build();
  return built;
}

async function build(): Promise<GraphQLSchema> {
  const schema = await buildTypeGraphQLSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Subscriptions read the event log with `subscribe:`; this only satisfies the builder.
    pubSub: createPubSub(),
    validate: false,
    emitSchemaFile: false,
    orphanedTypes: [PageInfo],
  });
  assertEveryRootFieldHasAccess(schema);
  installDirectResolvers(schema);
  // The contract's DateTime scalar belongs to the schema even before a field uses it.
  const config = schema.toConfig();
  return config.types.some((type) => type.name === DateTimeScalar.name)
    ? schema
    : new GraphQLSchema({ ...config, types: [...config.types, DateTimeScalar] });
}

export function printSchemaSdl(schema: GraphQLSchema): string {
  return printSchema(schema) + '\n';
}
