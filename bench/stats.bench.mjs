#!/usr/bin/env node
/**
 * Dashboard latency on generated data, through the real GraphQL API.
 *
 *   DATA_DIR=/tmp/gen50k npm run generate -- --requests 50000
 *   DATA_DIR=/tmp/gen50k npm run bench:stats [-- --reps 20 --warmup 3 --compare --explain summary,topHelpers]
 *
 * Plain JavaScript on the compiled server (`npm run bench:stats` builds first):
 * bench/ is outside tsconfig.build.json, and tsx cannot run the decorators.
 *
 * Starts the app in-process (startApp, on DATABASE_URL or the embedded database
 * under DATA_DIR, a free port, no demo data) and, for no filter and for the last
 * twelve months, times over HTTP `stats { ... }` with every field, and each
 * figure group alone (each group is one SQL statement of stats.service.ts):
 * median and p95 over --reps runs after --warmup runs. It also times each
 * group's SQL alone, then prints EXPLAIN (ANALYZE, BUFFERS) of the heaviest
 * group's SQL for each filter (or of the groups named by --explain a,b), which
 * it captures from StatsQuery itself, so the plan is of the statement the
 * server runs. --compare also times and explains the SQL without
 * the index of Migration20261129000500_stats_indexes, dropped inside a
 * transaction that is rolled back (it locks help_request meanwhile: use it on a
 * bench database only).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../dist/src/config.js';
import { createLogger } from '../dist/src/shared/logger.js';
import { startApp } from '../dist/src/app.js';
import { CompiledQuery } from 'kysely';
import { openDb } from '../dist/src/db/handle.js';
import { StatsQuery, statsScope } from '../dist/src/modules/stats/stats.service.js';

const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    compare: { type: 'boolean', default: false },
    explain: { type: 'string' },
  },
});
const REPS = Number(args.reps);
const WARMUP = Number(args.warmup);

/** The indexes Migration20261129000500_stats_indexes adds (for --compare). */
const STATS_INDEXES = ['help_request_stats_idx'];

const association = '{ id name township }';
const GROUPS = {
  summary: {
    fields: 'requestsPosted requestsFilled requestsCompleted fillRate medianTimeToFillSeconds beneficiaries',
    run: (q) => q.summary(),
  },
  commitments: { fields: 'volunteersCommitted amountPledged', run: (q) => q.commitments() },
  activeAssociations: { fields: 'activeAssociations', run: (q) => q.activeAssociations() },
  byCategory: { fields: 'byCategory { category requestsPosted requestsCompleted beneficiaries }', run: (q) => q.byCategory(false) },
  byTownship: { fields: 'byTownship { township requestsPosted requestsCompleted beneficiaries }', run: (q) => q.byTownship(false) },
  byMonth: { fields: 'byMonth { month requestsPosted requestsCompleted beneficiaries }', run: (q) => q.byMonth(false) },
  volunteers: { fields: 'volunteerHours volunteersServed noShowRate', run: (q) => q.volunteers() },
  byMonthWithVolunteers: {
    fields: 'byMonth { month requestsPosted volunteerHours volunteersServed noShowRate }',
    run: (q) => q.byMonth(true),
  },
  topHelpers: {
    fields: `topHelpers(limit: 10) { requestsPosted claimsMade volunteersCommitted amountPledged association ${association} }`,
    run: (q) => q.topHelpers(10),
  },
  collaborations: {
    fields: `collaborations(limit: 50) { claims helper ${association} helped ${association} }`,
    run: (q) => q.collaborations(50),
  },
};
const ALL = Object.values(GROUPS)
  .map((group) => group.fields)
  .join('\n    ');

const day = 86_400_000;
const today = new Date(Math.floor(Date.now() / day) * day);
const FILTERS = {
  'no filter': null,
  'last 12 months': { from: new Date(today.getTime() - 365 * day).toISOString(), to: today.toISOString() },
};

const config = loadConfig({
  ...process.env,
  PORT: process.env.PORT ?? '0',
  HOST: '127.0.0.1',
  DEMO_DATA: 'false',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const log = createLogger(config.logLevel);
const app = await startApp(config, log);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)];
};
const ms = (value) => Number(value.toFixed(1));

async function gql(query, variables) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function timed(times, work) {
  for (let i = 0; i < WARMUP; i++) await work();
  const latencies = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    latencies.push(performance.now() - started);
  }
  return { median: ms(percentile(latencies, 0.5)), p95: ms(percentile(latencies, 0.95)) };
}

/** Top-N sizes the API's default selection asks for. */
const LIMITS = { topHelpers: 10, collaborations: 50 };

/** The statement one figure group runs, compiled by StatsQuery itself (the same builder the API uses). */
function captureSql(group, filter) {
  const parsed = filter && { from: new Date(filter.from), to: new Date(filter.to) };
  const stats = new StatsQuery(openDb(app.db.orm), statsScope(parsed), config.statsTimeZone);
  return stats.statements[group](LIMITS[group]).compile();
}

/** Runs `work` in a transaction where the stats indexes are dropped, then rolls it back (--compare). */
async function withoutIndexes(indexes, work) {
  const tem = app.db.orm.em.fork();
  await tem.begin();
  try {
    for (const index of indexes) await tem.getKysely().executeQuery(CompiledQuery.raw(`DROP INDEX ${index}`));
    return await work(tem);
  } finally {
    await tem.rollback();
  }
}

const runSql = (em, compiled) => em.getKysely().executeQuery(compiled);

async function explain(em, { sql, parameters }) {
  const plan = await em.getKysely().executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...parameters]));
  return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
}

try {
  const em = app.db.orm.em.fork();
  const [{ requests, claims }] = await em
    .getConnection()
    .execute(`SELECT (SELECT count(*) FROM help_request)::int AS requests, (SELECT count(*) FROM claim)::int AS claims`);
  if (requests === 0) throw new Error('no help requests: run `npm run generate` on this database first');
  const [{ version, jit }] = await em
    .getConnection()
    .execute(`SELECT split_part(version(), ' ', 2) AS version, current_setting('jit') AS jit`);
  const present = (
    await em
      .getConnection()
      .execute(`SELECT indexname FROM pg_indexes WHERE indexname IN (${STATS_INDEXES.map(() => '?').join(', ')})`, STATS_INDEXES)
  ).map((row) => row.indexname);
  console.log(
    `# stats bench: ${requests} help requests, ${claims} claims; PostgreSQL ${version}, jit=${jit}; ${config.databaseUrl ? 'DATABASE_URL' : 'embedded'}`,
  );
  console.log(
    `# stats indexes present: ${present.length ? present.join(', ') : 'none'}; ${REPS} runs after ${WARMUP} warm-up runs; latencies in ms`,
  );

  const results = {};
  for (const [label, filter] of Object.entries(FILTERS)) {
    const variables = { filter };
    results[label] = {};
    const stats = await gql(`query ($filter: StatsFilter) { stats(filter: $filter) { requestsPosted } }`, variables);
    console.log(`\n## ${label}${filter ? ` (from ${filter.from} to ${filter.to})` : ''}: ${stats.stats.requestsPosted} requests`);
    const rows = [];
    rows.push({
      query: 'stats { every field }',
      ...(await timed(REPS, () => gql(`query ($filter: StatsFilter) { stats(filter: $filter) { ${ALL} } }`, variables))),
    });
    for (const [group, { fields }] of Object.entries(GROUPS)) {
      const http = await timed(REPS, () => gql(`query ($filter: StatsFilter) { stats(filter: $filter) { ${fields} } }`, variables));
      const statement = captureSql(group, filter);
      const sqlOnly = await timed(REPS, () => runSql(em, statement));
      results[label][group] = { http, sqlOnly, statement };
      const row = { query: group, median: http.median, p95: http.p95, 'SQL median': sqlOnly.median, 'SQL p95': sqlOnly.p95 };
      if (args.compare && present.length) {
        const without = await withoutIndexes(present, (tem) => timed(REPS, () => runSql(tem, statement)));
        Object.assign(row, { 'SQL median, no stats idx': without.median, 'SQL p95, no stats idx': without.p95 });
      }
      rows.push(row);
    }
    console.table(rows);
  }

  // EXPLAIN the heaviest group of each filter (by HTTP median), or the groups named by --explain.
  for (const label of Object.keys(FILTERS)) {
    const byTime = Object.entries(results[label]).sort(([, a], [, b]) => b.http.median - a.http.median);
    const groups = args.explain ? args.explain.split(',') : [byTime[0][0]];
    for (const group of groups) {
      if (!results[label][group]) throw new Error(`--explain: no figure group '${group}' (${Object.keys(GROUPS).join(', ')})`);
      const { statement, http } = results[label][group];
      const heaviest = group === byTime[0][0] ? 'heaviest figure group, ' : '';
      console.log(`\n## EXPLAIN ${group} (${heaviest}${label}: HTTP median ${http.median} ms)\n\n${statement.sql.replace(/\s+/g, ' ')}\n`);
      console.log(await explain(em, statement));
      if (args.compare && present.length) {
        console.log(`\n### the same without ${present.join(', ')}\n`);
        console.log(await withoutIndexes(present, (tem) => explain(tem, statement)));
      }
    }
  }
} finally {
  await app.stop();
}
