import { randomUUID } from 'node:crypto';
import { ArrayType, EntityName, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AidCategory } from '../../shared/enums.js';

@Entity({ tableName: 'association' })
export class Association {
  [EntityName]?: 'association';
  [OptionalProps]?: 'township' | 'description' | 'verified' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  township: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: ArrayType, columnType: 'text[]' })
  categories!: AidCategory[];

  @Property({ type: 'boolean' })
  verified = false;

  /** foldText(name): unique per township (case-insensitive on every database). */
  @Property({ type: 'text' })
  nameKey!: string;

  /** foldText(name, description), for the text filter. */
  @Property({ type: 'text' })
  searchText!: string;

  @Property({ type: 'Date', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
