#!/usr/bin/env node
/**
 * The claim's path, per claim: SQL statements, pool checkouts and Node CPU of
 * the server, against the claim's own SQL run directly with `pg` (the floor),
 * on the same database (issue 16, W4). Self-contained: starts its own embedded
 * PostgreSQL (or uses DATABASE_URL: a database it may fill), one server process
 * (`dist/src/main.js`, RATE_LIMITS=false, SQL_COUNT_HEADER=true) and one floor
 * process; the load generator is this process, on loopback.
 *
 *   npm run build:server && npx node bench/claim-path.mjs [--claims 2000] [--passes 2] [--modes spread,hot] [--pool 4]
 *
 * (`npx node`: the project's Node, which the server requires.)
 *
 * Modes (every claim succeeds in both, so both sides do the same work):
 * - spread: 8 clients, each its own association, over `claims / 8` requests of one
 *   slot of capacity 8, the clients staggered so they seldom meet on a request;
 * - hot: 16 clients, each its own association, all claiming 1 on the same slot
 *   (a request of one slot of capacity 16) at once, then on the next one: every
 *   claim of a round waits for the same request's row lock.
 *
 * Measured per claim, from outside the code under test: statements (the server's
 * `x-sql-statements`, its own count of the operation's statements, and every
 * statement the process sent, the live feed's reads included), pool checkouts
 * (pg Pool.connect calls, counted by a preload in the server process: inside an
 * HTTP operation, and all), Node CPU (utime + stime of the server process
 * from /proc, over the pass) and, with the embedded PostgreSQL, the database's
 * CPU over the pass. The floor runs the same claims on its own
 * requests with a pool of the server's size: BEGIN, lock the request, insert
 * the claim, the conditional slot update, the request update, the event's
 * attributes, the log's lock, the event insert with its NOTIFY, COMMIT.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);

// ---------------------------------------------------------------------------
// The floor: the claim's essential SQL with pg, in a process of its own.

async function floorWorker() {
  const pg = require('pg');
  const plan = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  const pool = new pg.Pool({ connectionString: plan.url, max: plan.poolSize });
  const claim = async ({ slotId, requestId, associationId }) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows: locked } = await client.query('SELECT status, capacity, claimed FROM help_request WHERE id = $1 FOR UPDATE', [
        requestId,
      ]);
      if (locked[0].status !== 'OPEN') throw new Error('REQUEST_NOT_OPEN');
      const claimId = randomUUID();
      const inserted = await client.query(
        `INSERT INTO claim (id, slot_id, request_id, association_id, quantity, note, status, claimed_at, assigned)
         VALUES ($1, $2, $3, $4, 1, NULL, 'ACTIVE', $5, 0)
         ON CONFLICT (slot_id, association_id) WHERE status = 'ACTIVE' DO NOTHING RETURNING id`,
        [claimId, slotId, requestId, associationId, new Date()],
      );
      if (inserted.rowCount !== 1) throw new Error('ALREADY_CLAIMED');
      const taken = await client.query(
        'UPDATE slot SET claimed = claimed + 1 WHERE id = $1 AND claimed + 1 <= capacity RETURNING claimed',
        [slotId],
      );
      if (taken.rowCount !== 1) throw new Error('CAPACITY_EXCEEDED');
      const filled = locked[0].claimed + 1 === locked[0].capacity;
      await client.query(
        `UPDATE help_request SET claimed = claimed + 1, active_claims = active_claims + 1, version = version + $2,
           status = CASE WHEN $3 THEN 'FILLED' ELSE status END, filled_at = CASE WHEN $3 THEN coalesce(filled_at, now()) ELSE filled_at END
         WHERE id = $1`,
        [requestId, filled ? 2 : 1, filled],
      );
      const { rows: attributes } = await client.query(
        `SELECT h.kind, h.category, h.township, h.requester_id,
           ARRAY(SELECT h.requester_id UNION SELECT c.association_id FROM claim c WHERE c.request_id = h.id
                 UNION SELECT o.to_association_id FROM claim_handoff o WHERE o.request_id = h.id) AS involved
         FROM help_request h WHERE h.id = $1`,
        [requestId],
      );
      const a = attributes[0];
      await client.query('SELECT pg_advisory_xact_lock(7310885202)');
      const values = [requestId, claimId, associationId, a.kind, a.category, a.township, a.requester_id, a.involved];
      const row = (type) =>
        `(nextval('request_event_position'), '${type}', $1, ${type === 'CLAIMED' ? '$2' : 'NULL'}, NULL, NULL, $3, $4, $5, $6, $7, $8, now())`;
      await client.query(
        `WITH appended AS (
           INSERT INTO request_event (position, type, request_id, claim_id, assignment_id, hand_off_id, actor_id, kind, category, township, requester_id, involved, occurred_at)
           VALUES ${filled ? `${row('CLAIMED')}, ${row('FILLED')}` : row('CLAIMED')} RETURNING position)
         SELECT pg_notify('request_events', max(position)::text) FROM appended`,
        values,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  const cpu = processCpu(process.pid);
  const started = performance.now();
  await Promise.all(
    plan.clients.map(async (claims) => {
      for (const one of claims) await claim(one);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds: processCpu(process.pid) - cpu }) + '\n');
  await pool.end();
}

// ---------------------------------------------------------------------------

/** utime + stime of one process, in seconds (/proc/<pid>/stat, fields 14 and 15). */
function processCpu(pid) {
  const { user, system } = processTimes(pid);
  return user + system;
}

function processTimes(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / TICKS, system: Number(fields[12]) / TICKS };
}

/**
 * CPU of the embedded PostgreSQL this process started, in seconds: every
 * `postgres` process below this one, plus the backends that already exited
 * (their time is counted in the postmaster's cutime and cstime once reaped).
 */
function databaseCpu() {
  const all = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.push({
        pid: Number(entry),
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        ppid: Number(fields[1]),
        own: (Number(fields[11]) + Number(fields[12])) / TICKS,
        reaped: (Number(fields[13]) + Number(fields[14])) / TICKS,
      });
    } catch {
      // gone meanwhile
    }
  }
  const below = new Set([process.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const p of all) if (!below.has(p.pid) && below.has(p.ppid)) (below.add(p.pid), (grown = true));
  }
  const postgres = all.filter((p) => below.has(p.pid) && p.name.startsWith('postgres'));
  const pids = new Set(postgres.map((p) => p.pid));
  return postgres.reduce((sum, p) => sum + p.own + (pids.has(p.ppid) ? 0 : p.reaped), 0);
}

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The server's pg traffic, counted in its own process (loaded with --import before main.js). */
const PRELOAD = `
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const require = createRequire(${JSON.stringify(path.join(root, 'package.json'))});
const pg = require('pg');
const counts = { checkouts: 0, operationCheckouts: 0, statements: 0 };
// Wrapped before the server's statement counter wraps it in turn (it keeps the method it finds).
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  counts.statements += 1;
  return Reflect.apply(query, this, args);
};
// The server's own counter of an HTTP operation's statements (SQL_COUNT_HEADER): non-null inside one.
const { statementCount } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/src/db/statement-count.js')).href)});
const connect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function (...args) {
  counts.checkouts += 1;
  if (statementCount() !== null) counts.operationCheckouts += 1;
  return Reflect.apply(connect, this, args);
};
process.on('SIGUSR2', () => writeFileSync(process.env.CLAIM_PATH_COUNTS, JSON.stringify(counts)));
`;

async function main() {
  const CLAIMS = Number(args.claims ?? 2000);
  const PASSES = Number(args.passes ?? 2);
  const MODES = (args.modes ?? 'spread,hot').split(',');
  const POOL = Number(args.pool ?? process.env.DB_POOL_SIZE ?? 4);
  if (!existsSync(path.join(root, 'dist/src/main.js'))) throw new Error('run `npm run build:server` first');

  const work = await mkdtemp(path.join(tmpdir(), 'claim-path-'));
  const { createLogger } = await import(pathToFileURL(path.join(root, 'dist/src/shared/logger.js')).href);
  let embedded = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import(pathToFileURL(path.join(root, 'dist/src/db/embedded.js')).href);
    embedded = await startEmbeddedPostgres(path.join(work, 'db'), createLogger('silent'));
    await embedded.ensureDatabase('claim_path');
    databaseUrl = embedded.url('claim_path');
  }
  const preload = path.join(work, 'preload.mjs');
  writeFileSync(preload, PRELOAD);
  const countsFile = path.join(work, 'counts.json');

  const server = spawn(process.execPath, ['--import', pathToFileURL(preload).href, path.join(root, 'dist/src/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      DB_POOL_SIZE: String(POOL),
      RATE_LIMITS: 'false',
      SQL_COUNT_HEADER: 'true',
      DEMO_DATA: 'false',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      ADMIN_EMAIL: 'bench@example.org',
      ADMIN_PASSWORD: 'bench-password',
      CLAIM_PATH_COUNTS: countsFile,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).on('line', (line) => {
      const found = /"url":"(http:[^"]+)"/.exec(line);
      if (found && line.includes('ready')) resolve(found[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

  async function gql(query, variables, token) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    return { body, statements: Number(response.headers.get('x-sql-statements')) };
  }
  const data = async (query, variables, token) => {
    const { body } = await gql(query, variables, token);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const keyOf = (id) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1];

  async function serverCounts() {
    if (existsSync(countsFile)) await rm(countsFile);
    server.kill('SIGUSR2');
    for (let i = 0; i < 200 && !existsSync(countsFile); i++) await new Promise((r) => setTimeout(r, 10));
    return JSON.parse(readFileSync(countsFile, 'utf8'));
  }

  const results = [];
  try {
    const admin = (await data(`mutation { logIn(email: "bench@example.org", password: "bench-password") { token } }`)).logIn.token;
    const owner = (
      await data(
        `mutation { signUp(input: { email: "owner@claim-path.example.org", password: "bench-password", displayName: "Owner" }) { token } }`,
      )
    ).signUp.token;
    const associations = [];
    for (let i = 0; i < 17; i++) {
      const { id } = (
        await data(
          `mutation ($n: String!) { createAssociation(input: { name: $n, township: "巡场镇", categories: [MEDICAL] }) { id } }`,
          { n: `Claim path ${i}` },
          owner,
        )
      ).createAssociation;
      await data(`mutation ($id: ID!) { verifyAssociation(id: $id) { id } }`, { id }, admin);
      associations.push(id);
    }
    const [requester, ...claimers] = associations;

    /** `count` requests of one slot of `capacity`: [{ slotId, requestId }] as global ids. */
    async function requests(count, capacity) {
      const made = [];
      for (let i = 0; i < count; i += 8) {
        made.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(8, count - i) }, async (_, j) => {
              const { postHelpRequest } = await data(
                `mutation ($input: PostHelpRequestInput!) { postHelpRequest(input: $input) { id slots { id } } }`,
                {
                  input: {
                    associationId: requester,
                    kind: 'MANPOWER',
                    category: 'COMMUNITY_SERVICE',
                    title: `Claim path ${i + j}`,
                    description: 'bench',
                    slots: [{ capacity }],
                  },
                },
                owner,
              );
              return { requestId: postHelpRequest.id, slotId: postHelpRequest.slots[0].id };
            }),
          )),
        );
      }
      return made;
    }

    /** Per client, the claims it makes in order: { slotId, requestId, associationId }. */
    async function plan(mode, claims) {
      const clients = mode === 'hot' ? 16 : 8;
      const rounds = Math.ceil(claims / clients);
      if (mode === 'hot') {
        const slots = await requests(rounds, clients);
        return claimers.slice(0, clients).map((associationId) => slots.map((slot) => ({ ...slot, associationId })));
      }
      const slots = await requests(rounds, clients);
      const stagger = Math.floor(rounds / clients);
      return claimers
        .slice(0, clients)
        .map((associationId, c) => Array.from({ length: rounds }, (_, j) => ({ ...slots[(j + c * stagger) % rounds], associationId })));
    }

    async function ours(clients) {
      const before = await serverCounts();
      const cpu = processTimes(server.pid);
      const database = embedded ? databaseCpu() : null;
      let statements = 0;
      const outcomes = {};
      const started = performance.now();
      await Promise.all(
        clients.map(async (claims) => {
          for (const { slotId, associationId } of claims) {
            const result = await gql(
              `mutation ($input: ClaimInput!) { claim(input: $input) { id quantity status } }`,
              { input: { slotId, associationId, quantity: 1 } },
              owner,
            );
            statements += result.statements;
            const outcome = result.body.errors ? result.body.errors[0].extensions.code : 'OK';
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const times = processTimes(server.pid);
      const databaseSeconds = database === null ? null : databaseCpu() - database;
      const after = await serverCounts();
      const n = clients.flat().length;
      return {
        claimsPerSecond: Math.round(n / seconds),
        outcomes,
        statementsPerClaim: round(statements / n),
        checkoutsPerClaim: round((after.operationCheckouts - before.operationCheckouts) / n),
        allStatementsPerClaim: round((after.statements - before.statements) / n),
        allCheckoutsPerClaim: round((after.checkouts - before.checkouts) / n),
        nodeCpuMsPerClaim: round(((times.user + times.system - cpu.user - cpu.system) * 1000) / n),
        nodeSystemCpuMsPerClaim: round(((times.system - cpu.system) * 1000) / n),
        databaseCpuMsPerClaim: databaseSeconds === null ? null : round((databaseSeconds * 1000) / n),
      };
    }

    async function floor(clients) {
      const planFile = path.join(work, 'floor.json');
      const raw = clients.map((claims) =>
        claims.map((c) => ({ slotId: keyOf(c.slotId), requestId: keyOf(c.requestId), associationId: keyOf(c.associationId) })),
      );
      writeFileSync(planFile, JSON.stringify({ url: databaseUrl, poolSize: POOL, clients: raw }));
      const database = embedded ? databaseCpu() : null;
      const child = spawn(process.execPath, [import.meta.filename, '--floor-worker', planFile], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      if (code !== 0) throw new Error(`floor worker exited with ${code}`);
      const databaseSeconds = database === null ? null : databaseCpu() - database;
      const { seconds, cpuSeconds } = JSON.parse(out);
      const n = raw.flat().length;
      return {
        claimsPerSecond: Math.round(n / seconds),
        statementsPerClaim: 9,
        nodeCpuMsPerClaim: round((cpuSeconds * 1000) / n),
        databaseCpuMsPerClaim: databaseSeconds === null ? null : round((databaseSeconds * 1000) / n),
      };
    }

    // Warm-up: the server's code paths compiled before anything is measured.
    await ours(await plan('spread', 400));

    for (const mode of MODES) {
      for (let pass = 0; pass < PASSES; pass++) {
        const measured = await ours(await plan(mode, CLAIMS));
        const direct = await floor(await plan(mode, CLAIMS));
        const ratio = round(measured.claimsPerSecond / direct.claimsPerSecond);
        const result = { mode, pass: pass + 1, server: measured, floor: direct, ratio };
        results.push(result);
        process.stderr.write(JSON.stringify(result) + '\n');
      }
    }
    const summary = MODES.map((mode) => {
      const passes = results.filter((r) => r.mode === mode);
      const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
      return {
        mode,
        ratio: median(passes.map((r) => r.ratio)),
        claimsPerSecond: median(passes.map((r) => r.server.claimsPerSecond)),
        floorClaimsPerSecond: median(passes.map((r) => r.floor.claimsPerSecond)),
        statementsPerClaim: median(passes.map((r) => r.server.statementsPerClaim)),
        checkoutsPerClaim: median(passes.map((r) => r.server.checkoutsPerClaim)),
        nodeCpuMsPerClaim: median(passes.map((r) => r.server.nodeCpuMsPerClaim)),
        floorNodeCpuMsPerClaim: median(passes.map((r) => r.floor.nodeCpuMsPerClaim)),
        databaseCpuMsPerClaim: median(passes.map((r) => r.server.databaseCpuMsPerClaim)),
        floorDatabaseCpuMsPerClaim: median(passes.map((r) => r.floor.databaseCpuMsPerClaim)),
      };
    });
    console.log(JSON.stringify({ claims: CLAIMS, passes: PASSES, pool: POOL, summary, results }, null, 2));
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    await embedded?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

function round(value) {
  return Math.round(value * 100) / 100;
}

// Last: the constants above are initialised by now.
if (process.argv[2] === '--floor-worker') await floorWorker();
else await main();
