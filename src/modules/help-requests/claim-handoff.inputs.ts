import { Field, ID, InputType } from 'type-graphql';

@InputType('OfferClaimHandOffInput')
export class OfferClaimHandOffInput {
  @Field(() => ID, { description: 'The ACTIVE claim to hand off, whole: the caller acts for its association.' })
  claimId!: string;

  @Field(() => ID, { description: 'The verified association offered it; neither the holder nor the requester.' })
  toAssociationId!: string;

  @Field(() => String, { nullable: true, description: 'A message to the receiver, up to 500 characters.' })
  note?: string | null;
}
