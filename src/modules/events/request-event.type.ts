import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../shared/relay.type.js';
import { AidCategory, RequestEventType, RequestKind } from '../../shared/enums.js';

@ObjectType('RequestEvent', {
  description:
    "One change to a help request, in the order the database committed it. Every event increases the request's version by one, except VOLUNTEER_ASSIGNED, VOLUNTEER_UNASSIGNED and ATTENDANCE_RECORDED: they are about people, not the request, so assigning volunteers and recording who came never makes a coordinator's edit conflict.",
})
export class RequestEventObject {
  @Field(() => RequestEventType)
  type!: RequestEventType;

  @Field(() => Date)
  occurredAt!: Date;
}

export const { Connection: RequestEventConnection } = connectionTypes('RequestEvent', () => RequestEventObject, { totalCount: false });

@InputType('RequestEventFilter')
export class RequestEventFilter {
  @Field(() => [RequestKind], { nullable: true })
  kinds?: RequestKind[] | null;

  @Field(() => [AidCategory], { nullable: true })
  categories?: AidCategory[] | null;

  @Field(() => [String], { nullable: true })
  townships?: string[] | null;

  @Field(() => [ID], { nullable: true })
  requesterIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  requestIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only events on requests this association posted, had claimed (any claim status) or had been offered a claim of (a hand-off, any status) at the time of the event.',
  })
  involvingAssociationId?: string | null;

  @Field(() => [RequestEventType], {
    nullable: true,
    description:
      'Only events of these types (an empty list matches nothing). Absent or null: the original ten types, POSTED to EXPIRED, only, so a client written before the newer types (VOLUNTEER_ASSIGNED, ...) sees nothing new; name them to receive them.',
  })
  types?: RequestEventType[] | null;
}
