/**
 * The database goes away under a running server, and comes back (api.md,
 * "Errors", "Identity"): operations fail within seconds with
 * SERVICE_UNAVAILABLE (HTTP 503, Retry-After), not a hang or an internal error;
 * /readyz says 503 and /healthz 200; open sockets stay open; once the database
 * is back the server recovers without a restart, the live feed carries on, and
 * a subscriber that resumes with its cursor misses nothing.
 *
 * The cluster is one of the test's own: a real PostgreSQL the test stops and
 * starts again on the same port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codes, dataOf, gql, send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { headCursor } from './support/events.js';
import { ADMIN_ENV, asAdmin, createOrg } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { spawnServer, testEnv, type SpawnedServer } from './support/server.js';
import { subscribeEvents } from './support/subscriptions.js';
import { RequestEventPageDocument } from './generated/graphql.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js';
import { createLogger } from '../src/shared/logger.js';

let dir: string;
let cluster: EmbeddedDatabase | undefined;
let server: SpawnedServer | undefined;
test.afterAll(async () => {
  await server?.stop();
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a database outage under a running server', () => {
  test('answers SERVICE_UNAVAILABLE quickly, keeps sockets open, and recovers by itself', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-outage-'));
    const port = await freePort();
    const log = createLogger('silent');
    cluster = await startEmbeddedPostgres(dir, log, { port });
    await cluster.ensureDatabase('outage');
    server = await spawnServer(testEnv(cluster.url('outage'), ADMIN_ENV));
    const { url, wsUrl } = server;
    const adminToken = await asAdmin(url);
    const org = await createOrg(url, adminToken);
    await postRequest(url, org.owner.token, org.id);

    // From the head read now (not "from when the subscription starts"): the next event is replayed if need be.
    const subscriber = subscribeEvents(wsUrl, { after: await headCursor(url) }, org.owner.token);
    await postRequest(url, org.owner.token, org.id);
    await subscriber.waitFor(() => true);
    const cursorBefore = subscriber.lastCursor();

    await cluster.stop();
    cluster = undefined;

    // Clients keep sending: twenty at once, while the database is away.
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 20 }, () => send(url, '{ associations(first: 5) { totalCount } }')));
    expect(burst.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 503));
    const failed = await send(url, '{ helpRequests(first: 1) { totalCount } }');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('5');
    expect(failed.body.errors?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfter: 5 });
    // With credentials too (checking them needs the database): 503, not 401 or 500.
    const withToken = await send(url, '{ viewer { id } }', undefined, org.owner.token);
    expect(withToken.status).toBe(503);
    expect(codes(withToken)).toEqual(['SERVICE_UNAVAILABLE']);
    expect((await fetch(url.replace(/\/graphql$/, '/readyz'))).status).toBe(503);
    expect((await fetch(url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);

    cluster = await startEmbeddedPostgres(dir, log, { port });
    // Recovers without a restart: the next operations succeed.
    const request = await postRequest(url, org.owner.token, org.id);
    // The open subscription is still there and receives what is committed after recovery.
    await subscriber.waitFor((event) => event.request.id === request.id);
    // A subscriber resuming from the cursor it had before the outage misses nothing.
    const resumed = subscribeEvents(wsUrl, { after: cursorBefore }, org.owner.token);
    await resumed.waitFor((event) => event.request.id === request.id);
    const all = dataOf(await gql(url, RequestEventPageDocument, { after: cursorBefore, first: 100 })).requestEvents.edges;
    expect(resumed.events.map((event) => event.cursor)).toEqual(all.map((edge) => edge.cursor));
    await Promise.all([subscriber.close(), resumed.close()]);

    // Nothing in the log was an internal error: the outage was told as what it was.
    expect(server.output.filter((line) => line.includes('unexpected error'))).toEqual([]);
  });
});
