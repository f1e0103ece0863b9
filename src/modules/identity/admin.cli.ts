/**
 * `npm run admin -- create --email E`: creates that administrator (asking for
 * the password), or promotes the user if the e-mail exists; never overwrites
 * a password. Uses DATABASE_URL, or the embedded database under DATA_DIR.
 */
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { openDb } from '../../db/handle.js';
import { migrate, withStartupLock } from '../../db/startup.js';
import { SYSTEM } from '../../shared/actor.js';
import { createLogger } from '../../shared/logger.js';
import { runCli } from '../../shared/cli.js';
import { entities } from '../tables.js';
import { ensureAdministrator } from './user.service.js';

const USAGE = 'usage: npm run admin -- create --email ADDRESS   (the password is read from the terminal or standard input)';

function parseArgs(argv: string[]): { email: string } {
  const [command, flag, email] = argv;
  if (command !== 'create' || flag !== '--email' || !email) throw new ConfigError('arguments', USAGE);
  return { email };
}

/** Reads one line; on a terminal, without echoing it. */
async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write('Password: ');
    // readline echoes through this internal hook: replaced, the typed line is not shown.
    Object.assign(rl, { _writeToOutput: () => undefined });
  }
  const line = await new Promise<string>((resolve) =>
    rl.once('line', resolve).once('close', () => {
      resolve('');
    }),
  );
  rl.close();
  if (process.stdin.isTTY) process.stdout.write('\n');
  return line;
}

await runCli(async () => {
  const { email } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const password = await readPassword();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await openDatabase(config, log, { entities: [...entities], shareRunning: true });
  try {
    const outcome = await withStartupLock(db.url, async () => {
      await migrate(db.orm, log);
      return ensureAdministrator(openDb(db.orm), SYSTEM, { email, password });
    });
    process.stdout.write(`administrator ${email}: ${outcome}\n`);
  } finally {
    await db.close();
  }
});
