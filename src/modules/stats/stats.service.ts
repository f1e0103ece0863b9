/**
 * Dashboard aggregates, computed by PostgreSQL (GROUP BY, FILTER,
 * percentile_cont): no row is loaded into Node to be counted. Every request
 * figure counts over the requests whose postedAt lies in [from, to) and that
 * match the other filters (api.md "Stats"); the volunteer figures (hours
 * served, volunteers who served, no-show rate: issue 14) count over the
 * assignments whose shift starts in [from, to), on requests that match the
 * other filters (`StatsQuery.served`). Each figure is computed only when
 * selected. Results are cast to 32-bit integers in SQL, so a figure too large
 * for a GraphQL Int fails clearly instead of overflowing.
 */
import type { Expression, ExpressionBuilder, NotNull, SqlBool } from 'kysely';
import { hoursWithin, inByteOrder, monthIn, secondsBetween } from '../../db/raw.js';
import type { Db } from '../../db/handle.js';
import type { Actor } from '../../shared/actor.js';
import { badInput } from '../../shared/errors.js';
import { AidCategory, CapacityUnit, ClaimStatus, RequestStatus } from '../../shared/enums.js';
import { keyOf } from '../../shared/global-id.js';
import { intInRange, trimText } from '../../shared/input.js';
import { allOf, requestAttributeConditions } from '../request-filter.js';
import { query, type Tables } from '../tables.js';

export interface StatsFilterFields {
  from?: Date | null;
  to?: Date | null;
  townships?: string[] | null;
  categories?: AidCategory[] | null;
  associationId?: string | null;
}

/** The requests a stats query counts over: the filter, checked and decoded. */
export interface StatsScope {
  from: Date | null;
  to: Date | null;
  townships: string[] | null;
  categories: AidCategory[] | null;
  /** undefined: not filtered; null: an id of another type, which names no association. */
  association: string | null | undefined;
}

/** Claims that count as help given. */
const COMMITTED = [ClaimStatus.ACTIVE, ClaimStatus.FULFILLED];

export function statsScope(filter: StatsFilterFields | null | undefined): StatsScope {
  const f = filter ?? {};
  if (f.from && f.to && f.from.getTime() >= f.to.getTime()) throw badInput('filter.to', 'filter.from must be before filter.to');
  return {
    from: f.from ?? null,
    to: f.to ?? null,
    townships: f.townships?.map(trimText) ?? null,
    categories: f.categories ?? null,
    association: f.associationId == null ? undefined : keyOf(f.associationId, 'Association', 'filter.associationId'),
  };
}

/** The scope as one predicate over help_request: posted in the period, and matching the other filters. */
function inScope(eb: ExpressionBuilder<Tables, 'help_request'>, scope: StatsScope): Expression<SqlBool> {
  return allOf(eb, [
    scope.from ? eb('help_request.postedAt', '>=', scope.from) : null,
    scope.to ? eb('help_request.postedAt', '<', scope.to) : null,
    matchesFilters(eb, scope),
  ]);
}

/** The scope's filters other than the period (townships, categories, association), over help_request. */
function matchesFilters(eb: ExpressionBuilder<Tables, 'help_request'>, scope: StatsScope): Expression<SqlBool> {
  const { association } = scope;
  return allOf(eb, [
    ...requestAttributeConditions(
      eb,
      {
        kind: 'help_request.kind',
        category: 'help_request.category',
        township: 'help_request.township',
        requesterId: 'help_request.requesterId',
      },
      { kinds: null, categories: scope.categories, townships: scope.townships, requesterIds: null },
    ),
    association === undefined
      ? null
      : association === null
        ? eb.lit(false)
        : // An IN over a UNION, not `requester = ? OR EXISTS (...)`: the planner can
          // estimate it, and it was 4x faster on 50,000 requests (bench/RESULTS.md).
          eb(
            'help_request.id',
            'in',
            eb
              .selectFrom('help_request as mine')
              .select('mine.id')
              .where('mine.requesterId', '=', association)
              .unionAll(
                eb
                  .selectFrom('claim as c')
                  .select('c.requestId as id')
                  .where('c.associationId', '=', association)
                  .where('c.status', 'in', COMMITTED),
              ),
          ),
  ]);
}

/** The rows of a scoped query: help_request as CTE r. */
type Scoped = Tables & { r: Tables['help_request'] };

/**
 * The rows of a query over counted assignments: a (assignment) on a request of
 * h (help_request matching the filters, CTE) by a claim c, of the volunteer v.
 */
type Served = Tables & { h: Tables['help_request'] } & { a: Tables['assignment'] } & { c: Tables['claim'] } & { v: Tables['volunteer'] };

export interface Summary {
  requestsPosted: number;
  requestsFilled: number;
  requestsCompleted: number;
  medianTimeToFillSeconds: number | null;
  beneficiaries: number;
}

export interface Commitments {
  volunteersCommitted: number;
  amountPledged: number;
}

export interface BreakdownFigures {
  requestsPosted: number;
  requestsCompleted: number;
  beneficiaries: number;
}

/** The volunteer figures (issue 14), of the whole scope or of one entry of a breakdown. */
export interface VolunteerFigures {
  volunteerHours: number;
  volunteersServed: number;
  noShowRate: number | null;
}

/** Their names: a breakdown computes them when one of these is asked for. */
export const VOLUNTEER_FIGURES: readonly (keyof VolunteerFigures)[] = ['volunteerHours', 'volunteersServed', 'noShowRate'];

/** An entry of a breakdown: the request figures, and the volunteer figures when they were asked for. */
export type BreakdownEntry = BreakdownFigures & Partial<VolunteerFigures>;

export interface HelperRow {
  associationId: string;
  requestsPosted: number;
  claimsMade: number;
  volunteersCommitted: number;
  amountPledged: number;
}

export interface CollaborationRow {
  helperId: string;
  helpedId: string;
  claims: number;
}

type OverR = ExpressionBuilder<Scoped, 'r'>;

/** Each figure counts over the rows of r (grouped or not). */
const requestsPosted = (eb: OverR) => eb.cast<number>(eb.fn.countAll(), 'integer').as('requestsPosted');
const requestsCompleted = (eb: OverR) =>
  eb.cast<number>(eb.fn.countAll().filterWhere('r.status', '=', RequestStatus.COMPLETED), 'integer').as('requestsCompleted');
const beneficiaries = (eb: OverR) =>
  eb
    .cast<number>(eb.fn.coalesce(eb.fn.sum('r.beneficiaries').filterWhere('r.status', '=', RequestStatus.COMPLETED), eb.lit(0)), 'integer')
    .as('beneficiaries');

/** The figures of each entry of a breakdown. */
const breakdownFigures = (eb: OverR) => [requestsPosted(eb), requestsCompleted(eb), beneficiaries(eb)] as const;

type OverServed = ExpressionBuilder<Served, 'h' | 'a' | 'c' | 'v'>;

/** The volunteer figures over the rows of a (grouped or not). */
function volunteerFigures(eb: OverServed) {
  const arrived = eb('a.arrivedAt', 'is not', null);
  // Hours of each assignment (2 decimals, null until both times are recorded; absent has none),
  // added as numeric so that the sum is exact, then a JavaScript number.
  const hours = eb.cast(hoursWithin(eb.ref('a.arrivedAt'), eb.ref('a.leftAt'), eb.ref('a.shift')), 'numeric');
  const recorded = eb.fn.countAll().filterWhere((eb) => eb.or([eb('a.absent', '=', true), eb('a.arrivedAt', 'is not', null)]));
  return [
    eb.cast<number>(eb.fn('round', [eb.fn.coalesce(eb.fn.sum(hours), eb.lit(0)), eb.lit(2)]), 'float8').as('volunteerHours'),
    // A person is the user a volunteer is linked to now, on every roster (as on User.serviceRecord), or
    // the roster entry itself; not assignment.person, which keeps who the volunteer was when the shift ended.
    eb.cast<number>(eb.fn.count(eb.fn.coalesce('v.userId', 'v.id')).distinct().filterWhere(arrived), 'integer').as('volunteersServed'),
    eb
      .cast<number | null>(
        eb(eb.cast(eb.fn.countAll().filterWhere('a.absent', '=', true), 'float8'), '/', eb.fn('nullif', [recorded, eb.lit(0)])),
        'float8',
      )
      .as('noShowRate'),
  ] as const;
}

/** The sum of committed quantities on slots of `unit` (bigint, uncast: cast where it leaves SQL). */
function committedSum(eb: ExpressionBuilder<Scoped & { c: Tables['claim'] }, 'r' | 'c'>, unit: CapacityUnit) {
  return eb.fn.coalesce(eb.fn.sum('c.quantity').filterWhere('r.unit', '=', unit), eb.lit(0));
}

/** The result of `work`; a figure that overflowed its Int cast in SQL becomes a clear error. */
async function withinInt<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === '22003') {
      throw badInput('filter', 'A figure exceeds the range of a GraphQL Int (32 bits); narrow the filter');
    }
    throw error;
  }
}

/** The figures of an entry that has none: zeros (and a null rate). */
function emptyEntry(withVolunteers: boolean): BreakdownEntry {
  const requests = { requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0 };
  return withVolunteers ? { ...requests, volunteerHours: 0, volunteersServed: 0, noShowRate: null } : requests;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** An entry of a breakdown with the volunteer figures: the side it has nothing on (null from the full join) counts zero. */
function entryOf<K>(row: K & Nullable<BreakdownFigures> & Nullable<VolunteerFigures>): K & BreakdownFigures & VolunteerFigures {
  return {
    ...row,
    requestsPosted: row.requestsPosted ?? 0,
    requestsCompleted: row.requestsCompleted ?? 0,
    beneficiaries: row.beneficiaries ?? 0,
    volunteerHours: row.volunteerHours ?? 0,
    volunteersServed: row.volunteersServed ?? 0,
    noShowRate: row.noShowRate,
  };
}

/** Computes `compute` once, on first use. */
function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= compute());
}

/** Computes `compute` once per key, on first use. */
function oncePer<K, T>(compute: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const values = new Map<K, Promise<T>>();
  return (key) => {
    let value = values.get(key);
    if (!value) {
      value = compute(key);
      values.set(key, value);
    }
    return value;
  };
}

/**
 * One dashboard query: each figure is computed once, on first use, by one
 * statement. `statements` builds those statements (the benchmark compiles them
 * to explain them).
 */
export class StatsQuery {
  constructor(
    private readonly db: Db,
    private readonly scope: StatsScope,
    private readonly timeZone: string,
  ) {}

  /** The scope as CTE r for every statement. */
  private scoped() {
    // NOT MATERIALIZED: figures that read r twice would otherwise store every
    // column of every request in scope, spilling to disk on large scopes.
    return query(this.db.em).with(
      (cte) => cte('r').notMaterialized(),
      (db) =>
        db
          .selectFrom('help_request')
          .selectAll()
          .where((eb) => inScope(eb, this.scope)),
    );
  }

  /**
   * The counted assignments, which the volunteer figures count (docs/stats.md, "Stats
   * for dashboard authors"): those held through an ACTIVE or FULFILLED claim
   * (the claims volunteersCommitted counts), whose shift starts (lower(shift))
   * in [from, to), on requests that match the other filters whenever they were
   * posted. An assignment whose claim ended (withdrawn, declined, cancelled,
   * handed off) does not count, whatever was recorded on it: an assignment
   * counts by its claim, not by its own end. Only recorded attendance counts:
   * an assignment with nothing recorded adds to no figure.
   *
   * As rows: the requests that match the filters as CTE h, their assignments
   * a, the claims c, the volunteers v.
   */
  private served() {
    const { from, to } = this.scope;
    return query(this.db.em)
      .with(
        (cte) => cte('h').notMaterialized(),
        (db) =>
          db
            .selectFrom('help_request')
            .selectAll()
            .where((eb) => matchesFilters(eb, this.scope)),
      )
      .selectFrom('h')
      .innerJoin('assignment as a', 'a.requestId', 'h.id')
      .innerJoin('claim as c', (join) => join.onRef('c.id', '=', 'a.claimId').on('c.status', 'in', COMMITTED))
      .innerJoin('volunteer as v', 'v.id', 'a.volunteerId')
      .where((eb) => {
        const starts = eb.fn<Date>('lower', ['a.shift']);
        return allOf(eb, [from ? eb(starts, '>=', from) : null, to ? eb(starts, '<', to) : null]);
      });
  }

  /** The volunteer figures of each category. */
  private servedByCategory() {
    return this.served()
      .select((eb) => ['h.category', ...volunteerFigures(eb)])
      .groupBy('h.category');
  }

  /** The volunteer figures of each township (requests without one are left out). */
  private servedByTownship() {
    return this.served()
      .select((eb) => ['h.township', ...volunteerFigures(eb)])
      .where('h.township', 'is not', null)
      .groupBy('h.township');
  }

  /** The volunteer figures of each month of the shift's start. */
  private servedByMonth() {
    return this.served()
      .select((eb) => [monthIn(eb.fn<Date>('lower', ['a.shift']), this.timeZone).as('month'), ...volunteerFigures(eb)])
      .groupBy('month');
  }

  readonly statements = {
    summary: () =>
      this.scoped()
        .selectFrom('r')
        .select((eb) => [
          requestsPosted(eb),
          eb.cast<number>(eb.fn.countAll().filterWhere('r.filledAt', 'is not', null), 'integer').as('requestsFilled'),
          requestsCompleted(eb),
          eb.fn
            .agg<number | null>('percentile_cont', [eb.lit(0.5)])
            .withinGroupOrderBy(secondsBetween(eb.ref('r.postedAt'), eb.ref('r.filledAt')))
            .filterWhere('r.filledAt', 'is not', null)
            .as('medianTimeToFillSeconds'),
          beneficiaries(eb),
        ]),

    commitments: () =>
      this.scoped()
        .selectFrom('r')
        .innerJoin('claim as c', (join) => join.onRef('c.requestId', '=', 'r.id').on('c.status', 'in', COMMITTED))
        .select((eb) => [
          eb.cast<number>(committedSum(eb, CapacityUnit.PERSON), 'integer').as('volunteersCommitted'),
          eb.cast<number>(committedSum(eb, CapacityUnit.YUAN), 'integer').as('amountPledged'),
        ]),

    activeAssociations: () =>
      this.scoped()
        .selectFrom((db) =>
          db
            .selectFrom('r')
            .select('r.requesterId as id')
            .union(db.selectFrom('r').innerJoin('claim as c', 'c.requestId', 'r.id').select('c.associationId as id'))
            .as('involved'),
        )
        .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')),

    byCategory: () =>
      this.scoped()
        .selectFrom('r')
        .select((eb) => ['r.category', ...breakdownFigures(eb)])
        .groupBy('r.category'),

    byTownship: () =>
      this.scoped()
        .selectFrom('r')
        .select((eb) => ['r.township', ...breakdownFigures(eb)])
        .where('r.township', 'is not', null)
        .groupBy('r.township')
        .orderBy((eb) => inByteOrder(eb.ref('r.township')))
        .$narrowType<{ township: NotNull }>(),

    byMonth: () =>
      this.scoped()
        .selectFrom('r')
        .select((eb) => [monthIn(eb.ref('r.postedAt'), this.timeZone).as('month'), ...breakdownFigures(eb)])
        .groupBy('month')
        .orderBy('month'),

    volunteers: () => this.served().select(volunteerFigures),

    // The breakdowns with the volunteer figures: the request figures of each entry (p) beside
    // its volunteer figures (v), one statement; an entry with only one of them has nulls on the
    // other side (filled in by `entryOf`).
    byCategoryWithVolunteers: () =>
      this.scoped()
        .selectFrom((db) =>
          db
            .selectFrom('r')
            .select((eb) => ['r.category', ...breakdownFigures(eb)])
            .groupBy('r.category')
            .as('p'),
        )
        .fullJoin(this.servedByCategory().as('v'), 'v.category', 'p.category')
        .select((eb) => [
          eb.fn.coalesce('p.category', 'v.category').as('category'),
          'p.requestsPosted',
          'p.requestsCompleted',
          'p.beneficiaries',
          'v.volunteerHours',
          'v.volunteersServed',
          'v.noShowRate',
        ])
        .$narrowType<{ category: NotNull }>(),

    byTownshipWithVolunteers: () =>
      this.scoped()
        .selectFrom((db) =>
          db
            .selectFrom('r')
            .select((eb) => ['r.township', ...breakdownFigures(eb)])
            .where('r.township', 'is not', null)
            .groupBy('r.township')
            .as('p'),
        )
        .fullJoin(this.servedByTownship().as('v'), 'v.township', 'p.township')
        .select((eb) => [
          eb.fn.coalesce('p.township', 'v.township').as('township'),
          'p.requestsPosted',
          'p.requestsCompleted',
          'p.beneficiaries',
          'v.volunteerHours',
          'v.volunteersServed',
          'v.noShowRate',
        ])
        .orderBy((eb) => inByteOrder(eb.fn.coalesce('p.township', 'v.township')))
        .$narrowType<{ township: NotNull }>(),

    byMonthWithVolunteers: () =>
      this.scoped()
        .selectFrom((db) =>
          db
            .selectFrom('r')
            .select((eb) => [monthIn(eb.ref('r.postedAt'), this.timeZone).as('month'), ...breakdownFigures(eb)])
            .groupBy('month')
            .as('p'),
        )
        .fullJoin(this.servedByMonth().as('v'), 'v.month', 'p.month')
        .select((eb) => [
          eb.fn.coalesce('p.month', 'v.month').as('month'),
          'p.requestsPosted',
          'p.requestsCompleted',
          'p.beneficiaries',
          'v.volunteerHours',
          'v.volunteersServed',
          'v.noShowRate',
        ])
        .orderBy('month')
        .$narrowType<{ month: NotNull }>(),

    topHelpers: (limit: number) =>
      this.scoped()
        .with('helpers', (db) =>
          db
            .selectFrom('r')
            .innerJoin('claim as c', (join) => join.onRef('c.requestId', '=', 'r.id').on('c.status', 'in', COMMITTED))
            .select((eb) => [
              'c.associationId',
              eb.fn.countAll().as('claims'),
              committedSum(eb, CapacityUnit.PERSON).as('persons'),
              committedSum(eb, CapacityUnit.YUAN).as('yuan'),
            ])
            .groupBy('c.associationId'),
        )
        .selectFrom('helpers as h')
        .innerJoin('association as a', 'a.id', 'h.associationId')
        .select((eb) => [
          'h.associationId',
          eb.cast<number>('h.claims', 'integer').as('claimsMade'),
          eb.cast<number>('h.persons', 'integer').as('volunteersCommitted'),
          eb.cast<number>('h.yuan', 'integer').as('amountPledged'),
          eb
            .cast<number>(
              eb
                .selectFrom('r')
                .select((eb) => eb.fn.countAll().as('n'))
                .whereRef('r.requesterId', '=', 'h.associationId'),
              'integer',
            )
            .as('requestsPosted'),
        ])
        .orderBy('h.claims', 'desc')
        .orderBy((eb) => inByteOrder(eb.ref('a.name')))
        .orderBy('a.id')
        .limit(limit),

    // Grouped by ids only, names joined afterwards: grouping by the names too
    // made the planner expect ten times the groups and sort on disk.
    collaborations: (limit: number) =>
      this.scoped()
        .with('pairs', (db) =>
          db
            .selectFrom('r')
            .innerJoin('claim as c', (join) => join.onRef('c.requestId', '=', 'r.id').on('c.status', 'in', COMMITTED))
            .select((eb) => ['c.associationId as helperId', 'r.requesterId as helpedId', eb.fn.countAll().as('claims')])
            .groupBy(['c.associationId', 'r.requesterId']),
        )
        .selectFrom('pairs as p')
        .innerJoin('association as helper', 'helper.id', 'p.helperId')
        .innerJoin('association as helped', 'helped.id', 'p.helpedId')
        .select((eb) => ['p.helperId', 'p.helpedId', eb.cast<number>('p.claims', 'integer').as('claims')])
        .orderBy('p.claims', 'desc')
        .orderBy((eb) => inByteOrder(eb.ref('helper.name')))
        .orderBy((eb) => inByteOrder(eb.ref('helped.name')))
        .orderBy('p.helperId')
        .orderBy('p.helpedId')
        .limit(limit),
  };

  readonly summary = once((): Promise<Summary> => withinInt(this.statements.summary().executeTakeFirstOrThrow()));

  readonly commitments = once((): Promise<Commitments> => withinInt(this.statements.commitments().executeTakeFirstOrThrow()));

  readonly activeAssociations = once(
    async (): Promise<number> => (await withinInt(this.statements.activeAssociations().executeTakeFirstOrThrow())).n,
  );

  readonly volunteers = once((): Promise<VolunteerFigures> => withinInt(this.statements.volunteers().executeTakeFirstOrThrow()));

  /** One entry per category, in the enum's order, zeros included; the volunteer figures when `withVolunteers`. */
  readonly byCategory = oncePer(async (withVolunteers: boolean): Promise<(BreakdownEntry & { category: AidCategory })[]> => {
    const found = withVolunteers
      ? (await withinInt(this.statements.byCategoryWithVolunteers().execute())).map(entryOf)
      : await withinInt(this.statements.byCategory().execute());
    const byKey = new Map(found.map((entry) => [entry.category, entry]));
    return Object.values(AidCategory).map((category) => byKey.get(category) ?? { category, ...emptyEntry(withVolunteers) });
  });

  /**
   * One entry per township with a request posted in the period; with the volunteer figures
   * (`withVolunteers`), also one per township with a counted assignment.
   */
  readonly byTownship = oncePer(async (withVolunteers: boolean): Promise<(BreakdownEntry & { township: string })[]> =>
    withVolunteers
      ? (await withinInt(this.statements.byTownshipWithVolunteers().execute())).map(entryOf)
      : withinInt(this.statements.byTownship().execute()),
  );

  /**
   * One entry per month with a request posted; with the volunteer figures (`withVolunteers`),
   * also one per month in which a counted shift starts.
   */
  readonly byMonth = oncePer(async (withVolunteers: boolean): Promise<(BreakdownEntry & { month: string })[]> =>
    withVolunteers
      ? (await withinInt(this.statements.byMonthWithVolunteers().execute())).map(entryOf)
      : withinInt(this.statements.byMonth().execute()),
  );

  private readonly topHelpersBy = oncePer((limit: number): Promise<HelperRow[]> => withinInt(this.statements.topHelpers(limit).execute()));

  topHelpers(limit: number): Promise<HelperRow[]> {
    return this.topHelpersBy(intInRange(limit, 'limit', 1, 100));
  }

  private readonly collaborationsBy = oncePer((limit: number): Promise<CollaborationRow[]> =>
    withinInt(this.statements.collaborations(limit).execute()),
  );

  collaborations(limit: number): Promise<CollaborationRow[]> {
    return this.collaborationsBy(intInRange(limit, 'limit', 1, 500));
  }
}

/** Query.stats: the figures of the requests `filter` selects, each computed when first asked for. */
/**
 * The county's figures are public (api.md, "Stats"): the actor narrows nothing
 * today, and is taken so that a figure that some day needs a rule gets it here.
 */
export function statsQuery(db: Db, _actor: Actor, input: { filter?: StatsFilterFields | null; timeZone: string }): StatsQuery {
  return new StatsQuery(db, statsScope(input.filter), input.timeZone);
}
