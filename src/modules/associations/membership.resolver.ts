import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EXPECTED, listCost, spendItems } from '../../shared/cost.js';
import { mustExist } from '../../shared/must-exist.js';
import type { Context } from '../context.js';
import { userById } from '../identity/identity.loaders.js';
import type { UserRow } from '../identity/identity.rows.js';
import { UserType } from '../identity/identity.type.js';
import type { SelfUserRow } from '../identity/user.policy.js';
import { userMemberships } from './association-read.service.js';
import { associationById } from './association.loaders.js';
import type { AssociationRow, MembershipRow } from './association.rows.js';
import { AssociationType, MembershipType } from './association.type.js';

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => UserType)
  async user(@Root() membership: MembershipRow, @Ctx() ctx: Context): Promise<UserRow> {
    return mustExist(await userById(ctx.db).load(membership.userId), 'userById(membership.userId)');
  }

  @FieldResolver(() => AssociationType)
  async association(@Root() membership: MembershipRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx.db).load(membership.associationId), 'associationById(membership.associationId)');
  }
}

/** User.memberships: added to identity's User type by the module that owns memberships. */
@Resolver(() => UserType)
export class UserMembershipsResolver {
  @FieldResolver(() => [MembershipType], {
    description: 'Visible to the user themself and to administrators; empty for everyone else.',
    complexity: listCost(EXPECTED.memberships),
  })
  async memberships(@Root() user: SelfUserRow, @Ctx() ctx: Context): Promise<MembershipRow[]> {
    return spendItems(ctx, await userMemberships(ctx.db, ctx.actor, { user }));
  }
}
