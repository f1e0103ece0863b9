/** The fields this module adds to Association: the requests it posted and the claims it made, paged per parent. */
import type { GraphQLResolveInfo } from 'graphql';
import { nodesOf } from '../../shared/projection.js';
import { projectionOf } from '../../shared/selection.js';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { pageCost } from '../../shared/cost.js';
import { ClaimStatus, RequestStatus } from '../../shared/enums.js';
import type { Connection } from '../../shared/pagination.js';
import type { Context } from '../context.js';
import { AssociationType } from '../associations/association.type.js';
import type { AssociationRow } from '../associations/association.rows.js';
import { ClaimConnection, HelpRequestConnection } from './help-request.type.js';
import type { ClaimRow, HelpRequestRow } from './help-request.rows.js';
import { associationClaims } from './claim-list.service.js';
import { associationHelpRequests } from './help-request-list.service.js';

@Resolver(() => AssociationType)
export class AssociationRequestsResolver {
  @FieldResolver(() => HelpRequestConnection, { description: 'Requests this association posted, newest first.', complexity: pageCost(20) })
  helpRequests(
    @Root() association: AssociationRow,
    @Arg('status', () => RequestStatus, { nullable: true }) status: RequestStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<HelpRequestRow>> {
    const wanted = nodesOf(projectionOf(info));
    return associationHelpRequests(ctx.db, ctx.actor, { associationId: association.id, status, first, after }, wanted);
  }

  @FieldResolver(() => ClaimConnection, {
    description: 'Claims this association made (not claims on its requests), newest first.',
    complexity: pageCost(20),
  })
  claims(
    @Root() association: AssociationRow,
    @Arg('status', () => ClaimStatus, { nullable: true }) status: ClaimStatus | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<ClaimRow>> {
    return associationClaims(ctx.db, ctx.actor, { associationId: association.id, status, first, after });
  }
}
