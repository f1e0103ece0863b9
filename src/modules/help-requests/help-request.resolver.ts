import type { GraphQLResolveInfo } from 'graphql';
import { projectionOf } from '../../shared/selection.js';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forgetLoaded } from '../../db/handle.js';
import { ClaimStatus, HelpRequestOrder } from '../../shared/enums.js';
import { underField } from '../../shared/errors.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import type { Connection } from '../../shared/pagination.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { associationById } from '../associations/association.loaders.js';
import { AssociationType } from '../associations/association.type.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { ClaimType, HelpRequestConnection, HelpRequestType, SlotType } from './help-request.type.js';
import { HelpRequestFilter, PostHelpRequestInput, UpdateHelpRequestInput } from './help-request.inputs.js';
import { claimsByRequest, claimsReadOrLoaded, requestById, slotsByRequest } from './help-request.loaders.js';
import { readWith } from '../../db/relations.js';
import type { ClaimRow, HelpRequestRow, SlotRow } from './help-request.rows.js';
import { cancelHelpRequest, completeHelpRequest, postHelpRequest, updateHelpRequest } from './help-request.service.js';
import { findHelpRequest, listHelpRequests, requestContact } from './help-request-list.service.js';
import { enumArgument, type DirectResolvers } from '../../shared/direct-resolvers.js';
import { mustExist } from '../../shared/must-exist.js';
import { EXPECTED, listCost, pageCost, spendItemsOf } from '../../shared/cost.js';

@ArgsType()
class HelpRequestsArgs {
  @Field(() => HelpRequestFilter, { nullable: true })
  filter?: HelpRequestFilter | null;

  @Field(() => HelpRequestOrder, { nullable: true, defaultValue: HelpRequestOrder.NEWEST })
  orderBy?: HelpRequestOrder | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** A mutation's payload is read after its commit, as it is now. */
export async function freshRequest(ctx: Context, id: string): Promise<HelpRequestRow> {
  forgetLoaded(ctx.db);
  return mustExist(await requestById(ctx.db).load(id), 'requestById(id)');
}

// A request's relations: synchronous when they were read with the request
// (help-request.json.ts), else through their loaders.

function requesterOf(request: HelpRequestRow, ctx: Context): AssociationRow | Promise<AssociationRow> {
  return readWith(request, 'requester') ?? loadRequester(ctx, request);
}

async function loadRequester(ctx: Context, request: HelpRequestRow): Promise<AssociationRow> {
  return mustExist(await associationById(ctx.db).load(request.requesterId), 'associationById(request.requesterId)');
}

function slotsOf(request: HelpRequestRow, ctx: Context): SlotRow[] | Promise<SlotRow[]> {
  return spendItemsOf(ctx, readWith(request, 'slots') ?? slotsByRequest(ctx.db).load(request.id));
}

function claimsOf(request: HelpRequestRow, status: ClaimStatus | null, ctx: Context): ClaimRow[] | Promise<ClaimRow[]> {
  return spendItemsOf(ctx, claimsReadOrLoaded(readWith(request, 'claims'), claimsByRequest(ctx.db), request.id, status));
}

/** The same fields, resolved directly (shared/direct-resolvers.ts): they are on every request of a page. */
export const helpRequestDirectResolvers: DirectResolvers = {
  HelpRequest: {
    requester: (request: HelpRequestRow, _args, ctx: Context) => requesterOf(request, ctx),
    slots: (request: HelpRequestRow, _args, ctx: Context) => slotsOf(request, ctx),
    remaining: (request: HelpRequestRow) => request.capacity - request.claimed,
    claims: (request: HelpRequestRow, args, ctx: Context) => claimsOf(request, enumArgument(args, 'status', ClaimStatus), ctx),
  },
};

@Resolver(() => HelpRequestType)
export class HelpRequestResolver extends NodeFieldsResolver(HelpRequestType, 'HelpRequest') {
  @Access('public')
  @Query(() => HelpRequestType, { nullable: true, description: 'A help request by its id; null when the id names no help request.' })
  helpRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<HelpRequestRow | null> {
    return findHelpRequest(ctx.db, ctx.actor, { id }, projectionOf(info));
  }

  @Access('public')
  @Query(() => HelpRequestConnection, {
    complexity: pageCost(20),
    description: 'A page of help requests matching the filter (all of them without one), in the order asked for (NEWEST by default).',
  })
  helpRequests(
    @Args(() => HelpRequestsArgs) args: HelpRequestsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<HelpRequestRow>> {
    return listHelpRequests(ctx.db, ctx.actor, args, projectionOf(info));
  }

  @Access('authenticated')
  @Mutation(() => HelpRequestType, {
    description:
      'Posts a help request for a verified association and returns it, OPEN, with its slots (explicit slots first, then the shifts of the recurrence). By its OWNERs, COORDINATORs and API key. One POSTED event.',
  })
  async postHelpRequest(
    @Arg('input', () => PostHelpRequestInput) input: PostHelpRequestInput,
    @Ctx() ctx: Context,
  ): Promise<HelpRequestRow> {
    return freshRequest(ctx, await underField('input', () => postHelpRequest(ctx.db, ctx.actor, input, ctx.app.clock)));
  }

  @Access('authenticated')
  @Mutation(() => HelpRequestType, {
    description:
      'Changes the fields given (an explicit null clears an optional one) and returns the request. Fails with VERSION_CONFLICT when expectedVersion is not the current version. By the requester. One UPDATED event, none when nothing changes.',
  })
  async updateHelpRequest(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateHelpRequestInput) input: UpdateHelpRequestInput,
    @Ctx() ctx: Context,
  ): Promise<HelpRequestRow> {
    // The service takes the three arguments as they are named: its paths are `id`, `expectedVersion`, `input.title`...
    return freshRequest(ctx, await updateHelpRequest(ctx.db, ctx.actor, { id, expectedVersion, input }, ctx.app.clock));
  }

  @Access('authenticated')
  @Mutation(() => HelpRequestType, {
    description:
      'Closes the request as CANCELLED (keeping the reason as cancelReason) and returns it; its ACTIVE claims become DECLINED. By the requester. One CANCELLED event.',
  })
  async cancelHelpRequest(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<HelpRequestRow> {
    return freshRequest(ctx, await cancelHelpRequest(ctx.db, ctx.actor, { id, reason }, ctx.app.clock));
  }

  @Access('authenticated')
  @Mutation(() => HelpRequestType, {
    description:
      'Closes the request as COMPLETED with the people it helped (beneficiaries) and an outcome, and returns it; its ACTIVE claims become FULFILLED. By the requester. One COMPLETED event.',
  })
  async completeHelpRequest(
    @Arg('id', () => ID) id: string,
    @Arg('beneficiaries', () => Int) beneficiaries: number,
    @Arg('outcome', () => String, { nullable: true }) outcome: string | null,
    @Ctx() ctx: Context,
  ): Promise<HelpRequestRow> {
    return freshRequest(ctx, await completeHelpRequest(ctx.db, ctx.actor, { id, beneficiaries, outcome }, ctx.app.clock));
  }

  @FieldResolver(() => AssociationType)
  requester(@Root() request: HelpRequestRow, @Ctx() ctx: Context): AssociationRow | Promise<AssociationRow> {
    return requesterOf(request, ctx);
  }

  @FieldResolver(() => [SlotType], { complexity: listCost(EXPECTED.slots) })
  slots(@Root() request: HelpRequestRow, @Ctx() ctx: Context): SlotRow[] | Promise<SlotRow[]> {
    return slotsOf(request, ctx);
  }

  @FieldResolver(() => Int)
  remaining(@Root() request: HelpRequestRow): number {
    return request.capacity - request.claimed;
  }

  @FieldResolver(() => [ClaimType], { complexity: listCost(EXPECTED.claims) })
  claims(
    @Root() request: HelpRequestRow,
    @Arg('status', () => ClaimStatus, { nullable: true }) status: ClaimStatus | null,
    @Ctx() ctx: Context,
  ): ClaimRow[] | Promise<ClaimRow[]> {
    return claimsOf(request, status, ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Contact details: visible to the requester's members, to members of associations with an ACTIVE or FULFILLED claim on it, and to administrators; null for everyone else.",
  })
  contact(@Root() request: HelpRequestRow, @Ctx() ctx: Context): Promise<string | null> {
    return requestContact(ctx.db, ctx.actor, { request });
  }
}
