/** Dashboard figures (contract: Stats and friends). Definitions: README, "Stats for dashboard authors". */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AidCategory } from '../../shared/enums.js';

@InputType('StatsFilter')
export class StatsFilter {
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
  @Field(() => [String], { nullable: true }) townships?: string[] | null;
  @Field(() => [AidCategory], { nullable: true }) categories?: AidCategory[] | null;
  @Field(() => ID, { nullable: true, description: 'Only requests this association posted or holds an ACTIVE or FULFILLED claim on.' })
  associationId?: string | null;
}

@ObjectType('CategoryStats', { description: "One entry per AidCategory, in the enum's order, zeros included." })
export class CategoryStatsType {
  @Field(() => AidCategory) category!: AidCategory;
  @Field(() => Int) requestsPosted!: number;
  @Field(() => Int) requestsCompleted!: number;
  @Field(() => Int) beneficiaries!: number;
}

@ObjectType('TownshipStats', { description: 'One entry per township that has at least one request in the filter, ordered by township.' })
export class TownshipStatsType {
  @Field(() => String) township!: string;
  @Field(() => Int) requestsPosted!: number;
  @Field(() => Int) requestsCompleted!: number;
  @Field(() => Int) beneficiaries!: number;
}

@ObjectType('MonthStats', { description: 'One entry per month with at least one request posted, oldest first.' })
export class MonthStatsType {
  @Field(() => String, { description: 'The month of postedAt, YYYY-MM, in the reporting time zone (Asia/Shanghai unless configured).' })
  month!: string;
  @Field(() => Int) requestsPosted!: number;
  @Field(() => Int) requestsCompleted!: number;
  @Field(() => Int) beneficiaries!: number;
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
