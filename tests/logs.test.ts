/**
 * What the log never holds (README, "Limits and security"): passwords or their hashes,
 * API-key secrets or their hashes, session tokens, `contact` and `address`
 * text. A server with the embedded PostgreSQL (whose own log is forwarded) runs
 * at its most verbose level through sign-ups, log-ins right and wrong, keys
 * made, used and revoked, requests with contact details, a unique violation in
 * the database, bad tokens and hostile input; then everything it printed is
 * searched for each of those values. Repeated WebSocket protocol errors come
 * out as one line with a count.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { codes, dataOf, gql, send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { ADMIN, ADMIN_ENV, asAdmin, createApiKey, createAssociation, verify } from './support/personas.js';
import { requestInput } from './support/requests.js';
import { spawnServer, type SpawnedServer } from './support/server.js';
import { admin } from './support/pg.js';
import { serializeError } from '../src/shared/logger.js';
import { LogInDocument, PostHelpRequestDocument, RevokeApiKeyDocument, SignUpDocument, ViewerIdDocument } from './generated/graphql.js';

let dir: string;
let server: SpawnedServer | undefined;
test.afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Sends `count` frames that are not valid UTF-8 text, each on a new graphql-ws socket: a protocol error every time. */
async function brokenFrames(wsUrl: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => {
        socket.send(Buffer.from([0xc3, 0x28, 0xff]), { binary: false });
      });
      socket.once('close', () => resolve());
      socket.once('error', () => undefined);
      setTimeout(() => reject(new Error('the socket was not closed')), 10_000).unref();
    });
  }
}

describe('the log', () => {
  test('holds no password, hash, secret, token, contact or address, at the most verbose level', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-logs-'));
    server = await spawnServer({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false', ...ADMIN_ENV }, { logLevel: 'trace' });
    const url = server.url;

    const password = 'Pw-7f3c1e9a-never-logged';
    const wrongPassword = 'Wrong-5b2d8c-never-logged';
    const email = 'logs.person@example.org';
    const signed = dataOf(await gql(url, SignUpDocument, { input: { email, password, displayName: '李静' } }));
    const token = signed.signUp.token;
    // A second sign-up with the same e-mail: a unique violation inside PostgreSQL, with the key in its DETAIL.
    expect(codes(await gql(url, SignUpDocument, { input: { email, password: wrongPassword, displayName: '李静' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await gql(url, LogInDocument, { email, password: wrongPassword }))).toEqual(['UNAUTHENTICATED']);
    dataOf(await gql(url, LogInDocument, { email, password }));
    dataOf(await gql(url, ViewerIdDocument, {}, token));

    const adminToken = await asAdmin(url);
    const associationId = await createAssociation(url, token, { name: '日志测试协会' });
    await verify(url, adminToken, associationId);
    const key = await createApiKey(url, token, associationId, 'logs');
    dataOf(await gql(url, ViewerIdDocument, {}, key.secret));

    const contact = '王大姐 13912345678';
    const address = '巡场镇幸福路 88 号 3 单元';
    dataOf(await gql(url, PostHelpRequestDocument, { input: requestInput(associationId, { contact, address }) }, key.secret));

    dataOf(await gql(url, RevokeApiKeyDocument, { id: key.id }, token));
    expect((await gql(url, ViewerIdDocument, {}, key.secret)).status).toBe(401);
    expect((await send(url, '{ viewer { id } }', undefined, `${token}x`)).status).toBe(401);
    expect(
      codes(await gql(url, PostHelpRequestDocument, { input: requestInput(associationId, { title: 'a\u0000b', contact }) }, token)),
    ).toEqual(['BAD_USER_INPUT']);
    await brokenFrames(server.wsUrl, 5);
    await server.stop('SIGTERM');

    const log = server.output.join('\n');
    // Debug lines were written (nothing logs below debug): the search covers the most verbose log.
    expect(log).toContain('"level":20');
    const secrets = {
      password,
      wrongPassword,
      adminPassword: ADMIN.password,
      token,
      apiKeySecret: key.secret,
      apiKeyHashHex: createHash('sha256').update(key.secret).digest('hex'),
      apiKeyHashBase64: createHash('sha256').update(key.secret).digest('base64'),
      contact,
      phone: '13912345678',
      address,
      argon2Hash: '$argon2id$',
      byteaHash: '\\x',
    };
    const found = Object.entries(secrets)
      .filter(([, value]) => log.includes(value))
      .map(([name]) => name);
    expect(found).toEqual([]);

    // Five identical protocol errors: at most one line as they happen plus one line with the count.
    const wsErrorLines = server.output.filter((line) => line.includes('WebSocket errors'));
    expect(wsErrorLines.length).toBeGreaterThanOrEqual(1);
    expect(wsErrorLines.length).toBeLessThanOrEqual(2);
    expect(wsErrorLines.map((line) => (JSON.parse(line) as { count: number }).count).reduce((a, b) => a + b, 0)).toBe(5);
    expect(log).not.toContain('Internal error emitted on a WebSocket socket');
  });
});

describe('database errors in the log', () => {
  test('keep their SQL state, constraint and table, never the values of the row', async ({ databaseUrl }) => {
    const secret = 'secret-value-4e1d-never-logged';
    const error = await admin(databaseUrl, async (client) => {
      await client.query(`CREATE TEMP TABLE t (v text CONSTRAINT t_v_key UNIQUE)`);
      await client.query(`INSERT INTO t VALUES ($1)`, [secret]);
      return client.query(`INSERT INTO t VALUES ($1)`, [secret]).then(
        () => null,
        (failure: unknown) => failure,
      );
    });
    expect(error).toBeInstanceOf(Error);
    expect(JSON.stringify(error)).toContain(secret); // pg's error does carry the value (in its detail)
    const written = JSON.stringify(serializeError(error));
    expect(written).not.toContain(secret);
    expect(JSON.parse(written)).toMatchObject({ sqlState: '23505', constraint: 't_v_key', table: 't' });
  });
});
