/** Several instances on one database behave as one server, from their first start. */
import { gql } from './support/client.js';
import { createEmptyDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { admin } from './support/pg.js';
import { runServerExpectingFailure, spawnServer, testEnv } from './support/server.js';
import { QueryTypenameDocument } from './generated/graphql.js';

describe('start-up', () => {
  test('two processes started at the same moment on one empty database both come up, migrating once', async () => {
    const url = await createEmptyDatabase();
    const env = testEnv(url);
    const servers = await Promise.all([spawnServer(env), spawnServer(env)]);
    try {
      for (const server of servers) expect((await gql(server.url, QueryTypenameDocument, {})).status).toBe(200);
      const applied = servers.filter((server) => server.output.some((line) => line.includes('migrations applied')));
      expect(applied).toHaveLength(1);
      const rows = await admin(url, (client) => client.query<{ n: number }>('SELECT count(*)::int AS n FROM mikro_orm_migrations'));
      expect(rows.rows[0].n).toBeGreaterThan(0);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });

  test('refuses a database that is not UTF8 with one line', async () => {
    const url = await createEmptyDatabase();
    const name = new URL(url).pathname.slice(1) + '_ascii';
    await admin(url, (client) =>
      client.query(`CREATE DATABASE ${name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`),
    );
    const target = new URL(url);
    target.pathname = `/${name}`;
    const { code, stderr } = await runServerExpectingFailure(testEnv(target.toString()));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/DATABASE_URL: .*UTF8/);
  });

  test('names the setting when ADMIN_PASSWORD breaks the password rules, with one line', async () => {
    const url = await createEmptyDatabase();
    const { code, stderr } = await runServerExpectingFailure({ ...testEnv(url), ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: 'short' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^(error: )?ADMIN_PASSWORD: must be \d+ to \d+ characters/);
  });
});
