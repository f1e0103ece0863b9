import { randomUUID } from 'node:crypto';
import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A person on an association's roster: a name and an optional phone, and, when
 * they have an account and accepted the roster's invitation, the user they are
 * (at most once per roster). Many older volunteers have none. An invitation
 * (`invitedUserId`) links nobody: until the user accepts, the volunteer is one
 * without an account (migration 1200).
 */
@Entity({ tableName: 'volunteer' })
export class Volunteer {
  [EntityName]?: 'volunteer';
  [OptionalProps]?: 'phone' | 'userId' | 'invitedUserId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  associationId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  /** The linked user: set only when the invited user accepts (acceptVolunteerInvitation), cleared when they leave. */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  /** The user invited by e-mail (addVolunteer's userEmail) until they accept or decline; never set with userId. */
  @Property({ type: 'uuid', nullable: true })
  invitedUserId: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
