import { Migration } from '@mikro-orm/migrations';

/**
 * Attendance on assignments (issue 14, item 3): when the volunteer arrived and
 * left, or that they did not come. The rules of a record live here, not only in
 * code:
 * - absent excludes times; a departure needs an arrival and is not before it;
 * - times lie in a sane window around the shift: an arrival no more than 12
 *   hours before the shift starts and not after it ends, a departure no more
 *   than 12 hours after it ends (recordAttendance refuses the same with
 *   BAD_USER_INPUT naming the field; these back it).
 * Hours served are not stored: they are computed from these times, capped by
 * the shift (db/raw.ts, hoursWithin). The service records find a user's
 * assignments through volunteer_user_idx and assignment_volunteer_idx (0800).
 * Every new column is NULL or has a constant default, and no row has times
 * yet: the constraints are checked against a table of nulls, in an instant.
 */
export class Migration20261129000900_attendance extends Migration {
  override up(): void {
    this.addSql(`
      ALTER TABLE assignment
        ADD COLUMN arrived_at timestamptz(3),
        ADD COLUMN left_at timestamptz(3),
        ADD COLUMN absent boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT assignment_absent_check CHECK (NOT absent OR (arrived_at IS NULL AND left_at IS NULL)),
        ADD CONSTRAINT assignment_left_needs_arrived_check CHECK (left_at IS NULL OR arrived_at IS NOT NULL),
        ADD CONSTRAINT assignment_left_after_arrived_check CHECK (left_at >= arrived_at),
        ADD CONSTRAINT assignment_arrived_window_check
          CHECK (arrived_at BETWEEN lower(shift) - interval '12 hours' AND upper(shift)),
        ADD CONSTRAINT assignment_left_window_check CHECK (left_at <= upper(shift) + interval '12 hours')`);
  }
}
