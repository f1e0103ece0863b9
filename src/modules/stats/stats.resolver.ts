import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { associationById } from '../associations/association.loaders.js';
import { AssociationType } from '../associations/association.type.js';
import {
  AssociationStatsType,
  CategoryStatsType,
  CollaborationType,
  MonthStatsType,
  NO_SHOW_RATE,
  StatsFilter,
  StatsType,
  TownshipStatsType,
  VOLUNTEER_HOURS,
  VOLUNTEERS_SERVED,
} from './stats.type.js';
import { statsQuery, VOLUNTEER_FIGURES, type CollaborationRow, type HelperRow, type StatsQuery } from './stats.service.js';
import { projectionOf } from '../../shared/selection.js';
import { mustExist } from '../../shared/must-exist.js';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { AGGREGATE, EXPECTED, limitCost } from '../../shared/cost.js';

/**
 * Costs (shared/cost.ts): the summary figures come from one aggregate, the
 * commitments from another, the volunteer figures from a third, so each of
 * their fields carries a share; every breakdown and top-N list is an aggregate
 * of its own plus its rows (a breakdown's volunteer figures join a second
 * aggregate into its statement: their rows' fields price it).
 */
const SUMMARY = Math.ceil(AGGREGATE / 5);
const COMMITMENTS = Math.ceil(AGGREGATE / 2);
const VOLUNTEERS = Math.ceil(AGGREGATE / 3);
const BREAKDOWN: ComplexityEstimator = ({ childComplexity }) => AGGREGATE + EXPECTED.breakdown * childComplexity;
const topCost =
  (defaultLimit: number): ComplexityEstimator =>
  (options) =>
    AGGREGATE + (limitCost(defaultLimit)(options) ?? 0);

/** Whether a breakdown's selection asks for a volunteer figure (its statement then computes them too). */
const wantsVolunteerFigures = (info: GraphQLResolveInfo) => {
  const { fields } = projectionOf(info);
  return VOLUNTEER_FIGURES.some((figure) => fields.has(figure));
};

@Resolver(() => StatsType)
export class StatsResolver {
  @Access('public')
  @Query(() => StatsType, {
    description:
      "The county's figures for dashboards, over the requests posted in [filter.from, filter.to) that match the other filters (the volunteer figures: over the shifts starting in that period). Without a filter, over everything. Public.",
  })
  stats(@Arg('filter', () => StatsFilter, { nullable: true }) filter: StatsFilter | null, @Ctx() ctx: Context): StatsQuery {
    return statsQuery(ctx.db, ctx.actor, { filter, timeZone: ctx.app.config.statsTimeZone });
  }

  @FieldResolver(() => Int, {
    description:
      "Requests whose postedAt lies in [from, to) and that match the other filters; every other figure except the volunteer figures (volunteerHours, volunteersServed, noShowRate: by the shift's start) counts over these requests.",
    complexity: SUMMARY,
  })
  async requestsPosted(@Root() stats: StatsQuery) {
    return (await stats.summary()).requestsPosted;
  }

  @FieldResolver(() => Int, { description: 'Requests that reached FILLED at least once.', complexity: SUMMARY })
  async requestsFilled(@Root() stats: StatsQuery) {
    return (await stats.summary()).requestsFilled;
  }

  @FieldResolver(() => Int, { complexity: SUMMARY })
  async requestsCompleted(@Root() stats: StatsQuery) {
    return (await stats.summary()).requestsCompleted;
  }

  @FieldResolver(() => Float, {
    description: 'Requests that reached FILLED at least once, over requests posted; 0 when none were posted.',
    complexity: SUMMARY,
  })
  async fillRate(@Root() stats: StatsQuery) {
    const { requestsFilled, requestsPosted } = await stats.summary();
    return requestsPosted === 0 ? 0 : requestsFilled / requestsPosted;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Median seconds from postedAt to the first filledAt; null when none filled.',
    complexity: SUMMARY,
  })
  async medianTimeToFillSeconds(@Root() stats: StatsQuery) {
    return (await stats.summary()).medianTimeToFillSeconds;
  }

  @FieldResolver(() => Int, { description: 'Sum of ACTIVE and FULFILLED claim quantities on PERSON slots.', complexity: COMMITMENTS })
  async volunteersCommitted(@Root() stats: StatsQuery) {
    return (await stats.commitments()).volunteersCommitted;
  }

  @FieldResolver(() => Int, { description: 'Sum of ACTIVE and FULFILLED claim quantities on YUAN slots.', complexity: COMMITMENTS })
  async amountPledged(@Root() stats: StatsQuery) {
    return (await stats.commitments()).amountPledged;
  }

  @FieldResolver(() => Float, { description: VOLUNTEER_HOURS, complexity: VOLUNTEERS })
  async volunteerHours(@Root() stats: StatsQuery) {
    return (await stats.volunteers()).volunteerHours;
  }

  @FieldResolver(() => Int, { description: VOLUNTEERS_SERVED, complexity: VOLUNTEERS })
  async volunteersServed(@Root() stats: StatsQuery) {
    return (await stats.volunteers()).volunteersServed;
  }

  @FieldResolver(() => Float, { nullable: true, description: NO_SHOW_RATE, complexity: VOLUNTEERS })
  async noShowRate(@Root() stats: StatsQuery) {
    return (await stats.volunteers()).noShowRate;
  }

  @FieldResolver(() => Int, { description: 'Sum of beneficiaries over COMPLETED requests.', complexity: SUMMARY })
  async beneficiaries(@Root() stats: StatsQuery) {
    return (await stats.summary()).beneficiaries;
  }

  @FieldResolver(() => Int, {
    description: 'Associations that posted one of these requests or made a claim (any status) on one.',
    complexity: AGGREGATE,
  })
  activeAssociations(@Root() stats: StatsQuery) {
    return stats.activeAssociations();
  }

  @FieldResolver(() => [CategoryStatsType], { complexity: BREAKDOWN })
  byCategory(@Root() stats: StatsQuery, @Info() info: GraphQLResolveInfo) {
    return stats.byCategory(wantsVolunteerFigures(info));
  }

  @FieldResolver(() => [TownshipStatsType], { complexity: BREAKDOWN })
  byTownship(@Root() stats: StatsQuery, @Info() info: GraphQLResolveInfo) {
    return stats.byTownship(wantsVolunteerFigures(info));
  }

  @FieldResolver(() => [MonthStatsType], { complexity: BREAKDOWN })
  byMonth(@Root() stats: StatsQuery, @Info() info: GraphQLResolveInfo) {
    return stats.byMonth(wantsVolunteerFigures(info));
  }

  @FieldResolver(() => [AssociationStatsType], {
    description: 'Associations with claimsMade >= 1, ordered by claimsMade, most first, then by name; limit 1..100.',
    complexity: topCost(10),
  })
  topHelpers(@Root() stats: StatsQuery, @Arg('limit', () => Int, { nullable: true, defaultValue: 10 }) limit: number | null) {
    return stats.topHelpers(limit ?? 10);
  }

  @FieldResolver(() => [CollaborationType], {
    description: 'Most claims first, then helper name, then helped name; limit 1..500.',
    complexity: topCost(50),
  })
  collaborations(@Root() stats: StatsQuery, @Arg('limit', () => Int, { nullable: true, defaultValue: 50 }) limit: number | null) {
    return stats.collaborations(limit ?? 50);
  }
}

@Resolver(() => AssociationStatsType)
export class AssociationStatsResolver {
  @FieldResolver(() => AssociationType)
  async association(@Root() helper: HelperRow, @Ctx() ctx: Context) {
    return mustExist(await associationById(ctx.db).load(helper.associationId), 'associationById(helper.associationId)');
  }
}

@Resolver(() => CollaborationType)
export class CollaborationResolver {
  @FieldResolver(() => AssociationType)
  async helper(@Root() collaboration: CollaborationRow, @Ctx() ctx: Context) {
    return mustExist(await associationById(ctx.db).load(collaboration.helperId), 'associationById(collaboration.helperId)');
  }

  @FieldResolver(() => AssociationType)
  async helped(@Root() collaboration: CollaborationRow, @Ctx() ctx: Context) {
    return mustExist(await associationById(ctx.db).load(collaboration.helpedId), 'associationById(collaboration.helpedId)');
  }
}
