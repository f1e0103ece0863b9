import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { underField } from '../../shared/errors.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { AuthPayloadType, UserType } from './identity.type.js';
import { SignUpInput } from './identity.inputs.js';
import { userById } from './identity.loaders.js';
import { maySeePrivateOf, type SelfUserRow } from './user.policy.js';
import { logIn, signUp, type AuthPayload, type SessionKeys } from './user.service.js';

const sessionKeys = (ctx: Context): SessionKeys => ({ sessionKey: ctx.app.sessionKey, ttlSeconds: ctx.app.config.sessionTtlSeconds });

@Resolver(() => UserType)
export class UserResolver extends NodeFieldsResolver(UserType, 'User') {
  @Access('public')
  @Query(() => UserType, {
    nullable: true,
    description:
      'The signed-in user; null for anonymous callers and for API keys. Invalid credentials fail the whole operation with UNAUTHENTICATED.',
  })
  async viewer(@Ctx() ctx: Context): Promise<SelfUserRow | null> {
    return ctx.actor.kind === 'user' ? userById(ctx.db).load(ctx.actor.userId) : null;
  }

  @Access('public')
  @Mutation(() => AuthPayloadType)
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return underField('input', () => signUp(ctx.db, ctx.actor, input, sessionKeys(ctx), ctx.app.clock));
  }

  @Access('public')
  @Mutation(() => AuthPayloadType)
  logIn(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return logIn(ctx.db, ctx.actor, { email, password }, sessionKeys(ctx));
  }

  @FieldResolver(() => String, { nullable: true })
  email(@Root() user: SelfUserRow, @Ctx() ctx: Context): string | null {
    return maySeePrivateOf(ctx.actor, user) ? user.email : null;
  }
}
