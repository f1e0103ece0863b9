import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { forgetLoaded } from '../../db/handle.js';
import { underField } from '../../shared/errors.js';
import { NodeFieldsResolver } from '../../shared/node.resolver.js';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { associationById } from '../associations/association.loaders.js';
import { AssociationType } from '../associations/association.type.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { ClaimType, HelpRequestType, SlotType } from './help-request.type.js';
import { claimById, requestById, slotById } from './help-request.loaders.js';
import { readWith } from '../../db/relations.js';
import type { DirectResolvers } from '../../shared/direct-resolvers.js';
import { ClaimInput } from './help-request.inputs.js';
import { claimReturning, declineClaim, withdrawClaim } from './claim.service.js';
import type { ClaimRow, HelpRequestRow, SlotRow } from './help-request.rows.js';
import { mustExist } from '../../shared/must-exist.js';

/** A mutation's payload is read after its commit, as it is now. */
async function freshClaim(ctx: Context, id: string): Promise<ClaimRow> {
  forgetLoaded(ctx.db);
  return mustExist(await claimById(ctx.db).load(id), 'claimById(id)');
}

@Resolver(() => ClaimType)
export class ClaimResolver extends NodeFieldsResolver(ClaimType, 'Claim') {
  @Access('authenticated')
  @Mutation(() => ClaimType, {
    description:
      "Claims a quantity of a slot for the claiming association and returns the ACTIVE claim. Atomic: the sum of ACTIVE and FULFILLED quantities on a slot never exceeds its capacity, whatever the concurrency. By the claimant's OWNERs, COORDINATORs and API key; never on its own request. One CLAIMED event (then FILLED when every slot is full).",
  })
  async claim(@Arg('input', () => ClaimInput) input: ClaimInput, @Ctx() ctx: Context): Promise<ClaimRow> {
    const claimed = await underField('input', () => claimReturning(ctx.db, ctx.actor, input, ctx.app.clock));
    if (!claimed.row) return freshClaim(ctx, claimed.id);
    // A new claim is the row its transaction committed; what else was loaded may be stale.
    forgetLoaded(ctx.db);
    claimById(ctx.db).prime(claimed.id, claimed.row);
    return claimed.row;
  }

  @Access('authenticated')
  @Mutation(() => ClaimType, {
    description:
      'Withdraws an ACTIVE claim (WITHDRAWN, the reason kept as endReason) and returns it; its volunteers are unassigned. By the claiming association. One CLAIM_WITHDRAWN event (then REOPENED if the request was FILLED).',
  })
  async withdrawClaim(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimRow> {
    return freshClaim(ctx, await withdrawClaim(ctx.db, ctx.actor, { id, reason }, ctx.app.clock));
  }

  @Access('authenticated')
  @Mutation(() => ClaimType, {
    description:
      'Declines an ACTIVE claim on one of its requests (DECLINED, the reason kept as endReason) and returns it; its volunteers are unassigned. By the requesting association. One CLAIM_DECLINED event (then REOPENED if the request was FILLED).',
  })
  async declineClaim(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimRow> {
    return freshClaim(ctx, await declineClaim(ctx.db, ctx.actor, { id, reason }, ctx.app.clock));
  }

  @FieldResolver(() => HelpRequestType)
  async request(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<HelpRequestRow> {
    return mustExist(await requestById(ctx.db).load(claim.requestId), 'requestById(claim.requestId)');
  }

  @FieldResolver(() => SlotType)
  async slot(@Root() claim: ClaimRow, @Ctx() ctx: Context): Promise<SlotRow> {
    return mustExist(await slotById(ctx.db).load(claim.slotId), 'slotById(claim.slotId)');
  }

  @FieldResolver(() => AssociationType)
  association(@Root() claim: ClaimRow, @Ctx() ctx: Context): AssociationRow | Promise<AssociationRow> {
    return associationOf(claim, ctx);
  }
}

/** Synchronous when the association was read with the claim (help-request.json.ts), else through its loader. */
function associationOf(claim: ClaimRow, ctx: Context): AssociationRow | Promise<AssociationRow> {
  return readWith(claim, 'association') ?? loadAssociation(ctx, claim);
}

async function loadAssociation(ctx: Context, claim: ClaimRow): Promise<AssociationRow> {
  return mustExist(await associationById(ctx.db).load(claim.associationId), 'associationById(claim.associationId)');
}

/** The same field, resolved directly (shared/direct-resolvers.ts): it is on every claim of a page. */
export const claimDirectResolvers: DirectResolvers = {
  Claim: { association: (claim: ClaimRow, _args, ctx: Context) => associationOf(claim, ctx) },
};
