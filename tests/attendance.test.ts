/**
 * Attendance, hours served and service records (issue 14, item 3), over real
 * HTTP on PostgreSQL: who may record, api.md's order of checks, the window
 * around the shift, the 7 days after the end on COMPLETED requests, hours
 * against a hand-written fixture (computed by PostgreSQL), the records per
 * caller, and the CSV export (BOM, RFC 4180 quoting, formula escaping, totals).
 *
 * Shifts in the past cannot be claimed or staffed any more, so the fixtures
 * are built through the services with a clock set before each shift (as the
 * demo history is); everything under test goes through HTTP, except the exact
 * instants of the 7-day rule, which a fixed clock decides.
 */
import { randomUUID } from 'node:crypto';
import { dataOf, gql } from './support/client.js';
import { errorOf } from './support/events.js';
import { describe, expect, test } from './support/fixtures.js';
import { addMember, createApiKey, createOrg, signUp, type Org, type Persona } from './support/personas.js';
import { query } from './support/pg.js';
import { postRequest } from './support/requests.js';
import type { TestServer } from './support/server.js';
import { openDb } from '../src/db/handle.js';
import { SYSTEM, type Actor } from '../src/shared/actor.js';
import { fixedClock } from '../src/shared/clock.js';
import { AidCategory, RequestKind } from '../src/shared/enums.js';
import { decodeGlobalId, toGlobalId } from '../src/shared/global-id.js';
import { claim } from '../src/modules/help-requests/claim.service.js';
import { slotsByRequest } from '../src/modules/help-requests/help-request.loaders.js';
import { postHelpRequest } from '../src/modules/help-requests/help-request.service.js';
import { assignVolunteers, unassignVolunteer } from '../src/modules/volunteers/assignment.service.js';
import { recordAttendance, type RecordAttendanceFields } from '../src/modules/volunteers/attendance.service.js';
import {
  AcceptVolunteerInvitationDocument,
  AddVolunteerDocument,
  AssignVolunteersDocument,
  AssignmentAttendanceDocument,
  AttendanceEventsDocument,
  CancelHelpRequestDocument,
  ClaimDocument,
  CompleteHelpRequestDocument,
  MyServiceRecordDocument,
  RecordAttendanceDocument,
  RosterServiceRecordsDocument,
  UnassignVolunteerDocument,
  UserServiceRecordDocument,
  VolunteerServiceRecordDocument,
  type RecordAttendanceInput,
  type ServiceRecordFieldsFragment,
} from './generated/graphql.js';

// Statement counts for the records; no expiry job racing the fixtures (posted, then claimed, after their end).
test.override('serverEnv', { SQL_COUNT_HEADER: 'true', EXPIRY_INTERVAL_MS: '86400000' });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An instant on the county's wall clock (Asia/Shanghai, UTC+8: no daylight saving). */
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();
const key = (id: string) => decodeGlobalId(id, 'id').key;
const ghost = (type: 'Assignment' | 'Claim' | 'Volunteer') => toGlobalId(type, randomUUID());

/** 互助协会 requests, with a MEMBER and a key besides its OWNER and COORDINATOR. */
let requester: Org;
let requesterMember: Persona;
let requesterKey: { id: string; secret: string };
/** 僰乡义工协会 claims and staffs, with its key. */
let claimant: Org;
let claimantKey: { id: string; secret: string };
/** 象棋协会: another roster. */
let other: Org;
let outsider: Persona;
let adminToken: string;

test.beforeAll(async ({ url, adminToken: admin }) => {
  adminToken = admin;
  [requester, claimant, other] = await Promise.all([
    createOrg(url, admin, { name: '互助协会' }),
    createOrg(url, admin, { name: '僰乡义工协会' }),
    createOrg(url, admin, { name: '象棋协会' }),
  ]);
  [requesterMember, outsider] = await Promise.all([signUp(url, 'Member'), signUp(url, 'Outsider')]);
  expect((await addMember(url, requester.owner.token, requester.id, requesterMember.email, 'MEMBER')).body.errors).toBeUndefined();
  [requesterKey, claimantKey] = await Promise.all([
    createApiKey(url, requester.owner.token, requester.id),
    createApiKey(url, claimant.owner.token, claimant.id),
  ]);
});

/** A new volunteer on `org`'s roster; its id. With `user`: invited by e-mail, and accepted by the user (the link). */
async function volunteer(url: string, org: Org, name: string, user?: Persona): Promise<string> {
  const input = { associationId: org.id, name, ...(user ? { userEmail: user.email } : {}) };
  const { id } = dataOf(await gql(url, AddVolunteerDocument, { input }, org.coordinator.token)).addVolunteer;
  if (user) dataOf(await gql(url, AcceptVolunteerInvitationDocument, { volunteerId: id }, user.token));
  return id;
}

interface Staffed {
  requestId: string;
  claimId: string;
  /** One per volunteer, in order. */
  assignments: string[];
  startsAt: Date;
  endsAt: Date;
}

/**
 * A request of `by` for one shift, claimed by `staff` and staffed with `volunteerIds`, made through the
 * services as a day before the shift (a shift in the past cannot be claimed now).
 */
async function pastShift(
  server: TestServer,
  shift: { startsAt: Date; endsAt: Date; title?: string; by?: Org; staff?: Org },
  volunteerIds: string[],
): Promise<Staffed> {
  const { startsAt, endsAt, title = '重症病房陪护', by = requester, staff = claimant } = shift;
  const clock = fixedClock(new Date(startsAt.getTime() - DAY));
  const db = () => openDb(server.app.db.orm);
  const requestId = await postHelpRequest(
    db(),
    SYSTEM,
    {
      associationId: by.id,
      kind: RequestKind.PATIENT_GUARD,
      category: AidCategory.MEDICAL,
      title,
      description: '夜间陪护',
      slots: [{ startsAt, endsAt, capacity: volunteerIds.length }],
    },
    clock,
  );
  const [slot] = await slotsByRequest(db()).load(requestId);
  const claimKey = await claim(
    db(),
    SYSTEM,
    { slotId: toGlobalId('Slot', slot.id), associationId: staff.id, quantity: volunteerIds.length },
    clock,
  );
  const claimId = toGlobalId('Claim', claimKey);
  const assigned = await assignVolunteers(db(), SYSTEM, { claimId, volunteerIds }, clock);
  return {
    requestId: toGlobalId('HelpRequest', requestId),
    claimId,
    assignments: assigned.map((id) => toGlobalId('Assignment', id)),
    startsAt,
    endsAt,
  };
}

/** Unassigns the `index`-th volunteer of `staffed` through the service, as on the day before the shift (once it has started, nobody can). */
async function unassignBefore(server: TestServer, staffed: Staffed, index = 0): Promise<void> {
  const clock = fixedClock(new Date(staffed.startsAt.getTime() - DAY));
  await unassignVolunteer(openDb(server.app.db.orm), SYSTEM, { id: staffed.assignments[index] }, clock);
}

/** The same, now, through HTTP: a shift that has not ended yet. */
async function currentShift(url: string, startsAt: Date, endsAt: Date, volunteerIds: string[]): Promise<Staffed> {
  const request = await postRequest(url, requester.coordinator.token, requester.id, {
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    slots: [{ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), capacity: volunteerIds.length }],
  });
  const input = { slotId: request.slots[0].id, associationId: claimant.id, quantity: volunteerIds.length };
  const claimId = dataOf(await gql(url, ClaimDocument, { input }, claimant.coordinator.token)).claim.id;
  const assigned = dataOf(await gql(url, AssignVolunteersDocument, { input: { claimId, volunteerIds } }, claimant.coordinator.token));
  return { requestId: request.id, claimId, assignments: assigned.assignVolunteers.map((a) => a.id), startsAt, endsAt };
}

const record = (url: string, token: string | undefined, input: RecordAttendanceInput) =>
  gql(url, RecordAttendanceDocument, { input }, token);

/** Records as the requester's coordinator; the assignment as it is afterwards. */
const recorded = async (url: string, input: RecordAttendanceInput, token = requester.coordinator.token) =>
  dataOf(await record(url, token, input)).recordAttendance;

/** What a refused call must leave as it was: the assignment's attendance, the request's events and version. */
async function snapshot(databaseUrl: string, assignmentId: string) {
  const [row] = await query<Record<string, unknown>>(
    databaseUrl,
    `SELECT a.arrived_at, a.left_at, a.absent, a.ended_at,
            (SELECT count(*)::int FROM request_event e WHERE e.request_id = a.request_id) AS events,
            (SELECT version FROM help_request h WHERE h.id = a.request_id) AS version
       FROM assignment a WHERE a.id = $1`,
    [key(assignmentId)],
  );
  return row;
}

const attendanceEvents = async (url: string, requestId: string) =>
  dataOf(
    await gql(url, AttendanceEventsDocument, { filter: { requestIds: [requestId], types: ['ATTENDANCE_RECORDED'] } }),
  ).requestEvents.edges.map((edge) => edge.node);

describe('hours served', () => {
  test('against a hand-written fixture: late arrival, early leave, a departure after the end capped, absent 0, no departure yet null', async ({
    url,
    server,
  }) => {
    const names = ['王丽', '李强', '赵敏', '孙悦', '周明', '吴芳'];
    const people = await Promise.all(names.map((name) => volunteer(url, claimant, name)));
    // Night 1: 2026-03-02 20:00 to 2026-03-03 08:00, twelve hours.
    const night = await pastShift(server, { startsAt: at('2026-03-02T20:00'), endsAt: at('2026-03-03T08:00') }, people);
    const [wang, li, zhao, sun, zhou, wu] = night.assignments;
    const cases: [string, RecordAttendanceInput, number | null][] = [
      // Came ten minutes early: the shift starts at 20:00.
      ['on time', { assignmentId: wang, arrivedAt: iso('2026-03-02T19:50'), leftAt: iso('2026-03-03T08:00') }, 12],
      ['late arrival', { assignmentId: li, arrivedAt: iso('2026-03-02T21:30'), leftAt: iso('2026-03-03T08:00') }, 10.5],
      ['early leave', { assignmentId: zhao, arrivedAt: iso('2026-03-02T20:00'), leftAt: iso('2026-03-03T05:45') }, 9.75],
      // 20:20 to 08:00 (not 09:30): 11 h 40 min.
      ['left after the end', { assignmentId: sun, arrivedAt: iso('2026-03-02T20:20'), leftAt: iso('2026-03-03T09:30') }, 11.67],
      ['absent', { assignmentId: zhou, absent: true }, 0],
      ['no departure yet', { assignmentId: wu, arrivedAt: iso('2026-03-02T20:00') }, null],
    ];
    for (const [name, input, hours] of cases) {
      const assignment = await recorded(url, input);
      expect([name, assignment.hoursServed], name).toEqual([name, hours]);
      // The same, read again.
      const { node } = dataOf(await gql(url, AssignmentAttendanceDocument, { id: input.assignmentId }));
      expect(node?.__typename === 'Assignment' ? node.hoursServed : 'missing', name).toBe(hours);
    }
    const read = async (id: string) => {
      const { node } = dataOf(await gql(url, AssignmentAttendanceDocument, { id }));
      return node?.__typename === 'Assignment' ? [node.arrivedAt, node.leftAt, node.absent] : null;
    };
    expect(await read(li)).toEqual([iso('2026-03-02T21:30'), iso('2026-03-03T08:00'), false]);
    expect(await read(zhou)).toEqual([null, null, true]);
    expect(await read(wu)).toEqual([iso('2026-03-02T20:00'), null, false]);
  });

  test('a later call adds the departure or corrects; the record as it is changes nothing; ATTENDANCE_RECORDED, version unchanged', async ({
    url,
    server,
    databaseUrl,
  }) => {
    const person = await volunteer(url, claimant, '郑华');
    const night = await pastShift(server, { startsAt: at('2026-03-12T20:00'), endsAt: at('2026-03-13T08:00') }, [person]);
    const [assignmentId] = night.assignments;
    const before = await snapshot(databaseUrl, assignmentId);
    const steps: [RecordAttendanceInput, [string | null, string | null, boolean, number | null]][] = [
      [{ assignmentId, arrivedAt: iso('2026-03-12T20:30') }, [iso('2026-03-12T20:30'), null, false, null]],
      [
        { assignmentId, arrivedAt: iso('2026-03-12T20:30'), leftAt: iso('2026-03-13T07:00') },
        [iso('2026-03-12T20:30'), iso('2026-03-13T07:00'), false, 10.5],
      ],
      // leftAt omitted: kept.
      [{ assignmentId, arrivedAt: iso('2026-03-12T20:15') }, [iso('2026-03-12T20:15'), iso('2026-03-13T07:00'), false, 10.75]],
      // leftAt null: cleared.
      [{ assignmentId, arrivedAt: iso('2026-03-12T20:15'), leftAt: null }, [iso('2026-03-12T20:15'), null, false, null]],
      [{ assignmentId, absent: true }, [null, null, true, 0]],
      // The edges of the window: 12 hours before the start, 12 hours after the end; the shift counts.
      [
        { assignmentId, arrivedAt: iso('2026-03-12T08:00'), leftAt: iso('2026-03-13T20:00'), absent: false },
        [iso('2026-03-12T08:00'), iso('2026-03-13T20:00'), false, 12],
      ],
    ];
    for (const [input, expected] of steps) {
      const assignment = await recorded(url, input);
      expect([assignment.arrivedAt, assignment.leftAt, assignment.absent, assignment.hoursServed], JSON.stringify(input)).toEqual(expected);
    }
    // Recorded again as it is: no event.
    await recorded(url, { assignmentId, arrivedAt: iso('2026-03-12T08:00'), leftAt: iso('2026-03-13T20:00') });
    const events = await attendanceEvents(url, night.requestId);
    expect(events.map((event) => [event.type, event.claim?.id, event.actor?.id, event.assignment?.id])).toEqual(
      steps.map(() => ['ATTENDANCE_RECORDED', night.claimId, requester.id, assignmentId]),
    );
    const after = await snapshot(databaseUrl, assignmentId);
    expect(after.version).toBe(before.version);
    expect(after.events).toBe(Number(before.events) + steps.length);
  });
});

describe('recordAttendance', () => {
  test("by the requester's OWNERs, COORDINATORs and key, and administrators", async ({ url, server }) => {
    const people = await Promise.all(['甲', '乙', '丙', '丁'].map((name) => volunteer(url, claimant, name)));
    const night = await pastShift(server, { startsAt: at('2026-03-14T20:00'), endsAt: at('2026-03-15T08:00') }, people);
    const tokens = [requester.owner.token, requester.coordinator.token, requesterKey.secret, adminToken];
    for (const [i, token] of tokens.entries()) {
      const assignment = await recorded(url, { assignmentId: night.assignments[i], arrivedAt: iso('2026-03-14T20:00') }, token);
      expect(assignment.arrivedAt).toBe(iso('2026-03-14T20:00'));
    }
  });

  test('refusals in api.md order, each with its code and field; a refusal changes nothing', async ({ url, server, databaseUrl }) => {
    const person = await volunteer(url, claimant, '钱');
    const night = await pastShift(server, { startsAt: at('2026-03-16T20:00'), endsAt: at('2026-03-17T08:00') }, [person]);
    const [assignmentId] = night.assignments;
    await recorded(url, { assignmentId, arrivedAt: iso('2026-03-16T20:30'), leftAt: iso('2026-03-17T07:00') });
    const before = await snapshot(databaseUrl, assignmentId);
    const later = new Date(Date.now() + HOUR).toISOString();
    const arrived = { assignmentId, arrivedAt: iso('2026-03-16T20:00') };

    expect(errorOf(await record(url, undefined, arrived))?.code).toBe('UNAUTHENTICATED');
    const cases: [string, RecordAttendanceInput, string, string | undefined][] = [
      [outsider.token, { ...arrived, assignmentId: 'nope' }, 'BAD_USER_INPUT', 'input.assignmentId'],
      [outsider.token, { assignmentId }, 'BAD_USER_INPUT', 'input.arrivedAt'],
      [outsider.token, { assignmentId, absent: false }, 'BAD_USER_INPUT', 'input.arrivedAt'],
      [outsider.token, { ...arrived, absent: true }, 'BAD_USER_INPUT', 'input.arrivedAt'],
      [outsider.token, { assignmentId, absent: true, leftAt: iso('2026-03-17T08:00') }, 'BAD_USER_INPUT', 'input.leftAt'],
      [outsider.token, { ...arrived, leftAt: iso('2026-03-16T19:59') }, 'BAD_USER_INPUT', 'input.leftAt'],
      [outsider.token, { assignmentId, arrivedAt: later }, 'BAD_USER_INPUT', 'input.arrivedAt'],
      [outsider.token, { ...arrived, leftAt: later }, 'BAD_USER_INPUT', 'input.leftAt'],
      [outsider.token, { ...arrived, assignmentId: ghost('Assignment') }, 'NOT_FOUND', undefined],
      [outsider.token, { ...arrived, assignmentId: ghost('Claim') }, 'NOT_FOUND', undefined],
      [outsider.token, arrived, 'FORBIDDEN', undefined],
      [requesterMember.token, arrived, 'FORBIDDEN', undefined],
      [claimant.owner.token, arrived, 'FORBIDDEN', undefined],
      [claimant.coordinator.token, arrived, 'FORBIDDEN', undefined],
      [claimantKey.secret, arrived, 'FORBIDDEN', undefined],
      // The window around the shift.
      [requester.coordinator.token, { assignmentId, arrivedAt: iso('2026-03-16T07:59') }, 'BAD_USER_INPUT', 'input.arrivedAt'],
      [requester.coordinator.token, { assignmentId, arrivedAt: '2026-03-17T00:00:00.001Z' }, 'BAD_USER_INPUT', 'input.arrivedAt'],
      [requester.coordinator.token, { ...arrived, leftAt: '2026-03-17T12:00:00.001Z' }, 'BAD_USER_INPUT', 'input.leftAt'],
      // The departure kept (07:00) would be before the new arrival.
      [requester.coordinator.token, { assignmentId, arrivedAt: iso('2026-03-17T07:30') }, 'BAD_USER_INPUT', 'input.arrivedAt'],
    ];
    for (const [token, input, code, field] of cases) {
      const response = await record(url, token, input);
      expect([errorOf(response)?.code, errorOf(response)?.field], JSON.stringify(input)).toEqual([code, field]);
    }
    expect(await snapshot(databaseUrl, assignmentId)).toEqual(before);
  });

  test("the CHECK constraints hold the record's rules without the service", async ({ url, server, databaseUrl }) => {
    const night = await pastShift(server, { startsAt: at('2026-03-24T20:00'), endsAt: at('2026-03-25T08:00') }, [
      await volunteer(url, claimant, '杨'),
    ]);
    const id = key(night.assignments[0]);
    const violations: [string, string][] = [
      [`absent = true, arrived_at = '2026-03-24T20:00+08'`, 'assignment_absent_check'],
      [`left_at = '2026-03-25T07:00+08'`, 'assignment_left_needs_arrived_check'],
      [`arrived_at = '2026-03-24T21:00+08', left_at = '2026-03-24T20:59+08'`, 'assignment_left_after_arrived_check'],
      [`arrived_at = '2026-03-24T07:59+08'`, 'assignment_arrived_window_check'],
      [`arrived_at = '2026-03-25T08:01+08'`, 'assignment_arrived_window_check'],
      [`arrived_at = '2026-03-24T20:00+08', left_at = '2026-03-25T20:01+08'`, 'assignment_left_window_check'],
    ];
    for (const [set, constraint] of violations) {
      await expect(query(databaseUrl, `UPDATE assignment SET ${set} WHERE id = $1`, [id]), set).rejects.toMatchObject({ constraint });
    }
  });

  test('state: absent before the shift starts, an ENDED assignment, a closed request, COMPLETED more than 7 days after the end', async ({
    url,
    server,
    databaseUrl,
  }) => {
    const [a, b, c, d] = await Promise.all(['冯', '陈', '褚', '卫'].map((name) => volunteer(url, claimant, name)));
    const refused = async (assignmentId: string, input: Omit<RecordAttendanceInput, 'assignmentId'>) => {
      const before = await snapshot(databaseUrl, assignmentId);
      const response = await record(url, requester.coordinator.token, { assignmentId, ...input });
      expect(await snapshot(databaseUrl, assignmentId)).toEqual(before);
      return [errorOf(response)?.code, errorOf(response)?.field];
    };

    // Tomorrow night: nobody can be absent yet.
    const tomorrow = Date.now() + DAY;
    const upcoming = await currentShift(url, new Date(tomorrow), new Date(tomorrow + 12 * HOUR), [a]);
    expect(await refused(upcoming.assignments[0], { absent: true })).toEqual(['BAD_USER_INPUT', 'input.absent']);

    // Unassigned: was not on the shift.
    const unassigned = await pastShift(server, { startsAt: at('2026-03-18T20:00'), endsAt: at('2026-03-19T08:00') }, [b]);
    const [gone] = unassigned.assignments;
    // Not now: the shift is over (who was on it stays on record). Only before it started.
    const late = await gql(url, UnassignVolunteerDocument, { id: gone }, claimant.coordinator.token);
    expect([errorOf(late)?.code, errorOf(late)?.field]).toEqual(['BAD_USER_INPUT', 'id']);
    await unassignBefore(server, unassigned);
    expect(await refused(gone, { absent: true })).toEqual(['BAD_USER_INPUT', 'input.assignmentId']);

    // Cancelled: REQUEST_NOT_OPEN comes before the assignment's own state (ended with its claim).
    const cancelled = await pastShift(server, { startsAt: at('2026-03-20T20:00'), endsAt: at('2026-03-21T08:00') }, [c]);
    expect(dataOf(await gql(url, CancelHelpRequestDocument, { id: cancelled.requestId }, requester.coordinator.token))).toBeTruthy();
    expect(await refused(cancelled.assignments[0], { absent: true })).toEqual(['REQUEST_NOT_OPEN', undefined]);

    // Completed now, its shift ended in March: final.
    const completed = await pastShift(server, { startsAt: at('2026-03-22T20:00'), endsAt: at('2026-03-23T08:00') }, [d]);
    const done = await gql(url, CompleteHelpRequestDocument, { id: completed.requestId, beneficiaries: 1 }, requester.coordinator.token);
    expect(dataOf(done).completeHelpRequest.status).toBe('COMPLETED');
    expect(await refused(completed.assignments[0], { absent: true })).toEqual(['REQUEST_NOT_OPEN', undefined]);
  });

  test("COMPLETED: recordable until 7 days after the shift's end, by the clock; OPEN and FILLED: always", async ({
    url,
    server,
    databaseUrl,
  }) => {
    const [a, b] = await Promise.all([volunteer(url, claimant, '蒋'), volunteer(url, claimant, '沈')]);
    // A shift that ended two days ago (whole seconds), completed now.
    const endsAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 2 * DAY);
    const startsAt = new Date(endsAt.getTime() - 12 * HOUR);
    const shift = await pastShift(server, { startsAt, endsAt }, [a]);
    const [assignmentId] = shift.assignments;
    const done = await gql(url, CompleteHelpRequestDocument, { id: shift.requestId, beneficiaries: 1 }, requester.coordinator.token);
    expect(dataOf(done).completeHelpRequest.status).toBe('COMPLETED');
    const now = await recorded(url, { assignmentId, arrivedAt: startsAt.toISOString(), leftAt: endsAt.toISOString() });
    expect(now.hoursServed).toBe(12);

    const coordinator: Actor = { kind: 'user', userId: key(requester.coordinator.id), isAdmin: false };
    const atTime = (ms: number, input: RecordAttendanceFields) =>
      recordAttendance(openDb(server.app.db.orm), coordinator, input, fixedClock(new Date(ms)));
    const lastMoment = endsAt.getTime() + 7 * DAY;
    await expect(atTime(lastMoment, { assignmentId, absent: true })).resolves.toBe(key(assignmentId));
    const before = await snapshot(databaseUrl, assignmentId);
    expect(before.absent).toBe(true);
    await expect(atTime(lastMoment + 1, { assignmentId, arrivedAt: startsAt })).rejects.toMatchObject({ code: 'REQUEST_NOT_OPEN' });
    expect(await snapshot(databaseUrl, assignmentId)).toEqual(before);

    // A request that was never completed has no such limit.
    const open = await pastShift(server, { startsAt, endsAt }, [b]);
    await expect(atTime(endsAt.getTime() + 30 * DAY, { assignmentId: open.assignments[0], absent: true })).resolves.toBe(
      key(open.assignments[0]),
    );
  });
});

describe('service records', () => {
  /** 陈刚, on two rosters. */
  let chen: Persona;
  let chenHere: string;
  let chenThere: string;
  const titles = { n2: '陪护 3月3日', n3: '清扫 3月4日', n4: '陪护 3月5日', n5: '陪护 3月6日' };
  let n2: Staffed;
  let n3: Staffed;
  let n4: Staffed;
  /** The record 陈刚 and administrators see. */
  let expected: ServiceRecordFieldsFragment;

  test.beforeAll(async ({ url, server }) => {
    chen = await signUp(url, '陈刚');
    chenHere = await volunteer(url, claimant, '陈刚', chen);
    chenThere = await volunteer(url, other, '老陈', chen);
    // Night 2, served; night 3, on 象棋协会's roster for a request of 僰乡义工协会, absent;
    // night 4, ended with nothing recorded; night 5, unassigned; tomorrow, to come.
    n2 = await pastShift(server, { title: titles.n2, startsAt: at('2026-03-03T20:00'), endsAt: at('2026-03-04T08:00') }, [chenHere]);
    n3 = await pastShift(
      server,
      { title: titles.n3, by: claimant, staff: other, startsAt: at('2026-03-04T20:00'), endsAt: at('2026-03-05T08:00') },
      [chenThere],
    );
    n4 = await pastShift(server, { title: titles.n4, startsAt: at('2026-03-05T20:00'), endsAt: at('2026-03-06T08:00') }, [chenHere]);
    const n5 = await pastShift(server, { title: titles.n5, startsAt: at('2026-03-06T20:00'), endsAt: at('2026-03-07T08:00') }, [chenHere]);
    await unassignBefore(server, n5);
    const tomorrow = Date.now() + DAY;
    await currentShift(url, new Date(tomorrow), new Date(tomorrow + 12 * HOUR), [chenHere]);

    await recorded(url, { assignmentId: n2.assignments[0], arrivedAt: iso('2026-03-03T20:10'), leftAt: iso('2026-03-04T08:00') });
    await recorded(url, { assignmentId: n3.assignments[0], absent: true }, claimant.coordinator.token);

    const shift = (
      staffed: Staffed,
      title: string,
      by: Org,
      name: string,
      volunteerId: string,
      attendance: [string | null, string | null, boolean, number | null],
    ) => ({
      requestTitle: title,
      startsAt: staffed.startsAt.toISOString(),
      endsAt: staffed.endsAt.toISOString(),
      hoursServed: attendance[3],
      requester: { id: by.id, name: by === requester ? '互助协会' : '僰乡义工协会' },
      assignment: {
        id: staffed.assignments[0],
        arrivedAt: attendance[0],
        leftAt: attendance[1],
        absent: attendance[2],
        hoursServed: attendance[3],
        volunteer: { id: volunteerId, name },
      },
    });
    expected = {
      totalHours: 11.83,
      shiftsServed: 1,
      absences: 1,
      shifts: [
        shift(n2, titles.n2, requester, '陈刚', chenHere, [iso('2026-03-03T20:10'), iso('2026-03-04T08:00'), false, 11.83]),
        shift(n3, titles.n3, claimant, '老陈', chenThere, [null, null, true, 0]),
        shift(n4, titles.n4, requester, '陈刚', chenHere, [null, null, false, null]),
      ],
    };
  });

  test('User.serviceRecord: shifts on every roster, hours and totals; for the user themself and administrators, null for others', async ({
    url,
  }) => {
    expect(dataOf(await gql(url, MyServiceRecordDocument, {}, chen.token)).viewer?.serviceRecord).toEqual(expected);
    const of = async (token?: string) => {
      const { node } = dataOf(await gql(url, UserServiceRecordDocument, { id: chen.id }, token));
      return node?.__typename === 'User' ? node.serviceRecord : 'not a user';
    };
    expect(await of(adminToken)).toEqual(expected);
    for (const token of [undefined, outsider.token, claimant.owner.token, claimantKey.secret, requester.coordinator.token]) {
      expect(await of(token)).toBeNull();
    }
    // Someone who served nothing has an empty record.
    const nobody = await signUp(url, 'Nobody');
    expect(dataOf(await gql(url, MyServiceRecordDocument, {}, nobody.token)).viewer?.serviceRecord).toEqual({
      totalHours: 0,
      shiftsServed: 0,
      absences: 0,
      shifts: [],
    });
  });

  test("Volunteer.serviceRecord: the roster's OWNERs, key and administrators; null for others, COORDINATORs included", async ({ url }) => {
    const of = async (id: string, token?: string) => {
      const { node } = dataOf(await gql(url, VolunteerServiceRecordDocument, { id }, token));
      return node?.__typename === 'Volunteer' ? node.serviceRecord : 'not a volunteer';
    };
    const here = { totalHours: 11.83, shiftsServed: 1, absences: 0, shifts: [expected.shifts[0], expected.shifts[2]] };
    for (const token of [claimant.owner.token, claimantKey.secret, adminToken]) expect(await of(chenHere, token)).toEqual(here);
    expect(await of(chenThere, other.owner.token)).toEqual({ totalHours: 0, shiftsServed: 0, absences: 1, shifts: [expected.shifts[1]] });
    for (const token of [
      undefined,
      claimant.coordinator.token,
      requester.coordinator.token,
      other.owner.token,
      chen.token,
      outsider.token,
    ]) {
      expect(await of(chenHere, token)).toBeNull();
    }
  });

  test('one statement per level, whatever the number of records', async ({ url, server }) => {
    const roster = await createOrg(url, adminToken);
    for (let i = 0; i < 8; i++) {
      const entry = await volunteer(url, roster, `志愿者 ${i}`);
      const shift = await pastShift(
        server,
        { staff: roster, startsAt: at(`2026-05-0${i + 1}T20:00`), endsAt: at(`2026-05-0${i + 2}T08:00`) },
        [entry],
      );
      await recorded(url, { assignmentId: shift.assignments[0], arrivedAt: iso(`2026-05-0${i + 1}T20:00`) });
    }
    const statements = async (n: number) => {
      const response = await gql(url, RosterServiceRecordsDocument, { associationId: roster.id, n }, roster.owner.token);
      expect(response.body.errors).toBeUndefined();
      const records = response.body.data?.association?.volunteers.edges.map((edge) => edge.node.serviceRecord?.shifts.length);
      expect(records).toEqual(Array.from({ length: n }, () => 1));
      return Number(response.headers.get('x-sql-statements'));
    };
    expect(await statements(8)).toBe(await statements(2));
  });
});

describe('GET /export/service-record.csv', () => {
  const csv = async (url: string, params: string, token?: string) => {
    const response = await fetch(new URL(`/export/service-record.csv?${params}`, url), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  };

  test('a volunteer’s record: BOM, header, RFC 4180 quoting, formulas escaped, totals', async ({ url, server }) => {
    const county = await createOrg(url, adminToken, { name: '@互助, 协会' });
    const attacker = await volunteer(url, claimant, "=cmd|' /C calc'!A0");
    const night = await pastShift(
      server,
      { by: county, title: '+守夜 "第一晚"', startsAt: at('2026-03-08T20:00'), endsAt: at('2026-03-09T08:00') },
      [attacker],
    );
    const day = await pastShift(server, { by: county, title: '-白班', startsAt: at('2026-03-10T08:00'), endsAt: at('2026-03-10T18:00') }, [
      attacker,
    ]);
    const asCounty = county.coordinator.token;
    await recorded(
      url,
      { assignmentId: night.assignments[0], arrivedAt: iso('2026-03-08T21:00'), leftAt: iso('2026-03-09T07:30') },
      asCounty,
    );
    await recorded(url, { assignmentId: day.assignments[0], absent: true }, asCounty);

    const expected =
      '\uFEFF' +
      [
        'volunteer,date,shift,requesting association,request title,arrived,left,hours',
        `'=cmd|' /C calc'!A0,2026-03-08,20:00-08:00 (+1),"'@互助, 协会","'+守夜 ""第一晚""",2026-03-08 21:00,2026-03-09 07:30,10.50`,
        `'=cmd|' /C calc'!A0,2026-03-10,08:00-18:00,"'@互助, 协会",'-白班,absent,,0.00`,
        'total,,shifts: 2,,,served: 1,absent: 1,10.50',
      ].join('\r\n') +
      '\r\n';
    for (const token of [claimant.owner.token, claimantKey.secret, adminToken]) {
      const { response, bytes, text } = await csv(url, `volunteerId=${encodeURIComponent(attacker)}`, token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="service-record.csv"');
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(text).toBe(expected);
    }
  });

  test('?user=me: the caller’s own record across rosters, with the shifts that ended unrecorded', async ({ url, server }) => {
    const someone = await signUp(url, '孙');
    const here = await volunteer(url, claimant, '孙', someone);
    const there = await volunteer(url, other, '孙', someone);
    const served = await pastShift(server, { title: '陪护', startsAt: at('2026-04-01T20:00'), endsAt: at('2026-04-02T08:00') }, [here]);
    await pastShift(
      server,
      { title: '清扫', by: claimant, staff: other, startsAt: at('2026-04-02T09:00'), endsAt: at('2026-04-02T12:00') },
      [there],
    );
    await recorded(url, { assignmentId: served.assignments[0], arrivedAt: iso('2026-04-01T20:10'), leftAt: iso('2026-04-02T08:00') });
    const { response, text } = await csv(url, 'user=me', someone.token);
    expect(response.status).toBe(200);
    expect(text).toBe(
      '\uFEFF' +
        [
          'volunteer,date,shift,requesting association,request title,arrived,left,hours',
          '孙,2026-04-01,20:00-08:00 (+1),互助协会,陪护,2026-04-01 20:10,2026-04-02 08:00,11.83',
          '孙,2026-04-02,09:00-12:00,僰乡义工协会,清扫,,,',
          'total,,shifts: 2,,,served: 1,absent: 0,11.83',
        ].join('\r\n') +
        '\r\n',
    );
  });

  test('refusals: 401 with a challenge, 400, 403, 404, as JSON errors', async ({ url }) => {
    const entry = await volunteer(url, claimant, '韩');
    const volunteerId = `volunteerId=${encodeURIComponent(entry)}`;
    const cases: [string, string | undefined, number, string, string | undefined][] = [
      [volunteerId, undefined, 401, 'UNAUTHENTICATED', undefined],
      [volunteerId, 'not-a-token', 401, 'UNAUTHENTICATED', undefined],
      ['user=me', undefined, 401, 'UNAUTHENTICATED', undefined],
      ['user=me&user=me', undefined, 401, 'UNAUTHENTICATED', undefined],
      ['', outsider.token, 400, 'BAD_USER_INPUT', 'volunteerId'],
      [`${volunteerId}&user=me`, outsider.token, 400, 'BAD_USER_INPUT', 'user'],
      ['user=you', outsider.token, 400, 'BAD_USER_INPUT', 'user'],
      ['volunteerId=nope', outsider.token, 400, 'BAD_USER_INPUT', 'volunteerId'],
      [`${volunteerId}&${volunteerId}`, claimant.owner.token, 400, 'BAD_USER_INPUT', 'volunteerId'],
      [`volunteerId=${encodeURIComponent(ghost('Volunteer'))}`, outsider.token, 404, 'NOT_FOUND', undefined],
      [volunteerId, outsider.token, 403, 'FORBIDDEN', undefined],
      [volunteerId, claimant.coordinator.token, 403, 'FORBIDDEN', undefined],
      [volunteerId, requester.owner.token, 403, 'FORBIDDEN', undefined],
      ['user=me', claimantKey.secret, 403, 'FORBIDDEN', undefined],
    ];
    for (const [params, token, status, code, field] of cases) {
      const { response, text } = await csv(url, params, token);
      const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string; field?: string } }[] };
      expect([response.status, body.errors[0].extensions.code, body.errors[0].extensions.field], `${params} ${token}`).toEqual([
        status,
        code,
        field,
      ]);
      expect(response.headers.get('www-authenticate')).toBe(status === 401 ? 'Bearer' : null);
    }
    // An empty record is a header and a totals row.
    const { text } = await csv(url, 'user=me', outsider.token);
    expect(text).toBe(
      '\uFEFFvolunteer,date,shift,requesting association,request title,arrived,left,hours\r\ntotal,,shifts: 0,,,served: 0,absent: 0,0.00\r\n',
    );
  });
});
