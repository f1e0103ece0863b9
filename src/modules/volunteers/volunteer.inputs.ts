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
      'Links the volunteer to the user who signed up with this e-mail address (NOT_FOUND if none), so that they see their own shifts; a user is on a roster at most once.',
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
