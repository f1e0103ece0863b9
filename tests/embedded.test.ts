/**
 * The embedded PostgreSQL of `npm start` (README, "Quick start"): it works as
 * root from a folder the `postgres` user cannot enter, command-line tools work
 * against the cluster of a running server, and a second server on the same
 * files is refused in one line.
 */
import { spawn as spawnProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataOf, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { ADMIN_ENV } from './support/personas.js';
import { ROOT, runServerExpectingFailure, spawnServer, type SpawnedServer } from './support/server.js';
import { AssociationCountDocument } from './generated/graphql.js';

const dirs: string[] = [];
const servers: SpawnedServer[] = [];
test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  for (const dir of dirs) {
    // A cluster moved out of the private folder lives where .data/pg-location says: remove it too.
    const moved = await readFile(path.join(dir, 'project', '.data', 'pg-location'), 'utf8').catch(() => null);
    if (moved) await rm(moved.trim(), { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
});

/** A DATA_DIR inside a folder only its owner can enter (as a clone under /root, or a `mktemp -d` folder). */
async function privateDataDir(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'mutual-aid-private-'));
  dirs.push(parent);
  await chmod(parent, 0o700);
  const dir = path.join(parent, 'project', '.data');
  await mkdir(dir, { recursive: true });
  return dir;
}

async function startEmbedded(dir: string): Promise<SpawnedServer> {
  const server = await spawnServer({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', ...ADMIN_ENV });
  servers.push(server);
  return server;
}

function runCli(script: string, dir: string, args: string[] = [], stdin = ''): Promise<{ code: number | null; output: string }> {
  const child = spawnProcess(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('the embedded PostgreSQL', () => {
  test('starts from a folder only its owner can enter, and says where the cluster lives when it had to move it', async () => {
    const dir = await privateDataDir();
    const server = await startEmbedded(dir);
    expect(dataOf(await gql(server.url, AssociationCountDocument, {})).associations.totalCount).toBe(0);
    const log = server.output.join('\n');
    expect(log).not.toMatch(/EACCES|"level":50/);
    if (process.getuid?.() === 0) {
      // As root the cluster runs as `postgres`, which cannot enter the folder: it moved, and says where.
      expect(log).toContain('cannot enter');
      const location = (await readFile(path.join(dir, 'pg-location'), 'utf8')).trim();
      expect(log).toContain(location);
    } else {
      expect(log).not.toContain('cannot enter');
    }
    // The next start finds the same cluster (no second initialisation).
    await server.stop('SIGTERM');
    const again = await startEmbedded(dir);
    expect(again.output.join('\n')).not.toContain('initialising embedded PostgreSQL');
    await again.stop('SIGTERM');
  });

  test('lets npm run migrate and npm run admin work while npm start runs, and refuses a second server in one line', async () => {
    const dir = await privateDataDir();
    const server = await startEmbedded(dir);

    const migrated = await runCli('dist/src/db/migrate.cli.js', dir);
    expect(migrated.code).toBe(0);
    expect(migrated.output).toContain('using the embedded PostgreSQL of the running server');

    const admin = await runCli(
      'dist/src/modules/identity/admin.cli.js',
      dir,
      ['create', '--email', 'second@example.org'],
      'second-password\n',
    );
    expect(admin.code).toBe(0);
    expect(admin.output).toContain('administrator second@example.org: created');

    const second = await runServerExpectingFailure({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain('in use by another server');

    // The running server was not disturbed.
    expect((await gql(server.url, AssociationCountDocument, {})).status).toBe(200);
    await server.stop('SIGTERM');
  });
});
