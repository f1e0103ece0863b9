import { OptionalProps, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { MemberRole } from '../../shared/enums.js';

@Entity({ tableName: 'membership' })
export class Membership {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  associationId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  role!: MemberRole;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
