import { Migration } from '@mikro-orm/migrations';

/** Server-wide settings, e.g. the generated session secret shared by every instance. */
export class Migration20261129000100_foundation extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE app_setting (
        key text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
  }
}
