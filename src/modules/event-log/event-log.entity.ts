import { ArrayType, EntityName } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AidCategory, RequestEventType, RequestKind } from '../../shared/enums.js';

/**
 * One entry of the commit-ordered log (events.md, design 1). Written only by
 * appendEvents, under the log's advisory lock; never updated.
 */
@Entity({ tableName: 'request_event' })
export class RequestEvent {
  [EntityName]?: 'request_event';

  /** bigint from the sequence `request_event_position`, as text. */
  @PrimaryKey({ type: 'bigint' })
  position!: string;

  @Property({ type: 'text' })
  type!: RequestEventType;

  @Property({ type: 'uuid' })
  requestId!: string;

  @Property({ type: 'uuid', nullable: true })
  claimId!: string | null;

  @Property({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The assignment a VOLUNTEER_ASSIGNED, VOLUNTEER_UNASSIGNED or ATTENDANCE_RECORDED event is about. */
  @Property({ type: 'uuid', nullable: true })
  assignmentId!: string | null;

  /** The hand-off a HANDOFF_* event is about (claim_handoff). */
  @Property({ type: 'uuid', nullable: true })
  handOffId!: string | null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  occurredAt!: Date;

  // Filter attributes of the request as they were when the event was written.
  @Property({ type: 'text' })
  kind!: RequestKind;

  @Property({ type: 'text' })
  category!: AidCategory;

  @Property({ type: 'text', nullable: true })
  township!: string | null;

  @Property({ type: 'uuid' })
  requesterId!: string;

  /** The requester, every association that ever claimed on the request, and every one a claim on it was offered to (hand-offs). */
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  involved!: string[];
}

/** A credential that stopped being valid, in the same log order as the events (migration 0600). */
@Entity({ tableName: 'credential_revocation' })
export class CredentialRevocation {
  [EntityName]?: 'credential_revocation';

  @PrimaryKey({ type: 'bigint' })
  position!: string;

  @Property({ type: 'text' })
  kind!: 'API_KEY' | 'USER';

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  revokedAt!: Date;
}
