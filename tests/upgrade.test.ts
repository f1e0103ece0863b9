/**
 * A database built by an earlier release opens under this code with no manual
 * step: tests/fixtures/mikro-orm-6.database.sql is a dump of a database that the
 * MikroORM 6 release created (migrations and demo data). This server starts on
 * it, applies nothing it should not, serves its data and writes to it, and its
 * schema ends up identical to a database this code migrates from empty.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { inject } from 'vitest';
import { dataOf, gql } from './support/client.js';
import { createTestDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { admin, withDatabase } from './support/pg.js';
import { ROOT, startServer } from './support/server.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-data.js';
import { LogInDocument, UpgradedOpenRequestsDocument, ClaimDocument, UpgradedMembershipsDocument } from './generated/graphql.js';

const MIGRATIONS_TABLE = 'mikro_orm_migrations';
const FIXTURE = path.join(ROOT, 'tests/fixtures/mikro-orm-6.database.sql');

/** A fresh, empty database loaded with the MikroORM 6 dump. */
async function databaseFromRelease(): Promise<string> {
  const name = `${inject('runPrefix')}_${randomBytes(4).toString('hex')}`;
  await admin(inject('adminUrl'), (client) => client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
  const url = withDatabase(inject('adminUrl'), name);
  const dump = await readFile(FIXTURE, 'utf8');
  await admin(url, (client) => client.query(dump));
  return url;
}

/**
 * What a schema is, read from PostgreSQL's catalogs: tables and columns with
 * types, defaults and nullability; constraints and indexes with their
 * definitions; sequences and functions. Owner-independent and order-independent.
 * MikroORM's own bookkeeping table is left out: MikroORM 7 creates it with
 * NOT NULL columns where 6 did not, and reads either (the applied migrations
 * are compared row by row instead).
 */
async function schemaOf(url: string): Promise<string[]> {
  return admin(url, async (client: pg.Client) => {
    // $1 is always the table left out (see above).
    const read = async (sql: string) =>
      (await client.query<{ line: string }>(sql, sql.includes('$1') ? [MIGRATIONS_TABLE] : [])).rows.map((r) => r.line);
    return [
      ...(await read(`
        SELECT format('column %s.%s %s %s default %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                      CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END, pg_get_expr(d.adbin, d.adrelid)) AS line
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> $1`)),
      ...(await read(`
        SELECT format('constraint %s.%s %s', c.relname, k.conname, pg_get_constraintdef(k.oid)) AS line
          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relname <> $1`)),
      ...(await read(`SELECT format('index %s', indexdef) AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> $1`)),
      ...(await read(`SELECT format('sequence %s', sequencename) AS line FROM pg_sequences WHERE schemaname = 'public'`)),
      ...(await read(`
        SELECT format('function %s(%s) %s', p.proname, pg_get_function_arguments(p.oid), md5(p.prosrc)) AS line
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`)),
    ].sort();
  });
}

const appliedMigrations = (url: string) =>
  admin(url, async (client) =>
    (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)).rows.map((r) => r.name),
  );

describe('a database built by the MikroORM 6 release', () => {
  test('opens with no manual step: same migrations, same schema as a fresh database, its data served and written', async () => {
    const upgraded = await databaseFromRelease();
    const before = await appliedMigrations(upgraded);
    expect(before.length).toBeGreaterThan(0);

    const server = await startServer(upgraded);
    try {
      // Demo logins and data from the old release work as they did.
      const { token } = dataOf(
        await gql(server.url, LogInDocument, { email: 'bx.coordinator@demo.example.org', password: DEMO_PASSWORD }),
      ).logIn;
      const open = dataOf(await gql(server.url, UpgradedOpenRequestsDocument, {})).helpRequests.edges.map((edge) => edge.node);
      expect(open.length).toBeGreaterThan(0);

      // A write through the new code: the coordinator's association claims a slot of another's request.
      const { viewer } = dataOf(await gql(server.url, UpgradedMembershipsDocument, {}, token));
      const own = new Set(viewer?.memberships.map((m) => m.association.id));
      const mine = viewer?.memberships.find((m) => m.association.verified)?.association.id;
      const target = open.find((request) => !own.has(request.requester.id) && request.slots.some((slot) => slot.remaining > 0));
      expect(mine && target).toBeTruthy();
      const slot = target!.slots.find((s) => s.remaining > 0)!;
      const claimed = dataOf(
        await gql(server.url, ClaimDocument, { input: { slotId: slot.id, associationId: mine!, quantity: 1 } }, token),
      );
      expect(claimed.claim.status).toBe('ACTIVE');
    } finally {
      await server.stop();
    }

    // Every migration the old release applied is still recorded; the ones after it (if any) were added.
    const after = await appliedMigrations(upgraded);
    expect(after.slice(0, before.length)).toEqual(before);
    const fresh = await createTestDatabase();
    expect(after).toEqual(await appliedMigrations(fresh));
    expect(await schemaOf(upgraded)).toEqual(await schemaOf(fresh));
  });
});
