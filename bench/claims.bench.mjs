#!/usr/bin/env node
/**
 * Claims and nested reads under load, through real HTTP on a real server
 * process with its embedded PostgreSQL (or DATABASE_URL).
 *
 *   npm run build && node bench/claims.bench.mjs [--clients 16] [--claims 2000]
 *
 * Measures: claim throughput and latency with many clients racing on the same
 * requests (every slot ends exactly full; the run checks it), and the latency of
 * a nested read (20 requests with requester, slots, claims and claimants).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const CLIENTS = Number(args.clients ?? 16);
const CLAIMS = Number(args.claims ?? 2000);
const root = path.resolve(import.meta.dirname, '..');

const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-claims-'));
const server = spawn(process.execPath, ['--max-semi-space-size=64', path.join(root, 'dist/src/main.js')], {
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    DEMO_DATA: 'false',
    LOG_FORMAT: 'json',
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'bench-password',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) =>
  createInterface({ input: server.stdout }).on('line', (line) => {
    const found = /"url":"(http:[^"]+)"/.exec(line);
    if (found) resolve(found[1]);
  }),
);

async function gql(query, variables, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

try {
  const admin = (await gql(`mutation { logIn(email: "bench@example.org", password: "bench-password") { token } }`)).data.logIn.token;
  const owner = (
    await gql(
      `mutation { signUp(input: { email: "owner@bench.example.org", password: "bench-password", displayName: "Owner" }) { token } }`,
    )
  ).data.signUp.token;
  const associations = [];
  for (let i = 0; i < CLIENTS + 1; i++) {
    const id = (
      await gql(
        `mutation ($n: String!) { createAssociation(input: { name: $n, township: "巡场镇", categories: [MEDICAL] }) { id } }`,
        { n: `Bench ${i}` },
        owner,
      )
    ).data.createAssociation.id;
    await gql(`mutation ($id: ID!) { verifyAssociation(id: $id) { id } }`, { id }, admin);
    associations.push(id);
  }
  const [requester, ...claimers] = associations;
  // Requests of 10 slots of capacity 10: CLAIMS claims of 1 fill CLAIMS/100 requests.
  const slots = [];
  for (let r = 0; r < Math.ceil(CLAIMS / 100); r++) {
    const posted = await gql(
      `mutation ($input: PostHelpRequestInput!) { postHelpRequest(input: $input) { slots { id } } }`,
      {
        input: {
          associationId: requester,
          kind: 'MANPOWER',
          category: 'COMMUNITY_SERVICE',
          title: `Bench ${r}`,
          description: 'bench',
          slots: Array.from({ length: 10 }, () => ({ capacity: 10 })),
        },
      },
      owner,
    );
    slots.push(...posted.data.postHelpRequest.slots.map((s) => s.id));
  }

  // Every client claims 1 on each slot in turn (one ACTIVE claim per association and slot),
  // all clients racing on the same slots: more claims than capacity, so some are refused.
  const latencies = [];
  const outcomes = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    claimers.map(async (associationId) => {
      for (;;) {
        const i = next++;
        if (i >= CLAIMS) return;
        const slotId = slots[Math.floor(i / CLIENTS) % slots.length];
        const t = performance.now();
        const result = await gql(
          `mutation ($input: ClaimInput!) { claim(input: $input) { id } }`,
          { input: { slotId, associationId, quantity: 1 } },
          owner,
        );
        latencies.push(performance.now() - t);
        const outcome = result.errors ? result.errors[0].extensions.code : 'OK';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const read = `{ helpRequests(first: 20) { edges { node { title requester { name } slots { remaining claims { quantity association { name } } } } } } }`;
  for (let i = 0; i < 20; i++) await gql(read); // warm-up
  const readLatencies = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await gql(read);
    readLatencies.push(performance.now() - t);
  }
  const check = await gql(`{ helpRequests(first: 100) { edges { node { capacity claimed slots { capacity claimed } } } } }`);
  const overCommitted = check.data.helpRequests.edges.flatMap((e) => e.node.slots).filter((s) => s.claimed > s.capacity).length;

  console.log(
    JSON.stringify(
      {
        clients: CLIENTS,
        claims: CLAIMS,
        seconds: Number(seconds.toFixed(2)),
        claimsPerSecond: Math.round(CLAIMS / seconds),
        claimLatencyMs: { p50: Number(percentile(latencies, 0.5).toFixed(1)), p95: Number(percentile(latencies, 0.95).toFixed(1)) },
        outcomes,
        overCommittedSlots: overCommitted,
        nestedReadLatencyMs: {
          p50: Number(percentile(readLatencies, 0.5).toFixed(1)),
          p95: Number(percentile(readLatencies, 0.95).toFixed(1)),
        },
      },
      null,
      2,
    ),
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
