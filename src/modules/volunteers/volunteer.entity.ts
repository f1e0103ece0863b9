import { randomUUID } from 'node:crypto';
import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A person on an association's roster: a name and an optional phone, and, when
 * they have an account, the user they are (at most once per roster). Many older
 * volunteers have none.
 */
@Entity({ tableName: 'volunteer' })
export class Volunteer {
  [EntityName]?: 'volunteer';
  [OptionalProps]?: 'phone' | 'userId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  associationId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
