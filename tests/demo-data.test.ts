/** Demo data: loaded on request (DEMO_DATA=true) once, never twice; demo logins work. */
import { gql } from './support/client.js';
import { createEmptyDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_ENV, logIn } from './support/personas.js';
import { startServer } from './support/server.js';
import { AssociationCountDocument, AssociationDirectoryDocument, ViewerMembershipsDocument } from './generated/graphql.js';
import { DEMO_ASSOCIATIONS, DEMO_PASSWORD, demoEmail } from '../src/modules/demo/demo-data.js';

describe('the first start of an embedded database', () => {
  test('loads the demo data also when ADMIN_EMAIL/ADMIN_PASSWORD create the administrator at that start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-first-start-'));
    // No DATABASE_URL: the embedded PostgreSQL under DATA_DIR, as `npm start` does it.
    const server = await startServer('', { DATA_DIR: dir, ...ADMIN_ENV });
    try {
      expect((await gql(server.url, AssociationCountDocument, {})).body.data!.associations.totalCount).toBe(DEMO_ASSOCIATIONS.length);
      await logIn(server.url, ADMIN_ENV.ADMIN_EMAIL, ADMIN_ENV.ADMIN_PASSWORD);
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Start-up itself is under test: every test starts its own servers on an empty database of its own.
describe('demo data', () => {
  test('is not loaded into a DATABASE_URL database unless DEMO_DATA=true', async () => {
    const server = await startServer(await createEmptyDatabase());
    try {
      expect((await gql(server.url, AssociationCountDocument, {})).body.data!.associations.totalCount).toBe(0);
    } finally {
      await server.stop();
    }
  });

  test('with DEMO_DATA=true: the associations of domain.md, an owner and a coordinator each, some verified, one not; loaded once', async () => {
    const url = await createEmptyDatabase();
    let server = await startServer(url, { DEMO_DATA: 'true' });
    await server.stop();
    server = await startServer(url, { DEMO_DATA: 'true' });
    try {
      const list = await gql(server.url, AssociationDirectoryDocument, {});
      const nodes = list.body.data!.associations.edges.map((e) => e.node);
      expect(list.body.data!.associations.totalCount).toBe(DEMO_ASSOCIATIONS.length);
      expect(nodes).toEqual(expect.arrayContaining([{ name: '僰乡义工协会', township: '巡场镇', verified: true }]));
      expect(nodes.filter((n) => !n.verified)).toHaveLength(1);

      const token = await logIn(server.url, demoEmail('bx', 'coordinator'), DEMO_PASSWORD);
      const viewer = await gql(server.url, ViewerMembershipsDocument, {}, token);
      expect(viewer.body.data!.viewer).toEqual({
        displayName: '陈刚',
        memberships: [{ role: 'COORDINATOR', association: { name: '僰乡义工协会' } }],
      });
    } finally {
      await server.stop();
    }
  });
});
