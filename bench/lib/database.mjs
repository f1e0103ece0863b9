/**
 * The one PostgreSQL every side of the bench reads and writes: the project's
 * embedded PostgreSQL (src/db/embedded.ts, compiled in dist/) in a fresh
 * folder, or DATABASE_URL when given (an empty database: the bench fills it).
 *
 * pg_stat_statements is loaded so that every side is measured the same way,
 * from the database's side: statements per request and database time per
 * request are deltas of its counters over a pass. Its view lives in the
 * `postgres` database, so the bench database holds nothing but the project's
 * own tables (PostGraphile introspects them: an extension there would show up
 * in its schema).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../dist/src/db/embedded.js';
import { createLogger } from '../../dist/src/shared/logger.js';
import { parentPid, treeCpuMs } from './proc.mjs';

export const BENCH_DATABASE = 'mutual_aid_bench';

/**
 * Starts (or connects to) the database. Returns its URL, a client on the
 * `postgres` database for the counters, the postmaster's pid (for database
 * CPU), and stop().
 */
export async function openBenchDatabase({ databaseUrl, keep }) {
  if (databaseUrl) return external(databaseUrl);
  const dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-bench-'));
  const log = createLogger('warn');
  let embedded = await startEmbeddedPostgres(dir, log);
  // shared_preload_libraries takes effect at start only: set it, then restart once.
  await withClient(embedded.url('postgres'), (client) => client.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`));
  await embedded.stop();
  embedded = await startEmbeddedPostgres(dir, log);
  await embedded.ensureDatabase(BENCH_DATABASE);
  const opened = await connect(embedded.url(BENCH_DATABASE), embedded.url('postgres'));
  return {
    ...opened,
    kind: 'embedded',
    dir,
    async stop() {
      await opened.close();
      await embedded.stop();
      if (!keep) await rm(dir, { recursive: true, force: true });
    },
  };
}

async function external(url) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const opened = await connect(url, admin.toString());
  return { ...opened, kind: 'external', dir: null, stop: () => opened.close() };
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function connect(url, adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Only where it is preloaded (always on the embedded cluster the bench starts): an external
  // server without it is left as it is, and statements per request come from ours' own count.
  const { rows: preload } = await admin.query(`SELECT current_setting('shared_preload_libraries') AS libraries`);
  let statements = preload[0].libraries.split(',').some((name) => name.trim() === 'pg_stat_statements');
  if (statements) {
    try {
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await admin.query('SELECT pg_stat_statements_reset()');
    } catch {
      statements = false; // not allowed to (not a superuser)
    }
  }
  const { rows } = await admin.query(
    `SELECT pg_backend_pid() AS pid, current_setting('server_version') AS version, current_setting('jit') AS jit,
            current_setting('shared_buffers') AS "sharedBuffers", current_setting('work_mem') AS "workMem"`,
  );
  let postmaster = null;
  try {
    postmaster = parentPid(rows[0].pid); // a backend's parent is the postmaster (on this machine)
    treeCpuMs(postmaster);
  } catch {
    postmaster = null; // a remote server: no database CPU
  }
  const database = new URL(url).pathname.slice(1);
  return {
    url,
    admin,
    postmaster,
    server: { version: rows[0].version, jit: rows[0].jit, sharedBuffers: rows[0].sharedBuffers, workMem: rows[0].workMem },
    /**
     * The counters a pass is measured by: statements executed in the bench
     * database (BEGIN and COMMIT included: track_utility), their execution
     * time, and the CPU of every PostgreSQL process.
     */
    async counters() {
      const cpu = postmaster ? treeCpuMs(postmaster) : null;
      if (!statements) return { calls: null, execMs: null, cpuMs: cpu };
      const { rows: found } = await admin.query(
        `SELECT coalesce(sum(calls), 0)::float8 AS calls, coalesce(sum(total_exec_time), 0)::float8 AS "execMs"
           FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1`,
        [database],
      );
      return { calls: found[0].calls, execMs: found[0].execMs, cpuMs: cpu };
    },
    close: () => admin.end(),
  };
}

/** The difference of two counters() readings. */
export function counterDelta(before, after) {
  const minus = (key) => (before[key] === null || after[key] === null ? null : after[key] - before[key]);
  return { calls: minus('calls'), execMs: minus('execMs'), cpuMs: minus('cpuMs') };
}
