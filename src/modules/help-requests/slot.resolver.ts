import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ClaimStatus } from '../../shared/enums.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { ClaimType, HelpRequestType, SlotType } from './help-request.type.js';
import { claimsBySlot, claimsKey, requestById } from './help-request.loaders.js';
import type { ClaimRow, HelpRequestRow, SlotRow } from './help-request.rows.js';
import { mustExist } from '../../shared/must-exist.js';
import { EXPECTED, listCost, spendItems } from '../../shared/cost.js';
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
  async claims(
    @Root() slot: SlotRow,
    @Arg('status', () => ClaimStatus, { nullable: true }) status: ClaimStatus | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimRow[]> {
    return spendItems(ctx, await claimsBySlot(ctx.db).load(claimsKey(slot.id, status)));
  }
}
