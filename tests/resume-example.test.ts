/** The README's live-feed example runs against a real server and resumes from its stored cursor. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';
import { ROOT } from './support/server.js';
import { RequestEventsHeadDocument } from './generated/graphql.js';

let org: Org;
let dir: string;

test.beforeAll(async ({ url, adminToken }) => {
  org = await createOrg(url, adminToken);
  dir = await mkdtemp(path.join(tmpdir(), 'feed-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runFeed(url: string, maxEvents: number, onOutput: (line: string) => void): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'tests/examples/resume-feed.mjs'),
      '--url',
      url,
      '--state',
      path.join(dir, 'cursor'),
      '--max-events',
      String(maxEvents),
    ],
    {
      cwd: ROOT,
    },
  );
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach(onOutput));
  return new Promise((resolve) => child.once('exit', resolve));
}

describe('the resume example', () => {
  test('lists open requests, follows the feed, and resumes after a restart without a gap', async ({ url }) => {
    await postRequest(url, org.owner.token, org.id, { title: 'already open', slots: [{ capacity: 2 }] });
    const first: string[] = [];
    let started!: () => void;
    const listed = new Promise<void>((resolve) => (started = resolve));
    const firstRun = runFeed(url, 2, (line) => {
      first.push(line);
      if (line.startsWith('open')) started();
    });
    await listed;
    // Posted while the first run subscribes: it must not be lost at the seam.
    await postRequest(url, org.owner.token, org.id, { title: 'first', slots: [{ capacity: 1 }] });
    await postRequest(url, org.owner.token, org.id, { title: 'second', slots: [{ capacity: 1 }] });
    expect(await firstRun).toBe(0);
    // Posted while no feed runs: the next run replays it from the stored cursor.
    await postRequest(url, org.owner.token, org.id, { title: 'while away', slots: [{ capacity: 1 }] });
    const second: string[] = [];
    expect(await runFeed(url, 1, (line) => second.push(line))).toBe(0);

    expect(first).toContain('open\talready open\t2 PERSON to go');
    expect(first.filter((l) => l.startsWith('POSTED')).map((l) => l.split('\t')[1])).toEqual(['first', 'second']);
    expect(second).toEqual(['POSTED\twhile away\tOPEN\t1 to go']);
    const cursor = (await readFile(path.join(dir, 'cursor'), 'utf8')).trim();
    expect(cursor).toBe((await gql(url, RequestEventsHeadDocument, {})).body.data!.requestEventsHead);
  });
});
