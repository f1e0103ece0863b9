import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../server/access.js';
import type { Context } from '../../server/context.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { associationById } from '../associations/association.loaders.js';
import { AssociationType } from '../associations/association.type.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { ApiKeyType, CreatedApiKeyType } from './identity.type.js';
import type { ApiKeyRow } from './identity.rows.js';
import { createApiKey, currentApiKey, revokeApiKey, type CreatedApiKey } from './api-key.service.js';
import { mustExist } from '../../shared/must-exist.js';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver extends NodeFieldsResolver(ApiKeyType, 'ApiKey') {
  @Access('public')
  @Query(() => ApiKeyType, { nullable: true, description: 'The API key making this request; null for users and anonymous callers.' })
  currentApiKey(@Ctx() ctx: Context): Promise<ApiKeyRow | null> {
    return currentApiKey(ctx);
  }

  @Access('authenticated')
  @Mutation(() => CreatedApiKeyType, { description: 'OWNER of the association.' })
  createApiKey(
    @Arg('associationId', () => ID) associationId: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiKey> {
    return createApiKey(ctx, associationId, name);
  }

  @Access('authenticated')
  @Mutation(() => ApiKeyType)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiKeyRow> {
    return revokeApiKey(ctx, id);
  }

  @FieldResolver(() => AssociationType)
  async association(@Root() key: ApiKeyRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx).load(key.associationId), 'associationById(key.associationId)');
  }
}
