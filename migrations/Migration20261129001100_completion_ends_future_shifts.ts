import { Migration } from '@mikro-orm/migrations';

/**
 * Completing a request keeps the assignments of shifts that were served, and
 * ends those whose shift had not started yet (end_reason REQUEST_COMPLETED): a
 * rota completed after night 3 because the patient went home must not keep
 * its volunteers booked for nights 4 to 7, where the exclusion constraint would
 * refuse them every other shift (found by an attacker review of issue 14). In
 * the database, in the completing transaction, like the trigger of 0800.
 */
export class Migration20261129001100_completion_ends_future_shifts extends Migration {
  override up(): void {
    this.addSql(`
      CREATE FUNCTION end_unstarted_assignments() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      DECLARE
        ended integer;
      BEGIN
        WITH gone AS (
          UPDATE assignment SET ended_at = NEW.ended_at, end_reason = 'REQUEST_COMPLETED'
           WHERE claim_id = NEW.id AND ended_at IS NULL AND lower(shift) > NEW.ended_at
          RETURNING 1
        )
        SELECT count(*) INTO ended FROM gone;
        NEW.assigned := NEW.assigned - ended;
        RETURN NEW;
      END
      $$`);
    this.addSql(`
      CREATE TRIGGER claim_fulfilled_ends_unstarted_assignments BEFORE UPDATE OF status ON claim
        FOR EACH ROW WHEN (OLD.status = 'ACTIVE' AND NEW.status = 'FULFILLED')
        EXECUTE FUNCTION end_unstarted_assignments()`);
  }
}
