import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../server/access.js';
import type { Context } from '../../server/context.js';
import { ClaimStatus, MemberRole, RequestStatus } from '../../shared/enums.js';
import { ClaimConnection, HelpRequestConnection } from '../help-requests/help-request.type.js';
import type { ClaimRow, HelpRequestRow } from '../help-requests/help-request.rows.js';
import { associationClaims } from '../help-requests/claim-list.service.js';
import { associationHelpRequests } from '../help-requests/help-request-list.service.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import type { Connection } from '../../shared/pagination.js';
import { apiKeysByAssociation } from '../identity/identity.loaders.js';
import { ApiKeyType } from '../identity/identity.type.js';
import type { ApiKeyRow } from '../identity/identity.rows.js';
import { AssociationConnection, AssociationType, MembershipType } from './association.type.js';
import { AssociationFilter, CreateAssociationInput } from './association.inputs.js';
import { membershipsByAssociation, standingIn } from './association.loaders.js';
import { maySeeApiKeys, maySeeMembers } from './association.policy.js';
import type { AssociationRow, MembershipRow } from './association.rows.js';
import { addMember, createAssociation, findAssociation, listAssociations, verifyAssociation } from './association.service.js';
import { EXPECTED, listCost, pageCost, spendItems } from '../../shared/cost.js';

@ArgsType()
class AssociationsArgs {
  @Field(() => AssociationFilter, { nullable: true })
  filter?: AssociationFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => AssociationType)
export class AssociationResolver extends NodeFieldsResolver(AssociationType, 'Association') {
  @Access('public')
  @Query(() => AssociationType, { nullable: true })
  association(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AssociationRow | null> {
    return findAssociation(ctx, id);
  }

  @Access('public')
  @Query(() => AssociationConnection, { complexity: pageCost(20) })
  associations(@Args(() => AssociationsArgs) args: AssociationsArgs, @Ctx() ctx: Context): Promise<Connection<AssociationRow>> {
    return listAssociations(ctx, args.filter, args);
  }

  @Access('authenticated')
  @Mutation(() => AssociationType, { description: 'The caller becomes its OWNER. New associations are unverified.' })
  createAssociation(
    @Arg('input', () => CreateAssociationInput) input: CreateAssociationInput,
    @Ctx() ctx: Context,
  ): Promise<AssociationRow> {
    return createAssociation(ctx, input);
  }

  @Access('authenticated')
  @Mutation(() => AssociationType, { description: 'Administrators only.' })
  verifyAssociation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AssociationRow> {
    return verifyAssociation(ctx, id);
  }

  @Access('authenticated')
  @Mutation(() => MembershipType, { description: 'OWNER or COORDINATOR of the association; the user must have signed up.' })
  addMember(
    @Arg('associationId', () => ID) associationId: string,
    @Arg('email', () => String) email: string,
    @Arg('role', () => MemberRole) role: MemberRole,
    @Ctx() ctx: Context,
  ): Promise<MembershipRow> {
    return addMember(ctx, associationId, email, role);
  }

  @FieldResolver(() => HelpRequestConnection, { description: 'Requests this association posted, newest first.', complexity: pageCost(20) })
  helpRequests(
    @Root() association: AssociationRow,
    @Arg('status', () => RequestStatus, { nullable: true }) status: RequestStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<HelpRequestRow>> {
    return associationHelpRequests(ctx, association.id, status, { first, after });
  }

  @FieldResolver(() => ClaimConnection, {
    description: 'Claims this association made (not claims on its requests), newest first.',
    complexity: pageCost(20),
  })
  claims(
    @Root() association: AssociationRow,
    @Arg('status', () => ClaimStatus, { nullable: true }) status: ClaimStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<ClaimRow>> {
    return associationClaims(ctx, association.id, status, { first, after });
  }

  @FieldResolver(() => [MembershipType], {
    description: "Visible to the association's own members and to administrators; empty for everyone else.",
    complexity: listCost(EXPECTED.members),
  })
  async members(@Root() association: AssociationRow, @Ctx() ctx: Context): Promise<MembershipRow[]> {
    return spendItems(
      ctx,
      maySeeMembers(await standingIn(ctx, association.id)) ? await membershipsByAssociation(ctx).load(association.id) : [],
    );
  }

  @FieldResolver(() => [ApiKeyType], {
    description: 'Its API keys, revoked ones included: visible to its OWNER and to administrators; empty for everyone else.',
    complexity: listCost(EXPECTED.apiKeys),
  })
  async apiKeys(@Root() association: AssociationRow, @Ctx() ctx: Context): Promise<ApiKeyRow[]> {
    return spendItems(
      ctx,
      maySeeApiKeys(await standingIn(ctx, association.id)) ? await apiKeysByAssociation(ctx).load(association.id) : [],
    );
  }
}
