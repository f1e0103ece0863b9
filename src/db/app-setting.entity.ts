import { EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A server-wide setting shared by every instance on the database. */
@Entity({ tableName: 'app_setting' })
export class AppSetting {
  [EntityName]?: 'app_setting';
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'Date', columnType: 'timestamptz(3)', defaultRaw: 'now()' })
  createdAt?: Date;
}
