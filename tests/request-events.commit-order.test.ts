/**
 * Commit order (events.md): writers post and update concurrently through two
 * server processes while a poller follows requestEvents(after: lastCursor).
 * At the end the poller has seen exactly the rows of the log, each once, in
 * cursor order. With positions from a plain sequence (no append lock) this
 * fails: a later position commits first, the poller moves past the earlier one,
 * and that event is never delivered.
 */
import { gql } from './support/client.js';
import { eventPage } from './support/events.js';
import { describe, expect, test } from './support/fixtures.js';
import { asAdmin, createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import type { SpawnedServer } from './support/server.js';
import { admin } from './support/pg.js';
import { encodeEventCursor } from '../src/modules/event-log/event-feed.service.js';
import { UpdateHelpRequestDocument } from './generated/graphql.js';

let a: SpawnedServer;
let b: SpawnedServer;
let orgs: Org[];

const WRITERS = 8;
const ROUNDS = 15;

test.beforeAll(async ({ spawn }) => {
  [a, b] = await Promise.all([spawn(), spawn()]);
  const adminToken = await asAdmin(a.url);
  orgs = await Promise.all(Array.from({ length: WRITERS }, () => createOrg(a.url, adminToken)));
});

async function writer(org: Org, server: SpawnedServer): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    const request = await postRequest(server.url, org.coordinator.token, org.id, {
      title: `round ${round}`,
      slots: [{ capacity: 3 }, { capacity: 2 }],
    });
    const updated = await gql(
      server.url,
      UpdateHelpRequestDocument,
      { id: request.id, expectedVersion: 1, input: { urgency: 'HIGH' } },
      org.owner.token,
    );
    expect(updated.body.data?.updateHelpRequest.version).toBe(2);
  }
}

describe('the event log', () => {
  test('delivers every committed event exactly once, in cursor order, to a poller following it', async ({ databaseUrl }) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let writing = true;
    const poll = async () => {
      const page = await eventPage(a.url, { after: cursor, first: 100 });
      for (const edge of page.edges) seen.push(edge.cursor);
      cursor = page.pageInfo.endCursor ?? cursor;
      return page.edges.length;
    };
    const poller = (async () => {
      while (writing) await poll();
      while ((await poll()) > 0); // drain what committed last
    })();
    await Promise.all(orgs.map((org, i) => writer(org, i % 2 ? b : a)));
    writing = false;
    await poller;

    const positions = await admin(databaseUrl, (client) =>
      client.query<{ position: string }>(`SELECT e.position::text AS position FROM request_event e ORDER BY e.position`),
    );
    const expected = positions.rows.map((r) => encodeEventCursor(r.position));
    expect(expected.length).toBeGreaterThanOrEqual(WRITERS * ROUNDS * 2);
    expect(seen).toEqual(expected);
  });
});
