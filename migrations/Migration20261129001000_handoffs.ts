import { Migration } from '@mikro-orm/migrations';

/**
 * Hand-offs of claims between associations (issue 14, item 4). The invariants
 * live here, not only in code:
 * - at most one OFFERED hand-off per claim: a partial unique index;
 * - a decided hand-off has its decision time, and only an ACCEPTED one names
 *   the claim it became (`new_claim_id`); never to the association holding it;
 * - `claim.handed_to_claim_id` links a claim that was handed off to the claim
 *   the receiver got (only on a WITHDRAWN claim);
 * - `lapses_at` is the slot's start (its end when it has no start), copied when
 *   the offer is made (a slot's times never change): the expiry job lapses due
 *   offers with one indexed read per tick.
 * The event log learns which hand-off a HANDOFF_* event is about (its types
 * are already allowed since migration 0800). New tables and columns only: no
 * existing row is rewritten.
 */
export class Migration20261129001000_handoffs extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE claim_handoff (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claim (id),
        request_id uuid NOT NULL REFERENCES help_request (id),
        slot_id uuid NOT NULL REFERENCES slot (id),
        from_association_id uuid NOT NULL REFERENCES association (id),
        to_association_id uuid NOT NULL REFERENCES association (id),
        status text NOT NULL DEFAULT 'OFFERED' CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'LAPSED', 'WITHDRAWN')),
        note text,
        reason text,
        offered_at timestamptz(3) NOT NULL DEFAULT now(),
        lapses_at timestamptz(3),
        decided_at timestamptz(3),
        new_claim_id uuid REFERENCES claim (id),
        CHECK (from_association_id <> to_association_id),
        CHECK ((status = 'OFFERED') = (decided_at IS NULL)),
        CHECK ((status = 'ACCEPTED') = (new_claim_id IS NOT NULL))
      )`);
    this.addSql(`CREATE UNIQUE INDEX claim_handoff_one_offered_idx ON claim_handoff (claim_id) WHERE status = 'OFFERED'`);
    this.addSql(`CREATE INDEX claim_handoff_claim_idx ON claim_handoff (claim_id, offered_at, id)`);
    this.addSql(`CREATE INDEX claim_handoff_request_idx ON claim_handoff (request_id, to_association_id)`);
    this.addSql(`CREATE INDEX claim_handoff_from_idx ON claim_handoff (from_association_id, offered_at DESC, id DESC)`);
    this.addSql(`CREATE INDEX claim_handoff_to_idx ON claim_handoff (to_association_id, offered_at DESC, id DESC)`);
    this.addSql(`CREATE INDEX claim_handoff_lapse_idx ON claim_handoff (lapses_at) WHERE status = 'OFFERED'`);

    this.addSql(`ALTER TABLE claim ADD COLUMN handed_to_claim_id uuid REFERENCES claim (id)`);
    this.addSql(`ALTER TABLE claim ADD CONSTRAINT claim_handed_to_check CHECK (handed_to_claim_id IS NULL OR status = 'WITHDRAWN')`);

    this.addSql(`ALTER TABLE request_event ADD COLUMN hand_off_id uuid REFERENCES claim_handoff (id)`);
  }
}
