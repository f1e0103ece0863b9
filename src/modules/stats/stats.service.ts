/**
 * Dashboard aggregates, computed by PostgreSQL (GROUP BY, FILTER,
 * percentile_cont): no row is loaded into Node to be counted. Every figure
 * counts over the requests whose postedAt lies in [from, to) and that match the
 * other filters (api.md "Stats"); each figure is computed only when selected.
 * Results are cast to 32-bit integers in SQL, so a figure too large for a
 * GraphQL Int fails clearly instead of overflowing.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context.js';
import { AppError, badInput } from '../../server/errors.js';
import { array, rows } from '../../db/sql.js';
import { AidCategory } from '../../shared/enums.js';
import { keyOf } from '../../shared/global-id.js';
import { intInRange, trimText } from '../../shared/input.js';

export interface StatsFilterFields {
  from?: Date | null;
  to?: Date | null;
  townships?: string[] | null;
  categories?: AidCategory[] | null;
  associationId?: string | null;
}

/** The requests a stats query counts over, as the body of a CTE named r. */
interface Scope {
  sql: string;
  params: unknown[];
}

const COMMITTED = `c.status IN ('ACTIVE', 'FULFILLED')`;

export function statsScope(filter: StatsFilterFields | null | undefined): Scope {
  const f = filter ?? {};
  if (f.from && f.to && f.from.getTime() >= f.to.getTime()) throw badInput('filter.to', 'filter.from must be before filter.to');
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from) {
    where.push('h.posted_at >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('h.posted_at < ?');
    params.push(f.to);
  }
  if (f.townships) {
    where.push('h.township = ANY(json_text_array(?::jsonb))');
    params.push(array(f.townships.map(trimText)));
  }
  if (f.categories) {
    where.push('h.category = ANY(json_text_array(?::jsonb))');
    params.push(array(f.categories));
  }
  if (f.associationId != null) {
    const association = keyOf(f.associationId, 'Association', 'filter.associationId');
    if (association) {
      // An IN over a UNION, not `requester = ? OR EXISTS (...)`: the planner can
      // estimate it, and it was 4x faster on 50,000 requests (bench/RESULTS.md).
      where.push(
        `h.id IN (SELECT mine.id FROM help_request mine WHERE mine.requester_id = ?
                  UNION ALL SELECT c.request_id FROM claim c WHERE c.association_id = ? AND ${COMMITTED})`,
      );
      params.push(association, association);
    } else {
      where.push('false'); // an id of another type names no association
    }
  }
  return { sql: `SELECT h.* FROM help_request h WHERE ${where.length ? where.join(' AND ') : 'true'}`, params };
}

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

export interface BreakdownRow {
  key: string;
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

const BREAKDOWN = `count(*)::int AS "requestsPosted",
  count(*) FILTER (WHERE r.status = 'COMPLETED')::int AS "requestsCompleted",
  coalesce(sum(r.beneficiaries) FILTER (WHERE r.status = 'COMPLETED'), 0)::int AS beneficiaries`;

/** One dashboard query: each figure is computed once, on first use. */
export class StatsQuery {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly em: EntityManager,
    private readonly scope: Scope,
    private readonly timeZone: string,
  ) {}

  private once<T>(name: string, compute: () => Promise<T>): Promise<T> {
    let value = this.memo.get(name) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.memo.set(name, value);
    }
    return value;
  }

  /** Runs `sql` with the scope as CTE r; an Int overflow becomes a clear error. */
  private async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      // NOT MATERIALIZED: figures that read r twice would otherwise store every
      // column of every request in scope, spilling to disk on large scopes.
      return await rows<T>(this.em, `WITH r AS NOT MATERIALIZED (${this.scope.sql}) ${sql}`, [...this.scope.params, ...params]);
    } catch (error) {
      if ((error as { code?: string }).code === '22003') {
        throw new AppError('BAD_USER_INPUT', 'A figure exceeds the range of a GraphQL Int (32 bits); narrow the filter', {
          field: 'filter',
        });
      }
      throw error;
    }
  }

  summary(): Promise<Summary> {
    return this.once('summary', async () => {
      const [result] = await this.query<Summary>(
        `SELECT count(*)::int AS "requestsPosted",
                count(*) FILTER (WHERE r.filled_at IS NOT NULL)::int AS "requestsFilled",
                count(*) FILTER (WHERE r.status = 'COMPLETED')::int AS "requestsCompleted",
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.filled_at - r.posted_at))
                  FILTER (WHERE r.filled_at IS NOT NULL) AS "medianTimeToFillSeconds",
                coalesce(sum(r.beneficiaries) FILTER (WHERE r.status = 'COMPLETED'), 0)::int AS beneficiaries
           FROM r`,
      );
      return result;
    });
  }

  commitments(): Promise<Commitments> {
    return this.once('commitments', async () => {
      const [result] = await this.query<Commitments>(
        `SELECT coalesce(sum(c.quantity) FILTER (WHERE r.unit = 'PERSON'), 0)::int AS "volunteersCommitted",
                coalesce(sum(c.quantity) FILTER (WHERE r.unit = 'YUAN'), 0)::int AS "amountPledged"
           FROM r JOIN claim c ON c.request_id = r.id AND ${COMMITTED}`,
      );
      return result;
    });
  }

  activeAssociations(): Promise<number> {
    return this.once('activeAssociations', async () => {
      const [result] = await this.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (
           SELECT r.requester_id FROM r UNION SELECT c.association_id FROM r JOIN claim c ON c.request_id = r.id
         ) involved`,
      );
      return result.n;
    });
  }

  /** One entry per category, in the enum's order, zeros included. */
  byCategory(): Promise<(BreakdownRow & { category: AidCategory })[]> {
    return this.once('byCategory', async () => {
      const found = await this.query<BreakdownRow>(`SELECT r.category AS key, ${BREAKDOWN} FROM r GROUP BY r.category`);
      const byKey = new Map(found.map((entry) => [entry.key, entry]));
      return Object.values(AidCategory).map((category) => ({
        ...(byKey.get(category) ?? { key: category, requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0 }),
        category,
      }));
    });
  }

  byTownship(): Promise<(BreakdownRow & { township: string })[]> {
    return this.once('byTownship', () =>
      this.query(`SELECT r.township, r.township AS key, ${BREAKDOWN} FROM r WHERE r.township IS NOT NULL
                   GROUP BY r.township ORDER BY r.township COLLATE "C"`),
    );
  }

  byMonth(): Promise<(BreakdownRow & { month: string })[]> {
    return this.once('byMonth', () =>
      this.query(
        `SELECT to_char(r.posted_at AT TIME ZONE ?, 'YYYY-MM') AS month, to_char(r.posted_at AT TIME ZONE ?, 'YYYY-MM') AS key, ${BREAKDOWN}
           FROM r GROUP BY 1 ORDER BY 1`,
        [this.timeZone, this.timeZone],
      ),
    );
  }

  topHelpers(limit: number): Promise<HelperRow[]> {
    const checked = intInRange(limit, 'limit', 1, 100);
    return this.once(`topHelpers:${checked}`, () =>
      this.query<HelperRow>(
        `, helpers AS (
           SELECT c.association_id, count(*) AS claims,
                  coalesce(sum(c.quantity) FILTER (WHERE r.unit = 'PERSON'), 0) AS persons,
                  coalesce(sum(c.quantity) FILTER (WHERE r.unit = 'YUAN'), 0) AS yuan
             FROM r JOIN claim c ON c.request_id = r.id AND ${COMMITTED}
            GROUP BY c.association_id)
         SELECT h.association_id AS "associationId", h.claims::int AS "claimsMade", h.persons::int AS "volunteersCommitted",
                h.yuan::int AS "amountPledged", (SELECT count(*) FROM r WHERE r.requester_id = h.association_id)::int AS "requestsPosted"
           FROM helpers h JOIN association a ON a.id = h.association_id
          ORDER BY h.claims DESC, a.name COLLATE "C", a.id LIMIT ?`,
        [checked],
      ),
    );
  }

  collaborations(limit: number): Promise<CollaborationRow[]> {
    const checked = intInRange(limit, 'limit', 1, 500);
    return this.once(`collaborations:${checked}`, () =>
      this.query<CollaborationRow>(
        // Grouped by ids only, names joined afterwards: grouping by the names too
        // made the planner expect ten times the groups and sort on disk.
        `, pairs AS (
           SELECT c.association_id AS helper_id, r.requester_id AS helped_id, count(*) AS claims
             FROM r JOIN claim c ON c.request_id = r.id AND ${COMMITTED}
            GROUP BY c.association_id, r.requester_id)
         SELECT p.helper_id AS "helperId", p.helped_id AS "helpedId", p.claims::int AS claims
           FROM pairs p
           JOIN association helper ON helper.id = p.helper_id
           JOIN association helped ON helped.id = p.helped_id
          ORDER BY p.claims DESC, helper.name COLLATE "C", helped.name COLLATE "C", p.helper_id, p.helped_id LIMIT ?`,
        [checked],
      ),
    );
  }
}

export function statsQuery(ctx: Context, filter: StatsFilterFields | null | undefined): StatsQuery {
  return new StatsQuery(ctx.em, statsScope(filter), ctx.app.config.statsTimeZone);
}
