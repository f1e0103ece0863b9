/**
 * MikroORM on PostgreSQL: configuration, opening, and the start-up checks every
 * database must pass (UTF8, PostgreSQL 15 or newer).
 */
import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { typeParsers } from './timestamps.js';
import { serverSettings } from './raw.js';
import { migrationsList } from './migrations.js';
import { CountingClient } from './statement-count.js';
import { PreparingClient } from './prepared-statements.js';
import type { Logger } from '../shared/logger.js';

export type Orm = MikroORM;

/** How long an operation waits for a database connection before it answers SERVICE_UNAVAILABLE. */
const CONNECT_TIMEOUT_MS = 3_000;

/** `entities`: every table's declaration (modules/tables.ts); db/ knows no feature. */
export type EntityList = Readonly<NonNullable<Options['entities']>>;

export function ormOptions(entities: EntityList, url: string, poolSize: number, log?: Logger, preparedStatements = true): Options {
  return {
    clientUrl: url,
    entities: [...entities],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    pool: { min: 0, max: poolSize },
    driverOptions: {
      // MikroORM makes pg return timestamps as text for its own hydration; our
      // typed queries get Dates, through the one decoder (timestamps.ts).
      types: typeParsers(),
      // Every pooled connection counts its statements (SQL_COUNT_HEADER, N+1 tests),
      // and prepares those with parameters (prepared-statements.ts) unless told not to.
      Client: preparedStatements ? PreparingClient : CountingClient,
      // In an outage an operation fails within seconds (SERVICE_UNAVAILABLE) instead of waiting for a connection forever.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    },
    // Migrations are listed statically; this keeps vitest's .ts loading working.
    dynamicImportProvider: (id: string) => import(id),
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
    logger: (message: string) => log?.debug({ orm: message }, 'orm'),
  };
}

export class DatabaseCheckError extends Error {}

export async function openOrm(entities: EntityList, url: string, poolSize: number, log: Logger, preparedStatements = true): Promise<Orm> {
  // Entities and extensions are listed statically, so the synchronous constructor
  // discovers everything `MikroORM.init` would; it connects on first use.
  const orm = new MikroORM(ormOptions(entities, url, poolSize, log, preparedStatements));
  try {
    await checkServer(orm);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}

/** Refuses databases that would silently mangle data or lack features we use. */
async function checkServer(orm: Orm): Promise<void> {
  const row = await serverSettings(orm.em.fork());
  if (row.encoding !== 'UTF8') {
    throw new DatabaseCheckError(`the database encoding is ${row.encoding}; UTF8 is required (CREATE DATABASE ... ENCODING 'UTF8')`);
  }
  if (row.version < 150000) {
    throw new DatabaseCheckError(`PostgreSQL ${Math.floor(row.version / 10000)} is too old; 15 or newer is required`);
  }
}
