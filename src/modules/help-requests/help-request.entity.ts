import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { RequestStatus, type AidCategory, type CapacityUnit, type RequestKind, type Urgency } from '../../shared/enums.js';

/**
 * The write model of a help request. `claimed` and `activeClaims` are kept
 * equal to the sums over its slots and claims by every transaction that changes
 * them, under this row's lock (help-request.lock.ts).
 */
@Entity({ tableName: 'help_request' })
export class HelpRequest {
  [OptionalProps]?:
    'status' | 'claimed' | 'activeClaims' | 'postedAt' | 'version' | 'filledAt' | 'closedAt' | 'beneficiaries' | 'outcome' | 'cancelReason';

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
