#!/usr/bin/env node
/**
 * W4's floor: the claim's essential SQL (claim-sql.mjs) behind the thinnest
 * HTTP server that takes the same request as ours: a POST of the GraphQL
 * `claim` mutation, its variables read from the JSON body, the session token
 * checked (HS256, with node:crypto), and `{"data":{"claim":{"id":...}}}` or
 * the API's error code back, and its statement count in `x-sql-statements`
 * as ours answers it. No GraphQL parsing, no ORM, a pool as large as
 * the server's (DB_POOL_SIZE's default on this machine).
 *
 *   node bench/servers/claim-floor.mjs <port> <database url> <pool size> <session secret>
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { claimOnce, ClaimError } from './claim-sql.mjs';

const [port, connectionString, poolSize, secret] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString, max: Number(poolSize) });

/** The user id of a valid session token, or null (signature, issuer, expiry). */
function userOf(authorization) {
  const token = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  const [header, payload, signature] = token?.split('.') ?? [];
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return claims.iss === 'mutual-aid' && claims.exp * 1000 > Date.now() ? claims.sub : null;
}

/** The uuid of a global id of `type`, or null. */
function keyOf(id, type) {
  const text = Buffer.from(String(id), 'base64url').toString('utf8');
  return text.startsWith(`${type}:`) ? text.slice(type.length + 1) : null;
}

const error = (code, message) => ({ errors: [{ message, extensions: { code } }], data: null });

async function answer(body, authorization, counter) {
  const userId = userOf(authorization);
  if (!userId) return error('UNAUTHENTICATED', 'Invalid or expired session token');
  const input = JSON.parse(body).variables?.input ?? {};
  const slotId = keyOf(input.slotId, 'Slot');
  const associationId = keyOf(input.associationId, 'Association');
  if (!slotId || !associationId || !Number.isInteger(input.quantity) || input.quantity < 1) return error('BAD_USER_INPUT', 'Bad input');
  try {
    const id = await claimOnce(pool, { userId, slotId, associationId, quantity: input.quantity }, counter);
    return { data: { claim: { id: Buffer.from(`Claim:${id}`).toString('base64url') } } };
  } catch (caught) {
    if (caught instanceof ClaimError) return error(caught.code, caught.message);
    throw caught;
  }
}

const server = createServer((request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(405).end();
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const counter = { statements: 0 };
    answer(Buffer.concat(chunks).toString('utf8'), request.headers.authorization, counter).then(
      (result) =>
        response
          .writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': String(counter.statements) })
          .end(JSON.stringify(result)),
      (caught) => response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify(error('INTERNAL', String(caught)))),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
