/**
 * Named prepared statements per pooled connection (db/prepared-statements.ts),
 * on the real PostgreSQL: a statement with parameters is prepared once and
 * then executed by name; statements without parameters and `*` selections are
 * never prepared; a connection prepares a bounded number of texts.
 */
import pg from 'pg';
import { PREPARED_PER_CONNECTION, PreparingClient } from '../src/db/prepared-statements.js';
import { describe, expect, test } from './support/fixtures.js';

async function withClient<T>(databaseUrl: string, work: (client: PreparingClient) => Promise<T>): Promise<T> {
  const client = new PreparingClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What this session has prepared, with how many times PostgreSQL ran each plan. */
async function prepared(client: pg.Client): Promise<{ statement: string; runs: number }[]> {
  const { rows } = await client.query<{ statement: string; runs: number }>(
    'SELECT statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements ORDER BY prepare_time',
  );
  return rows;
}

describe('prepared statements', () => {
  test('a statement with parameters is prepared on first use and run by name after, with the same answers', async ({ databaseUrl }) => {
    await withClient(databaseUrl, async (client) => {
      const text = 'SELECT $1::int + 1 AS n';
      const answers = [];
      for (const n of [1, 2, 3]) answers.push((await client.query<{ n: number }>(text, [n])).rows[0].n);
      expect(answers).toEqual([2, 3, 4]);
      expect(await prepared(client)).toEqual([{ statement: text, runs: 3 }]);
    });
  });

  test('statements without parameters and selections of * are sent unnamed', async ({ databaseUrl }) => {
    await withClient(databaseUrl, async (client) => {
      await client.query('SELECT 1');
      await client.query('SELECT * FROM pg_class WHERE oid = $1', [1259]);
      await client.query('SELECT c.* FROM pg_class c WHERE c.oid = $1', [1259]);
      expect(await prepared(client)).toEqual([]);
    });
  });

  test(`a connection prepares at most ${PREPARED_PER_CONNECTION} texts, and runs the others unnamed`, async ({ databaseUrl }) => {
    await withClient(databaseUrl, async (client) => {
      for (let i = 0; i < PREPARED_PER_CONNECTION + 10; i++) {
        const { rows } = await client.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [1]);
        expect(rows[0].n).toBe(i + 1);
      }
      expect(await prepared(client)).toHaveLength(PREPARED_PER_CONNECTION);
    });
  });
});
