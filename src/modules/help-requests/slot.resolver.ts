import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ClaimStatus } from '../../shared/enums.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { ClaimType, HelpRequestType, SlotType } from './help-request.type.js';
import { claimsBySlot, claimsReadOrLoaded, requestById } from './help-request.loaders.js';
import { readWith } from '../../db/relations.js';
import type { ClaimRow, HelpRequestRow, SlotRow } from './help-request.rows.js';
import { enumArgument, type DirectResolvers } from '../../shared/direct-resolvers.js';
import { mustExist } from '../../shared/must-exist.js';
import { EXPECTED, listCost, spendItemsOf } from '../../shared/cost.js';
import type { Context } from '../context.js';

@Resolver(() => SlotType)
export class SlotResolver extends NodeFieldsResolver(SlotType, 'Slot') {
  @FieldResolver(() => HelpRequestType)
  async request(@Root() slot: SlotRow, @Ctx() ctx: Context): Promise<HelpRequestRow> {
    return mustExist(await requestById(ctx.db).load(slot.requestId), 'requestById(slot.requestId)');
  }

  @FieldResolver(() => Int)
  remaining(@Root() slot: SlotRow): number {
    return slot.capacity - slot.claimed;
  }

  @FieldResolver(() => [ClaimType], { complexity: listCost(EXPECTED.claims) })
  claims(
    @Root() slot: SlotRow,
    @Arg('status', () => ClaimStatus, { nullable: true }) status: ClaimStatus | null,
    @Ctx() ctx: Context,
  ): ClaimRow[] | Promise<ClaimRow[]> {
    return claimsOfSlot(slot, status, ctx);
  }
}

/** Synchronous when the claims were read with the slot (help-request.json.ts), else through their loader. */
function claimsOfSlot(slot: SlotRow, status: ClaimStatus | null, ctx: Context): ClaimRow[] | Promise<ClaimRow[]> {
  return spendItemsOf(ctx, claimsReadOrLoaded(readWith(slot, 'claims'), claimsBySlot(ctx.db), slot.id, status));
}

/** The same fields, resolved directly (shared/direct-resolvers.ts): they are on every slot of a page. */
export const slotDirectResolvers: DirectResolvers = {
  Slot: {
    remaining: (slot: SlotRow) => slot.capacity - slot.claimed,
    claims: (slot: SlotRow, args, ctx: Context) => claimsOfSlot(slot, enumArgument(args, 'status', ClaimStatus), ctx),
  },
};
