/** GraphQL input types of rosters and assignments. Limits are checked by the services (api.md, "Input limits"). */
import { Field, ID, InputType } from 'type-graphql';

@InputType('AddVolunteerInput')
export class AddVolunteerInput {
  @Field(() => ID)
  associationId!: string;

  @Field(() => String, { description: '1-100 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Up to 50 characters.' })
  phone?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Invites the user who signed up with this e-mail address (NOT_FOUND if none) to be this volunteer. It links nobody: until the user accepts (acceptVolunteerInvitation), the volunteer is one without an account. A user is on a roster at most once, and invited to it at most once at a time (BAD_USER_INPUT).',
  })
  userEmail?: string | null;
}

@InputType('AssignVolunteersInput')
export class AssignVolunteersInput {
  @Field(() => ID, { description: "An ACTIVE claim on a timed slot of a request for people, of the caller's association." })
  claimId!: string;

  @Field(() => [ID], { description: "1 to 100 different volunteers of the claiming association's roster." })
  volunteerIds!: string[];
}

@InputType('RecordAttendanceInput', {
  description:
    'Either arrivedAt (and, when known, leftAt) or absent: true. Times lie within a window around the shift: an arrival no more than 12 hours before it starts and not after it ends, a departure no more than 12 hours after it ends; none in the future (5 minutes of clock skew allowed).',
})
export class RecordAttendanceInput {
  @Field(() => ID, { description: "An ACTIVE assignment on a shift of a request of the caller's association." })
  assignmentId!: string;

  @Field(() => Date, { nullable: true, description: 'When the volunteer arrived. Required unless absent is true.' })
  arrivedAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When they left, not before arrivedAt. Omitted: the departure recorded before is kept; null: cleared (not left yet).',
  })
  leftAt?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: the volunteer did not come (recorded once the shift has started; clears the times). Omitted, null or false: arrivedAt is required.',
  })
  absent?: boolean | null;
}
