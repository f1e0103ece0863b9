import { randomUUID } from 'node:crypto';
import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ClaimHandOffStatus } from '../../shared/enums.js';

/**
 * An offer of a whole ACTIVE claim to another association (issue 14, item 4):
 * OFFERED until the receiver accepts or declines it, or it lapses (the slot
 * starts, the request closes: LAPSED; the holder's claim ends first:
 * WITHDRAWN). Written only under its request's row lock. The migration's
 * constraints carry the rules: one OFFERED per claim (a partial unique index),
 * a decision time exactly when decided, `newClaimId` exactly when ACCEPTED.
 */
@Entity({ tableName: 'claim_handoff' })
export class ClaimHandOff {
  [EntityName]?: 'claim_handoff';
  [OptionalProps]?: 'status' | 'note' | 'reason' | 'offeredAt' | 'lapsesAt' | 'decidedAt' | 'newClaimId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The claim offered (the giver's). */
  @Property({ type: 'uuid' })
  claimId!: string;

  @Property({ type: 'uuid' })
  requestId!: string;

  @Property({ type: 'uuid' })
  slotId!: string;

  /** The association holding the claim when it offered it. */
  @Property({ type: 'uuid' })
  fromAssociationId!: string;

  /** The association it is offered to. */
  @Property({ type: 'uuid' })
  toAssociationId!: string;

  @Property({ type: 'text' })
  status: ClaimHandOffStatus = ClaimHandOffStatus.OFFERED;

  /** The giver's message to the receiver. */
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** The receiver's reason, when it declined. */
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  offeredAt: Date = new Date();

  /** The slot's start (its end when it has none), copied at the offer; null: lapses only with the request or the claim. */
  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  lapsesAt: Date | null = null;

  /** When it stopped being OFFERED. */
  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  decidedAt: Date | null = null;

  /** The receiver's claim, once ACCEPTED. */
  @Property({ type: 'uuid', nullable: true })
  newClaimId: string | null = null;
}
