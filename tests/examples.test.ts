/**
 * The examples (examples/*.ts) run as a reader runs them: each script in a
 * child process on the project's Node (type stripping, no build), against a
 * real server with the demo data, one after the other on that one server as on
 * `npm start`. Their output is checked, and what they did through the API.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { onTestFinished } from 'vitest';
import { dataOf, gql } from './support/client.js';
import { allEvents } from './support/events.js';
import { describe, expect, test } from './support/fixtures.js';
import { logIn } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { ROOT } from './support/server.js';
import { DEMO_PASSWORD, demoEmail } from '../src/modules/demo/demo-data.js';
import {
  ClaimOutcomeDocument,
  CountyStatsDocument,
  CurrentApiKeyDocument,
  MyAssociationsDocument,
  RequestEventsHeadDocument,
  RotaDocument,
  type PostHelpRequestInput,
  type RequestEventFilter,
} from './generated/graphql.js';

// No expiry job during the tests: the examples' output is compared with the event log, which
// then holds only what the examples and the tests did.
test.override('serverEnv', { DEMO_DATA: 'true', EXPIRY_INTERVAL_MS: '86400000' });
// The server starts, and loads a year of demo history, before the first example: longer than a test may take.
test.beforeAll(async ({ url }) => {
  expect(url).toMatch(/^http:/);
}, 300_000);

interface Run {
  code: number | null;
  /** Every line the script printed on stdout. */
  lines: string[];
  stderr: string;
}

/** Starts `node examples/<script>` against the server; `onLine` sees each line of its output as it comes. */
function runExample(
  url: string,
  script: string,
  options: { args?: string[]; env?: Record<string, string>; onLine?: (line: string) => void } = {},
) {
  const child = spawn(process.execPath, [path.join(ROOT, 'examples', script), ...(options.args ?? [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), MUTUAL_AID_URL: url, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    options.onLine?.(line);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<Run>((resolve) => child.once('close', (code) => resolve({ code, lines, stderr })));
  return { child, done };
}

/** Runs a script to its end; fails the test (with its output) unless it exits with 0. */
async function runToEnd(url: string, script: string, options: Parameters<typeof runExample>[2] = {}): Promise<string[]> {
  const run = await runExample(url, script, options).done;
  expect(run.code, `${script} exited with ${run.code}:\n${run.lines.join('\n')}\n${run.stderr}`).toBe(0);
  return run.lines;
}

/** A demo login's token and the id of its association. */
async function demoLogin(url: string, slug: string) {
  const token = await logIn(url, demoEmail(slug, 'coordinator'), DEMO_PASSWORD);
  const { viewer } = dataOf(await gql(url, MyAssociationsDocument, {}, token));
  return { token, associationId: viewer!.memberships[0].association.id };
}

const TEAM = ['刘芳', '张卫东', '黄小燕', '杨明'];
/** The request id the coordinator example prints last. */
const requestIdOf = (lines: string[]) => /^request (\S+): FILLED$/.exec(lines.at(-1) ?? '')?.[1];
const isOnNow = (slot: { startsAt?: string | null; endsAt?: string | null }) =>
  Date.parse(slot.startsAt!) <= Date.now() && Date.now() < Date.parse(slot.endsAt!);

describe('the coordinator example', () => {
  test('posts a week of night shifts as a recurrence, watches it fill, staffs it and records attendance', async ({ url }) => {
    const lines = await runToEnd(url, 'coordinator.ts');
    const requestId = requestIdOf(lines);
    expect(requestId, lines.join('\n')).toBeDefined();
    const zhao = await demoLogin(url, 'hz');
    const { helpRequest } = dataOf(await gql(url, RotaDocument, { id: requestId! }, zhao.token));
    const rota = helpRequest!;
    expect(rota).toMatchObject({ status: 'FILLED', remaining: 0, requester: { name: '互助协会' } });

    // Seven nights from the recurrence, 20:00 to 08:00 in Shanghai (12:00 to 00:00 UTC), one a day;
    // in the daytime, today's day shift before them. The first shift is the one on now.
    const nights = rota.slots.filter((slot) => slot.label?.startsWith('夜班'));
    expect(nights).toHaveLength(7);
    nights.forEach((night, i) => {
      expect(night.startsAt).toMatch(/T12:00:00\.000Z$/);
      expect(Date.parse(night.endsAt!) - Date.parse(night.startsAt!)).toBe(12 * 3_600_000);
      if (i > 0) expect(Date.parse(night.startsAt!) - Date.parse(nights[i - 1].startsAt!)).toBe(24 * 3_600_000);
    });
    expect(rota.slots.length).toBe(nights.length + rota.slots.filter((slot) => slot.label?.startsWith('白班')).length);
    expect(rota.slots.findIndex(isOnNow)).toBe(0);

    // Every shift full, held whole by one helper: 僰乡义工协会 every other one and the one 象棋协会 withdrew from.
    const holders = rota.slots.map((slot) => slot.claims.map((claim) => `${claim.association.name} ×${claim.quantity}`));
    expect(holders).toEqual(rota.slots.map((_, i) => [i % 2 === 0 || i === 1 ? '僰乡义工协会 ×2' : '象棋协会 ×2']));
    // 僰乡义工协会's shifts staffed from its team, two each; on the shift on now, one came and one did not.
    for (const claim of rota.slots.flatMap((slot) => slot.claims).filter((c) => c.association.name === '僰乡义工协会')) {
      expect(claim.assignments.map((a) => TEAM.includes(a.volunteer.name!))).toEqual([true, true]);
    }
    const onNow = rota.slots[0].claims[0].assignments;
    expect(onNow.map(({ arrivedAt, absent }) => ({ arrivedAt, absent }))).toEqual([
      { arrivedAt: rota.slots[0].startsAt, absent: false },
      { arrivedAt: null, absent: true },
    ]);

    // The log: what the feed printed is what was committed, in order, up to FILLED.
    const events = await allEvents(url, { requestIds: [rota.id] });
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('POSTED');
    expect(types.at(-1)).toBe('FILLED');
    expect(types.filter((type) => type === 'CLAIM_WITHDRAWN')).toHaveLength(1);
    const printed = lines.filter((line) => line.startsWith('  [feed] ')).map((line) => line.split(' ')[3]);
    expect(printed).toEqual(types.slice(1));
    const withdrawn = events.find((event) => event.type === 'CLAIM_WITHDRAWN')!.claim!.id;
    expect(dataOf(await gql(url, ClaimOutcomeDocument, { id: withdrawn })).node).toMatchObject({
      status: 'WITHDRAWN',
      endReason: '两位志愿者临时有事',
    });
    const people = await allEvents(url, { requestIds: [rota.id], types: ['VOLUNTEER_ASSIGNED', 'ATTENDANCE_RECORDED'] });
    const assigned = rota.slots.flatMap((slot) => slot.claims).flatMap((claim) => claim.assignments).length;
    expect(people.map((event) => event.type)).toEqual([
      ...Array<string>(assigned).fill('VOLUNTEER_ASSIGNED'),
      'ATTENDANCE_RECORDED',
      'ATTENDANCE_RECORDED',
    ]);

    expect(lines).toContain(`赵敏 (互助协会) posted "术后老人夜间陪护（一周）": ${rota.slots.length} shifts, ${rota.capacity} places`);
    expect(lines.filter((line) => line.startsWith('僰乡义工协会 adds '))).toEqual(
      TEAM.map((name) => `僰乡义工协会 adds ${name} to its roster`),
    );
  });

  test('runs again the same day: volunteers already on a shift at that time are skipped, not double-booked', async ({ url }) => {
    const lines = await runToEnd(url, 'coordinator.ts');
    expect(lines.filter((line) => line.includes(' adds '))).toEqual([]); // the team is on the roster already
    const zhao = await demoLogin(url, 'hz');
    const { helpRequest } = dataOf(await gql(url, RotaDocument, { id: requestIdOf(lines)! }, zhao.token));
    const onNow = helpRequest!.slots[0].claims[0].assignments.map((a) => a.volunteer.name);
    // The first run put 刘芳 and 张卫东 on the shift on now; they are asked first, refused, and the next two go.
    expect(onNow).toEqual(['黄小燕', '杨明']);
  });
});

describe('the integrator bot', () => {
  const WATCHED: RequestEventFilter = { kinds: ['PATIENT_GUARD'], townships: ['巡场镇'] };
  let dir: string;
  test.beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-bot-'));
  });
  test.afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A night shift in 巡场镇 from tomorrow evening. */
  const nightGuard = (title: string, township = '巡场镇'): Partial<PostHelpRequestInput> => {
    const evening = new Date(Date.now() + 24 * 3_600_000).toISOString().slice(0, 10);
    const startsAt = `${evening}T20:00:00+08:00`;
    const endsAt = new Date(Date.parse(startsAt) + 12 * 3_600_000).toISOString();
    return { kind: 'PATIENT_GUARD', category: 'MEDICAL', title, township, slots: [{ label: '夜班', startsAt, endsAt, capacity: 2 }] };
  };

  test('creates its API key, claims a night shift of new requests, and resumes from its stored cursor without loss or repetition', async ({
    url,
  }) => {
    const env = { MUTUAL_AID_BOT_STATE: path.join(dir, 'bot.json') };
    const hz = await demoLogin(url, 'hz');
    const bx = await demoLogin(url, 'bx'); // the bot's own association: its requests are never claimed
    const alreadyOpen = await postRequest(url, hz.token, hz.associationId, nightGuard('开始前已开放'));
    const head = dataOf(await gql(url, RequestEventsHeadDocument, {})).requestEventsHead!;

    // First run: requests posted while it subscribes must not be lost at the seam.
    let seamPosts: Promise<unknown> = Promise.resolve();
    const first = await runToEnd(url, 'integrator-bot.ts', {
      env,
      onLine: (line) => {
        if (!line.startsWith('first run')) return;
        seamPosts = Promise.all([
          postRequest(url, bx.token, bx.associationId, nightGuard('第一个')),
          postRequest(url, bx.token, bx.associationId, nightGuard('第二个')),
          postRequest(url, bx.token, bx.associationId, nightGuard('别的镇', '上罗镇')),
        ]);
      },
    });
    await seamPosts;
    const afterFirst = JSON.parse(await readFile(env.MUTUAL_AID_BOT_STATE, 'utf8')) as { apiKey: string; cursor: string };
    // Posted while no bot runs: the next run replays it from the stored cursor.
    await postRequest(url, bx.token, bx.associationId, nightGuard('离线期间'));
    const second = await runToEnd(url, 'integrator-bot.ts', { env });
    const afterSecond = JSON.parse(await readFile(env.MUTUAL_AID_BOT_STATE, 'utf8')) as { apiKey: string; cursor: string };

    expect(first.slice(0, 3)).toEqual([
      '王丽 created the API key "夜班认领机器人" for 僰乡义工协会',
      'acting as "夜班认领机器人" of 僰乡义工协会',
      expect.stringMatching(/^first run: \d+ open/),
    ]);
    expect(first).toContain(`open\t开始前已开放\t2 PERSON to go`);
    expect(second.slice(0, 2)).toEqual(['acting as "夜班认领机器人" of 僰乡义工协会', `resuming after ${afterFirst.cursor}`]);
    expect(afterSecond.apiKey).toBe(afterFirst.apiKey);
    // It holds an API key: its owner's to read only, and no temporary file is left.
    expect((await stat(env.MUTUAL_AID_BOT_STATE)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['bot.json']);
    expect(dataOf(await gql(url, CurrentApiKeyDocument, {}, afterFirst.apiKey)).currentApiKey).toMatchObject({
      name: '夜班认领机器人',
      association: { name: '僰乡义工协会' },
    });

    // The events the two runs printed are the log after the head, in order, each once, up to the
    // stored cursor: the second run starts right after the first one's last event.
    const eventsOf = (lines: string[]) => lines.filter((line) => line.startsWith('event\t')).map((line) => line.split('\t'));
    const printed = [...eventsOf(first), ...eventsOf(second)];
    const log = await allEvents(url, WATCHED, head);
    const upTo = log.findIndex((event) => event.cursor === afterSecond.cursor);
    expect(printed.map(([, cursor]) => cursor)).toEqual(log.slice(0, upTo + 1).map((event) => event.cursor));
    expect(eventsOf(first).at(-1)?.[1]).toBe(afterFirst.cursor);
    expect(printed.at(-1)?.[1]).toBe(afterSecond.cursor);
    const posted = printed.filter(([, , type]) => type === 'POSTED').map(([, , , title]) => title);
    for (const title of ['第一个', '第二个', '离线期间']) expect(posted.filter((t) => t === title)).toHaveLength(1);
    expect(posted).not.toContain('别的镇');
    expect(posted).not.toContain('开始前已开放');

    // One claim per run, each of one place on a shift to come of a request 互助协会 posted for the bot.
    const claimed = [first, second].map((lines) => lines.filter((line) => line.startsWith('claimed\t')).map((line) => line.split('\t')[1]));
    expect(claimed.map((ids) => ids.length)).toEqual([1, 1]);
    for (const claimId of claimed.flat()) {
      const event = log.find((e) => e.type === 'CLAIMED' && e.claim?.id === claimId);
      expect(event?.actor?.id).toBe(bx.associationId);
      const { helpRequest } = dataOf(await gql(url, RotaDocument, { id: event!.request.id }, hz.token));
      expect(helpRequest!.requester.name).toBe('互助协会');
      const slot = helpRequest!.slots.find((s) => s.claims.some((c) => c.id === claimId))!;
      expect(Date.parse(slot.startsAt!)).toBeGreaterThan(Date.now());
      expect(slot.claims.find((c) => c.id === claimId)).toMatchObject({ quantity: 1, association: { name: '僰乡义工协会' } });
    }
    // What was open before it started is left to the people.
    const { helpRequest: before } = dataOf(await gql(url, RotaDocument, { id: alreadyOpen.id }, hz.token));
    expect(before!.slots.flatMap((slot) => slot.claims)).toEqual([]);
  });

  test('with --claims 0 keeps following until stopped, and a SIGTERM stops it cleanly with its cursor stored', async ({ url }) => {
    const env = { MUTUAL_AID_BOT_STATE: path.join(dir, 'bot.json') };
    const { cursor: before } = JSON.parse(await readFile(env.MUTUAL_AID_BOT_STATE, 'utf8')) as { cursor: string };
    let claimed!: () => void;
    const claimedOnce = new Promise<void>((resolve) => (claimed = resolve));
    const run = runExample(url, 'integrator-bot.ts', {
      env,
      args: ['--claims', '0'],
      onLine: (line) => {
        if (line.startsWith('claimed\t')) claimed();
      },
    });
    await claimedOnce;
    run.child.kill('SIGTERM');
    const { code, lines } = await run.done;
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/^stopped after \d+ claim\(s\); cursor stored in /);
    const { cursor } = JSON.parse(await readFile(env.MUTUAL_AID_BOT_STATE, 'utf8')) as { cursor: string };
    expect(cursor).not.toBe(before);
    expect(
      lines
        .filter((line) => line.startsWith('event\t'))
        .at(-1)
        ?.split('\t')[1],
    ).toBe(cursor);
  });
});

describe('the dashboard example', () => {
  /** The row of a console.table whose label contains `label`, as its cells. */
  const row = (lines: string[], label: string) =>
    lines
      .find((line) => line.includes(label))
      ?.split('│')
      .map((cell) => cell.trim())
      .filter(Boolean);

  test("prints this month's figures as tables, as the stats query gives them", async ({ url }) => {
    const lines = await runToEnd(url, 'dashboard-stats.ts');
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 1)).toISOString().slice(0, 7);
    const { stats } = dataOf(await gql(url, CountyStatsDocument, { from: `${month}-01T00:00:00+08:00`, to: `${next}-01T00:00:00+08:00` }));

    expect(lines[0]).toBe(`${month} 本月概况 this month`);
    expect(row(lines, 'requests posted')).toEqual(['发布求助 requests posted', String(stats.requestsPosted)]);
    expect(row(lines, 'volunteers committed')).toEqual(['承诺人次 volunteers committed', String(stats.volunteersCommitted)]);
    expect(row(lines, 'active associations')).toEqual(['活跃协会 active associations', String(stats.activeAssociations)]);
    expect(row(lines, 'no-show rate')).toEqual([
      '缺勤率 no-show rate',
      stats.noShowRate == null ? "'-'" : `'${(stats.noShowRate * 100).toFixed(1)}%'`,
    ]);
    // The examples before posted in 上罗镇 and 巡场镇, for medical aid, this month.
    expect(stats.requestsPosted).toBeGreaterThan(0);
    for (const township of stats.byTownship) {
      expect(row(lines, ` ${township.township} `)?.slice(0, 2)).toEqual([township.township, String(township.requestsPosted)]);
    }
    expect(row(lines, '助医 medical')?.[1]).toBe(String(stats.byCategory.find((c) => c.category === 'MEDICAL')!.requestsPosted));
    for (const helper of stats.topHelpers) expect(lines.some((line) => line.includes(`'${helper.association.name}'`))).toBe(true);
  });

  test('prints another month on --month, and refuses a malformed one', async ({ url }) => {
    const lines = await runToEnd(url, 'dashboard-stats.ts', { args: ['--month', '2001-01'] });
    expect(lines[0]).toBe('2001-01 本月概况 this month');
    expect(row(lines, 'requests posted')).toEqual(['发布求助 requests posted', '0']);
    for (const month of ['January', '2026-13']) {
      const refused = await runExample(url, 'dashboard-stats.ts', { args: ['--month', month] }).done;
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim()).toBe(`--month ${month}: expected a month as YYYY-MM, e.g. 2026-11`);
    }
  });
});
