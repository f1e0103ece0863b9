import { Migration } from '@mikro-orm/migrations';

/**
 * The shared store of rate-limiter-flexible's PostgreSQL limiter (its own
 * table layout), so limits hold across every instance on this database. Keys
 * are hashes: no e-mail address or other input is stored (api.md, "Limits").
 */
export class Migration20261129000700_rate_limits extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }
}
