/** The README's live-feed example runs against a real server and resumes from its stored cursor. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/database.js';
import { ROOT, startServer, type TestServer } from './support/server.js';
import { gql } from './support/client.js';
import { ADMIN_ENV, asAdmin, createOrg, type Org } from './support/personas.js';
import { postRequest } from './support/requests.js';

let server: TestServer;
let org: Org;
let dir: string;

beforeAll(async () => {
  server = await startServer(await createTestDatabase(), ADMIN_ENV);
  org = await createOrg(server.url, await asAdmin(server.url));
  dir = await mkdtemp(path.join(tmpdir(), 'feed-'));
});
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

function runFeed(maxEvents: number, onOutput: (line: string) => void): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'tests/examples/resume-feed.mjs'),
      '--url',
      server.url,
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
  it('lists open requests, follows the feed, and resumes after a restart without a gap', async () => {
    await postRequest(server.url, org.owner.token, org.id, { title: 'already open', slots: [{ capacity: 2 }] });
    const first: string[] = [];
    let started!: () => void;
    const listed = new Promise<void>((resolve) => (started = resolve));
    const firstRun = runFeed(2, (line) => {
      first.push(line);
      if (line.startsWith('open')) started();
    });
    await listed;
    // Posted while the first run subscribes: it must not be lost at the seam.
    await postRequest(server.url, org.owner.token, org.id, { title: 'first', slots: [{ capacity: 1 }] });
    await postRequest(server.url, org.owner.token, org.id, { title: 'second', slots: [{ capacity: 1 }] });
    expect(await firstRun).toBe(0);
    // Posted while no feed runs: the next run replays it from the stored cursor.
    await postRequest(server.url, org.owner.token, org.id, { title: 'while away', slots: [{ capacity: 1 }] });
    const second: string[] = [];
    expect(await runFeed(1, (line) => second.push(line))).toBe(0);

    expect(first).toContain('open\talready open\t2 PERSON to go');
    expect(first.filter((l) => l.startsWith('POSTED')).map((l) => l.split('\t')[1])).toEqual(['first', 'second']);
    expect(second).toEqual(['POSTED\twhile away\tOPEN\t1 to go']);
    const cursor = (await readFile(path.join(dir, 'cursor'), 'utf8')).trim();
    expect(cursor).toBe((await gql(server.url, '{ requestEventsHead }')).body.data!.requestEventsHead);
  });
});
