/** Demo data: loaded on request (DEMO_DATA=true) once, never twice; demo logins work. */
import { describe, expect, it } from 'vitest';
import { createEmptyDatabase } from './support/database.js';
import { startServer } from './support/server.js';
import { gql } from './support/client.js';
import { logIn } from './support/personas.js';
import { DEMO_ASSOCIATIONS, DEMO_PASSWORD, demoEmail } from '../src/db/demo-data.js';

describe('demo data', () => {
  it('is not loaded into a DATABASE_URL database unless DEMO_DATA=true', async () => {
    const server = await startServer(await createEmptyDatabase());
    try {
      expect((await gql(server.url, '{ associations { totalCount } }')).body.data!.associations.totalCount).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('with DEMO_DATA=true: the associations of domain.md, an owner and a coordinator each, some verified, one not; loaded once', async () => {
    const url = await createEmptyDatabase();
    let server = await startServer(url, { DEMO_DATA: 'true' });
    await server.stop();
    server = await startServer(url, { DEMO_DATA: 'true' });
    try {
      const list = await gql(server.url, '{ associations(first: 100) { totalCount edges { node { name township verified } } } }');
      const nodes = list.body.data!.associations.edges.map((e: { node: unknown }) => e.node);
      expect(list.body.data!.associations.totalCount).toBe(DEMO_ASSOCIATIONS.length);
      expect(nodes).toEqual(expect.arrayContaining([{ name: '僰乡义工协会', township: '巡场镇', verified: true }]));
      expect(nodes.filter((n: { verified: boolean }) => !n.verified)).toHaveLength(1);

      const token = await logIn(server.url, demoEmail('bx', 'coordinator'), DEMO_PASSWORD);
      const viewer = await gql(server.url, '{ viewer { displayName memberships { role association { name } } } }', {}, token);
      expect(viewer.body.data!.viewer).toEqual({
        displayName: '陈刚',
        memberships: [{ role: 'COORDINATOR', association: { name: '僰乡义工协会' } }],
      });
    } finally {
      await server.stop();
    }
  });
});
