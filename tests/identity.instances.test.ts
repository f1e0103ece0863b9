/** Several server processes on one database behave as one for identity (api.md "Several instances"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from './support/database.js';
import { spawnServer, testEnv, type SpawnedServer } from './support/server.js';
import { codes, gql, wsConnect } from './support/client.js';
import { ADMIN, ADMIN_ENV, asAdmin, createApiKey, createOrg, signUp } from './support/personas.js';
import { admin } from './support/pg.js';

let a: SpawnedServer;
let b: SpawnedServer;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createEmptyDatabase();
  // Both start at the same moment on an empty database, both with the administrator
  // variables: migrations and the bootstrap run once, under the advisory lock.
  [a, b] = await Promise.all([spawnServer(testEnv(databaseUrl, ADMIN_ENV)), spawnServer(testEnv(databaseUrl, ADMIN_ENV))]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two instances', () => {
  it('created one administrator and one session secret', async () => {
    const counts = await admin(databaseUrl, (client) =>
      client.query(
        `SELECT (SELECT count(*)::int FROM app_user WHERE is_admin) AS admins, (SELECT count(*)::int FROM app_setting WHERE key = 'session_secret') AS secrets`,
      ),
    );
    expect(counts.rows[0]).toEqual({ admins: 1, secrets: 1 });
  });

  it('accept each other’s session tokens, over HTTP and WebSocket', async () => {
    const user = await signUp(a.url);
    const viewer = await gql(b.url, '{ viewer { id } }', {}, user.token);
    expect(viewer.body.data!.viewer.id).toBe(user.id);
    const { connected, client } = wsConnect(b.wsUrl, user.token);
    await connected;
    await client.dispose();
  });

  it('refuse a key revoked through the other instance from the next request on', async () => {
    const adminToken = await asAdmin(a.url);
    const org = await createOrg(a.url, adminToken);
    const key = await createApiKey(a.url, org.owner.token, org.id);
    expect((await gql(b.url, '{ currentApiKey { id } }', {}, key.secret)).body.data!.currentApiKey.id).toBe(key.id);
    await gql(a.url, `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id }, org.owner.token);
    const after = await gql(b.url, '{ currentApiKey { id } }', {}, key.secret);
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
  });

  it('never overwrite the administrator’s password at a restart', async () => {
    await b.stop();
    b = await spawnServer(testEnv(databaseUrl, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: 'a-different-password' }));
    const old = await gql(b.url, `mutation { logIn(email: "${ADMIN.email}", password: "${ADMIN.password}") { token } }`);
    expect(old.body.errors).toBeUndefined();
    const changed = await gql(b.url, `mutation { logIn(email: "${ADMIN.email}", password: "a-different-password") { token } }`);
    expect(codes(changed)).toEqual(['UNAUTHENTICATED']);
  });

  it('promote an existing user named by ADMIN_EMAIL at the next start', async () => {
    const user = await signUp(a.url, 'Staff');
    await b.stop();
    b = await spawnServer(testEnv(databaseUrl, { ADMIN_EMAIL: user.email, ADMIN_PASSWORD: 'ignored-password' }));
    const viewer = await gql(b.url, '{ viewer { isAdmin } }', {}, user.token);
    expect(viewer.body.data!.viewer.isAdmin).toBe(true);
  });
});
