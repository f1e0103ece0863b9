import { randomUUID } from 'node:crypto';
import { BlobType, EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** An association's API key. Only the SHA-256 of its secret is stored. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [EntityName]?: 'api_key';
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  associationId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: BlobType, columnType: 'bytea', hidden: true })
  secretHash!: Buffer;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz(3)', nullable: true })
  revokedAt: Date | null = null;
}
