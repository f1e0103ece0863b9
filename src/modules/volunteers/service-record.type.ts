/** GraphQL object types of service records. Relations and lists are field resolvers (service-record.resolver.ts). */
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ServiceShift', {
  description: 'A shift on a service record: the assignment, the request and its requesting association, the shift and the hours served.',
})
export class ServiceShiftType {
  @Field(() => String, { description: 'The title of the request the shift belongs to.' })
  requestTitle!: string;

  @Field(() => Date, { description: "The shift's start (its slot's startsAt)." })
  startsAt!: Date;

  @Field(() => Date, { description: "The shift's end (its slot's endsAt)." })
  endsAt!: Date;

  @Field(() => Float, { nullable: true, description: "The assignment's hoursServed: 0 when absent, null until both times are recorded." })
  hoursServed!: number | null;
}

@ObjectType('ServiceRecord', {
  description:
    'What a volunteer served, computed in PostgreSQL. A shift is on the record once attendance was recorded for it (arrived or absent), or once it has ended with the volunteer still assigned; shifts to come and people unassigned are not.',
})
export class ServiceRecordType {
  @Field(() => Float, { description: 'The sum of hoursServed over the shifts, rounded to 2 decimals.' })
  totalHours!: number;

  @Field(() => Int, { description: 'Shifts with a recorded arrival.' })
  shiftsServed!: number;

  @Field(() => Int, { description: 'Shifts recorded as absent.' })
  absences!: number;
}
