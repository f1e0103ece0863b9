/** Several server processes on one database behave as one for identity (api.md "Several instances"). */
import { codes, gql, wsConnect } from './support/client.js';
import { createEmptyDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { ADMIN, asAdmin, createApiKey, createOrg, signUp } from './support/personas.js';
import { admin } from './support/pg.js';
import type { SpawnedServer } from './support/server.js';
import {
  CurrentApiKeyIdDocument,
  LogInDocument,
  RevokeApiKeyDocument,
  ViewerIdDocument,
  ViewerIsAdminDocument,
} from './generated/graphql.js';

// The file's instances start on an empty database, not on a migrated copy.
test.override('databaseUrl', () => createEmptyDatabase());

let a: SpawnedServer;
let b: SpawnedServer;

test.beforeAll(async ({ spawn }) => {
  // Both start at the same moment on an empty database, both with the administrator
  // variables: migrations and the bootstrap run once, under the advisory lock.
  [a, b] = await Promise.all([spawn(), spawn()]);
});

describe('two instances', () => {
  test('created one administrator and one session secret', async ({ databaseUrl }) => {
    const counts = await admin(databaseUrl, (client) =>
      client.query(
        `SELECT (SELECT count(*)::int FROM app_user WHERE is_admin) AS admins, (SELECT count(*)::int FROM app_setting WHERE key = 'session_secret') AS secrets`,
      ),
    );
    expect(counts.rows[0]).toEqual({ admins: 1, secrets: 1 });
  });

  test('accept each other’s session tokens, over HTTP and WebSocket', async () => {
    const user = await signUp(a.url);
    const viewer = await gql(b.url, ViewerIdDocument, {}, user.token);
    expect(viewer.body.data!.viewer!.id).toBe(user.id);
    const { connected, client } = wsConnect(b.wsUrl, user.token);
    await connected;
    await client.dispose();
  });

  test('refuse a key revoked through the other instance from the next request on', async () => {
    const adminToken = await asAdmin(a.url);
    const org = await createOrg(a.url, adminToken);
    const key = await createApiKey(a.url, org.owner.token, org.id);
    expect((await gql(b.url, CurrentApiKeyIdDocument, {}, key.secret)).body.data!.currentApiKey!.id).toBe(key.id);
    await gql(a.url, RevokeApiKeyDocument, { id: key.id }, org.owner.token);
    const after = await gql(b.url, CurrentApiKeyIdDocument, {}, key.secret);
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
  });

  test('never overwrite the administrator’s password at a restart', async ({ spawn }) => {
    await b.stop();
    b = await spawn({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: 'a-different-password' });
    const old = await gql(b.url, LogInDocument, { email: ADMIN.email, password: ADMIN.password });
    expect(old.body.errors).toBeUndefined();
    const changed = await gql(b.url, LogInDocument, { email: ADMIN.email, password: 'a-different-password' });
    expect(codes(changed)).toEqual(['UNAUTHENTICATED']);
  });

  test('promote an existing user named by ADMIN_EMAIL at the next start', async ({ spawn }) => {
    const user = await signUp(a.url, 'Staff');
    await b.stop();
    b = await spawn({ ADMIN_EMAIL: user.email, ADMIN_PASSWORD: 'ignored-password' });
    const viewer = await gql(b.url, ViewerIsAdminDocument, {}, user.token);
    expect(viewer.body.data!.viewer!.isAdmin).toBe(true);
  });
});
