import { randomUUID } from 'node:crypto';
import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A volunteer holding one of a claim's places on a timed slot. Active while
 * `endedAt` is null. The migration's constraints carry the rules: one person
 * once per slot, never on two overlapping shifts (exclusion on `person` and
 * `shift`), and its claim's trigger ends it when the claim is withdrawn or
 * declined. Attendance (migration 0900): arrived and left, or absent, within a
 * window around the shift; hours served are computed from it, never stored.
 */
@Entity({ tableName: 'assignment' })
export class Assignment {
  [EntityName]?: 'assignment';
  [OptionalProps]?: 'assignedAt' | 'endedAt' | 'endReason' | 'arrivedAt' | 'leftAt' | 'absent';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  claimId!: string;

  @Property({ type: 'uuid' })
  slotId!: string;

  @Property({ type: 'uuid' })
  requestId!: string;

  @Property({ type: 'uuid' })
  volunteerId!: string;

  /** `user:<id>` when the volunteer is linked to a user (one person across rosters), `volunteer:<id>` otherwise. */
  @Property({ type: 'text' })
  person!: string;

  /** The slot's [startsAt, endsAt) as a tstzrange (PostgreSQL's text form when read). */
  @Property({ type: 'text', columnType: 'tstzrange' })
  shift!: string;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  assignedAt: Date = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  endedAt: Date | null = null;

  /** The reason given to unassignVolunteer, or CLAIM_ENDED when its claim ended. */
  @Property({ type: 'text', nullable: true })
  endReason: string | null = null;

  /** When the volunteer arrived, as the requester recorded it (recordAttendance). */
  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  arrivedAt: Date | null = null;

  /** When they left; only with arrivedAt, and not before it. */
  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  leftAt: Date | null = null;

  /** Recorded as not having come: no times then. */
  @Property({ type: 'boolean' })
  absent = false;
}
