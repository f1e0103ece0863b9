/**
 * Open sockets follow their credentials (api.md, "Identity"): revoked through
 * one instance, an API key's socket on another instance is closed with 4403
 * within seconds and receives no event committed after the revocation (checked
 * against the log's positions); a session socket closes when its token
 * expires; a database outage closes nothing.
 */
import { SignJWT } from 'jose';
import { dataOf, gql, wsConnect, type WsConnection } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { asAdmin, createApiKey, createOrg, signUp } from './support/personas.js';
import { admin } from './support/pg.js';
import { postRequest } from './support/requests.js';
import { RequestEventFeedDocument, RevokeApiKeyDocument, type RequestEventFeedSubscription } from './generated/graphql.js';
import { decodeEventCursor } from '../src/modules/event-log/event-feed.service.js';
import { decodeGlobalId } from '../src/shared/global-id.js';

const SECRET = 'credentials-sockets-test-secret-0123456789';
test.override('serverEnv', { SESSION_SECRET: SECRET });

interface Feed {
  socket: WsConnection;
  /** Log positions of the events received, in order. */
  positions: bigint[];
  /** Resolves once `count` events have arrived. */
  received(count: number): Promise<void>;
}

/** A socket authenticated with `token`, subscribed to every event from now on. */
async function follow(wsUrl: string, token: string): Promise<Feed> {
  const socket = wsConnect(wsUrl, token);
  await socket.connected;
  const positions: bigint[] = [];
  const waiters: (() => void)[] = [];
  socket.client.subscribe<RequestEventFeedSubscription>(
    { query: RequestEventFeedDocument.toString(), variables: {} },
    {
      next: (result) => {
        if (result.data) positions.push(BigInt(decodeEventCursor(result.data.requestEvents.cursor, 'cursor')));
        for (const wake of waiters.splice(0)) wake();
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => (positions.length >= count ? resolve() : waiters.push(check));
      check();
    });
  return { socket, positions, received };
}

describe('an API key revoked on one instance', () => {
  test('closes its socket on another instance with 4403, and no event committed after the revocation reaches it', async ({
    spawn,
    databaseUrl,
  }) => {
    const [a, b] = [await spawn(), await spawn()];
    const adminToken = await asAdmin(a.url);
    const [holder, poster] = await Promise.all([createOrg(a.url, adminToken), createOrg(a.url, adminToken)]);
    const key = await createApiKey(a.url, holder.owner.token, holder.id);
    const feed = await follow(b.wsUrl, key.secret);

    // Events keep committing through A before, during and after the revocation.
    let posting = true;
    const writer = (async () => {
      let posted = 0;
      while (posting || posted < 5) {
        await postRequest(a.url, poster.owner.token, poster.id);
        posted += 1;
      }
    })();
    await feed.received(3); // the socket is live and receiving
    const revoked = dataOf(await gql(a.url, RevokeApiKeyDocument, { id: key.id }, holder.owner.token));
    expect(revoked.revokeApiKey.revokedAt).toBeTruthy();
    expect(await feed.socket.closed).toBe(4403);
    posting = false;
    await writer;

    const { rows } = await admin(databaseUrl, (client) =>
      client.query<{ position: string; latest: string }>(
        `SELECT r.position::text AS position, (SELECT max(position) FROM request_event)::text AS latest
           FROM credential_revocation r WHERE r.kind = 'API_KEY' AND r.subject_id = $1`,
        [decodeGlobalId(key.id, 'id').key],
      ),
    );
    const revokedAt = BigInt(rows[0].position);
    // Meaningful only if events did commit after the revocation: they must not have arrived.
    expect(BigInt(rows[0].latest)).toBeGreaterThan(revokedAt);
    expect(feed.positions.length).toBeGreaterThanOrEqual(3);
    expect(feed.positions.filter((position) => position > revokedAt)).toEqual([]);
  });

  test('lets a new socket with the revoked key fail at once, and leaves other keys’ sockets open', async ({ spawn }) => {
    const [a, b] = [await spawn(), await spawn()];
    const adminToken = await asAdmin(a.url);
    const org = await createOrg(a.url, adminToken);
    const [revokedKey, keptKey] = [await createApiKey(a.url, org.owner.token, org.id), await createApiKey(a.url, org.owner.token, org.id)];
    const [doomed, kept] = [await follow(b.wsUrl, revokedKey.secret), await follow(b.wsUrl, keptKey.secret)];
    dataOf(await gql(a.url, RevokeApiKeyDocument, { id: revokedKey.id }, org.owner.token));
    expect(await doomed.socket.closed).toBe(4403);
    expect(await wsConnect(b.wsUrl, revokedKey.secret).closed).toBe(4403);
    // The other key's socket still receives.
    await postRequest(a.url, org.owner.token, org.id);
    await kept.received(1);
    await kept.socket.client.dispose();
  });
});

describe('a session socket', () => {
  test('is closed with 4403 when its token expires', async ({ url, wsUrl }) => {
    const user = await signUp(url);
    const expiresAt = Math.floor(Date.now() / 1000) + 3;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(decodeGlobalId(user.id, 'id').key)
      .setIssuer('mutual-aid')
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(SECRET));
    const feed = await follow(wsUrl, token);
    expect(await feed.socket.closed).toBe(4403);
    // Not before the token's expiry (the JWT's exp has second precision).
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt * 1000);
  });
});

describe('a database outage', () => {
  test('closes no socket; a revocation after it still closes the socket', async ({ url, wsUrl, databaseUrl, adminToken }) => {
    const org = await createOrg(url, adminToken);
    const key = await createApiKey(url, org.owner.token, org.id);
    const feed = await follow(wsUrl, key.secret);
    let closedWith: number | null = null;
    void feed.socket.closed.then((code) => (closedWith = code));

    const name = new URL(databaseUrl).pathname.slice(1);
    const postgres = new URL(databaseUrl);
    postgres.pathname = '/postgres';
    try {
      await admin(postgres.toString(), async (client) => {
        await client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      });
      // While the database is away the server keeps trying; the socket must stay open.
      const readyz = url.replace(/\/graphql$/, '/readyz');
      expect((await fetch(readyz)).status).toBe(503);
    } finally {
      await admin(postgres.toString(), (client) => client.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`));
    }
    // The feed works again once the database is back (the LISTEN connection reconnects).
    await postRequest(url, org.owner.token, org.id);
    await feed.received(1);
    expect(closedWith).toBeNull();
    dataOf(await gql(url, RevokeApiKeyDocument, { id: key.id }, org.owner.token));
    expect(await feed.socket.closed).toBe(4403);
  });
});
