/** GraphQL types of hand-offs. Relations are field resolvers (claim-handoff.resolver.ts). */
import { Field, ID, ObjectType } from 'type-graphql';
import { ClaimHandOffStatus } from '../../shared/enums.js';
import { NodeInterface, connectionTypes } from '../../shared/relay.type.js';

@ObjectType('ClaimHandOff', {
  implements: NodeInterface,
  description:
    'An offer of a whole ACTIVE claim by its holder (`from`) to another verified association (`to`), which accepts or declines it. It lapses when its slot starts or its request is completed or cancelled, and is WITHDRAWN when the claim ends first. Public, like claims.',
})
export class ClaimHandOffType {
  @Field(() => ID) id!: string;
  @Field(() => ClaimHandOffStatus) status!: ClaimHandOffStatus;
  @Field(() => String, { nullable: true, description: "The giver's message to the receiver." }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given by the receiver when it declined.' }) reason!: string | null;
  @Field(() => Date) offeredAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description:
      "When the offer lapses if undecided: its slot's startsAt (its endsAt for a slot with an end only); null for a slot without times.",
  })
  lapsesAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it stopped being OFFERED (accepted, declined, lapsed or withdrawn).' })
  decidedAt!: Date | null;
}

export const { Connection: ClaimHandOffConnection } = connectionTypes('ClaimHandOff', () => ClaimHandOffType, { totalCount: true });
