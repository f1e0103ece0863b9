import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../server/access.js';
import type { Context } from '../../server/context.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { membershipsByUser } from '../associations/association.loaders.js';
import { maySeeUserPrivate } from '../associations/association.policy.js';
import { MembershipType } from '../associations/association.type.js';
import type { MembershipRow } from '../associations/association.rows.js';
import { AuthPayloadType, UserType } from './identity.type.js';
import { SignUpInput } from './identity.inputs.js';
import { userById } from './identity.loaders.js';
import { SELF, logIn, signUp, type AuthPayload, type SelfUserRow } from './user.service.js';
import { EXPECTED, listCost, spendItems } from '../../shared/cost.js';

const seesPrivate = (ctx: Context, user: SelfUserRow) => user[SELF] === true || maySeeUserPrivate(ctx.viewer, user.id);

@Resolver(() => UserType)
export class UserResolver extends NodeFieldsResolver(UserType, 'User') {
  @Access('public')
  @Query(() => UserType, {
    nullable: true,
    description:
      'The signed-in user; null for anonymous callers and for API keys. Invalid credentials fail the whole operation with UNAUTHENTICATED.',
  })
  async viewer(@Ctx() ctx: Context): Promise<SelfUserRow | null> {
    return ctx.viewer.kind === 'user' ? userById(ctx).load(ctx.viewer.userId) : null;
  }

  @Access('public')
  @Mutation(() => AuthPayloadType)
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return signUp(ctx.app, input);
  }

  @Access('public')
  @Mutation(() => AuthPayloadType)
  logIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return logIn(ctx.app, email, password);
  }

  @FieldResolver(() => String, { nullable: true })
  email(@Root() user: SelfUserRow, @Ctx() ctx: Context): string | null {
    return seesPrivate(ctx, user) ? user.email : null;
  }

  @FieldResolver(() => [MembershipType], {
    description: 'Visible to the user themself and to administrators; empty for everyone else.',
    complexity: listCost(EXPECTED.memberships),
  })
  async memberships(@Root() user: SelfUserRow, @Ctx() ctx: Context): Promise<MembershipRow[]> {
    return spendItems(ctx, seesPrivate(ctx, user) ? await membershipsByUser(ctx).load(user.id) : []);
  }
}
