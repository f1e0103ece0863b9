/** GraphQL object types of rosters and assignments. Relations and derived fields are field resolvers. */
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { NodeInterface, connectionTypes } from '../../shared/relay.type.js';

/** Who sees a volunteer's restricted fields (volunteer.loaders.ts applies it). */
export const VOLUNTEER_PRIVACY =
  "Visible to the OWNERs, COORDINATORs and API keys of the volunteer's association and of every association that requested a slot the volunteer is or was assigned to, to the linked user (once they accepted the roster's invitation), and to administrators; null for everyone else. A user invited but not linked sees only the name, in their own User.volunteerInvitations.";

@ObjectType('Volunteer', {
  implements: NodeInterface,
  description: "A person on an association's roster, with or without a user account. Assigned to places the association claims.",
})
export class VolunteerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: VOLUNTEER_PRIVACY })
  name!: string | null;

  @Field(() => String, { nullable: true, description: VOLUNTEER_PRIVACY })
  phone!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean, {
    description:
      "True while the user invited by addVolunteer's userEmail has neither accepted nor declined (until they accept, the volunteer is one without an account). Visible to the OWNERs, COORDINATORs and API key of the roster's association, to the invited user and to administrators; false for everyone else.",
  })
  invitationPending!: boolean;
}

@ObjectType('Assignment', {
  implements: NodeInterface,
  description:
    "A volunteer holding one of a claim's places on a timed slot (the shift: the slot's startsAt to endsAt). One person is never on two overlapping shifts at once, of any requests (SCHEDULE_CONFLICT), nor twice on one slot (ALREADY_CLAIMED).",
})
export class AssignmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  assignedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended: unassigned, or its claim withdrawn, declined or cancelled.' })
  endedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reason given to unassignVolunteer, or CLAIM_ENDED when it ended with its claim (withdrawn, declined or cancelled).',
  })
  endReason!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the volunteer arrived, as the requesting association recorded it (recordAttendance); null until recorded, and when absent.',
  })
  arrivedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the volunteer left, as recorded; null until recorded.' })
  leftAt!: Date | null;

  @Field(() => Boolean, { description: 'Recorded as not having come to the shift (then arrivedAt and leftAt are null).' })
  absent!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      "Hours served on this shift: the part of arrivedAt to leftAt that lies within the shift (an early arrival or a late departure counts up to the shift's start and end), rounded to 2 decimals, computed by PostgreSQL. 0 when absent; null until both times are recorded.",
  })
  hoursServed!: number | null;
}

export const { Connection: VolunteerConnection } = connectionTypes('Volunteer', () => VolunteerType, { totalCount: true });
