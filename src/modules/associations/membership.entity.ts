import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { MemberRole } from '../../shared/enums.js';

@Entity({ tableName: 'membership' })
export class Membership {
  [EntityName]?: 'membership';
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
