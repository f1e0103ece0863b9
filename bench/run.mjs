#!/usr/bin/env node
/**
 * `npm run bench`: this server against its peers, in one run, on one
 * PostgreSQL and the same tables (issue 16), within 15 minutes on 2 cores.
 *
 *   npm run build && node bench/run.mjs [--quick] [--only W2,W6] [--no-peers]
 *       [--requests 50000] [--passes 3] [--seconds 6] [--warmup 2]
 *       [--out bench] [--database-url postgres://...] [--max-minutes 15] [--keep-data]
 *
 * 1. Installs the peers on first run (bench/peers, bench/peers/v4: `npm ci`;
 *    they never enter the project's own dependencies). --no-peers leaves
 *    PostGraphile out; the bench's own floors need nothing but the project's
 *    packages.
 * 2. Starts the project's embedded PostgreSQL in a fresh folder (or uses
 *    --database-url, an empty database), with pg_stat_statements, and fills it
 *    with `npm run generate` (deterministic: seed 1, --requests, --end today in
 *    the county's time zone).
 * 3. Starts our server as `npm start` does (dist/src/main.js), RATE_LIMITS=false,
 *    SQL_COUNT_HEADER=true, LOG_LEVEL=warn, and each peer when a workload needs
 *    it (stopped when no later workload does).
 * 4. Runs the workloads (bench/workloads/), each in interleaved A/B passes,
 *    load from separate processes (bench/load/), after checking that the sides
 *    answer the same data.
 * 5. Writes RESULTS.md and results.json in --out (bench/ by default).
 *
 * On PostgreSQL 15 (or any other server): start it with
 * `-c shared_preload_libraries=pg_stat_statements` and pass an empty database
 * as --database-url (without the library, statements per request come from
 * the servers' own counts only).
 *
 * --only takes workload ids or their beginnings: W1, W2 (W2 and W2b), typename,
 * W3 (W3 and W3all), W4 (spread, hot, limits), W6. --quick: one pass of a
 * second per workload, 2,000 requests, 50 and 200 subscribers (a smoke run).
 * Exits 1 when a workload failed or two sides did not answer the same data.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_DATABASE, openBenchDatabase } from './lib/database.mjs';
import { createClaimants, SESSION_SECRET } from './lib/fixtures.mjs';
import { freePort, killAll, startServer } from './lib/processes.mjs';
import { round } from './lib/passes.mjs';
import { summarizeFanout, summarizeHttp, writeResults } from './lib/report.mjs';
import { w1, w2, w2b } from './workloads/reads.mjs';
import { typename } from './workloads/typename.mjs';
import { startStatsFloor, w3 } from './workloads/stats.mjs';
import { w4Hot, w4Limits, w4Spread } from './workloads/claims.mjs';
import { w6 } from './workloads/fanout.mjs';

const root = path.resolve(import.meta.dirname, '..');
const here = import.meta.dirname;
const started = performance.now();

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-peers': { type: 'boolean', default: false },
    requests: { type: 'string' },
    passes: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    out: { type: 'string', default: here },
    'database-url': { type: 'string' },
    'max-minutes': { type: 'string', default: '15' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const quick = args.quick;
const options = {
  quick,
  requests: Number(args.requests ?? (quick ? 2000 : 50_000)),
  passes: Number(args.passes ?? (quick ? 1 : 3)),
  seconds: Number(args.seconds ?? (quick ? 1 : 6)),
  warmupSeconds: Number(args.warmup ?? (quick ? 0.5 : 2)),
  maxMinutes: Number(args['max-minutes']),
  peers: !args['no-peers'],
};
const given = process.argv.slice(2).join(' ');
/** How this run was started, for RESULTS.md. */
const command =
  process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${given ? ` -- ${given}` : ''}`
    : `node bench/run.mjs${given ? ` ${given}` : ''}`;

const log = (line) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** The workloads, in the order they run: reads and dashboards on the generated data first, then writes. */
const WORKLOADS = [
  {
    id: 'W1',
    title: '`helpRequest(id)`, 16 clients, anonymous, no restricted field',
    peers: ['pg5', 'pg4'],
    run: w1,
    ratios: [
      ['ours', 'pg5'],
      ['ours', 'pg4'],
    ],
  },
  {
    id: 'W2',
    title: 'a page of 20 requests with requester, slots, claims and claimant, 16 clients, anonymous, no restricted field',
    peers: ['pg5', 'pg4'],
    run: w2,
    ratios: [
      ['ours', 'pg5'],
      ['ours', 'pg4'],
    ],
  },
  {
    id: 'W2b',
    title: 'W2 as a member of ten associations with `contact` selected (this server only), against its own anonymous W2',
    peers: [],
    run: w2b,
    ratios: [['oursMember', 'ours']],
  },
  {
    id: 'typename',
    title: '`{ __typename }`, 16 clients',
    peers: ['apollo'],
    run: typename,
    ratios: [['ours', 'apollo']],
  },
  {
    id: 'W3',
    title: "the stats dashboard's default load (this month, 12-month trend: one operation), 4 clients, against its raw SQL",
    peers: ['statsFloor'],
    run: (ctx) => w3(ctx, 'W3'),
    ratios: [['ours', 'floor']],
  },
  {
    id: 'W3all',
    title: 'the same dashboard over all time, 4 clients, against its raw SQL',
    peers: ['statsFloor'],
    run: (ctx) => w3(ctx, 'W3all'),
    ratios: [['ours', 'floor']],
  },
  {
    id: 'W4spread',
    title: "claims spread over 2,000 slots of 80 requests, 8 clients, against the claim's essential SQL",
    peers: ['claimFloor'],
    run: w4Spread,
    ratios: [['ours', 'floor']],
  },
  {
    id: 'W4hot',
    title: "claims on one hot request (all clients on the same slot at once), 16 clients, against the claim's essential SQL",
    peers: ['claimFloor'],
    run: w4Hot,
    ratios: [['ours', 'floor']],
  },
  {
    id: 'W4limits',
    title: 'W4 spread with rate limits on (a budget no client reaches), against this server with them off',
    peers: [],
    run: w4Limits,
    ratios: [['oursLimits', 'ours']],
  },
  {
    id: 'W6',
    title: 'one event to N graphql-ws subscribers (separate client processes), against a bare graphql-ws server',
    peers: ['wsFloor'],
    run: w6,
    fanout: true,
  },
];

const selected = args.only
  ? WORKLOADS.filter((w) =>
      args.only
        .split(',')
        .map((token) => token.trim().toLowerCase())
        .some((token) => token && w.id.toLowerCase().startsWith(token)),
    )
  : WORKLOADS;
if (selected.length === 0) throw new Error(`--only ${args.only}: no workload (${WORKLOADS.map((w) => w.id).join(', ')})`);

/** The pool size our server uses by default (DB_POOL_SIZE): the floors get the same. */
const poolSize = Math.max(4, 2 * os.availableParallelism());

function installPeers() {
  for (const dir of [path.join(here, 'peers'), path.join(here, 'peers', 'v4')]) {
    if (existsSync(path.join(dir, 'node_modules'))) continue;
    log(`installing the peers in ${path.relative(root, dir)} (npm ci, first run only)`);
    const result = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 300_000,
    });
    if (result.status !== 0) throw new Error(`npm ci in ${dir} failed (${result.status ?? result.signal})`);
  }
}

/** Today in the county's time zone (the generator's default --end, written out so the run can be repeated). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function generate(db) {
  const end = today();
  const generateArgs = ['--requests', String(options.requests), '--end', end];
  log(`generating ${options.requests} requests (npm run generate -- ${generateArgs.join(' ')})`);
  const t = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, 'dist/src/modules/demo/generate.cli.js'), ...generateArgs], {
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`generate failed: ${result.stderr || result.stdout}`);
  const seconds = Math.round((performance.now() - t) / 100) / 10;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM help_request)::int AS requests, (SELECT count(*) FROM slot)::int AS slots,
            (SELECT count(*) FROM claim)::int AS claims, (SELECT count(*) FROM association)::int AS associations`,
  );
  await client.end();
  const c = rows[0];
  return {
    command: `npm run generate -- ${generateArgs.join(' ')}`,
    seconds,
    counts: c,
    summary: `${c.requests.toLocaleString('en')} requests, ${c.slots.toLocaleString('en')} slots, ${c.claims.toLocaleString('en')} claims, ${c.associations} associations (seed 1)`,
  };
}

/** Our server as `npm start` runs it, on the bench database. */
async function startOurs(db, name, env = {}) {
  const port = await freePort();
  return startServer({
    name,
    script: path.join(root, 'dist/src/main.js'),
    nodeArgs: ['--enable-source-maps', '--max-semi-space-size=64'],
    port,
    readyPath: '/readyz',
    env: {
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMITS: 'false',
      SQL_COUNT_HEADER: 'true',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      SESSION_SECRET,
      // W6 opens thousands of anonymous sockets from one address.
      WS_MAX_SOCKETS_PER_CALLER: '100000',
      ...env,
    },
  });
}

const PEERS = {
  pg5: (ctx) => startScript(ctx, 'PostGraphile 5', path.join(here, 'peers', 'postgraphile5.mjs'), (port) => [port, ctx.db.url]),
  pg4: (ctx) => startScript(ctx, 'PostGraphile 4', path.join(here, 'peers', 'v4', 'postgraphile4.mjs'), (port) => [port, ctx.db.url]),
  apollo: (ctx) => startScript(ctx, 'bare Apollo Server', path.join(here, 'servers', 'apollo-bare.mjs'), (port) => [port]),
  claimFloor: (ctx) =>
    startScript(
      ctx,
      'claim floor',
      path.join(here, 'servers', 'claim-floor.mjs'),
      (port) => [port, ctx.db.url, poolSize, SESSION_SECRET],
      '/',
    ),
  wsFloor: (ctx) => startScript(ctx, 'graphql-ws floor', path.join(here, 'servers', 'ws-floor.mjs'), (port) => [port, ctx.db.url], '/'),
  statsFloor: (ctx) => startStatsFloor(ctx),
};
const POSTGRAPHILE = new Set(['pg5', 'pg4']);

async function startScript(_ctx, name, script, argsOf, readyPath = '/graphql') {
  const port = await freePort();
  return startServer({ name, script, args: argsOf(port).map(String), port, readyPath });
}

async function main() {
  const distMain = path.join(root, 'dist/src/main.js');
  if (!existsSync(distMain)) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  if (options.peers) installPeers();
  const missing = [];
  const notes = [
    "Statements per request are counted by pg_stat_statements for every side (BEGIN and COMMIT included), over everything the bench database ran during the pass: in W4 that includes this server's event hub reading each new event, the floor's as well (about 2 statements per claim). \"Own count\" is what the server itself sent for the request (x-sql-statements: this server, and the claim and stats floors). Database time is the statements' summed execution time (statements that run at once add up); database CPU is the CPU of every PostgreSQL process over the pass.",
    'Server CPU is user + system time of the server process over the pass (/proc), every thread included, divided by the requests answered.',
    'Load generators (bench/load/) are Node processes of their own on the same 2 cores: they take CPU from the servers alike on both sides of a pass.',
    "Peers run as shipped (PostGraphile with its default pool of 10); the bench's own floors (claim, graphql-ws, stats) use a pool as large as this server's default.",
    "The claim floor (bench/servers/claim-sql.mjs) mirrors today's event append (the involved associations read from every claim of the request): when the server's append changes, change the floor with it.",
  ];
  if (!options.peers) missing.push('PostGraphile 5 and 4 (--no-peers): W1 and W2 measure this server alone.');

  // Other work on the machine takes CPU from every side: the load average says whether there was any.
  const loadAtStart = os.loadavg();
  log(
    `bench: ${selected.map((w) => w.id).join(', ')}; ${options.passes} passes of ${options.seconds} s after ${options.warmupSeconds} s of warm-up`,
  );
  const db = await openBenchDatabase({ databaseUrl: args['database-url'], keep: args['keep-data'] });
  const peers = {};
  const ctx = {
    db,
    client: null,
    ours: null,
    peers,
    options,
    poolSize,
    log,
    passOptions: { passes: options.passes, seconds: options.seconds, warmupSeconds: options.warmupSeconds, log },
    claimants: null,
    startOurs: (name, env) => startOurs(db, name, env),
  };
  const summaries = [];
  let failed = false;
  let data = null;
  try {
    log(`PostgreSQL ${db.server.version} (${db.kind})${db.dir ? ` in ${db.dir}` : ''}`);
    data = await generate(db);
    log(`generated ${data.summary} in ${data.seconds} s`);
    ctx.client = new pg.Client({ connectionString: db.url });
    await ctx.client.connect();
    let claimants = null;
    ctx.claimants = async () => (claimants ??= await createClaimants(ctx.client));
    ctx.ours = await startOurs(db, 'this server');
    log(`this server: ${ctx.ours.url} (pid ${ctx.ours.pid})`);

    for (const [index, workload] of selected.entries()) {
      const minutes = (performance.now() - started) / 60_000;
      if (minutes > options.maxMinutes) {
        missing.push(`${workload.id}: not run, the bench had used its ${options.maxMinutes} minutes`);
        continue;
      }
      log(`${workload.id}: ${workload.title}`);
      try {
        for (const key of workload.peers) {
          if (peers[key] || (POSTGRAPHILE.has(key) && !options.peers)) continue;
          peers[key] = await PEERS[key](ctx);
          log(`  started ${key} (pid ${peers[key].pid})`);
        }
        const output = await workload.run(ctx);
        const summary = workload.fanout ? summarizeFanout(workload, output) : summarizeHttp(workload, output);
        summaries.push(summary);
        const same = workload.fanout ? Object.values(summary.sizes).every((s) => s.sameData.ok) : summary.sameData.ok;
        if (!same) {
          failed = true;
          missing.push(`${workload.id}: the sides did not answer the same data (see its section)`);
        }
      } catch (error) {
        failed = true;
        missing.push(
          `${workload.id}: failed: ${String(error?.message ?? error)
            .split('\n')[0]
            .slice(0, 400)}`,
        );
        log(`  ${workload.id} failed: ${error?.stack ?? error}`);
      }
      // Peers no later workload needs are stopped: an idle server still holds memory and a pool.
      const later = new Set(selected.slice(index + 1).flatMap((w) => w.peers));
      for (const key of Object.keys(peers)) {
        if (later.has(key)) continue;
        await peers[key].stop();
        delete peers[key];
      }
    }
  } finally {
    for (const peer of Object.values(peers)) await peer.stop().catch(() => undefined);
    await ctx.ours?.stop().catch(() => undefined);
    await ctx.client?.end().catch(() => undefined);
    await db.stop().catch(() => undefined);
  }

  const cpus = os.cpus();
  const loadAtEnd = os.loadavg();
  // At the end the bench's own processes count too (about 2 to 4); at the start only others do.
  if (loadAtStart[0] > 1) {
    notes.unshift(
      `Other work was running on the machine when this run started (load average ${round(loadAtStart[0], 1)} on 2 cores, before the bench's own processes): it takes CPU from whichever side runs at the time, so single passes vary; the interleaved passes and medians of per-pass ratios limit that, and the per-pass ratios show the spread. Run again on an idle machine for firmer numbers.`,
    );
  }
  const run = {
    command,
    date: new Date().toISOString(),
    durationMinutes: Math.round((performance.now() - started) / 6000) / 10,
    machine: {
      cpus: `${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      os: `${os.type()} ${os.release()}`,
      loadAverage: { atStart: loadAtStart.map((value) => round(value, 2)), atEnd: loadAtEnd.map((value) => round(value, 2)) },
    },
    node: process.versions.node,
    postgres: { ...db.server, kind: db.kind === 'embedded' ? 'the embedded PostgreSQL, src/db/embedded.ts' : 'external' },
    data: data ?? { command: '-', seconds: null, summary: 'not generated' },
    database: BENCH_DATABASE,
    options,
    method: `${options.passes} interleaved passes of ${options.seconds} s per side (order reversed every other pass) after ${options.warmupSeconds} s of warm-up each; medians over the passes; a ratio is the median of the per-pass ratios. W3: then one more pass per side with a single client. W6: ${Math.min(options.passes, 2)} passes per size and side of ${quick ? 2 : 10} events, each pass after a warm-up event, and a warm-up pass per side before the first size.`,
    missing,
    notes,
  };
  await writeResults(args.out, run, summaries);
  log(`wrote ${path.join(args.out, 'RESULTS.md')} and results.json in ${run.durationMinutes} min${failed ? ' (with failures)' : ''}`);
  return failed ? 1 : 0;
}

// Bounded in time whatever happens: a hung peer or generator cannot keep the bench running.
const hardLimit = setTimeout(
  () => {
    log(`bench: over ${options.maxMinutes + 5} minutes, stopping everything`);
    killAll();
    process.exit(2);
  },
  (options.maxMinutes + 5) * 60_000,
);
hardLimit.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`bench failed: ${error?.stack ?? error}`);
    killAll();
    process.exit(1);
  },
);
