/**
 * The README's five-minute tour, run exactly as printed: the `bash` blocks
 * between `<!-- tour:start -->` and `<!-- tour:end -->`, in one bash process
 * (`set -euo pipefail`, so a broken command fails the run) with URL pointing
 * at a fresh server with the demo data. Every `# → ...` line of the tour must
 * match a line the commands print, in order (`…` stands for ids, tokens and
 * dates). The tour's `graphql` block (the subscription of step 4) is opened
 * over graphql-ws before the tour runs and must see the tour happen; and the
 * final state is read back through the API.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { logIn } from './support/personas.js';
import { ROOT } from './support/server.js';
import { DEMO_PASSWORD, demoEmail } from '../src/modules/demo/demo-data.js';

test.override('serverEnv', { DEMO_DATA: 'true' });

const START = '<!-- tour:start -->';
const END = '<!-- tour:end -->';
/** The title the tour's request is posted with (step 5). */
const TOUR_TITLE = '县医院术后陪护两晚';

interface Tour {
  bash: string[];
  graphql: string[];
  /** The `# → ` lines of the bash blocks, in order. */
  expected: string[];
}

async function readTour(): Promise<Tour> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect(start, `README.md has ${START}`).toBeGreaterThanOrEqual(0);
  expect(end, `README.md has ${END} after ${START}`).toBeGreaterThan(start);
  const blocks = [...readme.slice(start, end).matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map(([, lang, text]) => ({ lang, text }));
  const bash = blocks.filter((b) => b.lang === 'bash').map((b) => b.text);
  const graphql = blocks.filter((b) => b.lang === 'graphql').map((b) => b.text);
  const expected = bash.flatMap((text) => text.split('\n').flatMap((line) => (line.startsWith('# → ') ? [line.slice(4)] : [])));
  return { bash, graphql, expected };
}

/** An expected line as a pattern: `…` matches anything inside one JSON string (no quote). */
function pattern(expected: string): RegExp {
  const parts = expected.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^"]*')}$`);
}

/** The expected lines no printed line matches, each looked for after the previous one's match. */
function unmatched(expected: string[], printed: string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const line of expected) {
    const re = pattern(line);
    const at = printed.findIndex((candidate, i) => i >= from && re.test(candidate));
    if (at < 0) missing.push(line);
    else from = at + 1;
  }
  return missing;
}

function runBash(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

interface FeedEvent {
  type: string;
  actor: { name: string } | null;
  request: { title: string; status: string; remaining: number };
}

/** Runs a subscription document as printed and keeps what it receives. */
function openFeed(wsUrl: string, query: string) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  const events: FeedEvent[] = [];
  const errors: unknown[] = [];
  let wake: () => void = () => undefined;
  client.subscribe<{ requestEvents: FeedEvent }>(
    { query },
    {
      next: (result) => {
        if (result.data) events.push(result.data.requestEvents);
        if (result.errors) errors.push(...result.errors);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    async waitFor(predicate: (event: FeedEvent) => boolean): Promise<void> {
      const deadline = Date.now() + 30_000;
      while (!events.some(predicate)) {
        if (errors.length > 0) throw new Error(`the subscription failed: ${JSON.stringify(errors)}`);
        if (Date.now() > deadline) throw new Error(`awaited event never came (got ${JSON.stringify(events)})`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 500);
        });
      }
    },
    close: () => client.dispose(),
  };
}

interface Figures {
  requestsPosted: number;
  requestsCompleted: number;
  volunteersCommitted: number;
  beneficiaries: number;
}

async function countyFigures(url: string): Promise<Figures> {
  const { body } = await send(url, '{ stats { requestsPosted requestsCompleted volunteersCommitted beneficiaries } }');
  expect(body.errors).toBeUndefined();
  return (body.data as { stats: Figures }).stats;
}

describe("the README's five-minute tour", () => {
  // The first use of the server loads the demo data (a year of history): give it time.
  test(
    'runs as printed, prints what the README says, and leaves the request completed with its claim',
    { timeout: 240_000 },
    async ({ url, wsUrl }) => {
      const tour = await readTour();
      expect(tour.bash.length, 'bash blocks in the tour').toBeGreaterThanOrEqual(5);
      expect(tour.expected.length, '# → lines in the tour').toBeGreaterThanOrEqual(5);
      expect(tour.graphql, 'the subscription of the tour').toHaveLength(1);

      // Step 4, in the IDE: the subscription, as printed. A probe posted in 上罗镇
      // tells when it is live (it starts after the newest event when it subscribes).
      const feed = openFeed(wsUrl, tour.graphql[0]);
      try {
        const token = await logIn(url, demoEmail('hz', 'coordinator'), DEMO_PASSWORD);
        const viewer = await send(url, '{ viewer { memberships { association { id } } } }', {}, token);
        const hz = (viewer.body.data as { viewer: { memberships: { association: { id: string } }[] } }).viewer.memberships[0].association
          .id;
        const probe = await send(
          url,
          `mutation ($input: PostHelpRequestInput!) { postHelpRequest(input: $input) { id } }`,
          {
            input: {
              associationId: hz,
              kind: 'MANPOWER',
              category: 'MEDICAL',
              title: 'probe',
              description: 'probe',
              slots: [{ capacity: 1 }],
            },
          },
          token,
        );
        expect(probe.body.errors).toBeUndefined();
        await feed.waitFor((e) => e.type === 'POSTED' && e.request.title === 'probe');
        const before = await countyFigures(url);

        // The tour, every bash block as printed, in one shell; then the id it made.
        const script = [...tour.bash, 'echo "TOUR_REQUEST=$REQUEST"\n'].join('\n');
        const run = await runBash(script, { URL: url });
        const printed = run.stdout.split('\n');
        expect(run.code, `the tour failed:\n${run.stderr}\n--- printed:\n${run.stdout}`).toBe(0);
        expect(unmatched(tour.expected, printed), `printed:\n${run.stdout}`).toEqual([]);
        const requestId = /^TOUR_REQUEST=(.+)$/m.exec(run.stdout)?.[1];
        expect(requestId).toBeTruthy();

        // The subscription saw it happen, in order.
        await feed.waitFor((e) => e.type === 'COMPLETED' && e.request.title === TOUR_TITLE);
        expect(feed.events.filter((e) => e.request.title === TOUR_TITLE).map((e) => [e.type, e.actor?.name])).toEqual([
          ['POSTED', '互助协会'],
          ['CLAIMED', '僰乡义工协会'],
          ['COMPLETED', '互助协会'],
        ]);

        // The final state, through the API: the request COMPLETED, the claim made and fulfilled.
        const request = await send(
          url,
          `query ($id: ID!) { helpRequest(id: $id) { title status beneficiaries requester { name } claims { status quantity association { name } } } }`,
          { id: requestId },
        );
        expect(request.body.errors).toBeUndefined();
        expect(request.body.data).toEqual({
          helpRequest: {
            title: TOUR_TITLE,
            status: 'COMPLETED',
            beneficiaries: 1,
            requester: { name: '互助协会' },
            claims: [{ status: 'FULFILLED', quantity: 1, association: { name: '僰乡义工协会' } }],
          },
        });

        // The county's figures moved by exactly the tour.
        const after = await countyFigures(url);
        expect(after).toEqual({
          requestsPosted: before.requestsPosted + 1,
          requestsCompleted: before.requestsCompleted + 1,
          volunteersCommitted: before.volunteersCommitted + 1,
          beneficiaries: before.beneficiaries + 1,
        });
      } finally {
        await feed.close();
      }
    },
  );

  test('fails when a block is broken', async ({ url }) => {
    const tour = await readTour();
    // The same tour with a typo in the e-mail of the first log-in: the shell stops there.
    const broken = tour.bash.map((block) => block.replace('hz.coordinator@demo.example.org', 'hz.coordinator@demo.example.org.invalid'));
    expect(broken).not.toEqual(tour.bash);
    const run = await runBash(broken.join('\n'), { URL: url });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('"code":"UNAUTHENTICATED"');
    expect(unmatched(tour.expected, run.stdout.split('\n'))).not.toEqual([]);
  });
});
