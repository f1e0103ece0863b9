import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { userById } from '../identity/identity.loaders.js';
import { UserType } from '../identity/identity.type.js';
import type { UserRow } from '../identity/identity.rows.js';
import { associationById } from './association.loaders.js';
import { AssociationType, MembershipType } from './association.type.js';
import type { AssociationRow, MembershipRow } from './association.rows.js';

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => UserType)
  async user(@Root() membership: MembershipRow, @Ctx() ctx: Context): Promise<UserRow> {
    return (await userById(ctx).load(membership.userId))!;
  }

  @FieldResolver(() => AssociationType)
  async association(@Root() membership: MembershipRow, @Ctx() ctx: Context): Promise<AssociationRow> {
    return (await associationById(ctx).load(membership.associationId))!;
  }
}
