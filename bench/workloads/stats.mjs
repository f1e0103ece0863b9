/**
 * W3: the whole stats dashboard, ours against its own raw SQL
 * (servers/stats-floor.mjs replays the statements ours sent for the same
 * operation, captured by servers/stats-capture.mjs), 4 clients.
 *
 * - W3: the page's default load (src/web/dashboard): this month's figures,
 *   breakdowns, 8 top helpers and 60 collaborations, plus the 12-month trend,
 *   months aligned in the county's time (UTC+8), in one operation.
 * - W3all: the same operation over all time (the period without a filter).
 *
 * The figure that matters most is the database time per load (execution time
 * summed by pg_stat_statements) and the database's CPU per load; after the
 * passes, each side runs once more with a single client, for the database
 * time of a load that waits for nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, runJson, startServer } from '../lib/processes.mjs';
import { httpPass, interleavedHttp } from '../lib/passes.mjs';

const CLIENTS = 4;

/** As src/web/dashboard/api.ts (STATS_QUERY). */
const DASHBOARD = `query DashboardStats($period: StatsFilter!, $trend: StatsFilter!, $helpers: Int!, $links: Int!) {
  period: stats(filter: $period) {
    requestsPosted requestsFilled requestsCompleted fillRate volunteersCommitted amountPledged beneficiaries
    volunteerHours volunteersServed activeAssociations
    byCategory { category requestsPosted requestsCompleted beneficiaries volunteerHours }
    byTownship { township requestsPosted requestsCompleted beneficiaries volunteerHours }
    topHelpers(limit: $helpers) { association { id name township } claimsMade volunteersCommitted amountPledged }
    collaborations(limit: $links) { claims helper { id name } helped { id name } }
  }
  trend: stats(filter: $trend) { byMonth { month requestsPosted requestsCompleted beneficiaries volunteerHours } }
}`.replace(/\s+/g, ' ');

/** 00:00 UTC+8 on the first day of the month `offset` months from the current one (src/web/dashboard/period.ts). */
function monthStart(offset) {
  const local = new Date(Date.now() + 8 * 3600_000);
  const total = local.getUTCFullYear() * 12 + local.getUTCMonth() + offset;
  const month = String((total % 12) + 1).padStart(2, '0');
  return `${Math.floor(total / 12)}-${month}-01T00:00:00+08:00`;
}

export function operations() {
  const trend = { from: monthStart(-11), to: monthStart(1) };
  const variables = (period) => ({ period, trend, helpers: 8, links: 60 });
  return [
    { name: 'W3', body: JSON.stringify({ query: DASHBOARD, variables: variables({ from: monthStart(0), to: monthStart(1) }) }) },
    { name: 'W3all', body: JSON.stringify({ query: DASHBOARD, variables: variables({}) }) },
  ];
}

/** Captures ours' statements for every operation and starts the floor on them; null (and why) when it cannot. */
export async function startStatsFloor(ctx) {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-stats-'));
  try {
    const opsFile = path.join(dir, 'operations.json');
    await writeFile(opsFile, JSON.stringify(operations()));
    const captured = await runJson(path.join(import.meta.dirname, '..', 'servers', 'stats-capture.mjs'), [ctx.db.url, opsFile], {
      timeoutMs: 180_000,
    });
    const statementsFile = path.join(dir, 'statements.json');
    await writeFile(statementsFile, JSON.stringify(captured));
    const port = await freePort();
    const server = await startServer({
      name: 'stats floor',
      script: path.join(import.meta.dirname, '..', 'servers', 'stats-floor.mjs'),
      args: [String(port), ctx.db.url, String(ctx.poolSize), statementsFile],
      port,
      readyPath: '/',
    });
    const counts = Object.fromEntries(Object.entries(captured).map(([name, statements]) => [name, statements.length]));
    return {
      ...server,
      counts,
      async stop() {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function w3(ctx, name) {
  const operation = operations().find((op) => op.name === name);
  const floor = ctx.peers.statsFloor;
  const sides = [{ key: 'ours', server: ctx.ours, url: `${ctx.ours.url}/graphql`, body: operation.body }];
  if (floor) sides.push({ key: 'floor', server: floor, url: `${floor.url}/`, body: JSON.stringify({ op: name }) });
  // Ours must answer without errors; the floor runs ours' own statements (same data by construction).
  const check = await (
    await fetch(sides[0].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: operation.body })
  ).json();
  if (check.errors) throw new Error(`${name}: ${JSON.stringify(check.errors).slice(0, 300)}`);
  const sameData = {
    ok: true,
    samples: 1,
    detail: floor
      ? `the floor replays the ${floor.counts[name]} statements ours sent for this operation, with their parameters`
      : 'ours only',
  };
  const results = await interleavedHttp(
    ctx,
    sides.map((side) => ({
      key: side.key,
      pid: side.server.pid,
      url: side.url,
      connections: Array.from({ length: CLIENTS }, () => ({ bodies: [side.body], cycle: true })),
    })),
  );
  // Database time per load without contention: one client, one load at a time (with 4 clients on
  // 2 cores, execution times also count the time a backend waits for a core).
  const oneClient = {};
  for (const side of sides) {
    oneClient[side.key] = await httpPass({
      db: ctx.db,
      pid: side.server.pid,
      spec: { url: side.url, seconds: ctx.passOptions.seconds, connections: [{ bodies: [side.body], cycle: true }] },
    });
    ctx.log(
      `    one client, ${side.key}: ${oneClient[side.key].requests} loads, p50 ${Math.round(oneClient[side.key].p50)} ms, database time ${Math.round(oneClient[side.key].dbExecMsPerRequest)} ms/load`,
    );
  }
  return { clients: CLIENTS, sameData, results, extra: { oneClient } };
}
