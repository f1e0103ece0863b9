/**
 * bench/results.json (everything measured, pass by pass) and bench/RESULTS.md
 * (the tables: per workload and side, then every ratio).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { medians, outcomeTotals, ratioOf, round } from './passes.mjs';

/** What each side is called in the tables. */
export const SIDE_NAMES = {
  ours: 'this server',
  oursMember: 'this server, as a member, with contact',
  oursLimits: 'this server, rate limits on',
  pg5: 'PostGraphile 5.1.5',
  pg4: 'PostGraphile 4.14.1',
  apollo: 'bare Apollo Server 5',
  floor: 'floor',
};

/** Summaries of one HTTP workload: per side medians and outcomes, and the ratios asked for. */
export function summarizeHttp(workload, output) {
  const sides = {};
  for (const [key, passes] of Object.entries(output.results)) {
    sides[key] = { median: medians(passes), outcomes: outcomeTotals(passes), passes };
  }
  const ratios = [];
  for (const [a, b] of workload.ratios) {
    if (!output.results[a] || !output.results[b]) continue;
    ratios.push({
      a,
      b,
      throughput: ratioOf(output.results[a], output.results[b], 'rps'),
      serverCpu: ratioOf(output.results[a], output.results[b], 'serverCpuMsPerRequest'),
      p99: ratioOf(output.results[a], output.results[b], 'p99'),
    });
  }
  return { id: workload.id, title: workload.title, clients: output.clients, sameData: output.sameData, sides, ratios, extra: output.extra };
}

/** Summaries of W6: per size, per side medians, and ours against the floor. */
export function summarizeFanout(workload, output) {
  const sizes = {};
  for (const [n, one] of Object.entries(output)) {
    const sides = {};
    for (const [key, passes] of Object.entries(one.results)) {
      // The payloads and errors are for the same-data check; the tables take the numbers.
      const numeric = passes.map((pass) => Object.fromEntries(Object.entries(pass).filter(([, value]) => typeof value === 'number')));
      sides[key] = { median: medians(numeric), passes: numeric };
    }
    const ratio = one.results.floor
      ? {
          p99: ratioOf(one.results.ours, one.results.floor, 'deliveryP99'),
          p50: ratioOf(one.results.ours, one.results.floor, 'deliveryP50'),
          cpuPerDelivery: ratioOf(one.results.ours, one.results.floor, 'cpuUsPerDelivery'),
          rssKbPerConnectionOver: (sides.ours.median.rssKbPerConnection ?? 0) - (sides.floor.median.rssKbPerConnection ?? 0),
        }
      : null;
    sizes[n] = { sameData: one.sameData, sides, ratio };
  }
  return { id: workload.id, title: workload.title, sizes };
}

const fmt = (value, digits = 2) => (value === null || value === undefined ? '-' : String(round(value, digits)));
const x = (ratio) => (ratio?.median === null || ratio?.median === undefined ? '-' : `${round(ratio.median, 2)}x`);
const notOk = (outcomes) =>
  Object.entries(outcomes ?? {})
    .filter(([outcome]) => outcome !== 'OK')
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(', ') || '0';

function httpSection(summary) {
  const lines = [
    `### ${summary.id}: ${summary.title}`,
    '',
    `Same data: ${summary.sameData.ok ? 'yes' : '**NO**'}${summary.sameData.samples ? ` (${summary.sameData.samples} samples)` : ''}${summary.sameData.detail ? `; ${summary.sameData.detail}` : ''}.`,
    '',
    '| side | req/s | p50 ms | p99 ms | SQL statements/req | server CPU ms/req | database CPU ms/req | database time ms/req | requests | not OK |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [key, side] of Object.entries(summary.sides)) {
    const m = side.median;
    const statements =
      m.ownStatementsPerRequest !== null && m.ownStatementsPerRequest !== undefined
        ? `${fmt(m.statementsPerRequest, 1)} (own count ${fmt(m.ownStatementsPerRequest, 1)})`
        : fmt(m.statementsPerRequest, 1);
    const total = side.passes.reduce((sum, pass) => sum + pass.requests, 0);
    lines.push(
      `| ${SIDE_NAMES[key] ?? key} | ${fmt(m.rps, 0)} | ${fmt(m.p50, 1)} | ${fmt(m.p99, 1)} | ${statements} | ${fmt(m.serverCpuMsPerRequest, 3)} | ${fmt(m.dbCpuMsPerRequest, 3)} | ${fmt(m.dbExecMsPerRequest, 3)} | ${total} | ${notOk(side.outcomes)} |`,
    );
  }
  if (summary.extra?.oneClient) {
    lines.push(
      '',
      'One client, one load at a time (what a load costs the database when it waits for nothing):',
      '',
      '| side | loads | p50 ms | database time ms/load | database CPU ms/load | SQL statements/load | server CPU ms/load |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const [key, one] of Object.entries(summary.extra.oneClient)) {
      lines.push(
        `| ${SIDE_NAMES[key] ?? key} | ${one.requests} | ${fmt(one.p50, 1)} | ${fmt(one.dbExecMsPerRequest, 1)} | ${fmt(one.dbCpuMsPerRequest, 1)} | ${fmt(one.statementsPerRequest, 1)} | ${fmt(one.serverCpuMsPerRequest, 2)} |`,
      );
    }
  }
  for (const ratio of summary.ratios) {
    lines.push(
      '',
      `${SIDE_NAMES[ratio.a]} / ${SIDE_NAMES[ratio.b]}: throughput **${x(ratio.throughput)}** (per pass ${ratio.throughput.perPass.join(', ')}), server CPU per request ${x(ratio.serverCpu)}, p99 ${x(ratio.p99)}.`,
    );
  }
  return lines.join('\n');
}

function fanoutSection(summary) {
  const lines = [
    `### ${summary.id}: ${summary.title}`,
    '',
    '| subscribers | side | delivery p50 ms | delivery p99 ms | last delivery ms (median of events) | server CPU us/delivery | server RSS KB/connection | deliveries |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [n, size] of Object.entries(summary.sizes)) {
    for (const [key, side] of Object.entries(size.sides)) {
      const m = side.median;
      const deliveries = side.passes.reduce((sum, pass) => sum + pass.deliveries, 0);
      lines.push(
        `| ${n} | ${SIDE_NAMES[key] ?? key} | ${fmt(m.deliveryP50, 1)} | ${fmt(m.deliveryP99, 1)} | ${fmt(m.lastDeliveryMedian, 1)} | ${fmt(m.cpuUsPerDelivery, 1)} | ${fmt(m.rssKbPerConnection, 1)} | ${deliveries} |`,
      );
    }
  }
  lines.push('');
  for (const [n, size] of Object.entries(summary.sizes)) {
    const same = `same payloads: ${size.sameData.ok ? 'yes' : `**NO** (${size.sameData.detail})`}`;
    if (!size.ratio) {
      lines.push(`- ${n} subscribers: ${same}.`);
      continue;
    }
    lines.push(
      `- ${n} subscribers, this server / floor: p99 **${x(size.ratio.p99)}** (per pass ${size.ratio.p99.perPass.join(', ')}), p50 ${x(size.ratio.p50)}, CPU per delivery **${x(size.ratio.cpuPerDelivery)}**, RSS per connection this server's minus the floor's ${fmt(size.ratio.rssKbPerConnectionOver, 1)} KB; ${same}.`,
    );
  }
  return lines.join('\n');
}

/** The one table of every ratio, for the top of RESULTS.md. */
function ratioTable(summaries) {
  const lines = [
    '| workload | this server vs | throughput ratio | server CPU per request, ratio | p99 ratio | this server req/s | peer req/s | SQL statements/req (this server / peer) | same data |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const summary of summaries) {
    if (summary.sizes) {
      for (const [n, size] of Object.entries(summary.sizes)) {
        if (!size.ratio) continue;
        const ours = size.sides.ours.median;
        const floor = size.sides.floor.median;
        lines.push(
          `| ${summary.id} ${n} subscribers | bare graphql-ws | - | ${x(size.ratio.cpuPerDelivery)} per delivery (${fmt(ours.cpuUsPerDelivery, 0)} vs ${fmt(floor.cpuUsPerDelivery, 0)} us) | ${x(size.ratio.p99)} (${fmt(ours.deliveryP99, 0)} vs ${fmt(floor.deliveryP99, 0)} ms) | - | - | RSS/connection ${fmt(ours.rssKbPerConnection, 1)} vs ${fmt(floor.rssKbPerConnection, 1)} KB | ${size.sameData.ok ? 'yes' : 'NO'} |`,
        );
      }
      continue;
    }
    for (const ratio of summary.ratios) {
      const a = summary.sides[ratio.a].median;
      const b = summary.sides[ratio.b].median;
      lines.push(
        `| ${summary.id} | ${ratio.a === 'ours' ? SIDE_NAMES[ratio.b] : `${SIDE_NAMES[ratio.a]} vs ${SIDE_NAMES[ratio.b]}`} | **${x(ratio.throughput)}** | ${x(ratio.serverCpu)} | ${x(ratio.p99)} | ${fmt(a.rps, 0)} | ${fmt(b.rps, 0)} | ${fmt(a.statementsPerRequest, 1)} / ${fmt(b.statementsPerRequest, 1)} | ${summary.sameData.ok ? 'yes' : 'NO'} |`,
      );
    }
  }
  return lines.join('\n');
}

/**
 * RESULTS.md is written anew by every run; what people write about the
 * numbers (a missed target, the profile that explains it) lives in
 * bench/RESULTS.notes.md, which is copied in at the end when it exists.
 */
const NOTES = path.join(import.meta.dirname, '..', 'RESULTS.notes.md');

export async function writeResults(outDir, run, summaries) {
  const notes = await readFile(NOTES, 'utf8').catch(() => null);
  const json = { ...run, workloads: Object.fromEntries(summaries.map((summary) => [summary.id, summary])) };
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'results.json'), JSON.stringify(json, null, 2) + '\n');
  const md = [
    '# Benchmark: this server against its peers, in one run',
    '',
    `Written by \`${run.command}\` (bench/run.mjs) on ${run.date}; the run took ${run.durationMinutes} min. Do not edit: run it again (notes by hand go in bench/RESULTS.notes.md, copied in below).`,
    '',
    `- Machine: ${run.machine.cpus}, ${run.machine.memoryGiB} GiB, ${run.machine.os}; load average (1, 5, 15 min) ${run.machine.loadAverage.atStart.join(', ')} at the start, ${run.machine.loadAverage.atEnd.join(', ')} at the end (the bench's own processes included). Every server and load generator on Node ${run.node}, loopback only.`,
    `- PostgreSQL ${run.postgres.version} (${run.postgres.kind}), jit ${run.postgres.jit}, shared_buffers ${run.postgres.sharedBuffers}, work_mem ${run.postgres.workMem}; pg_stat_statements for statements and database time.`,
    `- Data: \`${run.data.command}\`: ${run.data.summary} (generated in ${run.data.seconds} s), then the bench's own users, claiming associations and requests for W4 and W6, added after the reads and the dashboards ran.`,
    `- Method: ${run.method}`,
    '',
    '## Every ratio',
    '',
    'Throughput: this server over the peer (above 1: this server is faster). CPU and p99: this server over the peer (above 1: this server costs more). Medians of the per-pass ratios.',
    '',
    ratioTable(summaries),
    '',
    '## Workloads',
    '',
    ...summaries.flatMap((summary) => [summary.sizes ? fanoutSection(summary) : httpSection(summary), '']),
    '## Not measured, or with a caveat',
    '',
    ...(run.missing.length ? run.missing.map((line) => `- ${line}`) : ['- Nothing missing.']),
    ...run.notes.map((line) => `- ${line}`),
    '',
    ...(notes ? ['## Notes (bench/RESULTS.notes.md, written by hand)', '', notes.trim(), ''] : []),
    '## Earlier measurements',
    '',
    '- The dashboard SQL, its plans and the stats index: [stats-results.md](stats-results.md) (`npm run bench:stats`).',
    '- Claims under contention, the first measurement: [claims.results.md](claims.results.md).',
    '',
  ].join('\n');
  await writeFile(path.join(outDir, 'RESULTS.md'), md);
}
