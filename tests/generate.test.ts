/** `npm run generate`: a deterministic, constraint-respecting dataset for the dashboards. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { ROOT } from './support/server.js';
import { admin } from './support/pg.js';

function generate(databaseUrl: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/modules/demo/generate.cli.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

const FINGERPRINT = `SELECT
  (SELECT count(*)::int FROM help_request) AS requests,
  (SELECT count(*)::int FROM slot) AS slots,
  (SELECT count(*)::int FROM claim) AS claims,
  (SELECT md5(string_agg(id::text || status || claimed || coalesce(beneficiaries, -1), ',' ORDER BY id)) FROM help_request) AS digest`;

interface Fingerprint {
  requests: number;
  slots: number;
  claims: number;
  digest: string;
}

describe('the data generator', () => {
  test('fills a database deterministically, respecting every invariant, and refuses to fill it twice', async () => {
    // Two databases of its own, filled the same way.
    const [first, second] = [await createTestDatabase(), await createTestDatabase()];
    for (const url of [first, second]) {
      const run = await generate(url, ['--requests', '300', '--seed', '7', '--end', '2026-11-01']);
      expect(run).toMatchObject({ code: 0 });
    }
    const [a, b] = await Promise.all([first, second].map((url) => admin(url, (client) => client.query<Fingerprint>(FINGERPRINT))));
    expect(a.rows[0].requests).toBe(300);
    expect(a.rows[0].claims).toBeGreaterThan(0);
    expect(a.rows[0]).toEqual(b.rows[0]);

    const broken = await admin(first, (client) =>
      client.query(`SELECT
        (SELECT count(*)::int FROM slot s WHERE s.claimed <> coalesce((SELECT sum(quantity) FROM claim c WHERE c.slot_id = s.id AND c.status IN ('ACTIVE', 'FULFILLED')), 0)) AS slots,
        (SELECT count(*)::int FROM help_request h WHERE h.claimed <> (SELECT sum(claimed) FROM slot s WHERE s.request_id = h.id)
            OR h.capacity <> (SELECT sum(capacity) FROM slot s WHERE s.request_id = h.id)
            OR h.active_claims <> (SELECT count(*) FROM claim c WHERE c.request_id = h.id AND c.status = 'ACTIVE')) AS requests,
        (SELECT count(*)::int FROM claim c JOIN help_request h ON h.id = c.request_id WHERE c.association_id = h.requester_id) AS own_claims,
        (SELECT count(*)::int FROM help_request h WHERE (h.status = 'FILLED') <> (h.claimed = h.capacity AND h.status IN ('OPEN', 'FILLED')) AND h.status IN ('OPEN', 'FILLED')) AS statuses`),
    );
    expect(broken.rows[0]).toEqual({ slots: 0, requests: 0, own_claims: 0, statuses: 0 });

    const again = await generate(first, ['--requests', '10']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });
});
