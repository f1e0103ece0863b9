import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { forgetLoaded } from '../../db/handle.js';
import { BOUNDS, EXPECTED, listCost, pageCost, spendItems } from '../../shared/cost.js';
import { ClaimHandOffStatus } from '../../shared/enums.js';
import { underField } from '../../shared/errors.js';
import { mustExist } from '../../shared/must-exist.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import type { Connection } from '../../shared/pagination.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { associationById } from '../associations/association.loaders.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { AssociationType } from '../associations/association.type.js';
import { associationHandOffs } from './claim-handoff-list.service.js';
import { OfferClaimHandOffInput } from './claim-handoff.inputs.js';
import { handOffById, handOffsByClaim, type HandOffRow } from './claim-handoff.loaders.js';
import { acceptClaimHandOff, declineClaimHandOff, offerClaimHandOff } from './claim-handoff.service.js';
import { ClaimHandOffConnection, ClaimHandOffType } from './claim-handoff.type.js';
import { claimById } from './help-request.loaders.js';
import type { ClaimRow } from './help-request.rows.js';
import { ClaimType } from './help-request.type.js';

/** A mutation's payload is read after its commit, as it is now. */
async function freshHandOff(ctx: Context, id: string): Promise<HandOffRow> {
  forgetLoaded(ctx.db);
  return mustExist(await handOffById(ctx.db).load(id), 'handOffById(id)');
}

@Resolver(() => ClaimHandOffType)
export class ClaimHandOffResolver extends NodeFieldsResolver(ClaimHandOffType, 'ClaimHandOff') {
  @Access('authenticated')
  @Mutation(() => ClaimHandOffType, {
    description:
      "Offers a whole ACTIVE claim to another verified association (never the requester), which accepts or declines it: by the holder's OWNERs, COORDINATORs and API key, on an OPEN or FILLED request, before the claim's slot starts, one OFFERED hand-off per claim at a time (ALREADY_CLAIMED when the receiver already holds an ACTIVE claim on the slot). The receiver counts as involved in the request from now on (event filters) and sees its contact while the offer stands. One HANDOFF_OFFERED event.",
  })
  async offerClaimHandOff(
    @Arg('input', () => OfferClaimHandOffInput) input: OfferClaimHandOffInput,
    @Ctx() ctx: Context,
  ): Promise<HandOffRow> {
    return freshHandOff(ctx, await underField('input', () => offerClaimHandOff(ctx.db, ctx.actor, input, ctx.app.clock)));
  }

  @Access('authenticated')
  @Mutation(() => ClaimHandOffType, {
    description:
      "Accepts an OFFERED hand-off: by the receiver's OWNERs, COORDINATORs and API key. Atomically, the receiver gets an ACTIVE claim of the same quantity on the same slot (ALREADY_CLAIMED if it already holds one there) and the claim given becomes WITHDRAWN with endReason HANDED_OFF and handedTo set, its volunteers' assignments ended; the slot's and the request's claimed and status do not change. An offer whose slot has started is LAPSED instead (BAD_USER_INPUT). One HANDOFF_ACCEPTED event.",
  })
  async acceptClaimHandOff(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<HandOffRow> {
    return freshHandOff(ctx, await acceptClaimHandOff(ctx.db, ctx.actor, { id }, ctx.app.clock));
  }

  @Access('authenticated')
  @Mutation(() => ClaimHandOffType, {
    description:
      "Declines an OFFERED hand-off, keeping the reason: by the receiver's OWNERs, COORDINATORs and API key. The claim stays with its holder. One HANDOFF_DECLINED event.",
  })
  async declineClaimHandOff(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<HandOffRow> {
    return freshHandOff(ctx, await declineClaimHandOff(ctx.db, ctx.actor, { id, reason }, ctx.app.clock));
  }

  @FieldResolver(() => ClaimType, { description: 'The claim offered (WITHDRAWN with endReason HANDED_OFF once accepted).' })
  async claim(@Root() handOff: HandOffRow, @Ctx() ctx: Context): Promise<ClaimRow> {
    return mustExist(await claimById(ctx.db).load(handOff.claimId), 'claimById(handOff.claimId)');
  }

  @FieldResolver(() => AssociationType, { description: 'The association that held the claim and offered it.' })
  async from(@Root() handOff: HandOffRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx.db).load(handOff.fromAssociationId), 'associationById(handOff.fromAssociationId)');
  }

  @FieldResolver(() => AssociationType, { description: 'The association it is offered to.' })
  async to(@Root() handOff: HandOffRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx.db).load(handOff.toAssociationId), 'associationById(handOff.toAssociationId)');
  }

  @FieldResolver(() => ClaimType, { nullable: true, description: "The receiver's claim, once ACCEPTED." })
  async newClaim(@Root() handOff: HandOffRow, @Ctx() ctx: Context): Promise<ClaimRow | null> {
    return handOff.newClaimId ? claimById(ctx.db).load(handOff.newClaimId) : null;
  }
}

/** Claim.handOffs and Claim.handedTo. */
@Resolver(() => ClaimType)
export class ClaimHandOffsResolver {
  @FieldResolver(() => [ClaimHandOffType], {
    description: `Every offer of this claim to another association, oldest first (at most ${BOUNDS.handOffsPerClaim}, any status).`,
    complexity: listCost(EXPECTED.handOffs),
  })
  async handOffs(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<HandOffRow[]> {
    return spendItems(ctx, await handOffsByClaim(ctx.db).load(claim.id));
  }

  @FieldResolver(() => ClaimType, {
    nullable: true,
    description: "The receiver's claim, when this one was handed off (then WITHDRAWN with endReason HANDED_OFF).",
  })
  async handedTo(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<ClaimRow | null> {
    return claim.handedToClaimId ? claimById(ctx.db).load(claim.handedToClaimId) : null;
  }
}

/** Association.handOffsOffered and Association.handOffsReceived. */
@Resolver(() => AssociationType)
export class AssociationHandOffsResolver {
  @FieldResolver(() => ClaimHandOffConnection, {
    description: 'Hand-offs this association offered of its claims, newest first (offeredAt desc, id desc).',
    complexity: pageCost(20),
  })
  handOffsOffered(
    @Root() association: AssociationRow,
    @Arg('status', () => ClaimHandOffStatus, { nullable: true }) status: ClaimHandOffStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<HandOffRow>> {
    return associationHandOffs(ctx.db, ctx.actor, { associationId: association.id, side: 'offered', status, first, after });
  }

  @FieldResolver(() => ClaimHandOffConnection, {
    description:
      'Hand-offs offered to this association, newest first (offeredAt desc, id desc): with status OFFERED, those waiting for its answer.',
    complexity: pageCost(20),
  })
  handOffsReceived(
    @Root() association: AssociationRow,
    @Arg('status', () => ClaimHandOffStatus, { nullable: true }) status: ClaimHandOffStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<HandOffRow>> {
    return associationHandOffs(ctx.db, ctx.actor, { associationId: association.id, side: 'received', status, first, after });
  }
}
