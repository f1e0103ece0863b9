/**
 * Where the data lives: DATABASE_URL when set, otherwise an embedded PostgreSQL
 * under DATA_DIR. Either way the caller gets a checked, open ORM.
 */
import { ConfigError, type Config } from '../config.js';
import type { Logger } from '../shared/logger.js';
import { messageOf } from '../shared/errors.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';
import { DatabaseCheckError, openOrm, type EntityList, type Orm } from './orm.js';

export const EMBEDDED_DATABASE_NAME = 'mutual_aid';

export interface Database {
  url: string;
  orm: Orm;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Every table's entity (modules/tables.ts); empty for tools that only migrate. */
  entities: EntityList;
  /**
   * For command-line tools (admin, migrate, generate), which work on the
   * embedded cluster of a running `npm start` instead of refusing.
   */
  shareRunning?: boolean;
}

export async function openDatabase(config: Config, log: Logger, options: OpenOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
  } else {
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, log, { shareRunning: options.shareRunning });
      await embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
    } catch (error) {
      await embedded?.stop();
      throw new ConfigError('DATA_DIR', `${messageOf(error)} (${config.dataDir})`);
    }
    url = embedded.url(EMBEDDED_DATABASE_NAME);
  }
  let orm: Orm;
  try {
    orm = await openOrm(options.entities, url, config.dbPoolSize, log, config.dbPreparedStatements);
  } catch (error) {
    await embedded?.stop();
    if (error instanceof DatabaseCheckError) throw new ConfigError(config.databaseUrl ? 'DATABASE_URL' : 'DATA_DIR', error.message);
    throw new ConfigError('DATABASE_URL', `cannot connect: ${describe(error)}`);
  }
  return {
    url,
    orm,
    embedded: embedded !== null,
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].replace(/postgres(ql)?:\/\/[^@\s]*@/g, 'postgres://***@');
}
