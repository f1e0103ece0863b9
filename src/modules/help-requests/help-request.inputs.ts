import { Field, ID, InputType, Int } from 'type-graphql';
import { AidCategory, RequestKind, RequestStatus, Urgency } from '../../shared/enums.js';

@InputType('SlotInput')
export class SlotInput {
  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int)
  capacity!: number;
}

@InputType('PostHelpRequestInput')
export class PostHelpRequestInput {
  @Field(() => ID, { description: 'The association posting; the caller must be its OWNER or COORDINATOR, or hold its API key.' })
  associationId!: string;

  @Field(() => RequestKind)
  kind!: RequestKind;

  @Field(() => AidCategory)
  category!: AidCategory;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the requester's township." })
  township?: string | null;

  @Field(() => String, { nullable: true, description: 'Public: put private details (patient, ward, family) in contact, never here.' })
  address?: string | null;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => Urgency, { nullable: true, defaultValue: Urgency.NORMAL })
  urgency?: Urgency | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => [SlotInput], { description: 'At least one slot; for FUNDRAISING exactly one, whose capacity is the target in yuan.' })
  slots!: SlotInput[];

  @Field(() => String, {
    nullable: true,
    description: 'A retry with the same key from the same association returns the first result and changes nothing.',
  })
  idempotencyKey?: string | null;
}

/** Omitted fields stay unchanged; an explicit null clears the optional ones. */
@InputType('UpdateHelpRequestInput')
export class UpdateHelpRequestInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  township?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  contact?: string | null;

  @Field(() => Urgency, { nullable: true })
  urgency?: Urgency | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;
}

@InputType('HelpRequestFilter')
export class HelpRequestFilter {
  @Field(() => [RequestStatus], { nullable: true })
  statuses?: RequestStatus[] | null;

  @Field(() => [RequestKind], { nullable: true })
  kinds?: RequestKind[] | null;

  @Field(() => [AidCategory], { nullable: true })
  categories?: AidCategory[] | null;

  @Field(() => [String], { nullable: true })
  townships?: string[] | null;

  @Field(() => ID, { nullable: true })
  requesterId?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match in title or description.' })
  text?: string | null;
}

@InputType('ClaimInput')
export class ClaimInput {
  @Field(() => ID)
  slotId!: string;

  @Field(() => ID, { description: 'The association claiming; never the requester itself.' })
  associationId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A retry with the same key from the same association returns the first result and changes nothing.',
  })
  idempotencyKey?: string | null;
}
