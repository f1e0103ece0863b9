/** GraphQL object types of API keys. Relations are field resolvers (api-key.resolver.ts). */
import { Field, ID, ObjectType } from 'type-graphql';
import { NodeInterface } from '../../shared/relay.type.js';

@ObjectType('ApiKey', { implements: NodeInterface })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => ApiKeyType)
  apiKey!: unknown;

  @Field(() => String, { description: 'The secret, shown once. Send it as `Authorization: Bearer <secret>`.' })
  secret!: string;
}
