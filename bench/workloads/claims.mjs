/**
 * W4: the `claim` mutation over HTTP against its essential SQL run directly
 * (servers/claim-floor.mjs), each claim by a signed-in OWNER of the claiming
 * association, quantity 1, every one of them accepted (no conflict, no
 * capacity refusal: a refusal is cheaper and would flatter the faster side).
 *
 * - spread: 8 clients over 2,000 slots of 80 requests; consecutive claims go
 *   to different requests, so claims rarely wait for each other's row lock.
 * - hot: 16 clients on one request of 100 slots, all on the same slot at the
 *   same moment (client c's k-th claim is on slot k): every claim waits for the
 *   same request row lock. ("One hot slot" over time: a slot takes one ACTIVE
 *   claim per association, so the clients move to the next slot together.)
 * - limits: spread again, ours with RATE_LIMITS on (a budget no client
 *   reaches, so every claim still succeeds) against ours with them off: what
 *   checking the limits costs.
 *
 * Every pass gets fresh requests (the append reads every claim of the
 * request: a request that fills up over the passes would slow later passes).
 * After the passes, the claims of both sides are checked to have left the
 * same invariants (slot and request totals, one event per claim, versions)
 * and rows of the same shape.
 */
import { createClaimRequests, globalId } from '../lib/fixtures.mjs';
import { httpPass, interleaved } from '../lib/passes.mjs';

const MUTATION = 'mutation W4($input: ClaimInput!) { claim(input: $input) { id } }';
const SPREAD = { clients: 8, requests: 80, slots: 25, capacity: 500 };
const HOT = { clients: 16, requests: 1, slots: 100, capacity: 500 };

const body = (slotId, associationId) =>
  JSON.stringify({
    query: MUTATION,
    variables: { input: { slotId: globalId('Slot', slotId), associationId: globalId('Association', associationId), quantity: 1 } },
  });

/**
 * One connection per client, each with the bodies of every claim it may make
 * in the pass (each (slot, association) pair once; `cycle: false`).
 */
function claimConnections(users, slots, shape) {
  return users.slice(0, shape.clients).map((user, c) => {
    const bodies = [];
    if (shape === HOT) {
      // Client c's k-th claim: slot k % 100 with its association k / 100.
      for (let k = 0; k < slots.length * user.associations.length; k++)
        bodies.push(body(slots[k % slots.length].id, user.associations[Math.floor(k / slots.length)]));
    } else {
      // Claim number k*clients + c of the pass: slots in order (a different request each time), then the next association.
      for (let k = 0; ; k++) {
        const index = k * shape.clients + c;
        const round = Math.floor(index / slots.length);
        if (round >= user.associations.length) break;
        bodies.push(body(slots[index % slots.length].id, user.associations[round]));
      }
    }
    return { headers: { authorization: `Bearer ${user.token}` }, bodies, cycle: false };
  });
}

function side(ctx, key, server, shape, label, fixtures) {
  return {
    key,
    run: async (seconds, pass) => {
      const slots = await createClaimRequests(ctx.client, fixtures.requesterId, { ...shape, label: `${label} ${key} ${pass}` });
      return httpPass({
        db: ctx.db,
        pid: server.pid,
        spec: { url: `${server.url}/graphql`, seconds, connections: claimConnections(fixtures.users, slots, shape) },
      });
    },
  };
}

/** Invariants of every request of one side, and the shape of its rows (ids and times left out). */
async function invariants(client, pattern) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS requests,
            count(*) FILTER (WHERE h.claimed <> s.claimed OR h.claimed <> c.committed OR h.active_claims <> c.active
                               OR h.version <> 1 + e.n OR e.claimed <> c.n)::int AS broken,
            sum(c.n)::int AS claims
       FROM help_request h
       CROSS JOIN LATERAL (SELECT coalesce(sum(claimed), 0) AS claimed FROM slot WHERE request_id = h.id) s
       CROSS JOIN LATERAL (SELECT coalesce(sum(quantity) FILTER (WHERE status IN ('ACTIVE', 'FULFILLED')), 0) AS committed,
                                  count(*) FILTER (WHERE status = 'ACTIVE') AS active, count(*) AS n
                             FROM claim WHERE request_id = h.id) c
       CROSS JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE type = 'CLAIMED') AS claimed
                             FROM request_event WHERE request_id = h.id) e
      WHERE h.title LIKE $1`,
    [pattern],
  );
  const { rows: shape } = await client.query(
    `SELECT to_jsonb(c) - '{id,slot_id,request_id,association_id,claimed_at}'::text[] AS claim,
            to_jsonb(e) - '{position,request_id,claim_id,actor_id,occurred_at,involved,requester_id}'::text[] AS event,
            e.actor_id = c.association_id AND c.association_id = ANY (e.involved) AND e.requester_id = ANY (e.involved) AS linked
       FROM claim c JOIN help_request h ON h.id = c.request_id JOIN request_event e ON e.claim_id = c.id
      WHERE h.title LIKE $1 ORDER BY c.claimed_at LIMIT 1`,
    [pattern],
  );
  return { ...rows[0], shape: JSON.stringify(shape[0] ?? null) };
}

async function checkSides(ctx, label, keys) {
  const found = {};
  for (const key of keys) found[key] = await invariants(ctx.client, `${label} ${key} %`);
  const [first, ...others] = keys;
  const problems = [];
  for (const key of keys)
    if (found[key].broken > 0) problems.push(`${key}: ${found[key].broken} of ${found[key].requests} requests broken`);
  for (const key of others)
    if (found[key].shape !== found[first].shape) problems.push(`rows differ: ${first} ${found[first].shape} vs ${key} ${found[key].shape}`);
  const claims = keys.map((key) => `${key} ${found[key].claims}`).join(', ');
  return {
    ok: problems.length === 0,
    samples: keys.reduce((sum, key) => sum + (found[key].claims ?? 0), 0),
    detail: problems.length
      ? problems.join('; ')
      : `claims made: ${claims}; every request's totals, events and version consistent; same row shapes`,
  };
}

async function run(ctx, name, shape, servers) {
  const fixtures = await ctx.claimants();
  const label = `${name}`;
  const results = await interleaved(
    servers.map(([key, server]) => side(ctx, key, server, shape, label, fixtures)),
    ctx.passOptions,
  );
  const sameData = await checkSides(
    ctx,
    label,
    servers.map(([key]) => key),
  );
  ctx.log(`  ${name}: ${sameData.ok ? 'consistent' : `NOT CONSISTENT (${sameData.detail})`}`);
  return { clients: shape.clients, sameData, results };
}

const withFloor = (ctx) => [['ours', ctx.ours], ...(ctx.peers.claimFloor ? [['floor', ctx.peers.claimFloor]] : [])];

export const w4Spread = (ctx) => run(ctx, 'W4spread', SPREAD, withFloor(ctx));
export const w4Hot = (ctx) => run(ctx, 'W4hot', HOT, withFloor(ctx));

/** Ours with rate limits on (a budget never reached) against ours without, on the spread workload. */
export async function w4Limits(ctx) {
  const limited = await ctx.startOurs('ours-with-limits', { RATE_LIMITS: 'true', RATE_LIMIT_MUTATIONS: '1000000/1s' });
  try {
    return await run(ctx, 'W4limits', SPREAD, [
      ['oursLimits', limited],
      ['ours', ctx.ours],
    ]);
  } finally {
    await limited.stop();
  }
}
