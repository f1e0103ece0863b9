/**
 * The one way a test file gets "a fresh database and a server on it": vitest
 * fixtures, set up on first use and torn down at the end of the file.
 *
 *   import { describe, expect, test } from './support/fixtures.js';
 *   test('…', async ({ url, adminToken }) => { … });
 *
 * File-scoped: every test of a file shares one database and one in-process
 * server (as a real deployment shares them between clients). A file that needs
 * other settings says so once at its top: `test.override('serverEnv', { … })`.
 * Tests of several processes on one database use `spawn`; tests of start-up
 * itself create their own databases (support/database.ts).
 */
import { test as base } from 'vitest';
import { createTestDatabase } from './database.js';
import { ADMIN_ENV, asAdmin } from './personas.js';
import { spawnServer, startServer, testEnv, type SpawnedServer, type TestServer } from './server.js';

export { describe, expect } from 'vitest';

export const test = base
  /** Extra environment of the file's server (and spawned servers), on top of the test administrator's. */
  .extend('serverEnv', { scope: 'file' }, {} as Record<string, string>)
  /** A database of the file's own, copied from the migrated template. */
  .extend('databaseUrl', { scope: 'file' }, () => createTestDatabase())
  /** A server in this process on the file's database, with the test administrator. */
  .extend('server', { scope: 'file' }, async ({ databaseUrl, serverEnv }, { onCleanup }): Promise<TestServer> => {
    const server = await startServer(databaseUrl, { ...ADMIN_ENV, ...serverEnv });
    onCleanup(() => server.stop());
    return server;
  })
  /** The server's GraphQL endpoint (HTTP). */
  .extend('url', { scope: 'file' }, ({ server }) => server.url)
  /** The server's GraphQL endpoint (WebSocket). */
  .extend('wsUrl', { scope: 'file' }, ({ server }) => server.wsUrl)
  /** A session token of the test administrator. */
  .extend('adminToken', { scope: 'file' }, ({ url }) => asAdmin(url))
  /**
   * Starts `node dist/src/main.js` processes on the file's database (as a
   * deployment of several instances); all of them are stopped at the end of the file.
   */
  .extend('spawn', { scope: 'file' }, ({ databaseUrl, serverEnv }, { onCleanup }) => {
    const started: SpawnedServer[] = [];
    onCleanup(async () => {
      await Promise.all(started.map((server) => server.stop()));
    });
    return async (env: Record<string, string> = {}): Promise<SpawnedServer> => {
      const server = await spawnServer(testEnv(databaseUrl, { ...ADMIN_ENV, ...serverEnv, ...env }));
      started.push(server);
      return server;
    };
  });

export const it = test;
