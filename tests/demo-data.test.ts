/**
 * Demo data: loaded on request (DEMO_DATA=true) once, never twice; demo logins
 * work; a year of history that the dashboards show as a year, whose event log
 * agrees with the tables, the same for the same clock.
 */
import { createHash } from 'node:crypto';
import { dataOf, gql } from './support/client.js';
import { createEmptyDatabase, createTestDatabase } from './support/database.js';
import { describe, expect, test } from './support/fixtures.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_ENV, logIn } from './support/personas.js';
import { admin } from './support/pg.js';
import { startServer } from './support/server.js';
import {
  AssociationCountDocument,
  AssociationDirectoryDocument,
  DemoFirstEventsDocument,
  DemoOpenRequestsDocument,
  DemoRequestCountDocument,
  DemoYearStatsDocument,
  ViewerMembershipsDocument,
  type AidCategory,
  type RequestKind,
  type RequestStatus,
} from './generated/graphql.js';
import { DEMO_ASSOCIATIONS, DEMO_PASSWORD, demoEmail, loadDemoData } from '../src/modules/demo/demo-data.js';
import { historyStart } from '../src/modules/demo/demo-history.js';
import { TOWNSHIPS } from '../src/modules/demo/demo-stories.js';
import { openOrm } from '../src/db/orm.js';
import { entities } from '../src/modules/tables.js';
import { fixedClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';

// The year's server loads the demo data as `npm start` does, at the real clock (other tests start their own).
test.override('serverEnv', { DEMO_DATA: 'true' });

/** A test that loads the demo data (seconds; more on a busy machine). */
const LOADS = 120_000;

const KINDS: RequestKind[] = ['MANPOWER', 'PATIENT_GUARD', 'FUNDRAISING', 'TUTORING', 'TRAINING', 'SUPPLIES'];
const CATEGORIES: AidCategory[] = [
  'POVERTY_RELIEF',
  'EDUCATION',
  'MEDICAL',
  'DISABILITY',
  'SPECIAL_NEEDS',
  'CHILD_CARE',
  'SKILLS_TRAINING',
  'COMMUNITY_SERVICE',
];
const CLOSED: RequestStatus[] = ['COMPLETED', 'CANCELLED', 'EXPIRED'];

describe('the first start of an embedded database', () => {
  test(
    'loads the demo data also when ADMIN_EMAIL/ADMIN_PASSWORD create the administrator at that start',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'mutual-aid-first-start-'));
      // No DATABASE_URL: the embedded PostgreSQL under DATA_DIR, as `npm start` does it.
      const server = await startServer('', { DATA_DIR: dir, ...ADMIN_ENV });
      try {
        expect((await gql(server.url, AssociationCountDocument, {})).body.data!.associations.totalCount).toBe(DEMO_ASSOCIATIONS.length);
        await logIn(server.url, ADMIN_ENV.ADMIN_EMAIL, ADMIN_ENV.ADMIN_PASSWORD);
      } finally {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      }
    },
    LOADS,
  );
});

// Start-up itself is under test: every test starts its own servers on an empty database of its own.
describe('demo data', () => {
  test('is not loaded into a DATABASE_URL database unless DEMO_DATA=true', async () => {
    const server = await startServer(await createEmptyDatabase());
    try {
      expect((await gql(server.url, AssociationCountDocument, {})).body.data!.associations.totalCount).toBe(0);
    } finally {
      await server.stop();
    }
  });

  test(
    'with DEMO_DATA=true: the associations of domain.md, an owner and a coordinator each, some verified, one not; loaded once',
    async () => {
      const url = await createEmptyDatabase();
      let server = await startServer(url, { DEMO_DATA: 'true' });
      await server.stop();
      server = await startServer(url, { DEMO_DATA: 'true' });
      try {
        const list = await gql(server.url, AssociationDirectoryDocument, {});
        const nodes = list.body.data!.associations.edges.map((e) => e.node);
        expect(list.body.data!.associations.totalCount).toBe(DEMO_ASSOCIATIONS.length);
        expect(nodes).toEqual(expect.arrayContaining([{ name: '僰乡义工协会', township: '巡场镇', verified: true }]));
        expect(nodes.filter((n) => !n.verified)).toHaveLength(1);

        const token = await logIn(server.url, demoEmail('bx', 'coordinator'), DEMO_PASSWORD);
        const viewer = await gql(server.url, ViewerMembershipsDocument, {}, token);
        expect(viewer.body.data!.viewer).toEqual({
          displayName: '陈刚',
          memberships: [{ role: 'COORDINATOR', association: { name: '僰乡义工协会' } }],
        });
        // Loaded once: the second start added no second year.
        expect(await countRows(url, "request_event WHERE type = 'POSTED'")).toBe(await countRows(url, 'help_request'));
        expect(await countRows(url, 'app_user')).toBe(2 * DEMO_ASSOCIATIONS.length);
      } finally {
        await server.stop();
      }
    },
    LOADS,
  );
});

describe('the year of history', () => {
  test(
    'the dashboards show a year: every month, category, kind and township; completions, cancellations, expiries; volunteer hours',
    async ({ url }) => {
      const now = new Date();
      const filter = { from: new Date(now.getTime() - 400 * 86_400_000).toISOString(), to: now.toISOString() };
      const { stats } = dataOf(await gql(url, DemoYearStatsDocument, { filter }));

      // The last twelve full months and this one: every full month has requests.
      expect(stats.byMonth.filter((m) => m.requestsPosted > 0).length).toBeGreaterThanOrEqual(12);
      expect(stats.byMonth.filter((m) => m.volunteerHours > 0).length).toBeGreaterThanOrEqual(6);
      expect(stats.requestsPosted).toBeGreaterThanOrEqual(250);
      for (const entry of stats.byCategory) expect(entry.requestsPosted, entry.category).toBeGreaterThan(0);
      expect(stats.byCategory.map((entry) => entry.category)).toEqual(CATEGORIES);
      expect(stats.byTownship.map((entry) => entry.township).sort()).toEqual([...TOWNSHIPS].sort());

      // Believable figures: most requests filled, some not; fill times of hours, not seconds.
      expect(stats.requestsCompleted).toBeGreaterThan(stats.requestsPosted / 2);
      expect(stats.requestsFilled).toBeLessThan(stats.requestsPosted);
      expect(stats.medianTimeToFillSeconds).toBeGreaterThan(600);
      expect(stats.volunteersCommitted).toBeGreaterThan(100);
      expect(stats.amountPledged).toBeGreaterThan(100_000);
      expect(stats.beneficiaries).toBeGreaterThan(1_000);
      expect(stats.activeAssociations).toBe(DEMO_ASSOCIATIONS.filter((a) => a.verified).length);
      expect(stats.volunteerHours).toBeGreaterThan(0);
      expect(stats.volunteersServed).toBeGreaterThan(5);
      expect(stats.noShowRate).toBeGreaterThan(0);
      expect(stats.noShowRate).toBeLessThan(0.25);
      // Who helps whom: every verified association helps others, and is helped.
      const helpers = new Set(stats.collaborations.map((c) => c.helper.name));
      const helped = new Set(stats.collaborations.map((c) => c.helped.name));
      for (const demo of DEMO_ASSOCIATIONS.filter((a) => a.verified)) {
        expect(helpers.has(demo.name), demo.name).toBe(true);
        expect(helped.has(demo.name), demo.name).toBe(true);
      }

      const count = async (filter: { kinds?: RequestKind[]; statuses?: RequestStatus[] }) =>
        dataOf(await gql(url, DemoRequestCountDocument, { filter })).helpRequests.totalCount;
      for (const kind of KINDS) expect(await count({ kinds: [kind] }), kind).toBeGreaterThan(0);
      for (const status of CLOSED) expect(await count({ statuses: [status] }), status).toBeGreaterThan(0);

      // The log starts a year ago, with the first request posted then, not at the load.
      const [first] = dataOf(await gql(url, DemoFirstEventsDocument, {})).requestEvents.edges;
      expect(first.node.type).toBe('POSTED');
      expect(first.node.occurredAt).toBe(first.node.request.postedAt);
      expect(Date.parse(first.node.occurredAt)).toBeLessThan(now.getTime() - 330 * 86_400_000);

      // Some requests are open to be claimed now, on shifts still ahead.
      const open = dataOf(await gql(url, DemoOpenRequestsDocument, {})).helpRequests.edges.map((e) => e.node);
      const claimable = open.filter(
        (r) => r.slots.some((s) => s.remaining > 0) && (r.startsAt === null || Date.parse(r.startsAt) > now.getTime()),
      );
      expect(claimable.length).toBeGreaterThanOrEqual(3);
    },
    LOADS,
  );

  test('the event log agrees with the tables, in order of time', async ({ server, databaseUrl }) => {
    expect(server.url).toBeTruthy(); // the server has loaded the demo data
    expect(await inconsistencies(databaseUrl, new Date())).toEqual([]);
  });

  test(
    'is the same for the same clock (two fresh databases, one day), and keeps every rule on another day of the year',
    async () => {
      // Ten days after Spring Festival 2026: the festival's weeks are in the year.
      const at = new Date('2026-02-27T15:30:00+08:00');
      const [one, two] = await Promise.all([createTestDatabase(), createTestDatabase()]);
      for (const url of [one, two]) {
        const orm = await openOrm(entities, url, 2, createLogger('silent'));
        try {
          expect(await loadDemoData(orm, fixedClock(at))).toBe(true);
          expect(await loadDemoData(orm, fixedClock(at))).toBe(false);
        } finally {
          await orm.close(true);
        }
      }
      const digest = await digestOf(one);
      expect(await digestOf(two)).toEqual(digest);
      expect(digest.rows.help_request).toBeGreaterThanOrEqual(250);
      expect(await inconsistencies(one, at)).toEqual([]);
      const first = await admin(
        one,
        async (client) => (await client.query<{ at: Date }>('SELECT min(posted_at) AS at FROM help_request')).rows[0].at,
      );
      expect(first.getTime()).toBeGreaterThanOrEqual(historyStart(at).getTime());
    },
    2 * LOADS,
  );
});

/** `SELECT count(*) FROM <rows>`: a table, and a condition if any. */
async function countRows(url: string, rows: string): Promise<number> {
  return admin(url, async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${rows}`)).rows[0].n));
}

/**
 * What in the event log disagrees with the tables (empty: nothing). Every
 * change is one event at the time the table records for it: a request's
 * posting, each claim made and ended (by hand, by a hand-off, with its
 * request's completion or cancellation), each assignment and attendance
 * record, each hand-off; versions count the events; positions follow time.
 */
async function inconsistencies(url: string, now: Date): Promise<string[]> {
  const checks: Record<string, string> = {
    'requests without exactly one POSTED event at postedAt': `
      SELECT count(*) AS n FROM help_request h
       WHERE (SELECT count(*) FROM request_event e WHERE e.request_id = h.id AND e.type = 'POSTED' AND e.occurred_at = h.posted_at) <> 1`,
    'POSTED events beyond the requests': `
      SELECT (SELECT count(*) FROM request_event WHERE type = 'POSTED') - (SELECT count(*) FROM help_request) AS n`,
    'claims without their CLAIMED event (by their association, at claimedAt; none for claims taken over in a hand-off)': `
      SELECT count(*) AS n FROM claim c
       WHERE (SELECT count(*) FROM request_event e
               WHERE e.claim_id = c.id AND e.type = 'CLAIMED' AND e.occurred_at = c.claimed_at AND e.actor_id = c.association_id)
          <> CASE WHEN EXISTS (SELECT 1 FROM claim_handoff o WHERE o.new_claim_id = c.id) THEN 0 ELSE 1 END`,
    'CLAIMED events beyond the claims': `
      SELECT (SELECT count(*) FROM request_event WHERE type = 'CLAIMED')
           - (SELECT count(*) FROM claim c WHERE NOT EXISTS (SELECT 1 FROM claim_handoff o WHERE o.new_claim_id = c.id)) AS n`,
    'ended claims without the event that ended them, at endedAt': `
      SELECT count(*) AS n FROM claim c
       WHERE c.status <> 'ACTIVE' AND NOT EXISTS (
         SELECT 1 FROM request_event e WHERE e.request_id = c.request_id AND e.occurred_at = c.ended_at AND (
              (c.status = 'WITHDRAWN' AND c.handed_to_claim_id IS NULL AND e.type = 'CLAIM_WITHDRAWN' AND e.claim_id = c.id)
           OR (c.status = 'WITHDRAWN' AND c.handed_to_claim_id IS NOT NULL AND e.type = 'HANDOFF_ACCEPTED' AND e.claim_id = c.id)
           OR (c.status = 'DECLINED' AND ((e.type = 'CLAIM_DECLINED' AND e.claim_id = c.id) OR e.type = 'CANCELLED'))
           OR (c.status = 'FULFILLED' AND e.type = 'COMPLETED')))`,
    'CLAIM_WITHDRAWN events beyond the withdrawn claims': `
      SELECT (SELECT count(*) FROM request_event WHERE type = 'CLAIM_WITHDRAWN')
           - (SELECT count(*) FROM claim WHERE status = 'WITHDRAWN' AND handed_to_claim_id IS NULL) AS n`,
    'CLAIM_DECLINED events beyond the claims declined one by one': `
      SELECT (SELECT count(*) FROM request_event WHERE type = 'CLAIM_DECLINED')
           - (SELECT count(*) FROM claim c JOIN help_request h ON h.id = c.request_id
               WHERE c.status = 'DECLINED' AND NOT (h.status = 'CANCELLED' AND c.ended_at = h.closed_at)) AS n`,
    'closed requests without their closing event at closedAt, or with more than one': `
      SELECT count(*) AS n FROM help_request h
       WHERE h.status IN ('COMPLETED', 'CANCELLED', 'EXPIRED')
         AND (SELECT count(*) FROM request_event e WHERE e.request_id = h.id AND e.type::text = h.status::text AND e.occurred_at = h.closed_at) <> 1`,
    'closing events beyond the closed requests': `
      SELECT (SELECT count(*) FROM request_event WHERE type IN ('COMPLETED', 'CANCELLED', 'EXPIRED'))
           - (SELECT count(*) FROM help_request WHERE status IN ('COMPLETED', 'CANCELLED', 'EXPIRED')) AS n`,
    'filledAt other than the first FILLED event': `
      SELECT count(*) AS n FROM help_request h
       WHERE h.filled_at IS DISTINCT FROM (SELECT min(e.occurred_at) FROM request_event e WHERE e.request_id = h.id AND e.type = 'FILLED')`,
    'assignments without their VOLUNTEER_ASSIGNED event at assignedAt': `
      SELECT count(*) AS n FROM assignment a
       WHERE (SELECT count(*) FROM request_event e
               WHERE e.assignment_id = a.id AND e.type = 'VOLUNTEER_ASSIGNED' AND e.occurred_at = a.assigned_at) <> 1`,
    'VOLUNTEER_ASSIGNED events beyond the assignments': `
      SELECT (SELECT count(*) FROM request_event WHERE type = 'VOLUNTEER_ASSIGNED') - (SELECT count(*) FROM assignment) AS n`,
    'ATTENDANCE_RECORDED events other than one per recorded assignment': `
      SELECT (SELECT count(*) FROM request_event WHERE type = 'ATTENDANCE_RECORDED')
           - (SELECT count(*) FROM assignment WHERE absent OR arrived_at IS NOT NULL) AS n`,
    'attendance recorded before the shift ended or after its request closed': `
      SELECT count(*) AS n FROM request_event e JOIN assignment a ON a.id = e.assignment_id JOIN help_request h ON h.id = e.request_id
       WHERE e.type = 'ATTENDANCE_RECORDED' AND (e.occurred_at < upper(a.shift) OR e.occurred_at > coalesce(h.closed_at, 'infinity'))`,
    'hand-offs without their HANDOFF_OFFERED event at offeredAt': `
      SELECT count(*) AS n FROM claim_handoff o
       WHERE (SELECT count(*) FROM request_event e WHERE e.hand_off_id = o.id AND e.type = 'HANDOFF_OFFERED' AND e.occurred_at = o.offered_at) <> 1`,
    'decided hand-offs without the event that decided them, at decidedAt': `
      SELECT count(*) AS n FROM claim_handoff o
       WHERE o.status <> 'OFFERED'
         AND (SELECT count(*) FROM request_event e
               WHERE e.hand_off_id = o.id AND e.type::text = 'HANDOFF_' || o.status::text AND e.occurred_at = o.decided_at) <> 1`,
    'versions other than 1 + the events that count': `
      SELECT count(*) AS n FROM help_request h
       WHERE h.version <> 1 + (SELECT count(*) FROM request_event e WHERE e.request_id = h.id
                                 AND e.type NOT IN ('POSTED', 'VOLUNTEER_ASSIGNED', 'VOLUNTEER_UNASSIGNED', 'ATTENDANCE_RECORDED'))`,
    'requests whose slots do not add up (claimed: ACTIVE and FULFILLED quantities)': `
      SELECT count(*) AS n FROM slot s
       WHERE s.claimed <> coalesce((SELECT sum(c.quantity) FROM claim c WHERE c.slot_id = s.id AND c.status IN ('ACTIVE', 'FULFILLED')), 0)`,
    'events earlier than the event before them': `
      SELECT count(*) AS n FROM (SELECT occurred_at < lag(occurred_at) OVER (ORDER BY position) AS back FROM request_event) x WHERE back`,
    'events later than the load': `SELECT count(*) AS n FROM request_event WHERE occurred_at > $1`,
    'OPEN requests past their end without an ACTIVE claim (the expiry job would close them at once)': `
      SELECT count(*) AS n FROM help_request WHERE status = 'OPEN' AND active_claims = 0 AND ends_at < $1::timestamptz - interval '2 minutes'`,
  };
  return admin(url, async (client) => {
    const found: string[] = [];
    for (const [name, sql] of Object.entries(checks)) {
      const params = sql.includes('$1') ? [now] : [];
      const n = Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
      if (n !== 0) found.push(`${name}: ${n}`);
    }
    return found;
  });
}

/** An id anywhere in a value (assignment.person is `volunteer:<id>` or `user:<id>`). */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * A digest of every row the load wrote, with the database's random ids
 * replaced by names that follow from the data: users by e-mail, associations
 * and volunteers by name, slots by request and position, everything else by
 * its first appearance in the event log (one writer, in order of time), the
 * claims made by accepting a hand-off by that hand-off. Password hashes (salted)
 * are left out.
 */
async function digestOf(url: string): Promise<{ hash: string; rows: Record<string, number> }> {
  return admin(url, async (client) => {
    const rows = async (sql: string) => (await client.query<Record<string, unknown>>(sql)).rows;
    const names = new Map<string, string>();
    const counters = new Map<string, number>();
    const name = (id: unknown, kind: string, natural?: string) => {
      if (typeof id !== 'string' || names.has(id)) return;
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      names.set(id, `${kind} ${natural ?? n}`);
    };
    for (const row of await rows('SELECT id, email FROM app_user')) name(row.id, 'user', String(row.email));
    for (const row of await rows('SELECT id, name FROM association')) name(row.id, 'association', String(row.name));
    for (const row of await rows('SELECT id, name FROM volunteer')) name(row.id, 'volunteer', String(row.name));
    for (const row of await rows('SELECT request_id, claim_id, assignment_id, hand_off_id FROM request_event ORDER BY position')) {
      name(row.request_id, 'request');
      name(row.claim_id, 'claim');
      name(row.assignment_id, 'assignment');
      name(row.hand_off_id, 'hand-off');
    }
    for (const row of await rows('SELECT id, new_claim_id FROM claim_handoff')) {
      name(row.new_claim_id, 'claim', `taken over in ${names.get(String(row.id))}`);
    }
    for (const row of await rows('SELECT id, request_id, position FROM slot')) {
      name(row.id, 'slot', `${names.get(String(row.request_id))} #${String(row.position)}`);
    }
    const canonical = (value: unknown): unknown => {
      if (typeof value === 'string') {
        return value.replace(UUID, (id) => {
          const found = names.get(id);
          if (!found) throw new Error(`an id the digest cannot name: ${id}`);
          return found;
        });
      }
      if (value instanceof Date) return value.toISOString();
      // Arrays of ids are sets (request_event.involved, built by a UNION in no particular order).
      if (Array.isArray(value)) return value.map(canonical).sort();
      return value;
    };
    const tables = (
      await rows(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'mikro_orm_migrations' ORDER BY tablename`)
    ).map((row) => String(row.tablename));
    const hash = createHash('sha256');
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const lines = (await rows(`SELECT * FROM ${table}`))
        .map((row) =>
          JSON.stringify(
            Object.keys(row)
              .filter((column) => column !== 'password_hash')
              .sort()
              .map((column) => [column, canonical(row[column])]),
          ),
        )
        .sort();
      counts[table] = lines.length;
      hash.update(`${table}\n${lines.join('\n')}\n`);
    }
    return { hash: hash.digest('hex'), rows: counts };
  });
}
