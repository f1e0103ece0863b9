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
      'The signed-in user making this request, as they see themself: their email, memberships (the associations they act for, with their roles), upcoming shifts, roster invitations and service record. Null for anonymous callers and for API keys (see currentApiKey). Invalid credentials fail the whole operation with UNAUTHENTICATED.',
  })
  async viewer(@Ctx() ctx: Context): Promise<SelfUserRow | null> {
    return ctx.actor.kind === 'user' ? userById(ctx.db).load(ctx.actor.userId) : null;
  }

  @Access('public')
  @Mutation(() => AuthPayloadType, {
    description:
      'Creates a user account and returns a session token for it (Authorization: Bearer <token>) with the user. Password 8-256 characters; one account per e-mail address. Ignores any credentials sent with it.',
  })
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return underField('input', () => signUp(ctx.db, ctx.actor, input, sessionKeys(ctx), ctx.app.clock));
  }

  @Access('public')
  @Mutation(() => AuthPayloadType, {
    description:
      'Returns a new session token (valid for SESSION_TTL, 7 days by default) and the user. A wrong e-mail or password is UNAUTHENTICATED, the same for both. Ignores any credentials sent with it, so a stale token does not stop a log-in.',
  })
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
