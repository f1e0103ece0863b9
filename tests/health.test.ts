/** /readyz follows the database; shutdown lets an in-flight request finish. */
import pg from 'pg';
import { gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { asAdmin, createOrg } from './support/personas.js';
import { admin } from './support/pg.js';
import { postRequest } from './support/requests.js';
import { CancelHelpRequestDocument } from './generated/graphql.js';
import { decodeGlobalId } from '../src/shared/global-id.js';

describe('/readyz', () => {
  test('answers 503 while the database refuses connections, 200 again once it accepts them', async ({ databaseUrl, url }) => {
    const name = new URL(databaseUrl).pathname.slice(1);
    const readyz = url.replace(/\/graphql$/, '/readyz');
    const postgres = new URL(databaseUrl);
    postgres.pathname = '/postgres';
    expect((await fetch(readyz)).status).toBe(200);
    try {
      await admin(postgres.toString(), async (client) => {
        await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      });
      expect((await fetch(readyz)).status).toBe(503);
      expect((await fetch(readyz.replace('readyz', 'healthz'))).status).toBe(200);
    } finally {
      // The file's database is shared with the next test: give it back even when an expectation failed.
      await admin(postgres.toString(), (client) => client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
    }
    expect((await fetch(readyz)).status).toBe(200);
  });
});

describe('graceful shutdown', () => {
  test('lets an in-flight mutation finish after SIGTERM, then exits 0', async ({ databaseUrl, spawn }) => {
    const server = await spawn();
    const org = await createOrg(server.url, await asAdmin(server.url));
    const request = await postRequest(server.url, org.owner.token, org.id, { slots: [{ capacity: 2 }] });

    // Hold the request's row lock from outside, so the cancel below stays in flight.
    const blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM help_request WHERE id = $1 FOR UPDATE', [decodeGlobalId(request.id, 'id').key]);
    const cancel = gql(server.url, CancelHelpRequestDocument, { id: request.id, reason: 'late' }, org.owner.token);
    // Wait until the cancel is waiting on that lock in the database.
    for (let waiting = 0; waiting === 0;) {
      const { rows } = await admin(databaseUrl, (client) =>
        client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        ),
      );
      waiting = rows[0].n;
    }
    server.child.kill('SIGTERM');
    await blocker.query('ROLLBACK');
    await blocker.end();
    const answer = await cancel;
    expect(answer.body.data?.cancelHelpRequest.status).toBe('CANCELLED');
    expect(await server.exited).toBe(0);
  });
});
