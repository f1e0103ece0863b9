/**
 * W6: one event to N graphql-ws subscribers (1,000 and 5,000), ours against
 * a bare graphql-ws server (servers/ws-floor.mjs) fed by the same LISTEN.
 *
 * The subscribers live in client processes of their own (2,500 sockets at
 * most each), anonymous, all with the same subscription and no filter. An
 * event is a real claim committed by the bench with the claim's essential SQL
 * (the same for both sides: the servers see only its NOTIFY and its rows);
 * the next event is sent once every subscriber has the previous one.
 *
 * Per pass: the server's RSS before and after the sockets are open and
 * subscribed (per connection), then a warm-up event, then `events` events:
 * delivery latency from just before COMMIT to each subscriber's receipt
 * (p50, p99 over every delivery), and the server's CPU over those events per
 * delivery. The first payload of each side is checked against the claim it
 * reports.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { createClaimRequests, globalId } from '../lib/fixtures.mjs';
import { claimOnce } from '../servers/claim-sql.mjs';
import { cpuMs, rssKb } from '../lib/proc.mjs';
import { interleaved, median } from '../lib/passes.mjs';
import { canonical } from '../lib/same-data.mjs';

const DOCUMENT = 'subscription W6 { requestEvents { type occurredAt request { id title status claimed } claim { quantity } } }';
const PER_PROCESS = 2500;
const SUBSCRIBERS_SCRIPT = path.join(import.meta.dirname, '..', 'load', 'ws-subscribers.mjs');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

/** Waits for `predicate` over the messages of every client process, or fails after `ms`. */
function waitAll(clients, predicate, ms, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`W6: ${what} not within ${ms / 1000} s`)), ms);
    const check = () => {
      if (clients.every(predicate)) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve();
      }
    };
    const poll = setInterval(check, 2);
    check();
  });
}

/** Starts the client processes for `n` subscribers of `url` and waits until every socket is acknowledged. */
async function openSubscribers(url, n) {
  const clients = [];
  for (let start = 0; start < n; start += PER_PROCESS) {
    const count = Math.min(PER_PROCESS, n - start);
    const child = fork(SUBSCRIBERS_SCRIPT, [url, String(count), DOCUMENT], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const state = { child, count, ready: null, got: -1, report: null };
    child.on('message', (message) => {
      if (message.ready !== undefined) state.ready = message;
      if (message.got !== undefined) state.got = Math.max(state.got, message.got);
      if (message.report) state.report = message.report;
    });
    clients.push(state);
  }
  await waitAll(clients, (c) => c.ready !== null, 180_000, `${n} sockets open`);
  const failed = clients.reduce((sum, c) => sum + c.ready.failed, 0);
  if (failed > 0) throw new Error(`W6: ${failed} of ${n} sockets failed: ${JSON.stringify(clients.map((c) => c.ready.errors))}`);
  return clients;
}

async function closeSubscribers(clients) {
  for (const client of clients) client.child.send({ cmd: 'report' });
  await waitAll(clients, (c) => c.report !== null, 60_000, 'reports');
  await Promise.all(
    clients.map(
      (c) =>
        new Promise((resolve) => {
          if (c.child.exitCode !== null) resolve();
          else c.child.once('exit', resolve);
          setTimeout(() => c.child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
  return clients.map((c) => c.report);
}

/**
 * One pass against one server: returns delivery latencies and costs. `trigger`
 * commits one claim and returns what its event should show.
 */
async function fanoutPass({ server, n, events, trigger }) {
  const url = `${server.url.replace(/^http/, 'ws')}/graphql`;
  await sleep(500);
  const rssBefore = rssKb(server.pid);
  const clients = await openSubscribers(url, n);
  try {
    await sleep(1000); // subscriptions registered after the acknowledgement: let them settle
    const rssAfter = rssKb(server.pid);
    const sent = [];
    const expected = [];
    const deliver = async (k) => {
      sent[k] = now();
      expected[k] = await trigger();
      await waitAll(clients, (c) => c.got >= k, 120_000, `event ${k} delivered to ${n}`);
    };
    await deliver(0); // warm-up: also proves every subscription is live
    const cpuBefore = cpuMs(server.pid);
    for (let k = 1; k <= events; k++) {
      await deliver(k);
      await sleep(50);
    }
    const cpuAfter = cpuMs(server.pid);
    const reports = await closeSubscribers(clients);
    const latencies = [];
    const lastByEvent = [];
    for (let k = 1; k <= events; k++) {
      const times = reports.flatMap((report) => report.times[k] ?? []);
      const eventLatencies = times.map((t) => t - sent[k]);
      latencies.push(...eventLatencies);
      lastByEvent.push(Math.max(...eventLatencies));
    }
    latencies.sort((a, b) => a - b);
    const at = (p) => latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * p) - 1)];
    return {
      subscribers: n,
      events,
      deliveries: latencies.length,
      deliveryP50: at(0.5),
      deliveryP99: at(0.99),
      lastDeliveryMedian: median(lastByEvent),
      cpuUsPerDelivery: ((cpuAfter - cpuBefore) * 1000) / Math.max(1, latencies.length),
      rssKbPerConnection: (rssAfter - rssBefore) / n,
      firstPayload: reports[0].firstPayload,
      firstExpected: expected[0],
      errors: reports.flatMap((report) => report.errors).slice(0, 3),
    };
  } catch (error) {
    for (const client of clients) client.child.kill('SIGKILL');
    throw error;
  }
}

export async function w6(ctx) {
  const fixtures = await ctx.claimants();
  const pool = new pg.Pool({ connectionString: ctx.db.url, max: 1 });
  const [user] = fixtures.users;
  const sizes = ctx.options.quick ? [50, 200] : [1000, 5000];
  const events = ctx.options.quick ? 2 : 10;
  const passes = Math.min(ctx.passOptions.passes, 2);
  const servers = [['ours', ctx.ours], ...(ctx.peers.wsFloor ? [['floor', ctx.peers.wsFloor]] : [])];
  const out = {};
  try {
    for (const n of sizes) {
      // Enough (slot, association) pairs for every event of every pass: 100 slots x 12 associations.
      const slots = await createClaimRequests(ctx.client, fixtures.requesterId, {
        requests: 1,
        slots: 100,
        capacity: 500,
        label: `W6 ${n}`,
      });
      let next = 0;
      const trigger = async () => {
        const k = next++;
        const slot = slots[k % slots.length];
        const associationId = user.associations[Math.floor(k / slots.length)];
        await claimOnce(pool, { userId: user.id, slotId: slot.id, associationId, quantity: 1 });
        return { type: 'CLAIMED', request: { id: globalId('HelpRequest', slot.requestId), status: 'OPEN' }, claim: { quantity: 1 } };
      };
      ctx.log(`  W6 with ${n} subscribers, ${events} events per pass`);
      // Before the first size, a warm-up pass each (2 events): a server just started (the floor)
      // would otherwise count its first allocations as the sockets' memory.
      const warmUp = n === sizes[0] ? 1 : 0;
      const results = await interleaved(
        servers.map(([key, server]) => ({
          key,
          run: (_seconds, pass) => fanoutPass({ server, n, events: pass === 'warm-up' ? 2 : events, trigger }),
        })),
        { ...ctx.passOptions, passes, warmupSeconds: warmUp },
      );
      out[n] = { clients: n, sameData: samePayloads(results), results };
      ctx.log(`  W6 ${n}: same payloads: ${out[n].sameData.ok ? 'yes' : `NO (${out[n].sameData.detail})`}`);
    }
  } finally {
    await pool.end();
  }
  return out;
}

/** Each side's first payload against the claim it reports (title and counts vary by event; the rest must match). */
function samePayloads(results) {
  const problems = [];
  for (const [key, passes] of Object.entries(results)) {
    for (const result of passes) {
      const got = canonical(result.firstPayload?.data?.requestEvents ?? null);
      const want = canonical(result.firstExpected);
      const matches =
        got &&
        got.type === want.type &&
        got.request?.id === want.request.id &&
        got.request?.status === want.request.status &&
        got.claim?.quantity === 1;
      if (!matches) problems.push(`${key}: ${JSON.stringify(got ?? result.firstPayload)}`);
      if (result.errors.length) problems.push(`${key} errors: ${JSON.stringify(result.errors)}`);
    }
  }
  const keys = Object.keys(results);
  if (keys.length === 2) {
    const fields = (key) =>
      Object.keys(results[key][0].firstPayload?.data?.requestEvents ?? {})
        .sort()
        .join(',');
    if (fields(keys[0]) !== fields(keys[1])) problems.push(`fields differ: ${fields(keys[0])} vs ${fields(keys[1])}`);
  }
  return { ok: problems.length === 0, samples: Object.values(results).flat().length, detail: problems.join('; ') || null };
}
