import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { forgetLoaded } from '../../db/handle.js';
import { mustExist } from '../../shared/must-exist.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { ApiKeyType, CreatedApiKeyType } from './api-key.type.js';
import { createApiKey, currentApiKey, revokeApiKey, type CreatedApiKey } from './api-key.service.js';
import { associationById } from './association.loaders.js';
import { AssociationType } from './association.type.js';
import type { ApiKeyRow, AssociationRow } from './association.rows.js';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver extends NodeFieldsResolver(ApiKeyType, 'ApiKey') {
  @Access('public')
  @Query(() => ApiKeyType, { nullable: true, description: 'The API key making this request; null for users and anonymous callers.' })
  currentApiKey(@Ctx() ctx: Context): Promise<ApiKeyRow | null> {
    return currentApiKey(ctx.db, ctx.actor);
  }

  @Access('authenticated')
  @Mutation(() => CreatedApiKeyType, {
    description:
      'Creates an API key acting for the association and returns it with its secret, shown only this once. OWNER of the association.',
  })
  async createApiKey(
    @Arg('associationId', () => ID) associationId: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiKey> {
    const created = await createApiKey(ctx.db, ctx.actor, { associationId, name }, ctx.app.clock);
    forgetLoaded(ctx.db);
    return created;
  }

  @Access('authenticated')
  @Mutation(() => ApiKeyType, {
    description:
      'Revokes the API key (it fails from the next request on, on every instance, and its sockets are closed) and returns it; revoking again returns it unchanged. OWNER of its association.',
  })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKeyRow> {
    const revoked = await revokeApiKey(ctx.db, ctx.actor, id, ctx.app.clock);
    forgetLoaded(ctx.db);
    return revoked;
  }

  @FieldResolver(() => AssociationType)
  async association(@Root() key: ApiKeyRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx.db).load(key.associationId), 'associationById(key.associationId)');
  }
}
