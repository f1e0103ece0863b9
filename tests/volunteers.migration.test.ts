/**
 * The assignments' exclusion constraint needs the btree_gist extension. A
 * DATABASE_URL role that may not create it gets one line naming what to run
 * (and nothing is half-migrated); once a superuser ran it, the server starts.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { gql } from './support/client.js';
import { createEmptyDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { admin } from './support/pg.js';
import { runServerExpectingFailure, spawnServer, testEnv } from './support/server.js';
import { QueryTypenameDocument } from './generated/graphql.js';

describe('the btree_gist extension', () => {
  test('a role without the right to create it: one line naming what to run, nothing applied; after a superuser runs it, the server starts', async () => {
    const url = await createEmptyDatabase();
    const database = new URL(url).pathname.slice(1);
    const role = `${inject('runPrefix')}_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    // An ordinary role: it may connect and create tables in the public schema, not create extensions in the database.
    await admin(inject('adminUrl'), (client) => client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`));
    try {
      await admin(url, async (client) => {
        await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
        await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${role}`);
      });
      const asRole = new URL(url);
      asRole.username = role;
      asRole.password = password;

      const { code, stderr } = await runServerExpectingFailure(testEnv(asRole.toString()));
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(
        `the btree_gist extension is required: run CREATE EXTENSION btree_gist; as a superuser in database ${database}`,
      );
      const tables = await admin(url, (client) =>
        client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'mikro_orm_migrations'`,
        ),
      );
      expect(tables.rows[0].n).toBe(0);

      await admin(url, (client) => client.query('CREATE EXTENSION btree_gist'));
      const server = await spawnServer(testEnv(asRole.toString()));
      try {
        expect((await gql(server.url, QueryTypenameDocument, {})).status).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      await admin(inject('adminUrl'), async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${role}`);
      });
    }
  });
});
