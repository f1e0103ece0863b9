/** Dashboard figures (contract: Stats and friends). Definitions: docs/stats.md. */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AidCategory } from '../../shared/enums.js';

@InputType('StatsFilter')
export class StatsFilter {
  @Field(() => Date, {
    nullable: true,
    description:
      "Start of the period [from, to): of the requests' postedAt for the request figures, of the shift's start for the volunteer figures.",
  })
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'End of the period [from, to), excluded.' }) to?: Date | null;
  @Field(() => [String], { nullable: true }) townships?: string[] | null;
  @Field(() => [AidCategory], { nullable: true }) categories?: AidCategory[] | null;
  @Field(() => ID, { nullable: true, description: 'Only requests this association posted or holds an ACTIVE or FULFILLED claim on.' })
  associationId?: string | null;
}

/**
 * The volunteer figures (issue 14), on Stats and on every entry of its breakdowns: the same
 * descriptions in both places (stats.resolver.ts uses them too).
 */
export const VOLUNTEER_HOURS =
  "Hours served on the counted assignments: those held through an ACTIVE or FULFILLED claim whose shift starts in [from, to) (the shift's start, not the request's postedAt), on requests that match the other filters; from the recorded arrival to the recorded departure, capped by the shift. 0 when none; a stay without a recorded departure adds nothing yet.";
export const VOLUNTEERS_SERVED =
  "Distinct persons with an arrival recorded on the counted assignments (see volunteerHours): a volunteer linked to a user (who accepted the roster's invitation) is that user, one person across rosters, as on their service record; any other volunteer is its roster entry.";
export const NO_SHOW_RATE =
  'absent / (absent + arrived) over the counted assignments (see volunteerHours) whose attendance was recorded; null when none was. Assignments with nothing recorded do not count.';

@ObjectType('CategoryStats', { description: "One entry per AidCategory, in the enum's order, zeros included." })
export class CategoryStatsType {
  @Field(() => AidCategory) category!: AidCategory;
  @Field(() => Int) requestsPosted!: number;
  @Field(() => Int) requestsCompleted!: number;
  @Field(() => Int) beneficiaries!: number;
  @Field(() => Float, { description: VOLUNTEER_HOURS }) volunteerHours!: number;
  @Field(() => Int, { description: VOLUNTEERS_SERVED }) volunteersServed!: number;
  @Field(() => Float, { nullable: true, description: NO_SHOW_RATE }) noShowRate!: number | null;
}

@ObjectType('TownshipStats', {
  description:
    'One entry per township that has at least one request in the filter, ordered by township; when a volunteer figure is selected, also one per township with a counted shift in the period (request figures 0). Requests without a township are left out.',
})
export class TownshipStatsType {
  @Field(() => String) township!: string;
  @Field(() => Int) requestsPosted!: number;
  @Field(() => Int) requestsCompleted!: number;
  @Field(() => Int) beneficiaries!: number;
  @Field(() => Float, { description: VOLUNTEER_HOURS }) volunteerHours!: number;
  @Field(() => Int, { description: VOLUNTEERS_SERVED }) volunteersServed!: number;
  @Field(() => Float, { nullable: true, description: NO_SHOW_RATE }) noShowRate!: number | null;
}

@ObjectType('MonthStats', {
  description:
    'One entry per month with at least one request posted, oldest first; when a volunteer figure is selected, also one per month in which a counted shift starts (request figures 0).',
})
export class MonthStatsType {
  @Field(() => String, {
    description:
      "YYYY-MM in the reporting time zone (Asia/Shanghai unless configured): the month of postedAt for the request figures, of the shift's start for the volunteer figures.",
  })
  month!: string;
  @Field(() => Int) requestsPosted!: number;
  @Field(() => Int) requestsCompleted!: number;
  @Field(() => Int) beneficiaries!: number;
  @Field(() => Float, { description: VOLUNTEER_HOURS }) volunteerHours!: number;
  @Field(() => Int, { description: VOLUNTEERS_SERVED }) volunteersServed!: number;
  @Field(() => Float, { nullable: true, description: NO_SHOW_RATE }) noShowRate!: number | null;
}

@ObjectType('AssociationStats', { description: 'Figures for one association over the requests that match the filter.' })
export class AssociationStatsType {
  @Field(() => Int, { description: 'Requests this association posted.' }) requestsPosted!: number;
  @Field(() => Int, { description: 'ACTIVE or FULFILLED claims this association holds on these requests.' }) claimsMade!: number;
  @Field(() => Int, { description: 'Persons committed through ACTIVE or FULFILLED claims.' }) volunteersCommitted!: number;
  @Field(() => Int, { description: 'Yuan pledged through ACTIVE or FULFILLED claims.' }) amountPledged!: number;
}

@ObjectType('Collaboration', {
  description: 'How often one association helped another: ACTIVE or FULFILLED claims by helper on requests of helped. Most claims first.',
})
export class CollaborationType {
  @Field(() => Int) claims!: number;
}

@ObjectType('Stats')
export class StatsType {}
