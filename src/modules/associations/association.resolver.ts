import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forgetLoaded } from '../../db/handle.js';
import { EXPECTED, listCost, pageCost, spendItems } from '../../shared/cost.js';
import { MemberRole } from '../../shared/enums.js';
import { underField } from '../../shared/errors.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import type { Connection } from '../../shared/pagination.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { associationApiKeys, associationMembers } from './association-read.service.js';
import { ApiKeyType } from './api-key.type.js';
import { AssociationConnection, AssociationType, MembershipType } from './association.type.js';
import { AssociationFilter, CreateAssociationInput } from './association.inputs.js';
import { associationById } from './association.loaders.js';
import type { ApiKeyRow, AssociationRow, MembershipRow } from './association.rows.js';
import { addMember, createAssociation, findAssociation, listAssociations, verifyAssociation } from './association.service.js';

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
  @Query(() => AssociationType, { nullable: true, description: 'An association by its id; null when the id names no association.' })
  association(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AssociationRow | null> {
    return findAssociation(ctx.db, ctx.actor, id);
  }

  @Access('public')
  @Query(() => AssociationConnection, {
    complexity: pageCost(20),
    description: "A page of the county's associations matching the filter (all of them without one), by name.",
  })
  associations(@Args(() => AssociationsArgs) args: AssociationsArgs, @Ctx() ctx: Context): Promise<Connection<AssociationRow>> {
    return listAssociations(ctx.db, ctx.actor, args.filter, args);
  }

  @Access('authenticated')
  @Mutation(() => AssociationType, {
    description: 'Creates an association and returns it. The caller becomes its OWNER. New associations are unverified.',
  })
  async createAssociation(
    @Arg('input', () => CreateAssociationInput) input: CreateAssociationInput,
    @Ctx() ctx: Context,
  ): Promise<AssociationRow> {
    const created = await underField('input', () => createAssociation(ctx.db, ctx.actor, input, ctx.app.clock));
    forgetLoaded(ctx.db); // the caller's memberships changed
    return created;
  }

  @Access('authenticated')
  @Mutation(() => AssociationType, {
    description: 'Marks the association verified, so it may post and claim, and returns it. Administrators only.',
  })
  async verifyAssociation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AssociationRow> {
    const verified = await verifyAssociation(ctx.db, ctx.actor, id);
    forgetLoaded(ctx.db);
    associationById(ctx.db).prime(verified.id, verified); // fresh: the update's RETURNING
    return verified;
  }

  @Access('authenticated')
  @Mutation(() => MembershipType, {
    description:
      'Adds the user with this e-mail to the association with the role and returns the membership. OWNER or COORDINATOR of the association (only an OWNER adds an OWNER); the user must have signed up.',
  })
  async addMember(
    @Arg('associationId', () => ID) associationId: string,
    @Arg('email', () => String) email: string,
    @Arg('role', () => MemberRole) role: MemberRole,
    @Ctx() ctx: Context,
  ): Promise<MembershipRow> {
    const membership = await addMember(ctx.db, ctx.actor, { associationId, email, role }, ctx.app.clock);
    forgetLoaded(ctx.db); // the payload's members and memberships are read after the change
    return membership;
  }

  @FieldResolver(() => [MembershipType], {
    description: "Visible to the association's own members and to administrators; empty for everyone else.",
    complexity: listCost(EXPECTED.members),
  })
  async members(@Root() association: AssociationRow, @Ctx() ctx: Context): Promise<MembershipRow[]> {
    return spendItems(ctx, await associationMembers(ctx.db, ctx.actor, { associationId: association.id }));
  }

  @FieldResolver(() => [ApiKeyType], {
    description: 'Its API keys, revoked ones included: visible to its OWNER and to administrators; empty for everyone else.',
    complexity: listCost(EXPECTED.apiKeys),
  })
  async apiKeys(@Root() association: AssociationRow, @Ctx() ctx: Context): Promise<ApiKeyRow[]> {
    return spendItems(ctx, await associationApiKeys(ctx.db, ctx.actor, { associationId: association.id }));
  }
}
