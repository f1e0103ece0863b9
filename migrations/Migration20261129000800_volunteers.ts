import { Migration } from '@mikro-orm/migrations';

/**
 * Volunteers and their assignments to shifts (issue 14, item 2). The invariants
 * live here, not only in code:
 * - a user is on an association's roster at most once: a unique constraint;
 * - never more people on a claim than its quantity: `claim.assigned`, kept by
 *   one conditional UPDATE per assignment, under CHECK (assigned <= quantity);
 * - never one person twice on a slot: a partial unique index on active
 *   assignments (ALREADY_CLAIMED);
 * - never one person on two overlapping shifts, of any requests, under any
 *   concurrency: an exclusion constraint on the shift's time range of active
 *   assignments (SCHEDULE_CONFLICT). A person is `user:<id>` for a volunteer
 *   linked to an account (one person across every roster), `volunteer:<id>`
 *   otherwise. The constraint needs btree_gist (the `=` on text inside a GiST
 *   index); a role without the right to create it gets an error naming what to
 *   run;
 * - a claim that ends (withdrawn, declined, cancelled) ends its active
 *   assignments in the same transaction: a trigger. A FULFILLED claim keeps
 *   them: they were served.
 * The event log learns the new types (those of attendance and hand-off too, so
 * that their work needs no change of this constraint) and which assignment an
 * event is about. Adding the CHECK constraints reads claim and request_event
 * once, under their locks: seconds at a county's scale.
 */
export class Migration20261129000800_volunteers extends Migration {
  override up(): void {
    // Trusted since PostgreSQL 13: the database's owner (or any role with CREATE on it) may
    // create it; others need a superuser to run it once. RAISE makes the start-up fail in one line.
    this.addSql(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gist') THEN
          RETURN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gist') THEN
          RAISE EXCEPTION 'the btree_gist extension is required but this PostgreSQL server does not have it: install PostgreSQL''s contrib modules, then run CREATE EXTENSION btree_gist; as a superuser in database %', current_database();
        END IF;
        BEGIN
          CREATE EXTENSION btree_gist;
        EXCEPTION WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'the btree_gist extension is required: run CREATE EXTENSION btree_gist; as a superuser in database %, then start the server again', current_database();
        END;
      END $$`);

    this.addSql(`
      CREATE TABLE volunteer (
        id uuid PRIMARY KEY,
        association_id uuid NOT NULL REFERENCES association (id),
        name text NOT NULL,
        phone text,
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_user_key UNIQUE (association_id, user_id)
      )`);
    this.addSql(`CREATE INDEX volunteer_roster_idx ON volunteer (association_id, (name COLLATE "C"), id)`);
    this.addSql(`CREATE INDEX volunteer_user_idx ON volunteer (user_id) WHERE user_id IS NOT NULL`);

    this.addSql(`ALTER TABLE claim ADD COLUMN assigned integer NOT NULL DEFAULT 0`);
    this.addSql(`ALTER TABLE claim ADD CONSTRAINT claim_assigned_check CHECK (assigned >= 0 AND assigned <= quantity)`);

    this.addSql(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        slot_id uuid NOT NULL REFERENCES slot (id),
        request_id uuid NOT NULL REFERENCES help_request (id),
        volunteer_id uuid NOT NULL REFERENCES volunteer (id),
        person text NOT NULL CHECK (person ~ '^(user|volunteer):[0-9a-f-]{36}$'),
        shift tstzrange NOT NULL CHECK (NOT isempty(shift) AND NOT lower_inf(shift) AND NOT upper_inf(shift)),
        assigned_at timestamptz(3) NOT NULL DEFAULT now(),
        ended_at timestamptz(3),
        end_reason text,
        CONSTRAINT assignment_no_overlap EXCLUDE USING gist (person WITH =, shift WITH &&) WHERE (ended_at IS NULL)
      )`);
    this.addSql(`CREATE UNIQUE INDEX assignment_one_per_slot_idx ON assignment (slot_id, person) WHERE ended_at IS NULL`);
    this.addSql(`CREATE INDEX assignment_claim_idx ON assignment (claim_id, assigned_at, id)`);
    this.addSql(`CREATE INDEX assignment_volunteer_idx ON assignment (volunteer_id, request_id)`);

    this.addSql(`
      CREATE FUNCTION end_claim_assignments() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        UPDATE assignment SET ended_at = NEW.ended_at, end_reason = 'CLAIM_ENDED'
         WHERE claim_id = NEW.id AND ended_at IS NULL;
        NEW.assigned := 0;
        RETURN NEW;
      END $$`);
    this.addSql(`
      CREATE TRIGGER claim_end_assignments BEFORE UPDATE OF status ON claim
        FOR EACH ROW WHEN (OLD.status = 'ACTIVE' AND NEW.status IN ('WITHDRAWN', 'DECLINED'))
        EXECUTE FUNCTION end_claim_assignments()`);

    this.addSql(`ALTER TABLE request_event DROP CONSTRAINT request_event_type_check`);
    this.addSql(`
      ALTER TABLE request_event ADD CONSTRAINT request_event_type_check CHECK (type IN (
        'POSTED', 'UPDATED', 'CLAIMED', 'CLAIM_WITHDRAWN', 'CLAIM_DECLINED', 'FILLED', 'REOPENED', 'COMPLETED', 'CANCELLED', 'EXPIRED',
        'VOLUNTEER_ASSIGNED', 'VOLUNTEER_UNASSIGNED', 'ATTENDANCE_RECORDED',
        'HANDOFF_OFFERED', 'HANDOFF_ACCEPTED', 'HANDOFF_DECLINED', 'HANDOFF_LAPSED'))`);
    this.addSql(`ALTER TABLE request_event ADD COLUMN assignment_id uuid REFERENCES assignment (id)`);
  }
}
