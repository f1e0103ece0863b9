/** Demo data: loaded on request (DEMO_DATA=true) once, never twice; demo logins work. */
import { gql } from './support/client.js';
import { createEmptyDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { logIn } from './support/personas.js';
import { startServer } from './support/server.js';
import { AssociationCountDocument, AssociationDirectoryDocument, ViewerMembershipsDocument } from './generated/graphql.js';
import { DEMO_ASSOCIATIONS, DEMO_PASSWORD, demoEmail } from '../src/db/demo-data.js';

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
