import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { decodeGlobalId } from '../../shared/global-id.js';
import { NodeInterface, tagNode } from '../../shared/relay.type.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { nodeLoaders } from './node-lookup.service.js';

@Resolver()
export class NodeResolver {
  @Access('public')
  @Query(() => NodeInterface, {
    nullable: true,
    description:
      'Any object by its global id (an Association, HelpRequest, Slot, Claim, User, ApiKey, Volunteer, Assignment or ClaimHandOff); null when the id names nothing or nothing the caller may see. An id that cannot be decoded is BAD_USER_INPUT.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    const { type, key } = decodeGlobalId(id, 'id');
    const load = nodeLoaders[type];
    const row = load ? await load(ctx.db, ctx.actor, key) : null;
    return row ? tagNode(type, row) : null;
  }
}
