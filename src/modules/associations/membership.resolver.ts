import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { userById } from '../identity/identity.loaders.js';
import { UserType } from '../identity/identity.type.js';
import type { UserRow } from '../identity/identity.rows.js';
import { associationById } from './association.loaders.js';
import { AssociationType, MembershipType } from './association.type.js';
import type { AssociationRow, MembershipRow } from './association.rows.js';
import { mustExist } from '../../shared/must-exist.js';

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => UserType)
  async user(@Root() membership: MembershipRow, @Ctx() ctx: Context): Promise<UserRow> {
    return mustExist(await userById(ctx).load(membership.userId), 'userById(membership.userId)');
  }

  @FieldResolver(() => AssociationType)
  async association(@Root() membership: MembershipRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return mustExist(await associationById(ctx).load(membership.associationId), 'associationById(membership.associationId)');
  }
}
