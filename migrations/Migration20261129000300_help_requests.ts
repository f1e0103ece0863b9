import { Migration } from '@mikro-orm/migrations';

/**
 * Help requests, their slots and claims, idempotency keys and the event log
 * (issues 4 and 5). The invariants live here, not only in code:
 * - a slot is never over-committed: CHECK (claimed <= capacity) on slot and request;
 * - one ACTIVE claim per (slot, association): a partial unique index;
 * - one idempotency key per (association, operation, key): the primary key.
 * Event positions come from a sequence, but only ever under a transaction-scoped
 * advisory lock held through commit, so they are handed out in commit order
 * (README, "The event log").
 */
export class Migration20261129000300_help_requests extends Migration {
  override up(): void {
    const kinds = `'MANPOWER', 'PATIENT_GUARD', 'FUNDRAISING', 'TUTORING', 'TRAINING', 'SUPPLIES'`;
    const categories = `'POVERTY_RELIEF', 'EDUCATION', 'MEDICAL', 'DISABILITY', 'SPECIAL_NEEDS', 'CHILD_CARE', 'SKILLS_TRAINING', 'COMMUNITY_SERVICE'`;
    this.addSql(`
      CREATE TABLE help_request (
        id uuid PRIMARY KEY,
        requester_id uuid NOT NULL REFERENCES association (id),
        kind text NOT NULL CHECK (kind IN (${kinds})),
        category text NOT NULL CHECK (category IN (${categories})),
        unit text NOT NULL CHECK (unit IN ('PERSON', 'YUAN', 'ITEM')),
        title text NOT NULL,
        description text NOT NULL,
        township text,
        address text,
        contact text,
        urgency text NOT NULL CHECK (urgency IN ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
        urgency_rank smallint GENERATED ALWAYS AS (
          CASE urgency WHEN 'CRITICAL' THEN 3 WHEN 'HIGH' THEN 2 WHEN 'NORMAL' THEN 1 ELSE 0 END
        ) STORED,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'FILLED', 'COMPLETED', 'CANCELLED', 'EXPIRED')),
        starts_at timestamptz(3),
        ends_at timestamptz(3),
        capacity integer NOT NULL CHECK (capacity >= 1),
        claimed integer NOT NULL DEFAULT 0,
        active_claims integer NOT NULL DEFAULT 0 CHECK (active_claims >= 0),
        posted_at timestamptz(3) NOT NULL DEFAULT now(),
        filled_at timestamptz(3),
        closed_at timestamptz(3),
        beneficiaries integer CHECK (beneficiaries BETWEEN 0 AND 1000000),
        outcome text,
        cancel_reason text,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        CHECK (claimed >= 0 AND claimed <= capacity),
        CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at),
        CHECK ((status IN ('COMPLETED', 'CANCELLED', 'EXPIRED')) = (closed_at IS NOT NULL)),
        CHECK (status <> 'FILLED' OR claimed = capacity)
      )`);
    this.addSql(`CREATE INDEX help_request_newest_idx ON help_request (posted_at DESC, id DESC)`);
    this.addSql(`CREATE INDEX help_request_urgency_idx ON help_request (urgency_rank DESC, posted_at DESC, id DESC)`);
    this.addSql(`CREATE INDEX help_request_starts_idx ON help_request ((coalesce(starts_at, 'infinity')), id)`);
    this.addSql(`CREATE INDEX help_request_requester_idx ON help_request (requester_id, posted_at DESC, id DESC)`);
    this.addSql(`CREATE INDEX help_request_expiry_idx ON help_request (ends_at) WHERE status = 'OPEN' AND active_claims = 0`);

    this.addSql(`
      CREATE TABLE slot (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES help_request (id),
        position integer NOT NULL,
        label text,
        starts_at timestamptz(3),
        ends_at timestamptz(3),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000000),
        claimed integer NOT NULL DEFAULT 0,
        CHECK (claimed >= 0 AND claimed <= capacity),
        CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at),
        UNIQUE (request_id, position)
      )`);

    this.addSql(`
      CREATE TABLE claim (
        id uuid PRIMARY KEY,
        slot_id uuid NOT NULL REFERENCES slot (id),
        request_id uuid NOT NULL REFERENCES help_request (id),
        association_id uuid NOT NULL REFERENCES association (id),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'WITHDRAWN', 'DECLINED', 'FULFILLED')),
        note text,
        claimed_at timestamptz(3) NOT NULL DEFAULT now(),
        ended_at timestamptz(3),
        end_reason text,
        CHECK ((status = 'ACTIVE') = (ended_at IS NULL))
      )`);
    this.addSql(`CREATE UNIQUE INDEX claim_one_active_idx ON claim (slot_id, association_id) WHERE status = 'ACTIVE'`);
    this.addSql(`CREATE INDEX claim_association_idx ON claim (association_id, claimed_at DESC, id DESC)`);
    this.addSql(`CREATE INDEX claim_request_idx ON claim (request_id, claimed_at, id)`);
    this.addSql(`CREATE INDEX claim_slot_idx ON claim (slot_id, claimed_at, id)`);

    this.addSql(`
      CREATE TABLE idempotency_key (
        association_id uuid NOT NULL REFERENCES association (id),
        operation text NOT NULL,
        key text NOT NULL,
        input_hash text NOT NULL,
        result_id uuid NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (association_id, operation, key)
      )`);

    this.addSql(`CREATE SEQUENCE request_event_position AS bigint`);
    this.addSql(`
      CREATE TABLE request_event (
        position bigint PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('POSTED', 'UPDATED', 'CLAIMED', 'CLAIM_WITHDRAWN', 'CLAIM_DECLINED',
                                           'FILLED', 'REOPENED', 'COMPLETED', 'CANCELLED', 'EXPIRED')),
        request_id uuid NOT NULL REFERENCES help_request (id),
        claim_id uuid REFERENCES claim (id),
        actor_id uuid REFERENCES association (id),
        occurred_at timestamptz(3) NOT NULL DEFAULT now(),
        -- Filter attributes as they were when the event was written.
        kind text NOT NULL,
        category text NOT NULL,
        township text,
        requester_id uuid NOT NULL,
        involved uuid[] NOT NULL
      )`);
    this.addSql(`CREATE INDEX request_event_request_idx ON request_event (request_id, position)`);
    this.addSql(`CREATE INDEX request_event_involved_idx ON request_event USING gin (involved)`);
  }
}
