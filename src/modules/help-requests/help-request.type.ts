/** GraphQL object types of requests, slots and claims. Relations and derived fields are field resolvers. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { NodeInterface, connectionTypes } from '../../shared/relay.type.js';
import { AidCategory, CapacityUnit, ClaimStatus, RequestKind, RequestStatus, Urgency } from '../../shared/enums.js';

@ObjectType('HelpRequest', { implements: NodeInterface })
export class HelpRequestType {
  @Field(() => ID) id!: string;
  @Field(() => RequestKind) kind!: RequestKind;
  @Field(() => AidCategory) category!: AidCategory;
  @Field(() => CapacityUnit) unit!: CapacityUnit;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true }) township!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Urgency) urgency!: Urgency;
  @Field(() => RequestStatus) status!: RequestStatus;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) claimed!: number;
  @Field(() => Date, { nullable: true }) startsAt!: Date | null;
  @Field(() => Date, { nullable: true }) endsAt!: Date | null;
  @Field(() => Date) postedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the request first became FILLED; kept if it reopens.' }) filledAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it became COMPLETED, CANCELLED or EXPIRED.' }) closedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'People served, reported when the request is completed.' }) beneficiaries!:
    number | null;
  @Field(() => String, { nullable: true, description: 'What the requester reported at completion.' }) outcome!: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given when the request was cancelled.' }) cancelReason!: string | null;
  @Field(() => Int, {
    description:
      'Starts at 1 and increases with every event on the request (claims included), except VOLUNTEER_ASSIGNED, VOLUNTEER_UNASSIGNED and ATTENDANCE_RECORDED: they are about people, not the request; pass it back as expectedVersion to updateHelpRequest.',
  })
  version!: number;
}

@ObjectType('Slot', { implements: NodeInterface, description: 'One unit of capacity of a request: the whole request, or one shift of it.' })
export class SlotType {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Date, { nullable: true }) startsAt!: Date | null;
  @Field(() => Date, { nullable: true }) endsAt!: Date | null;
  @Field(() => Int) capacity!: number;
  @Field(() => Int, { description: 'Sum of the quantities of ACTIVE and FULFILLED claims on this slot.' }) claimed!: number;
}

@ObjectType('Claim', { implements: NodeInterface })
export class ClaimType {
  @Field(() => ID) id!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ClaimStatus) status!: ClaimStatus;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) claimedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it stopped being ACTIVE (WITHDRAWN, DECLINED or FULFILLED).' })
  endedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The reason given by whoever withdrew or declined it; HANDED_OFF for a claim handed off to another association (handedTo).',
  })
  endReason!: string | null;
  @Field(() => Int, {
    description:
      'Volunteers assigned to its places (its ACTIVE assignments), at most quantity; 0 once it is withdrawn or declined. A FULFILLED claim keeps its count.',
  })
  assigned!: number;
}

export const { Connection: HelpRequestConnection } = connectionTypes('HelpRequest', () => HelpRequestType, { totalCount: true });
export const { Connection: ClaimConnection } = connectionTypes('Claim', () => ClaimType, { totalCount: true });
