/**
 * A smoke run of `npm run bench` (bench/run.mjs): every kind of workload for
 * about a second, on 300 generated requests, without the peers' install
 * (--no-peers: PostGraphile is left out, the bench's own floors still run).
 * It checks that the bench still drives this server (the operations, the claim
 * mutation, the stats SQL capture, the live feed) and writes results of the
 * expected shape; it measures nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmptyDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { ROOT } from './support/server.js';

interface Ratio {
  median: number | null;
}
interface Results {
  command: string;
  machine: { cpus: string; memoryGiB: number };
  node: string;
  postgres: { version: string };
  data: { counts: { requests: number } };
  missing: string[];
  workloads: Record<
    string,
    {
      sameData?: { ok: boolean };
      sides?: Record<string, { median: { rps: number; serverCpuMsPerRequest: number; ownStatementsPerRequest: number | null } }>;
      ratios?: { a: string; b: string; throughput: Ratio }[];
      sizes?: Record<string, { sameData: { ok: boolean }; ratio: { p99: Ratio; cpuPerDelivery: Ratio } }>;
    }
  >;
}

function bench(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/run.mjs'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('npm run bench', () => {
  test('runs every kind of workload against its floor and writes RESULTS.md and results.json', { timeout: 240_000 }, async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'bench-smoke-'));
    try {
      const databaseUrl = await createEmptyDatabase();
      const run = await bench([
        '--quick',
        '--no-peers',
        '--only',
        'W1,typename,W3,W4spread,W6',
        '--requests',
        '300',
        '--database-url',
        databaseUrl,
        '--out',
        out,
      ]);
      expect(run.stderr).not.toMatch(/failed/);
      expect(run.code).toBe(0);

      const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as Results;
      expect(results.node).toBe(process.versions.node);
      expect(results.data.counts.requests).toBe(300);
      expect(results.missing).toEqual(['PostGraphile 5 and 4 (--no-peers): W1 and W2 measure this server alone.']);
      expect(Object.keys(results.workloads)).toEqual(['W1', 'typename', 'W3', 'W3all', 'W4spread', 'W6']);

      const w1 = results.workloads.W1;
      expect(w1.sameData?.ok).toBe(true);
      expect(w1.sides?.ours.median.rps).toBeGreaterThan(0);
      expect(w1.sides?.ours.median.serverCpuMsPerRequest).toBeGreaterThan(0);
      expect(w1.sides?.ours.median.ownStatementsPerRequest).toBe(1);
      for (const [id, peer] of [
        ['typename', 'apollo'],
        ['W3', 'floor'],
        ['W4spread', 'floor'],
      ]) {
        const workload = results.workloads[id];
        expect(workload.sameData?.ok, id).toBe(true);
        expect(
          workload.ratios?.map((ratio) => [ratio.a, ratio.b]),
          id,
        ).toEqual([['ours', peer]]);
        expect(workload.ratios?.[0].throughput.median, id).toBeGreaterThan(0);
      }
      for (const size of ['50', '200']) {
        const fanout = results.workloads.W6.sizes?.[size];
        expect(fanout?.sameData.ok, size).toBe(true);
        expect(fanout?.ratio.p99.median, size).toBeGreaterThan(0);
      }

      const markdown = await readFile(path.join(out, 'RESULTS.md'), 'utf8');
      expect(markdown).toContain('## Every ratio');
      expect(markdown).toContain(results.command);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
