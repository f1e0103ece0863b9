/**
 * What the bench adds to the generated data, in plain SQL on the bench
 * database (fast, and the same rows for every side): users with their
 * memberships and session tokens, the associations that claim, and the
 * requests the claims and the live feed go to.
 *
 * Added only when a workload needs it, after the read workloads and the
 * dashboards have run, so those see the generated data alone. Bench requests
 * have no township (the W2 pages filter by township) and no end (the expiry
 * job leaves them alone).
 */
import { createHmac, randomUUID } from 'node:crypto';

/** Our server and the claim floor sign and check session tokens with it (HS256, as the server does). */
export const SESSION_SECRET = 'bench-session-secret-not-for-production-0123456789';
/** As src/modules/identity/session.service.ts (issuer and claims). */
const ISSUER = 'mutual-aid';

const base64url = (value) => Buffer.from(value).toString('base64url');

/** A session token for `userId`, valid one day. */
export function sessionToken(userId) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: userId, iss: ISSUER, iat: now, exp: now + 86_400 }));
  const signature = createHmac('sha256', SESSION_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** A relay global id, as src/shared/global-id.ts makes them. */
export const globalId = (type, key) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');

/** Claiming users, each OWNER of its own claiming associations (one ACTIVE claim per slot and association). */
export const CLAIM_USERS = 16;
export const ASSOCIATIONS_PER_USER = 12;

/**
 * Users 0..CLAIM_USERS-1, user i OWNER of verified associations i*12..i*12+11,
 * and one verified requester association that posts the bench requests.
 * Returns { users: [{ id, token, associations: [id] }], requesterId }.
 */
export async function createClaimants(client) {
  const { rows: requester } = await client.query(
    `INSERT INTO association (id, name, township, description, categories, verified, name_key, search_text)
     VALUES (gen_random_uuid(), 'Bench requester', NULL, 'bench', '{COMMUNITY_SERVICE}', true, 'bench requester', 'bench requester')
     RETURNING id`,
  );
  const users = [];
  for (let i = 0; i < CLAIM_USERS; i++) {
    const userId = randomUUID();
    await client.query(`INSERT INTO app_user (id, email, display_name, password_hash) VALUES ($1, $2, $3, 'bench: no password')`, [
      userId,
      `claimer${i}@bench.example.org`,
      `Claimer ${i}`,
    ]);
    const { rows } = await client.query(
      `INSERT INTO association (id, name, township, description, categories, verified, name_key, search_text)
       SELECT gen_random_uuid(), 'Bench claimant ' || $1 || '-' || n, NULL, 'bench', '{COMMUNITY_SERVICE}', true,
              'bench claimant ' || $1 || '-' || n, 'bench claimant ' || $1 || '-' || n
         FROM generate_series(1, $2::int) AS n
       RETURNING id`,
      [i, ASSOCIATIONS_PER_USER],
    );
    const associations = rows.map((row) => row.id);
    await client.query(`INSERT INTO membership (association_id, user_id, role) SELECT unnest($1::uuid[]), $2, 'OWNER'`, [
      associations,
      userId,
    ]);
    users.push({ id: userId, token: sessionToken(userId), associations });
  }
  return { users, requesterId: requester[0].id };
}

/**
 * `requests` OPEN requests of `slots` slots of capacity `capacity` each,
 * posted by the bench requester. Returns the slots as [{ id, requestId }],
 * position-major (slot 0 of every request, then slot 1, ...), so that claims
 * taken in that order go to a different request each time.
 */
export async function createClaimRequests(client, requesterId, { requests, slots, capacity, label }) {
  const { rows } = await client.query(
    `WITH r AS (
       INSERT INTO help_request (id, requester_id, kind, category, unit, title, description, urgency, status, capacity, search_text, posted_at)
       SELECT gen_random_uuid(), $1, 'MANPOWER', 'COMMUNITY_SERVICE', 'PERSON', $2 || ' ' || n, 'bench', 'NORMAL', 'OPEN',
              $3::int * $4::int, lower($2 || ' ' || n), now()
         FROM generate_series(1, $5::int) AS n
       RETURNING id),
     s AS (
       INSERT INTO slot (id, request_id, position, capacity)
       SELECT gen_random_uuid(), r.id, p, $4::int FROM r, generate_series(0, $3::int - 1) AS p
       RETURNING id, request_id, position)
     SELECT id, request_id AS "requestId" FROM s ORDER BY position, request_id`,
    [requesterId, label, slots, capacity, requests],
  );
  return rows;
}

/** A user who is a MEMBER of `associations` (W2b: contacts of their requests become visible to it). */
export async function createMember(client, associations) {
  const userId = randomUUID();
  await client.query(`INSERT INTO app_user (id, email, display_name, password_hash) VALUES ($1, $2, 'Member', 'bench: no password')`, [
    userId,
    `member-${userId.slice(0, 8)}@bench.example.org`,
  ]);
  await client.query(`INSERT INTO membership (association_id, user_id, role) SELECT unnest($1::uuid[]), $2, 'MEMBER'`, [
    associations,
    userId,
  ]);
  return { id: userId, token: sessionToken(userId) };
}
