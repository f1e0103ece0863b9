#!/usr/bin/env node
/**
 * W6 of issue 16: one event to N graphql-ws subscribers, this server against a
 * bare graphql-ws fan-out (the floor), in one run. Self-contained: the floor
 * server and the load clients are this same file started in other roles.
 *
 *   npm run build:server
 *   node_modules/.bin/node bench/fanout.mjs [--subscribers 1000,5000] [--events 8]
 *        [--client-procs 4] [--classes anonymous|mixed|both] [--no-floor]
 *        [--compare path/to/other/dist/src/main.js] [--compare-name NAME] [--no-this]
 *        [--json out.json]
 *
 * For each server (floor, this build, optionally --compare's build) and each
 * subscriber count: N sockets in --client-procs child processes each subscribe
 * with the same document and variables; two warm-up events (every subscription
 * is live afterwards, the path compiled), then --events events one at a time.
 * Per event: delivery latency of every socket (arrival in the client minus the
 * moment the trigger was sent: a claim over HTTP here, a publish over HTTP on
 * the floor), and the same from the first socket's arrival (the fan-out alone,
 * without the claim's transaction, NOTIFY and the hub's read); the server's CPU
 * (utime+stime of its process, /proc/<pid>/stat, 10 ms ticks) divided by N;
 * and, after connecting, the server's RSS growth divided by N. Medians over the
 * events are reported. Clients check what each socket received: `contact` as
 * its class may see it (anonymous and a bystander association's owner: null;
 * the requester's owner and an administrator: the contact). --classes mixed
 * spreads the sockets round-robin over those four classes; the floor knows no
 * classes and always runs anonymous ones. Clients share the machine's cores
 * with the server: compare within one run.
 *
 * Loopback only; every wait is bounded; the embedded PostgreSQL of each
 * server lives in a scratch DATA_DIR removed at the end.
 */
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = parseArgs(process.argv.slice(2));
const role = args.role ?? 'main';

const DOCUMENT = `subscription Feed($after: String, $filter: RequestEventFilter) {
  requestEvents(after: $after, filter: $filter) {
    cursor
    type
    occurredAt
    request { id title status remaining contact }
  }
}`;
const CONTACT = '病房 3-12, 值班电话 0831-1234567';
const CLASSES = ['anonymous', 'member', 'admin', 'bystander'];
/** What each class may see of the request's contact (api.md: HelpRequest.contact). */
const EXPECTED_CONTACT = { anonymous: null, member: CONTACT, admin: CONTACT, bystander: null };

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    if (!list[i].startsWith('--')) continue;
    const key = list[i].slice(2);
    const value = list[i + 1] && !list[i + 1].startsWith('--') ? list[++i] : 'true';
    out[key] = value;
  }
  return out;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))),
  ]);
}

// ---------------------------------------------------------------------------
// Role "clients": a share of the sockets, in a process of its own.
// ---------------------------------------------------------------------------
async function runClients() {
  const { default: WebSocket } = await import('ws');
  const setup = await new Promise((resolve) => process.once('message', resolve));
  const { wsUrl, classes, tokens, variables, checkContact } = setup;
  const sockets = [];
  let closing = false;
  /** arrivals[event][socket] */
  const arrivals = [];
  const problems = { wrongContact: 0, errors: 0, closed: 0, firstError: null };
  const seen = [];
  /** Sockets whose subscription ended (an error, a close): they are not waited for. */
  let ended = 0;
  let current = 0;
  const reported = new Set();

  const maybeDone = (event) => {
    if (event !== current || reported.has(event) || (seen[event] ?? 0) + ended < classes.length) return;
    reported.add(event);
    process.send({ type: 'done', event, arrivals: (arrivals[event] ?? []).filter((at) => at !== undefined) });
  };
  const end = (what) => {
    problems.firstError ??= what;
    ended += 1;
    maybeDone(current);
  };

  const open = (index, attempt = 0) =>
    new Promise((resolve, reject) => {
      const cls = classes[index];
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
      let acknowledged = false;
      let received = 0;
      socket.on('open', () => {
        socket.send(JSON.stringify({ type: 'connection_init', payload: tokens[cls] ? { authorization: `Bearer ${tokens[cls]}` } : {} }));
      });
      socket.on('message', (data) => {
        const at = now();
        const message = JSON.parse(data.toString());
        if (message.type === 'connection_ack') {
          acknowledged = true;
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: DOCUMENT, variables } }));
          resolve();
        } else if (message.type === 'next') {
          const event = received++;
          (arrivals[event] ??= [])[index] = at;
          if (message.payload.errors) problems.errors += 1;
          else if (checkContact && message.payload.data.requestEvents.request.contact !== EXPECTED_CONTACT[cls]) problems.wrongContact += 1;
          seen[event] = (seen[event] ?? 0) + 1;
          maybeDone(event);
        } else if (message.type === 'error') {
          problems.errors += 1;
          end(JSON.stringify(message.payload).slice(0, 300));
        } else if (message.type === 'ping') {
          socket.send(JSON.stringify({ type: 'pong' }));
        }
      });
      socket.on('error', reject);
      socket.on('close', (code, reason) => {
        if (acknowledged) {
          problems.closed += 1;
          if (!closing) end(`closed ${code} ${reason}`);
          return;
        }
        // 1013: try again later (the server's pool was busy authenticating the others), as a client would.
        if (code === 1013 && attempt < 20) setTimeout(() => open(index, attempt + 1).then(resolve, reject), 250 * (attempt + 1));
        else reject(new Error(`socket ${index} (${cls}) closed: ${code} ${reason}`));
      });
      sockets[index] = socket;
    });

  // Connect in waves so the server's accept queue and authentication keep up.
  for (let i = 0; i < classes.length; i += 50) {
    await Promise.all(classes.slice(i, i + 50).map((_, j) => open(i + j)));
  }
  process.send({ type: 'ready' });
  process.on('message', (message) => {
    if (message.type === 'expect') {
      current = message.event;
      maybeDone(current);
    }
    if (message.type === 'problems') process.send({ type: 'problems', problems });
    if (message.type === 'close') {
      closing = true;
      for (const socket of sockets) socket.close(1000);
      setTimeout(() => process.exit(0), 500);
    }
  });
}

// ---------------------------------------------------------------------------
// Role "floor": a bare graphql-ws server with the same document's shape.
// ---------------------------------------------------------------------------
async function runFloor() {
  const { buildSchema } = await import('graphql');
  const { WebSocketServer } = await import('ws');
  const { useServer } = await import('graphql-ws/use/ws');
  const schema = buildSchema(`
    input RequestEventFilter { requestIds: [ID!] types: [String!] }
    type HelpRequest { id: ID! title: String! status: String! remaining: Int! contact: String }
    type RequestEvent { cursor: String! type: String! occurredAt: String! request: HelpRequest! }
    type Query { ok: Boolean }
    type Subscription { requestEvents(after: String, filter: RequestEventFilter): RequestEvent! }
  `);
  const subscribers = new Set();
  // One queue per subscription, fed by publish: the plainest pub/sub there is.
  schema.getSubscriptionType().getFields().requestEvents.subscribe = () => {
    const queue = [];
    let wake = null;
    const entry = {
      push(value) {
        queue.push(value);
        wake?.();
      },
    };
    subscribers.add(entry);
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        while (queue.length === 0) await new Promise((resolve) => (wake = resolve));
        return { value: queue.shift(), done: false };
      },
      async return() {
        subscribers.delete(entry);
        wake?.();
        return { value: undefined, done: true };
      },
    };
  };
  schema.getSubscriptionType().getFields().requestEvents.resolve = (event) => event;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const event = JSON.parse(body);
      for (const subscriber of subscribers) subscriber.push(event);
      res.end('{}');
    });
  });
  useServer({ schema }, new WebSocketServer({ server, path: '/graphql' }));
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ ready: true, url: `http://127.0.0.1:${server.address().port}/graphql` }));
  });
}

// ---------------------------------------------------------------------------
// Role "main": servers, scenario, measurements.
// ---------------------------------------------------------------------------
function procStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10; // ms
}

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

function readyUrl(child, pattern) {
  return new Promise((resolve, reject) => {
    const lines = [];
    for (const stream of [child.stdout, child.stderr].filter(Boolean)) {
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        const found = pattern.exec(line);
        if (found) resolve(found[1]);
      });
    }
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${lines.slice(-20).join('\n')}`)));
  });
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await withTimeout(exited, 30_000, 'server shutdown').catch(() => child.kill('SIGKILL'));
}

async function startFloor() {
  const child = spawn(process.execPath, [import.meta.filename, '--role', 'floor'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await withTimeout(readyUrl(child, /"url":"(http:[^"]+)"/), 30_000, 'floor start');
  let seq = 0;
  return {
    name: 'bare graphql-ws',
    pid: child.pid,
    wsUrl: url.replace(/^http/, 'ws'),
    tokens: {},
    variables: async () => ({}),
    checkContact: false,
    classSets: [['anonymous']],
    async trigger() {
      seq += 1;
      const event = {
        cursor: `ev${seq}`,
        type: 'CLAIMED',
        occurredAt: new Date().toISOString(),
        request: { id: 'r1', title: '县医院夜间陪护', status: 'OPEN', remaining: 99, contact: CONTACT },
      };
      await fetch(url.replace('/graphql', '/publish'), { method: 'POST', body: JSON.stringify(event) });
    },
    stop: () => stopChild(child),
  };
}

async function startThisServer(name, main, classSets) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-fanout-'));
  const child = spawn(process.execPath, ['--max-semi-space-size=64', main], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      RATE_LIMITS: 'false',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      WS_MAX_SOCKETS_PER_CALLER: '100000',
      ADMIN_EMAIL: 'bench@example.org',
      ADMIN_PASSWORD: 'bench-password',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await withTimeout(readyUrl(child, /"url":"(http:[^"]+)"/), 180_000, `${name} start`);
  const gql = async (query, variables, token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const admin = (await gql(`mutation { logIn(email: "bench@example.org", password: "bench-password") { token } }`)).logIn.token;
  const signUp = async (who) =>
    (
      await gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { token } }`, {
        input: { email: `${who}@bench.example.org`, password: 'bench-password', displayName: who },
      })
    ).signUp.token;
  const association = async (owner, name) => {
    const { id } = (
      await gql(
        `mutation ($input: CreateAssociationInput!) { createAssociation(input: $input) { id } }`,
        { input: { name, township: '巡场镇', categories: ['MEDICAL'] } },
        owner,
      )
    ).createAssociation;
    await gql(`mutation ($id: ID!) { verifyAssociation(id: $id) { id } }`, { id }, admin);
    return id;
  };
  const [requesterOwner, helperOwner, bystanderOwner] = [await signUp('requester'), await signUp('helper'), await signUp('bystander')];
  const requester = await association(requesterOwner, '巡场义工协会');
  const helper = await association(helperOwner, '上罗互助协会');
  await association(bystanderOwner, '孝儿镇志愿者协会');
  const posted = (
    await gql(
      `mutation ($input: PostHelpRequestInput!) { postHelpRequest(input: $input) { id slots { id } } }`,
      {
        input: {
          associationId: requester,
          kind: 'PATIENT_GUARD',
          category: 'MEDICAL',
          title: '县医院夜间陪护',
          description: 'bench',
          contact: CONTACT,
          slots: Array.from({ length: 100 }, () => ({ capacity: 10 })),
        },
      },
      requesterOwner,
    )
  ).postHelpRequest;
  let slot = 0;
  return {
    name,
    pid: child.pid,
    wsUrl: url.replace(/^http/, 'ws'),
    tokens: { member: requesterOwner, admin, bystander: bystanderOwner },
    // `after` the head: a subscription the server registers late still gets the warm-up event (by replay).
    variables: async () => ({
      after: (await gql(`{ requestEventsHead }`)).requestEventsHead,
      filter: { requestIds: [posted.id], types: ['CLAIMED'] },
    }),
    checkContact: true,
    classSets,
    async trigger() {
      const slotId = posted.slots[slot++ % posted.slots.length].id;
      await gql(
        `mutation ($input: ClaimInput!) { claim(input: $input) { id } }`,
        {
          input: { slotId, associationId: helper, quantity: 1 },
        },
        helperOwner,
      );
    },
    async stop() {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function fanout(server, count, classSet, events, procs) {
  const children = [];
  try {
    return await measure(server, count, classSet, events, procs, children);
  } finally {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  }
}

async function measure(server, count, classSet, events, procs, children) {
  const rssBefore = rssKb(server.pid);
  const classes = Array.from({ length: count }, (_, i) => classSet[i % classSet.length]);
  const variables = await server.variables();
  const share = Math.ceil(count / procs);
  for (let p = 0; p < procs; p++) {
    const first = p * share;
    const mine = classes.slice(first, first + share);
    if (mine.length === 0) continue;
    const child = fork(import.meta.filename, ['--role', 'clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const waiting = new Map();
    let exited = null;
    child.on('message', (message) => {
      const key = message.type === 'done' ? `done:${message.event}` : message.type;
      waiting.get(key)?.resolve(message);
      waiting.delete(key);
    });
    // A client process that dies fails what waits on it at once, not at the timeout.
    child.once('exit', (code) => {
      exited = new Error(`a client process exited with ${code}`);
      for (const { reject } of waiting.values()) reject(exited);
      waiting.clear();
    });
    const expect = (key) =>
      new Promise((resolve, reject) => {
        if (exited) reject(exited);
        else waiting.set(key, { resolve, reject });
      });
    const ready = expect('ready');
    child.send({ wsUrl: server.wsUrl, classes: mine, first, tokens: server.tokens, variables, checkContact: server.checkContact });
    children.push({ child, expect, ready });
  }
  await withTimeout(Promise.all(children.map((c) => c.ready)), 300_000, `${count} sockets connecting`);

  const deliver = async (event) => {
    const done = children.map((c) => c.expect(`done:${event}`));
    for (const c of children) c.child.send({ type: 'expect', event });
    const cpuBefore = procStat(server.pid);
    const sent = now();
    await server.trigger();
    const reports = await withTimeout(Promise.all(done), 120_000, `event ${event} reaching ${count} sockets`);
    await sleep(200); // send callbacks and the garbage of this event, still inside the measured CPU
    const cpuMs = procStat(server.pid) - cpuBefore;
    const latencies = reports.flatMap((r) => r.arrivals.map((at) => at - sent)).sort((a, b) => a - b);
    return { cpuMs, latencies };
  };

  // Warm-up: from here on every subscription is live, and the delivery path is compiled.
  for (let e = 0; e < WARM_UP; e++) {
    await deliver(e);
    await sleep(500);
  }
  await sleep(1000);
  const rssAfter = rssKb(server.pid);
  const measured = [];
  for (let e = WARM_UP; e < WARM_UP + events; e++) {
    measured.push(await deliver(e));
    await sleep(500);
  }
  const problems = await Promise.all(
    children.map((c) => {
      const reply = c.expect('problems');
      c.child.send({ type: 'problems' });
      return reply;
    }),
  );
  await Promise.all(
    children.map(async (c) => {
      const exit = new Promise((resolve) => c.child.once('exit', resolve));
      c.child.send({ type: 'close' });
      await exit;
    }),
  );
  await sleep(1000);
  const sum = (key) => problems.reduce((total, p) => total + p.problems[key], 0);
  return {
    server: server.name,
    subscribers: count,
    classes: classSet.join('+'),
    p50Ms: round(median(measured.map((m) => percentile(m.latencies, 0.5)))),
    p99Ms: round(median(measured.map((m) => percentile(m.latencies, 0.99)))),
    maxMs: round(median(measured.map((m) => m.latencies.at(-1)))),
    // From the first socket's arrival: the fan-out alone, without the trigger's own path (a claim's
    // transaction, NOTIFY and the hub's read here; an HTTP publish on the floor).
    firstMs: round(median(measured.map((m) => m.latencies[0]))),
    p99SpreadMs: round(median(measured.map((m) => percentile(m.latencies, 0.99) - m.latencies[0]))),
    cpuUsPerDelivery: round(median(measured.map((m) => (m.cpuMs * 1000) / count))),
    rssKbPerConnection: round((rssAfter - rssBefore) / count),
    perEvent: measured.map((m) => ({
      p50: round(percentile(m.latencies, 0.5)),
      p99: round(percentile(m.latencies, 0.99)),
      first: round(m.latencies[0]),
      cpuMs: m.cpuMs,
    })),
    wrongContact: sum('wrongContact'),
    errors: sum('errors'),
    closedByServer: sum('closed'),
    firstError: problems.map((p) => p.problems.firstError).find(Boolean) ?? null,
  };
}

const round = (x) => Math.round(x * 10) / 10;
const WARM_UP = 2;

async function runMain() {
  const sizes = (args.subscribers ?? '1000,5000').split(',').map(Number);
  const events = Number(args.events ?? 8);
  const procs = Number(args['client-procs'] ?? 4);
  const classMode = args.classes ?? 'both';
  const classSets = [
    ...(classMode === 'anonymous' || classMode === 'both' ? [['anonymous']] : []),
    ...(classMode === 'mixed' || classMode === 'both' ? [CLASSES] : []),
  ];
  const starters = [];
  if (args['no-floor'] !== 'true') starters.push(() => startFloor());
  if (args['no-this'] !== 'true') starters.push(() => startThisServer('this build', path.join(ROOT, 'dist/src/main.js'), classSets));
  if (args.compare) starters.push(() => startThisServer(args['compare-name'] ?? 'compared build', path.resolve(args.compare), classSets));

  const results = [];
  for (const start of starters) {
    const server = await start();
    try {
      for (const count of sizes) {
        for (const classSet of server.classSets) {
          const result = await fanout(server, count, classSet, events, procs);
          results.push(result);
          console.error(JSON.stringify({ ...result, perEvent: undefined }));
        }
      }
    } finally {
      await server.stop();
    }
  }

  const floor = (count) => results.find((r) => r.server === 'bare graphql-ws' && r.subscribers === count);
  const lines = [
    '| server | subscribers | classes | p50 ms | p99 ms | first ms | p99 − first ms | CPU µs/delivery | RSS KB/conn | p99 / floor | spread / floor | CPU / floor | RSS − floor KB | wrong contact | errors | closed |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const f = floor(r.subscribers);
    const ratio = (key) => (f ? `${(r[key] / f[key]).toFixed(2)}x` : '-');
    const rss = f ? round(r.rssKbPerConnection - f.rssKbPerConnection) : '-';
    lines.push(
      `| ${r.server} | ${r.subscribers} | ${r.classes} | ${r.p50Ms} | ${r.p99Ms} | ${r.firstMs} | ${r.p99SpreadMs} | ${r.cpuUsPerDelivery} | ${r.rssKbPerConnection} | ${ratio('p99Ms')} | ${ratio('p99SpreadMs')} | ${ratio('cpuUsPerDelivery')} | ${rss} | ${r.wrongContact} | ${r.errors} | ${r.closedByServer} |`,
    );
  }
  console.log(lines.join('\n'));
  if (args.json) await writeFile(args.json, JSON.stringify({ command: process.argv.slice(1).join(' '), results }, null, 2));
}

if (role === 'clients') await runClients();
else if (role === 'floor') await runFloor();
else await runMain();
