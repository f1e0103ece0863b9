/**
 * Dashboard aggregates, computed by PostgreSQL (GROUP BY, FILTER,
 * percentile_cont): no row is loaded into Node to be counted. Every figure
 * counts over the requests whose postedAt lies in [from, to) and that match the
 * other filters (api.md "Stats"); each figure is computed only when selected.
 * Results are cast to 32-bit integers in SQL, so a figure too large for a
 * GraphQL Int fails clearly instead of overflowing.
 */
import type { Expression, ExpressionBuilder, NotNull, SqlBool } from 'kysely';
import { inByteOrder, monthIn, secondsBetween } from '../../db/raw.js';
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

/** The scope as one predicate over help_request. */
function inScope(eb: ExpressionBuilder<Tables, 'help_request'>, scope: StatsScope): Expression<SqlBool> {
  const { association } = scope;
  return allOf(eb, [
    scope.from ? eb('help_request.postedAt', '>=', scope.from) : null,
    scope.to ? eb('help_request.postedAt', '<', scope.to) : null,
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

  /** One entry per category, in the enum's order, zeros included. */
  readonly byCategory = once(async (): Promise<(BreakdownFigures & { category: AidCategory })[]> => {
    const found = await withinInt(this.statements.byCategory().execute());
    const byKey = new Map(found.map((entry) => [entry.category, entry]));
    return Object.values(AidCategory).map(
      (category) => byKey.get(category) ?? { category, requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0 },
    );
  });

  readonly byTownship = once((): Promise<(BreakdownFigures & { township: string })[]> => withinInt(this.statements.byTownship().execute()));

  readonly byMonth = once((): Promise<(BreakdownFigures & { month: string })[]> => withinInt(this.statements.byMonth().execute()));

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
