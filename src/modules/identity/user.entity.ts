import { randomUUID } from 'node:crypto';
import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The write model of a user. Reads go through plain rows (UserRow) with the same property names. */
@Entity({ tableName: 'app_user' })
export class User {
  [EntityName]?: 'app_user';
  [OptionalProps]?: 'isAdmin' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Trimmed and lower-cased before it gets here. */
  @Property({ type: 'text', unique: 'app_user_email_key' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  isAdmin = false;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
