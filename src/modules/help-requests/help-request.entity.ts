import { randomUUID } from 'node:crypto';
import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ClaimStatus, RequestStatus, type AidCategory, type CapacityUnit, type RequestKind, type Urgency } from '../../shared/enums.js';

/**
 * The write model of a help request. `claimed` and `activeClaims` are kept
 * equal to the sums over its slots and claims by every transaction that changes
 * them, under this row's lock (help-request.lock.ts).
 */
@Entity({ tableName: 'help_request' })
export class HelpRequest {
  [EntityName]?: 'help_request';
  [OptionalProps]?:
    | 'urgencyRank'
    | 'status'
    | 'claimed'
    | 'activeClaims'
    | 'postedAt'
    | 'version'
    | 'filledAt'
    | 'closedAt'
    | 'beneficiaries'
    | 'outcome'
    | 'cancelReason';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  requesterId!: string;

  @Property({ type: 'text' })
  kind!: RequestKind;

  @Property({ type: 'text' })
  category!: AidCategory;

  @Property({ type: 'text' })
  unit!: CapacityUnit;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text', nullable: true })
  township!: string | null;

  @Property({ type: 'text', nullable: true })
  address!: string | null;

  @Property({ type: 'text', nullable: true })
  contact!: string | null;

  @Property({ type: 'text' })
  urgency!: Urgency;

  /** LOW 0 to CRITICAL 3, computed by PostgreSQL from `urgency` (the URGENCY order's index). */
  @Property({
    type: 'smallint',
    generated: `(CASE urgency WHEN 'CRITICAL' THEN 3 WHEN 'HIGH' THEN 2 WHEN 'NORMAL' THEN 1 ELSE 0 END) stored`,
  })
  urgencyRank?: number;

  @Property({ type: 'text' })
  status: RequestStatus = RequestStatus.OPEN;

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  startsAt!: Date | null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  endsAt!: Date | null;

  @Property({ type: 'integer' })
  capacity!: number;

  @Property({ type: 'integer' })
  claimed = 0;

  @Property({ type: 'integer' })
  activeClaims = 0;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  postedAt: Date = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  filledAt: Date | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  beneficiaries: number | null = null;

  @Property({ type: 'text', nullable: true })
  outcome: string | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'integer' })
  version = 1;

  /** foldText(title, description), for the text filter; rewritten with them. */
  @Property({ type: 'text' })
  searchText!: string;
}

@Entity({ tableName: 'slot' })
export class Slot {
  [EntityName]?: 'slot';
  [OptionalProps]?: 'claimed';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  requestId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text', nullable: true })
  label!: string | null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  startsAt!: Date | null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  endsAt!: Date | null;

  @Property({ type: 'integer' })
  capacity!: number;

  @Property({ type: 'integer' })
  claimed = 0;
}

/** A commitment of part of a slot by an association (api.md "Claims"). */
@Entity({ tableName: 'claim' })
export class Claim {
  [EntityName]?: 'claim';
  [OptionalProps]?: 'status' | 'note' | 'claimedAt' | 'endedAt' | 'endReason' | 'assigned' | 'handedToClaimId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  slotId!: string;

  @Property({ type: 'uuid' })
  requestId!: string;

  @Property({ type: 'uuid' })
  associationId!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'text' })
  status: ClaimStatus = ClaimStatus.ACTIVE;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  claimedAt: Date = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  endedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  endReason: string | null = null;

  /**
   * People assigned to its places (active assignments: volunteers module), at
   * most `quantity`; back to 0 when the claim is withdrawn or declined (a trigger
   * ends its assignments then).
   */
  @Property({ type: 'integer' })
  assigned = 0;

  /** The claim it became when it was handed off (then WITHDRAWN with endReason HANDED_OFF): claim-handoff.entity.ts. */
  @Property({ type: 'uuid', nullable: true })
  handedToClaimId: string | null = null;
}

/** The first result of an idempotent call, by (association, operation, key) (api.md "Claims"). */
@Entity({ tableName: 'idempotency_key' })
export class IdempotencyKey {
  [EntityName]?: 'idempotency_key';
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  associationId!: string;

  @PrimaryKey({ type: 'text' })
  operation!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  inputHash!: string;

  @Property({ type: 'uuid' })
  resultId!: string;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
