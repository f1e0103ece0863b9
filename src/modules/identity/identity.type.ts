/** GraphQL object types of the identity side. Relations are field resolvers (identity resolvers). */
import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../shared/relay.type.js';

@ObjectType('User', { implements: NodeInterface })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Visible to the user themself and to administrators; null for everyone else.' })
  email!: string | null;

  @Field(() => Boolean)
  isAdmin!: boolean;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field(() => String)
  token!: string;

  @Field(() => UserType)
  user!: unknown;
}
