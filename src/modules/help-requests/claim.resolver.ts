import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { associationById } from '../associations/association.loaders.js';
import { AssociationType } from '../associations/association.type.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { ClaimType, HelpRequestType, SlotType } from './help-request.type.js';
import { requestById, slotById } from './help-request.loaders.js';
import type { ClaimRow, HelpRequestRow, SlotRow } from './help-request.rows.js';

@Resolver(() => ClaimType)
export class ClaimResolver extends NodeFieldsResolver(ClaimType, 'Claim') {
  @FieldResolver(() => HelpRequestType)
  async request(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<HelpRequestRow> {
    return (await requestById(ctx).load(claim.requestId))!;
  }

  @FieldResolver(() => SlotType)
  async slot(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<SlotRow> {
    return (await slotById(ctx).load(claim.slotId))!;
  }

  @FieldResolver(() => AssociationType)
  async association(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return (await associationById(ctx).load(claim.associationId))!;
  }
}
