/**
 * Named prepared statements per pooled connection (db/prepared-statements.ts),
 * on the real PostgreSQL: a statement with parameters is prepared once and
 * then executed by name; statements without parameters and `*` selections are
 * never prepared; a connection prepares a bounded number of texts.
 */
import pg from 'pg';
import { PREPARED_PER_CONNECTION, PreparingClient } from '../src/db/prepared-statements.js';
import { describe, expect, test } from './support/fixtures.js';
import { ormOptions } from '../src/db/orm.js';
import { CountingClient } from '../src/db/statement-count.js';
import { loadConfig } from '../src/config.js';

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

  test(`a connection keeps the ${PREPARED_PER_CONNECTION} texts it used last, deallocating the least recently used`, async ({
    databaseUrl,
  }) => {
    await withClient(databaseUrl, async (client) => {
      const text = (i: number) => `SELECT $1::int + ${i} AS n`;
      for (let i = 0; i < PREPARED_PER_CONNECTION + 10; i++) {
        const { rows } = await client.query<{ n: number }>(text(i), [1]);
        expect(rows[0].n).toBe(i + 1);
        // The first text stays in use, so it is never the least recently used.
        if (i > 0) expect((await client.query<{ n: number }>(text(0), [1])).rows[0].n).toBe(1);
      }
      const held = (await prepared(client)).map((row) => row.statement);
      expect(held).toHaveLength(PREPARED_PER_CONNECTION);
      expect(held).toContain(text(0));
      expect(held).not.toContain(text(1));
      expect(held).toContain(text(PREPARED_PER_CONNECTION + 9));
      // An evicted text runs again, prepared anew under a new name.
      expect((await client.query<{ n: number }>(text(1), [1])).rows[0].n).toBe(2);
      expect((await prepared(client)).map((row) => row.statement)).toContain(text(1));
    });
  });

  test('the pool is made of preparing clients, unless DB_PREPARED_STATEMENTS=false', () => {
    const clientOf = (prepared: boolean): unknown => {
      const options: unknown = ormOptions([], 'postgres://localhost/x', 4, undefined, prepared).driverOptions;
      return typeof options === 'object' && options !== null ? Reflect.get(options, 'Client') : undefined;
    };
    expect(clientOf(true)).toBe(PreparingClient);
    expect(clientOf(false)).toBe(CountingClient);
    expect(loadConfig({ DB_PREPARED_STATEMENTS: 'false' }).dbPreparedStatements).toBe(false);
    expect(loadConfig({}).dbPreparedStatements).toBe(true);
  });
});
