/** `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database) and exits. */
import { loadConfig } from '../config.js';
import { createLogger } from '../shared/logger.js';
import { openDatabase } from './database.js';
import { migrate, withStartupLock } from './startup.js';
import { runCli } from '../shared/cli.js';

await runCli(async () => {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, log, { entities: [], shareRunning: true });
  try {
    await withStartupLock(db.url, () => migrate(db.orm, log));
  } finally {
    await db.close();
  }
});
