/**
 * Graceful shutdown: Ctrl-C in a terminal signals the whole process group; the
 * server and its embedded PostgreSQL must both be gone afterwards. WebSockets
 * are closed with 1001.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gql, wsConnect } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { spawnServer, startServer } from './support/server.js';
import { QueryTypenameDocument } from './generated/graphql.js';

const dirs: string[] = [];
test.afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function postgresProcessesFor(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(dir) && line.includes('postgres'));
}

describe('shutdown', () => {
  test('leaves no postgres behind when the process group gets SIGINT (embedded database, data reused on restart)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-shutdown-'));
    dirs.push(dir);
    const env = { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false' };

    const first = await spawnServer(env, { detached: true });
    expect((await gql(first.url, QueryTypenameDocument, {})).status).toBe(200);
    expect(postgresProcessesFor(dir).length).toBeGreaterThan(0);
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    expect(postgresProcessesFor(dir)).toEqual([]);
    // The server stopped the database itself, after itself: no warning, error or stack trace on the way.
    expect(first.output.filter((line) => /"level":(40|50|60)|"stack"/.test(line))).toEqual([]);

    // A second start reuses the cluster (no re-initialisation).
    const second = await spawnServer(env, { detached: true });
    expect(second.output.join('\n')).not.toContain('initialising embedded PostgreSQL');
    process.kill(-second.child.pid!, 'SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresProcessesFor(dir)).toEqual([]);
  });

  test('closes WebSockets with 1001 when stopping', async ({ databaseUrl }) => {
    // A server of its own on the file's database: the test stops it.
    const server = await startServer(databaseUrl);
    const { connected, closed } = wsConnect(server.wsUrl);
    await connected;
    await server.stop();
    expect(await closed).toBe(1001);
  });
});
