/** GraphQL object types of associations. Relations are field resolvers (association resolvers). */
import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface, connectionTypes } from '../../shared/relay.type.js';
import { AidCategory, MemberRole } from '../../shared/enums.js';

@ObjectType('Association', { implements: NodeInterface })
export class AssociationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  township!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [AidCategory])
  categories!: AidCategory[];

  @Field(() => Boolean, { description: 'Set by an administrator of the service center; only verified associations may post or claim.' })
  verified!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('Membership')
export class MembershipType {
  @Field(() => MemberRole)
  role!: MemberRole;
}

export const { Connection: AssociationConnection } = connectionTypes('Association', () => AssociationType, { totalCount: true });
