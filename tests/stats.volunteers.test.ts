/**
 * The volunteer figures of the stats (issue 14, item 6): hours served,
 * volunteers who served and the no-show rate, overall and by category,
 * township and month, counted by the shift's start, against a fixture whose
 * figures are written out by hand below (not computed by the same SQL).
 *
 * Shifts in the past cannot be claimed, staffed or recorded now, so the
 * fixture is built through the services with a fixed clock at each step (as
 * tests/attendance.test.ts does); the figures are read over HTTP.
 */
import { dataOf, gql } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, signUp, type Org } from './support/personas.js';
import type { TestServer } from './support/server.js';
import { openDb } from '../src/db/handle.js';
import { SYSTEM } from '../src/shared/actor.js';
import { fixedClock } from '../src/shared/clock.js';
import { AidCategory, RequestKind } from '../src/shared/enums.js';
import { toGlobalId } from '../src/shared/global-id.js';
import { claim, withdrawClaim } from '../src/modules/help-requests/claim.service.js';
import { slotsByRequest } from '../src/modules/help-requests/help-request.loaders.js';
import { postHelpRequest } from '../src/modules/help-requests/help-request.service.js';
import { assignVolunteers } from '../src/modules/volunteers/assignment.service.js';
import { recordAttendance, type RecordAttendanceFields } from '../src/modules/volunteers/attendance.service.js';
import {
  AcceptVolunteerInvitationDocument,
  AddVolunteerDocument,
  StatsBreakdownsWithoutVolunteersDocument,
  StatsMonthsTwiceDocument,
  StatsVolunteerFiguresDocument,
  StatsVolunteerSummaryDocument,
  type StatsFilter,
} from './generated/graphql.js';

// Statement counts; no expiry job racing the fixture (posted and claimed as of dates long past).
test.override('serverEnv', { SQL_COUNT_HEADER: 'true', EXPIRY_INTERVAL_MS: '86400000' });

/** An instant on the county's wall clock (Asia/Shanghai, UTC+8: no daylight saving). */
const at = (local: string) => new Date(`${local}+08:00`);

/** The requester of every request. */
let requester: Org;
/** Two claimants with rosters: K staffs R1, R2, R3 and R6; L staffs R4 and R5. */
let K: Org;
let L: Org;

async function volunteer(url: string, org: Org, name: string, userEmail?: string): Promise<string> {
  const input = { associationId: org.id, name, ...(userEmail ? { userEmail } : {}) };
  return dataOf(await gql(url, AddVolunteerDocument, { input }, org.coordinator.token)).addVolunteer.id;
}

interface Staffed {
  claimId: string;
  /** One per volunteer, in order. */
  assignments: string[];
}

/** A request for one shift, posted at `postedAt`, claimed by `staff` and staffed with `volunteerIds` at that instant. */
async function shift(
  server: TestServer,
  request: { category: AidCategory; township: string; postedAt: string; startsAt: string; endsAt: string; staff: Org },
  volunteerIds: string[],
): Promise<Staffed> {
  const clock = fixedClock(at(request.postedAt));
  const db = () => openDb(server.app.db.orm);
  const requestId = await postHelpRequest(
    db(),
    SYSTEM,
    {
      associationId: requester.id,
      kind: request.category === AidCategory.MEDICAL ? RequestKind.PATIENT_GUARD : RequestKind.MANPOWER,
      category: request.category,
      township: request.township,
      title: '值班',
      description: '排班',
      slots: [{ startsAt: at(request.startsAt), endsAt: at(request.endsAt), capacity: volunteerIds.length }],
    },
    clock,
  );
  const [slot] = await slotsByRequest(db()).load(requestId);
  const claimKey = await claim(
    db(),
    SYSTEM,
    { slotId: toGlobalId('Slot', slot.id), associationId: request.staff.id, quantity: volunteerIds.length },
    clock,
  );
  const claimId = toGlobalId('Claim', claimKey);
  const assigned = await assignVolunteers(db(), SYSTEM, { claimId, volunteerIds }, clock);
  return { claimId, assignments: assigned.map((id) => toGlobalId('Assignment', id)) };
}

/** Records attendance as the requester would have, at `when` (after what it records). */
async function attend(server: TestServer, when: string, input: RecordAttendanceFields): Promise<void> {
  await recordAttendance(openDb(server.app.db.orm), SYSTEM, input, fixedClock(at(when)));
}

test.beforeAll(async ({ url, adminToken, server }) => {
  [requester, K, L] = await Promise.all([
    createOrg(url, adminToken, { name: '互助协会' }),
    createOrg(url, adminToken, { name: '僰乡义工协会' }),
    createOrg(url, adminToken, { name: '象棋协会' }),
  ]);
  // 张伟 has an account and is invited to both rosters; he accepts once his shifts are past (below): one person.
  const zhang = await signUp(url, '张伟');
  const [wang, li, zhao, sun, zhou, zhangK] = await Promise.all([
    volunteer(url, K, '王丽'),
    volunteer(url, K, '李强'),
    volunteer(url, K, '赵敏'),
    volunteer(url, K, '孙悦'),
    volunteer(url, K, '周明'),
    volunteer(url, K, '张伟', zhang.email),
  ]);
  const [zhangL, wu, chen] = await Promise.all([
    volunteer(url, L, '张伟', zhang.email),
    volunteer(url, L, '吴芳'),
    volunteer(url, L, '陈静'),
  ]);
  const { MEDICAL, COMMUNITY_SERVICE } = AidCategory;

  // R1: MEDICAL, 巡场镇, posted in January; the night of 31 January (a January shift by its start).
  const r1 = await shift(
    server,
    {
      category: MEDICAL,
      township: '巡场镇',
      postedAt: '2026-01-30T20:00',
      startsAt: '2026-01-31T20:00',
      endsAt: '2026-02-01T08:00',
      staff: K,
    },
    [wang, li, zhao],
  );
  await attend(server, '2026-02-01T09:00', {
    assignmentId: r1.assignments[0],
    arrivedAt: at('2026-01-31T19:50'),
    leftAt: at('2026-02-01T08:00'),
  }); // 12
  await attend(server, '2026-02-01T09:00', {
    assignmentId: r1.assignments[1],
    arrivedAt: at('2026-01-31T21:30'),
    leftAt: at('2026-02-01T08:00'),
  }); // 10.5
  await attend(server, '2026-02-01T09:00', { assignmentId: r1.assignments[2], absent: true });

  // R2: MEDICAL, 上罗镇, posted in January; 1 February 06:00 in Shanghai (still 31 January in UTC): a February shift.
  const r2 = await shift(
    server,
    {
      category: MEDICAL,
      township: '上罗镇',
      postedAt: '2026-01-31T06:00',
      startsAt: '2026-02-01T06:00',
      endsAt: '2026-02-01T10:00',
      staff: K,
    },
    [sun, zhou],
  );
  await attend(server, '2026-02-01T11:00', {
    assignmentId: r2.assignments[0],
    arrivedAt: at('2026-02-01T06:00'),
    leftAt: at('2026-02-01T09:15'),
  }); // 3.25
  await attend(server, '2026-02-01T11:00', { assignmentId: r2.assignments[1], arrivedAt: at('2026-02-01T06:30') }); // no departure: served, no hours

  // R3: COMMUNITY_SERVICE, 巡场镇, posted 25 January; a February shift.
  const r3 = await shift(
    server,
    {
      category: COMMUNITY_SERVICE,
      township: '巡场镇',
      postedAt: '2026-01-25T10:00',
      startsAt: '2026-02-14T09:00',
      endsAt: '2026-02-14T17:00',
      staff: K,
    },
    [zhangK, wang],
  );
  await attend(server, '2026-02-14T18:00', {
    assignmentId: r3.assignments[0],
    arrivedAt: at('2026-02-14T09:00'),
    leftAt: at('2026-02-14T17:00'),
  }); // 8
  await attend(server, '2026-02-14T18:00', { assignmentId: r3.assignments[1], absent: true });

  // R4: COMMUNITY_SERVICE, 上罗镇, a January shift staffed by L.
  const r4 = await shift(
    server,
    {
      category: COMMUNITY_SERVICE,
      township: '上罗镇',
      postedAt: '2026-01-19T14:00',
      startsAt: '2026-01-20T14:00',
      endsAt: '2026-01-20T18:00',
      staff: L,
    },
    [zhangL, wu],
  );
  await attend(server, '2026-01-20T19:00', {
    assignmentId: r4.assignments[0],
    arrivedAt: at('2026-01-20T14:00'),
    leftAt: at('2026-01-20T18:00'),
  }); // 4
  await attend(server, '2026-01-20T19:00', {
    assignmentId: r4.assignments[1],
    arrivedAt: at('2026-01-20T14:10'),
    leftAt: at('2026-01-20T16:40'),
  }); // 2.5

  // R5: MEDICAL, 巡场镇, a February shift: 陈静 recorded as arrived early, then L withdraws its claim: not counted.
  const r5 = await shift(
    server,
    {
      category: MEDICAL,
      township: '巡场镇',
      postedAt: '2026-01-28T12:00',
      startsAt: '2026-02-20T20:00',
      endsAt: '2026-02-21T08:00',
      staff: L,
    },
    [chen],
  );
  await attend(server, '2026-02-20T19:40', { assignmentId: r5.assignments[0], arrivedAt: at('2026-02-20T19:30') });
  await withdrawClaim(openDb(server.app.db.orm), SYSTEM, { id: r5.claimId }, fixedClock(at('2026-02-20T19:45')));

  // R6: MEDICAL, 上罗镇, posted in March, an April shift with nothing recorded.
  await shift(
    server,
    {
      category: MEDICAL,
      township: '上罗镇',
      postedAt: '2026-03-01T10:00',
      startsAt: '2026-04-02T09:00',
      endsAt: '2026-04-02T12:00',
      staff: K,
    },
    [zhao],
  );

  // 张伟 accepts both rosters' invitations now: his past shifts (R3 for K, R4 for L) are his as one person.
  for (const volunteerId of [zhangK, zhangL]) {
    dataOf(await gql(url, AcceptVolunteerInvitationDocument, { volunteerId }, zhang.token));
  }
});

const figures = async (url: string, filter?: StatsFilter) => {
  const response = await gql(url, StatsVolunteerFiguresDocument, { filter: filter ?? null });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.stats;
};

const summary = async (url: string, filter: StatsFilter) => dataOf(await gql(url, StatsVolunteerSummaryDocument, { filter })).stats;

const CATEGORIES = [
  'POVERTY_RELIEF',
  'EDUCATION',
  'MEDICAL',
  'DISABILITY',
  'SPECIAL_NEEDS',
  'CHILD_CARE',
  'SKILLS_TRAINING',
  'COMMUNITY_SERVICE',
] as const;

/** byCategory: the entries given, every other category with zeros and a null rate. */
const byCategory = (entries: Record<string, [number, number, number, number | null]>) =>
  CATEGORIES.map((category) => {
    const [requestsPosted, volunteerHours, volunteersServed, noShowRate] = entries[category] ?? [0, 0, 0, null];
    return { category, requestsPosted, volunteerHours, volunteersServed, noShowRate };
  });

describe('stats: the volunteer figures', () => {
  test('against the hand-written fixture, overall and by category, township and month', async ({ url }) => {
    expect(await figures(url)).toEqual({
      // 12 + 10.5 + 3.25 + 8 + 4 + 2.5; R5's stay is on a withdrawn claim.
      volunteerHours: 40.25,
      // 王丽, 李强, 孙悦, 周明, 张伟 (on two rosters: once), 吴芳; 赵敏 was only absent.
      volunteersServed: 6,
      // Absent 赵敏 (R1) and 王丽 (R3), over those 2 and 7 arrivals.
      noShowRate: 2 / 9,
      requestsPosted: 6,
      byCategory: byCategory({
        // R1, R2, R5, R6: 12 + 10.5 + 3.25; 王丽, 李强, 孙悦, 周明; 1 absent of 5 recorded.
        MEDICAL: [4, 25.75, 4, 0.2],
        // R3, R4: 8 + 4 + 2.5; 张伟, 吴芳; 1 absent of 4.
        COMMUNITY_SERVICE: [2, 14.5, 2, 0.25],
      }),
      byTownship: [
        // R2, R4, R6: 3.25 + 4 + 2.5; 孙悦, 周明, 张伟, 吴芳; nobody absent.
        { township: '上罗镇', requestsPosted: 3, volunteerHours: 9.75, volunteersServed: 4, noShowRate: 0 },
        // R1, R3, R5: 12 + 10.5 + 8; 王丽, 李强, 张伟 (who served in both townships); 2 absent of 5.
        { township: '巡场镇', requestsPosted: 3, volunteerHours: 30.5, volunteersServed: 3, noShowRate: 0.4 },
      ],
      byMonth: [
        // Posted: R1-R5. Shifts: R4 (20 January), R1 (31 January 20:00).
        {
          month: '2026-01',
          requestsPosted: 5,
          requestsCompleted: 0,
          beneficiaries: 0,
          volunteerHours: 29,
          volunteersServed: 4,
          noShowRate: 0.2,
        },
        // Nothing posted. Shifts: R2 (1 February 06:00 in Shanghai), R3; R5 not counted.
        {
          month: '2026-02',
          requestsPosted: 0,
          requestsCompleted: 0,
          beneficiaries: 0,
          volunteerHours: 11.25,
          volunteersServed: 3,
          noShowRate: 0.25,
        },
        // R6 posted, no shift.
        {
          month: '2026-03',
          requestsPosted: 1,
          requestsCompleted: 0,
          beneficiaries: 0,
          volunteerHours: 0,
          volunteersServed: 0,
          noShowRate: null,
        },
        // R6's shift, nothing recorded.
        {
          month: '2026-04',
          requestsPosted: 0,
          requestsCompleted: 0,
          beneficiaries: 0,
          volunteerHours: 0,
          volunteersServed: 0,
          noShowRate: null,
        },
      ],
    });
  });

  test("the period applies to the shift's start in [from, to), in Shanghai time, not to postedAt", async ({ url }) => {
    const february = await figures(url, { from: '2026-02-01T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' });
    expect(february).toMatchObject({
      volunteerHours: 11.25,
      volunteersServed: 3,
      noShowRate: 0.25,
      requestsPosted: 0,
      byCategory: byCategory({ MEDICAL: [0, 3.25, 2, 0], COMMUNITY_SERVICE: [0, 8, 1, 1 / 2] }),
      byTownship: [
        { township: '上罗镇', requestsPosted: 0, volunteerHours: 3.25, volunteersServed: 2, noShowRate: 0 },
        { township: '巡场镇', requestsPosted: 0, volunteerHours: 8, volunteersServed: 1, noShowRate: 0.5 },
      ],
    });
    expect(february.byMonth.map((entry) => [entry.month, entry.requestsPosted, entry.volunteerHours])).toEqual([['2026-02', 0, 11.25]]);
    // from is included, to is not: R1 alone starts at 2026-01-31 20:00.
    expect(await summary(url, { from: '2026-01-31T20:00:00+08:00', to: '2026-02-01T06:00:00+08:00' })).toEqual({
      volunteerHours: 22.5,
      volunteersServed: 2,
      noShowRate: 1 / 3,
    });
    expect(await summary(url, { from: '2026-01-31T20:00:00.001+08:00', to: '2026-02-01T06:00:00.001+08:00' })).toEqual({
      volunteerHours: 3.25,
      volunteersServed: 2,
      noShowRate: 0,
    });
  });

  test('filters by category, township and association, and combines them', async ({ url }) => {
    expect(await summary(url, { categories: ['COMMUNITY_SERVICE'] })).toEqual({
      volunteerHours: 14.5,
      volunteersServed: 2,
      noShowRate: 0.25,
    });
    expect(await summary(url, { townships: ['上罗镇'] })).toEqual({ volunteerHours: 9.75, volunteersServed: 4, noShowRate: 0 });
    // L holds an ACTIVE claim on R4 only (its claim on R5 was withdrawn).
    expect(await summary(url, { associationId: L.id })).toEqual({ volunteerHours: 6.5, volunteersServed: 2, noShowRate: 0 });
    expect(await summary(url, { associationId: K.id })).toEqual({ volunteerHours: 33.75, volunteersServed: 5, noShowRate: 2 / 7 });
    expect(await summary(url, { categories: ['MEDICAL'], townships: ['巡场镇'], from: '2026-01-01T00:00:00+08:00' })).toEqual({
      volunteerHours: 22.5,
      volunteersServed: 2,
      noShowRate: 1 / 3,
    });
    expect(await summary(url, { categories: ['EDUCATION'] })).toEqual({ volunteerHours: 0, volunteersServed: 0, noShowRate: null });
  });

  test('nothing recorded: hours and volunteers 0, no-show rate null', async ({ url }) => {
    const april = await figures(url, { from: '2026-04-01T00:00:00+08:00', to: '2026-05-01T00:00:00+08:00' });
    expect(april).toMatchObject({ volunteerHours: 0, volunteersServed: 0, noShowRate: null, requestsPosted: 0 });
    expect(april.byMonth).toEqual([
      {
        month: '2026-04',
        requestsPosted: 0,
        requestsCompleted: 0,
        beneficiaries: 0,
        volunteerHours: 0,
        volunteersServed: 0,
        noShowRate: null,
      },
    ]);
    expect(april.byCategory).toEqual(byCategory({ MEDICAL: [0, 0, 0, null] }));
    const empty = await figures(url, { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' });
    expect(empty).toEqual({
      volunteerHours: 0,
      volunteersServed: 0,
      noShowRate: null,
      requestsPosted: 0,
      byCategory: byCategory({}),
      byTownship: [],
      byMonth: [],
    });
  });

  test('breakdowns without a volunteer figure keep their entries: months and townships with requests posted', async ({ url }) => {
    expect(dataOf(await gql(url, StatsBreakdownsWithoutVolunteersDocument, {})).stats).toEqual({
      byTownship: [
        { township: '上罗镇', requestsPosted: 3 },
        { township: '巡场镇', requestsPosted: 3 },
      ],
      byMonth: [
        { month: '2026-01', requestsPosted: 5 },
        { month: '2026-03', requestsPosted: 1 },
      ],
    });
    expect(dataOf(await gql(url, StatsMonthsTwiceDocument, {})).stats).toEqual({
      plain: [{ month: '2026-01' }, { month: '2026-03' }],
      served: [
        { month: '2026-01', hours: 29 },
        { month: '2026-02', hours: 11.25 },
        { month: '2026-03', hours: 0 },
        { month: '2026-04', hours: 0 },
      ],
    });
  });

  test('each figure group is one statement', async ({ url }) => {
    const statements = async (response: Promise<{ headers: Headers; body: { errors?: unknown } }>) => {
      const { headers, body } = await response;
      expect(body.errors).toBeUndefined();
      return Number(headers.get('x-sql-statements'));
    };
    const one = await statements(gql(url, StatsVolunteerSummaryDocument, { filter: null }));
    // The volunteer figures, the summary (requestsPosted), and each breakdown with its volunteer figures.
    const all = await statements(gql(url, StatsVolunteerFiguresDocument, { filter: null }));
    expect(all - one).toBe(4);
  });
});
