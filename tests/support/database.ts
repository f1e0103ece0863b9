import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { admin, withDatabase } from './pg.js';

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<string> {
  const name = `${inject('runPrefix')}_${randomBytes(4).toString('hex')}`;
  await admin(inject('adminUrl'), (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`));
  return withDatabase(inject('adminUrl'), name);
}

/** An empty database (no migrations), for tests of start-up itself. */
export async function createEmptyDatabase(): Promise<string> {
  const name = `${inject('runPrefix')}_${randomBytes(4).toString('hex')}`;
  await admin(inject('adminUrl'), (client) => client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
  return withDatabase(inject('adminUrl'), name);
}
