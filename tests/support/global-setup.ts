/**
 * Once per test run: compile dist/ (for tests that spawn real server processes),
 * start one embedded PostgreSQL (or use TEST_DATABASE_URL), and prepare a
 * template database with the migrations applied. Each test file then gets its
 * own fresh database copied from the template (tests/support/database.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { openOrm } from '../../src/db/orm.js';
import { migrate } from '../../src/db/startup.js';
import { createLogger } from '../../src/shared/logger.js';
import { unsupportedNode } from '../../src/shared/runtime.js';
import { admin, withDatabase } from './pg.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser connection to the cluster's `postgres` database. */
    adminUrl: string;
    templateDatabase: string;
    /** Prefix of every database this run creates. */
    runPrefix: string;
  }
}

/** Written after each page build (outside dist/web, which a build empties); older than any page source means rebuild. */
const PAGES_STAMP = 'dist/.web-built';
/** What the page bundles are built from (the IDE preloads the example operations). */
const PAGE_SOURCES = ['src/web', 'examples/operations', 'package-lock.json'];

async function newestChange(file: string): Promise<number> {
  const info = await stat(file);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(file);
  const times = await Promise.all(entries.map((entry) => newestChange(path.join(file, entry))));
  return Math.max(info.mtimeMs, ...times);
}

async function pagesStale(root: string): Promise<boolean> {
  const built = await stat(path.join(root, PAGES_STAMP)).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const sources = await Promise.all(PAGE_SOURCES.map((source) => newestChange(path.join(root, source)).catch(() => 0)));
  return Math.max(...sources) > built;
}

export default async function setup(project: TestProject) {
  // Refuse before anything starts, in one line: an old Node fails later in obscure ways.
  const refusal = unsupportedNode();
  if (refusal) {
    process.stderr.write(`error: ${refusal}\n`);
    process.exit(1);
  }
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The pages the server serves (GraphQL IDE, dashboard), when their sources changed.
  if (await pagesStale(root)) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/web/vite.config.ts'], {
      cwd: root,
      stdio: 'inherit',
    });
    await writeFile(path.join(root, PAGES_STAMP), new Date().toISOString());
  }

  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  let embedded: EmbeddedDatabase | null = null;
  let dir: string | null = null;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-test-'));
    embedded = await startEmbeddedPostgres(dir, log);
    adminUrl = embedded.url('postgres');
  }
  const runPrefix = `t${process.pid}_${Date.now().toString(36)}`;
  const templateDatabase = `${runPrefix}_template`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${templateDatabase} ENCODING 'UTF8' TEMPLATE template0`));
  const orm = await openOrm([], withDatabase(adminUrl, templateDatabase), 2, log);
  await migrate(orm, log);
  await orm.close(true);

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('runPrefix', runPrefix);

  return async () => {
    await admin(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${runPrefix}%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }).catch(() => undefined);
    await embedded?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
