import { Migration } from '@mikro-orm/migrations';

/**
 * Invitations to rosters (found by an attacker review of issue 14): the e-mail
 * address given to addVolunteer no longer links a user to a roster, it invites
 * them. `invited_user_id` holds the invitation until the user answers; only
 * acceptance sets `user_id`, the link that makes the volunteer that user (their
 * person for overlapping shifts, their shifts, their right to see the record).
 * - a volunteer is either invited or linked, never both: a CHECK;
 * - a user has at most one invitation waiting per roster (as they are linked at
 *   most once per roster: volunteer_user_key): a unique constraint;
 * - one roster entry is never on two overlapping shifts either: a volunteer
 *   whose user left the roster keeps the user's person on the assignments it
 *   had, and takes its own for new ones, so the exclusion on `person` alone
 *   would let the same entry be booked twice. Links never changed before this
 *   migration (an entry's person was fixed), so existing rows satisfy it.
 * Links made before this migration stay as they are: accepted (the user may
 * leave the roster).
 */
export class Migration20261129001200_volunteer_invitations extends Migration {
  override up(): void {
    this.addSql(`ALTER TABLE volunteer ADD COLUMN invited_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL`);
    this.addSql(`ALTER TABLE volunteer ADD CONSTRAINT volunteer_invited_or_linked CHECK (invited_user_id IS NULL OR user_id IS NULL)`);
    this.addSql(`ALTER TABLE volunteer ADD CONSTRAINT volunteer_invitation_key UNIQUE (association_id, invited_user_id)`);
    this.addSql(`CREATE INDEX volunteer_invited_idx ON volunteer (invited_user_id, created_at, id) WHERE invited_user_id IS NOT NULL`);
    this.addSql(`
      ALTER TABLE assignment ADD CONSTRAINT assignment_volunteer_no_overlap
        EXCLUDE USING gist (volunteer_id WITH =, shift WITH &&) WHERE (ended_at IS NULL)`);
  }
}
