import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../access.js';
import type { Context } from '../context.js';
import { associationById } from '../associations/association.loaders.js';
import { AssociationType } from '../associations/association.type.js';
import {
  AssociationStatsType,
  CategoryStatsType,
  CollaborationType,
  MonthStatsType,
  StatsFilter,
  StatsType,
  TownshipStatsType,
} from './stats.type.js';
import { statsQuery, type CollaborationRow, type HelperRow, type StatsQuery } from './stats.service.js';
import { mustExist } from '../../shared/must-exist.js';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { AGGREGATE, EXPECTED, limitCost } from '../../shared/cost.js';

/**
 * Costs (shared/cost.ts): the summary figures come from one aggregate, the
 * commitments from another, so each of their fields carries a share; every
 * breakdown and top-N list is an aggregate of its own plus its rows.
 */
const SUMMARY = Math.ceil(AGGREGATE / 5);
const COMMITMENTS = Math.ceil(AGGREGATE / 2);
const BREAKDOWN: ComplexityEstimator = ({ childComplexity }) => AGGREGATE + EXPECTED.breakdown * childComplexity;
const topCost =
  (defaultLimit: number): ComplexityEstimator =>
  (options) =>
    AGGREGATE + (limitCost(defaultLimit)(options) ?? 0);

@Resolver(() => StatsType)
export class StatsResolver {
  @Access('public')
  @Query(() => StatsType)
  stats(@Arg('filter', () => StatsFilter, { nullable: true }) filter: StatsFilter | null, @Ctx() ctx: Context): StatsQuery {
    return statsQuery(ctx.db, ctx.actor, { filter, timeZone: ctx.app.config.statsTimeZone });
  }

  @FieldResolver(() => Int, {
    description:
      'Requests whose postedAt lies in [from, to) and that match the other filters; every other figure counts over these requests.',
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
  byCategory(@Root() stats: StatsQuery) {
    return stats.byCategory();
  }

  @FieldResolver(() => [TownshipStatsType], { complexity: BREAKDOWN })
  byTownship(@Root() stats: StatsQuery) {
    return stats.byTownship();
  }

  @FieldResolver(() => [MonthStatsType], { complexity: BREAKDOWN })
  byMonth(@Root() stats: StatsQuery) {
    return stats.byMonth();
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
