import { Migration } from '@mikro-orm/migrations';

/**
 * Case-insensitive matching that does not depend on the database's locale: a
 * cluster without locale (as the embedded one) folds only A-Z in lower(). The
 * server now stores keys folded in JavaScript (NFKC, then Unicode lower case):
 * association names are unique per township on name_key, and text filters
 * search search_text. Existing rows are backfilled with lower() as the best the
 * database can do; the server rewrites the keys on every change.
 */
export class Migration20261129000400_search_keys extends Migration {
  override up(): void {
    this.addSql(`ALTER TABLE association ADD COLUMN name_key text`);
    this.addSql(`ALTER TABLE association ADD COLUMN search_text text`);
    this.addSql(`UPDATE association SET name_key = lower(name), search_text = lower(name || E'\\n' || coalesce(description, ''))`);
    this.addSql(`ALTER TABLE association ALTER COLUMN name_key SET NOT NULL, ALTER COLUMN search_text SET NOT NULL`);
    this.addSql(`DROP INDEX association_name_township_key`);
    this.addSql(`CREATE UNIQUE INDEX association_name_township_key ON association (name_key, coalesce(township, ''))`);
    this.addSql(`ALTER TABLE help_request ADD COLUMN search_text text`);
    this.addSql(`UPDATE help_request SET search_text = lower(title || E'\\n' || description)`);
    this.addSql(`ALTER TABLE help_request ALTER COLUMN search_text SET NOT NULL`);
  }
}
