import { Migration } from '@mikro-orm/migrations';

/**
 * The index behind the dashboards (issue 7; measured in bench/RESULTS.md).
 * Every stats figure counts over the requests posted in a period: this index
 * finds them by posted_at and carries every column the figures read, so a
 * period query is an index-only scan of a narrow index (6 MB for 50,000
 * requests) instead of a scan of the whole table. On 50,000 requests and a
 * one-year period, summary, byCategory and byTownship run 2-3 times faster,
 * the whole dashboard about 25%. Queries without a period still read the table,
 * which is as fast.
 * Measured and not kept: a partial index on committed claims (request_id)
 * INCLUDE (association_id, quantity) WHERE status IN ('ACTIVE', 'FULFILLED'):
 * the planner never used it for these queries (a hash join over all claims is
 * cheaper).
 * CREATE INDEX (60 ms on 50,000 requests) blocks writes to help_request while
 * it builds. On a large live table an operator can build it beforehand with
 * CREATE INDEX CONCURRENTLY under the same name: IF NOT EXISTS then makes this
 * migration a no-op.
 */
export class Migration20261129000500_stats_indexes extends Migration {
  override up(): void {
    this.addSql(`
      CREATE INDEX IF NOT EXISTS help_request_stats_idx ON help_request (posted_at)
        INCLUDE (id, requester_id, category, township, status, unit, filled_at, beneficiaries)`);
  }
}
