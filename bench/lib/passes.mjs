/**
 * A/B passes: every side of a workload runs a short warm-up, then the sides
 * take turns, pass after pass (the order reversed every other pass, so no
 * side always runs first), and a workload's figure is the median over its
 * passes; a ratio is the median of the per-pass ratios, so a machine that
 * slows down for a moment weighs on both sides of the same pass.
 */
import { cpuMs } from './proc.mjs';
import { counterDelta } from './database.mjs';
import { runHttpLoad } from './processes.mjs';

export const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Rounded to `digits` significant places after the point, null kept. */
export const round = (value, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/**
 * One measured pass of HTTP load against one server: the generator's figures
 * plus, per request, the server's CPU (/proc, every thread), the database's
 * CPU (every PostgreSQL process), its statements and their execution time
 * (pg_stat_statements), and ours' own count (x-sql-statements).
 */
export async function httpPass({ db, pid, spec }) {
  const cpuBefore = cpuMs(pid);
  const before = await db.counters();
  const load = await runHttpLoad(spec);
  const cpuAfter = cpuMs(pid);
  const delta = counterDelta(before, await db.counters());
  const n = Math.max(1, load.requests);
  const per = (value) => (value === null ? null : value / n);
  return {
    rps: load.rps,
    p50: load.latencyMs.p50,
    p99: load.latencyMs.p99,
    requests: load.requests,
    seconds: load.seconds,
    outcomes: load.outcomes,
    errorSample: load.errorSample,
    statementsPerRequest: per(delta.calls),
    ownStatementsPerRequest: load.sqlStatements ? load.sqlStatements.sum / load.sqlStatements.responses : null,
    serverCpuMsPerRequest: (cpuAfter - cpuBefore) / n,
    dbCpuMsPerRequest: per(delta.cpuMs),
    dbExecMsPerRequest: per(delta.execMs),
  };
}

/**
 * Interleaved HTTP passes (below) of `sides`: [{ key, pid, url, connections }],
 * each loaded with its own connections (http-load.mjs's spec).
 */
export function interleavedHttp(ctx, sides) {
  return interleaved(
    sides.map((side) => ({
      key: side.key,
      run: (seconds) => httpPass({ db: ctx.db, pid: side.pid, spec: { url: side.url, seconds, connections: side.connections } }),
    })),
    ctx.passOptions,
  );
}

/**
 * Runs `sides` ([{ key, run(seconds, pass) }]) in interleaved passes after a
 * warm-up each. Returns { key: [result of pass 0, 1, ...] }.
 */
export async function interleaved(sides, { passes, seconds, warmupSeconds, log }) {
  for (const side of sides) {
    if (warmupSeconds > 0) await side.run(warmupSeconds, 'warm-up');
  }
  const results = Object.fromEntries(sides.map((side) => [side.key, []]));
  for (let pass = 0; pass < passes; pass++) {
    const order = pass % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const result = await side.run(seconds, pass);
      results[side.key].push(result);
      log(`    pass ${pass + 1}/${passes} ${side.key}: ${describe(result)}`);
    }
  }
  return results;
}

function describe(result) {
  const parts = [];
  if (result.rps !== undefined)
    parts.push(`${round(result.rps, 0)} req/s`, `p50 ${round(result.p50, 1)} ms`, `p99 ${round(result.p99, 1)} ms`);
  if (result.deliveryP99 !== undefined)
    parts.push(`delivery p50 ${round(result.deliveryP50, 1)} ms`, `p99 ${round(result.deliveryP99, 1)} ms`);
  if (result.statementsPerRequest !== undefined && result.statementsPerRequest !== null)
    parts.push(`${round(result.statementsPerRequest, 1)} stmt/req`);
  if (result.serverCpuMsPerRequest !== undefined) parts.push(`${round(result.serverCpuMsPerRequest, 3)} ms CPU/req`);
  if (result.cpuUsPerDelivery !== undefined) parts.push(`${round(result.cpuUsPerDelivery, 1)} us CPU/delivery`);
  const failures = Object.entries(result.outcomes ?? {}).filter(([outcome]) => outcome !== 'OK');
  if (failures.length) parts.push(`not OK: ${JSON.stringify(Object.fromEntries(failures))}`);
  return parts.join(', ');
}

/** The median of every numeric field over the passes. */
export function medians(results) {
  const keys = Object.keys(results[0] ?? {}).filter((key) => typeof results[0][key] === 'number' || results[0][key] === null);
  return Object.fromEntries(keys.map((key) => [key, median(results.map((r) => r[key]))]));
}

/** Outcomes summed over the passes. */
export function outcomeTotals(results) {
  const totals = {};
  for (const result of results)
    for (const [outcome, n] of Object.entries(result.outcomes ?? {})) totals[outcome] = (totals[outcome] ?? 0) + n;
  return totals;
}

/**
 * Median over the passes of a/b for one field: `ours` over `peer`. For
 * throughput a ratio above 1 means ours is faster; for a cost (CPU, latency)
 * above 1 means ours costs more.
 */
export function ratioOf(ours, peer, field) {
  const perPass = ours.map((result, pass) => {
    const a = result[field];
    const b = peer[pass]?.[field];
    return a === null || b === null || b === undefined || b === 0 ? null : a / b;
  });
  return { median: median(perPass), perPass: perPass.map((value) => round(value, 3)) };
}
