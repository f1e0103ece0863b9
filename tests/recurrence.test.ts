/**
 * Recurring shifts (issue 14, item 1): postHelpRequest's `recurrence` expands,
 * with RFC 5545 semantics, into dated slots after the explicit ones; DST-safe
 * (a skipped local time moves forward by the gap, a repeated one is its first
 * occurrence); bounded before anything is expanded; refused as BAD_USER_INPUT
 * naming the field, with nothing written. First the pure expansion, then the
 * operation over real HTTP on PostgreSQL.
 */
import rrulePackage from 'rrule';
import { codes, dataOf, gql, send } from './support/client.js';
import { describe, expect, test } from './support/fixtures.js';
import { createOrg, type Org } from './support/personas.js';
import { errorOf } from './support/events.js';
import { requestInput } from './support/requests.js';
import { DomainError } from '../src/shared/errors.js';
import {
  expandRecurrence,
  RecurrenceFrequency,
  Weekday,
  type ExpandedSlot,
  type RecurrenceFields,
} from '../src/modules/help-requests/recurrence.js';
import {
  HelpRequestCountByRequesterDocument,
  PostHelpRequestDocument,
  PostRecurringRequestDocument,
  RecurringRequestSlotsDocument,
  RequestEventsHeadDocument,
  type PostHelpRequestInput,
  type RecurrenceInput,
} from './generated/graphql.js';

// ---------------------------------------------------------------------------
// The pure expansion

const LIMITS = { room: 100, maxCapacity: 1_000_000 };

const rule = (overrides: Partial<RecurrenceFields> = {}): RecurrenceFields => ({
  frequency: RecurrenceFrequency.DAILY,
  startDate: '2026-12-01',
  count: 7,
  timeZone: 'Asia/Shanghai',
  startTime: '20:00',
  endTime: '08:00',
  capacity: 2,
  ...overrides,
});

/** Slots as plain text: label, start and end in UTC. */
const plain = (slots: ExpandedSlot[]) => slots.map((slot) => [slot.label, slot.startsAt.toISOString(), slot.endsAt.toISOString()]);
const hours = (slot: { startsAt: Date | string | null; endsAt: Date | string | null }) =>
  (new Date(slot.endsAt ?? NaN).getTime() - new Date(slot.startsAt ?? NaN).getTime()) / 3_600_000;

/** The refusal of `work` as { field, message }; fails when it does not refuse with BAD_USER_INPUT. */
function refusal(work: () => unknown): { field: string | undefined; message: string } {
  try {
    work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
    return { field: error.field, message: error.message };
  }
  throw new Error('expected a refusal');
}

describe('expandRecurrence', () => {
  test('a week of nights, 20:00-08:00 in Asia/Shanghai', () => {
    expect(plain(expandRecurrence(rule(), LIMITS))).toEqual([
      ['12月1日 周二 20:00-08:00', '2026-12-01T12:00:00.000Z', '2026-12-02T00:00:00.000Z'],
      ['12月2日 周三 20:00-08:00', '2026-12-02T12:00:00.000Z', '2026-12-03T00:00:00.000Z'],
      ['12月3日 周四 20:00-08:00', '2026-12-03T12:00:00.000Z', '2026-12-04T00:00:00.000Z'],
      ['12月4日 周五 20:00-08:00', '2026-12-04T12:00:00.000Z', '2026-12-05T00:00:00.000Z'],
      ['12月5日 周六 20:00-08:00', '2026-12-05T12:00:00.000Z', '2026-12-06T00:00:00.000Z'],
      ['12月6日 周日 20:00-08:00', '2026-12-06T12:00:00.000Z', '2026-12-07T00:00:00.000Z'],
      ['12月7日 周一 20:00-08:00', '2026-12-07T12:00:00.000Z', '2026-12-08T00:00:00.000Z'],
    ]);
  });

  test('a label prefix, capacity on every shift, seconds shown only when given', () => {
    const slots = expandRecurrence(rule({ count: 1, label: '  夜班 ', startTime: '20:00:30', endTime: '20:00:30', capacity: 3 }), LIMITS);
    expect(slots).toEqual([
      {
        label: '夜班 12月1日 周二 20:00:30-20:00:30',
        startsAt: new Date('2026-12-01T12:00:30Z'),
        endsAt: new Date('2026-12-02T12:00:30Z'),
        capacity: 3,
      },
    ]);
  });

  test('WEEKLY with weekdays, an interval and COUNT: weeks start on Monday (WKST=MO), startDate counts when it matches', () => {
    const slots = expandRecurrence(
      rule({
        frequency: RecurrenceFrequency.WEEKLY,
        weekdays: [Weekday.FR, Weekday.MO, Weekday.WE, Weekday.MO],
        startDate: '2026-12-02',
        interval: 2,
        count: 5,
        startTime: '09:00',
        endTime: '11:00',
      }),
      LIMITS,
    );
    expect(slots.map((slot) => slot.label)).toEqual([
      '12月2日 周三 09:00-11:00',
      '12月4日 周五 09:00-11:00',
      '12月14日 周一 09:00-11:00',
      '12月16日 周三 09:00-11:00',
      '12月18日 周五 09:00-11:00',
    ]);
  });

  test("WEEKLY without weekdays repeats startDate's weekday; UNTIL is inclusive", () => {
    const slots = expandRecurrence(rule({ frequency: RecurrenceFrequency.WEEKLY, count: null, until: '2026-12-15' }), LIMITS);
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-12-01T12:00:00.000Z',
      '2026-12-08T12:00:00.000Z',
      '2026-12-15T12:00:00.000Z',
    ]);
  });

  test('Europe/Berlin, spring forward: nights are 11 hours across the change, 02:30 moves to 03:30', () => {
    const nights = expandRecurrence(rule({ timeZone: 'Europe/Berlin', startDate: '2027-03-26', count: 3 }), LIMITS);
    expect(plain(nights)).toEqual([
      ['3月26日 周五 20:00-08:00', '2027-03-26T19:00:00.000Z', '2027-03-27T07:00:00.000Z'],
      ['3月27日 周六 20:00-08:00', '2027-03-27T19:00:00.000Z', '2027-03-28T06:00:00.000Z'],
      ['3月28日 周日 20:00-08:00', '2027-03-28T18:00:00.000Z', '2027-03-29T06:00:00.000Z'],
    ]);
    expect(nights.map(hours)).toEqual([12, 11, 12]);

    const early = expandRecurrence(
      rule({ timeZone: 'Europe/Berlin', startDate: '2027-03-27', count: 3, startTime: '02:30', endTime: '06:30' }),
      LIMITS,
    );
    expect(plain(early)).toEqual([
      ['3月27日 周六 02:30-06:30', '2027-03-27T01:30:00.000Z', '2027-03-27T05:30:00.000Z'],
      ['3月28日 周日 03:30-06:30', '2027-03-28T01:30:00.000Z', '2027-03-28T04:30:00.000Z'],
      ['3月29日 周一 02:30-06:30', '2027-03-29T00:30:00.000Z', '2027-03-29T04:30:00.000Z'],
    ]);
  });

  test('Europe/Berlin, fall back: a 13-hour night, and 02:30 (twice that day) is the first, earlier one', () => {
    const nights = expandRecurrence(rule({ timeZone: 'Europe/Berlin', startDate: '2027-10-30', count: 2 }), LIMITS);
    expect(plain(nights)).toEqual([
      ['10月30日 周六 20:00-08:00', '2027-10-30T18:00:00.000Z', '2027-10-31T07:00:00.000Z'],
      ['10月31日 周日 20:00-08:00', '2027-10-31T19:00:00.000Z', '2027-11-01T07:00:00.000Z'],
    ]);
    expect(nights.map(hours)).toEqual([13, 12]);

    const [ambiguous] = expandRecurrence(
      rule({ timeZone: 'Europe/Berlin', startDate: '2027-10-31', count: 1, startTime: '02:30', endTime: '04:00' }),
      LIMITS,
    );
    expect(ambiguous.startsAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(hours(ambiguous)).toBe(2.5);
  });

  test('America/New_York: 02:30 on 14 March 2027 is 03:30 EDT; 01:30 on 7 November is EDT, the first of two', () => {
    const [spring] = expandRecurrence(
      rule({ timeZone: 'America/New_York', startDate: '2027-03-14', count: 1, startTime: '02:30', endTime: '10:00' }),
      LIMITS,
    );
    expect(plain([spring])).toEqual([['3月14日 周日 03:30-10:00', '2027-03-14T07:30:00.000Z', '2027-03-14T14:00:00.000Z']]);
    const [fall] = expandRecurrence(
      rule({ timeZone: 'America/New_York', startDate: '2027-11-07', count: 1, startTime: '01:30', endTime: '01:30' }),
      LIMITS,
    );
    // 24 wall-clock hours from the first 01:30 (EDT) to 01:30 EST the next day: 25 hours.
    expect(plain([fall])).toEqual([['11月7日 周日 01:30-01:30', '2027-11-07T05:30:00.000Z', '2027-11-08T06:30:00.000Z']]);
  });

  test('a shift that lies wholly in the hour the clocks skip is refused, naming endTime', () => {
    expect(
      refusal(() =>
        expandRecurrence(
          rule({ timeZone: 'Europe/Berlin', startDate: '2027-03-27', count: 2, startTime: '02:30', endTime: '03:15' }),
          LIMITS,
        ),
      ),
    ).toMatchObject({ field: 'endTime' });
  });

  test('bounds, checked before expanding', () => {
    const field = (overrides: Partial<RecurrenceFields>, limits = LIMITS) => refusal(() => expandRecurrence(rule(overrides), limits)).field;
    expect(field({ count: 0 })).toBe('count');
    expect(field({ count: 101 })).toBe('count');
    expect(field({ count: null })).toBe('count');
    expect(field({ until: '2026-12-05' })).toBe('until');
    expect(field({ count: null, until: '2026-11-30' })).toBe('until');
    expect(field({ interval: 0 })).toBe('interval');
    expect(field({ interval: 53 })).toBe('interval');
    expect(field({ weekdays: [Weekday.MO] })).toBe('weekdays');
    expect(field({ frequency: RecurrenceFrequency.WEEKLY, weekdays: [] })).toBe('weekdays');
    expect(field({ timeZone: 'Mars/Olympus' })).toBe('timeZone');
    expect(field({ capacity: 0 })).toBe('capacity');
    expect(field({ label: '夜'.repeat(101) })).toBe('label');
    // 366 days from startDate to the last start: the most a recurrence spans.
    expect(
      expandRecurrence(rule({ interval: 6, count: 62 }), LIMITS)
        .at(-1)!
        .startsAt.toISOString(),
    ).toBe('2027-12-02T12:00:00.000Z');
    expect(field({ interval: 6, count: 63 })).toBe('count');
    expect(field({ count: null, until: '2027-12-03', frequency: RecurrenceFrequency.WEEKLY })).toBe('until');
    expect(expandRecurrence(rule({ count: null, until: '2027-12-02', frequency: RecurrenceFrequency.WEEKLY }), LIMITS)).toHaveLength(53);
    // The room left by explicit slots.
    expect(expandRecurrence(rule({ count: 3 }), { ...LIMITS, room: 3 })).toHaveLength(3);
    expect(field({ count: 4 }, { ...LIMITS, room: 3 })).toBe('count');
    expect(field({ count: null, until: '2026-12-04' }, { ...LIMITS, room: 3 })).toBe('until');
    // A rule that yields no date.
    expect(field({ frequency: RecurrenceFrequency.WEEKLY, weekdays: [Weekday.MO], count: null, until: '2026-12-06' })).toBe('until');
  });

  test('the span of a COUNT rule is computed exactly: refused exactly when rrule would go past 366 days', () => {
    const { RRule } = rrulePackage;
    const all = Object.values(Weekday);
    const sets = [[Weekday.MO], [Weekday.SU], [Weekday.MO, Weekday.WE, Weekday.FR], [Weekday.TU, Weekday.SU], all];
    for (const startDate of ['2026-12-01', '2026-12-06', '2026-12-07']) {
      for (const weekdays of sets) {
        for (const interval of [1, 2, 5, 13]) {
          for (const count of [1, 2, 3, 10, 40, 100]) {
            const recurrence = rule({ frequency: RecurrenceFrequency.WEEKLY, startDate, weekdays, interval, count });
            const dates = new RRule({
              freq: RRule.WEEKLY,
              interval,
              count,
              wkst: RRule.MO,
              byweekday: weekdays.map((day) => all.indexOf(day)),
              dtstart: new Date(`${startDate}T00:00:00Z`),
            }).all();
            const span = (dates.at(-1)!.getTime() - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000;
            if (span <= 366) {
              // 20:00 in Asia/Shanghai is 12:00 UTC on the same date.
              const slots = expandRecurrence(recurrence, LIMITS);
              expect(slots.map((slot) => slot.startsAt.getTime())).toEqual(dates.map((date) => date.getTime() + 12 * 3_600_000));
            } else {
              expect(refusal(() => expandRecurrence(recurrence, LIMITS))).toMatchObject({ field: 'count' });
            }
          }
        }
      }
    }
  });

  test('the first and last years of DateTime: computed right, refused past them', () => {
    expect(plain(expandRecurrence(rule({ timeZone: 'UTC', startDate: '0001-01-01', count: 2 }), LIMITS))).toEqual([
      ['1月1日 周一 20:00-08:00', '0001-01-01T20:00:00.000Z', '0001-01-02T08:00:00.000Z'],
      ['1月2日 周二 20:00-08:00', '0001-01-02T20:00:00.000Z', '0001-01-03T08:00:00.000Z'],
    ]);
    expect(expandRecurrence(rule({ timeZone: 'UTC', startDate: '9999-12-30', count: 1 }), LIMITS)).toHaveLength(1);
    expect(refusal(() => expandRecurrence(rule({ timeZone: 'UTC', startDate: '9999-12-30', count: 2 }), LIMITS)).field).toBe('count');
    expect(refusal(() => expandRecurrence(rule({ startDate: '0001-01-01', startTime: '01:00' }), LIMITS)).field).toBe('startDate');
  });
});

// ---------------------------------------------------------------------------
// Over HTTP

let org: Org;

test.beforeAll(async ({ url, adminToken }) => {
  org = await createOrg(url, adminToken);
});

const nightly: RecurrenceInput = {
  frequency: 'DAILY',
  startDate: '2026-12-01',
  count: 7,
  timeZone: 'Asia/Shanghai',
  startTime: '20:00',
  endTime: '08:00',
  capacity: 2,
  label: '夜班',
};

const guardRota = (overrides: Partial<PostHelpRequestInput> = {}): PostHelpRequestInput =>
  requestInput(org.id, {
    kind: 'PATIENT_GUARD',
    category: 'MEDICAL',
    title: '县人民医院重症病人夜间陪护',
    description: '每晚两人，一周',
    slots: [],
    recurrence: nightly,
    ...overrides,
  });

const post = (url: string, input: PostHelpRequestInput) => gql(url, PostRecurringRequestDocument, { input }, org.coordinator.token);

/** What a refusal must leave as it was: the association's requests and the event log. */
async function written(url: string) {
  const count = dataOf(await gql(url, HelpRequestCountByRequesterDocument, { requesterId: org.id })).helpRequests.totalCount;
  const head = dataOf(await gql(url, RequestEventsHeadDocument, {})).requestEventsHead;
  return { count, head };
}

describe('postHelpRequest with a recurrence', () => {
  test('a week of nightly shifts in Asia/Shanghai: 7 slots, exact instants, labels, request times from the slots', async ({ url }) => {
    const request = dataOf(await post(url, guardRota())).postHelpRequest;
    expect(request).toMatchObject({
      kind: 'PATIENT_GUARD',
      status: 'OPEN',
      capacity: 14,
      remaining: 14,
      startsAt: '2026-12-01T12:00:00.000Z',
      endsAt: '2026-12-08T00:00:00.000Z',
    });
    expect(request.slots).toEqual(
      ['12月1日 周二', '12月2日 周三', '12月3日 周四', '12月4日 周五', '12月5日 周六', '12月6日 周日', '12月7日 周一'].map((day, i) => ({
        label: `夜班 ${day} 20:00-08:00`,
        startsAt: `2026-12-0${i + 1}T12:00:00.000Z`,
        endsAt: `2026-12-0${i + 2}T00:00:00.000Z`,
        capacity: 2,
      })),
    );
    // Stored as slots like any other: read back the same.
    const again = dataOf(await gql(url, RecurringRequestSlotsDocument, { id: request.id })).helpRequest!;
    expect(again.slots).toEqual(request.slots);
  });

  test('shifts follow the explicit slots, and the request spans them all', async ({ url }) => {
    const briefing = { label: '交接说明会', startsAt: '2026-11-30T19:00:00+08:00', endsAt: '2026-11-30T20:00:00+08:00', capacity: 5 };
    const request = dataOf(
      await post(url, guardRota({ slots: [briefing], recurrence: { ...nightly, count: 2, label: null } })),
    ).postHelpRequest;
    expect(request.slots.map((slot) => slot.label)).toEqual(['交接说明会', '12月1日 周二 20:00-08:00', '12月2日 周三 20:00-08:00']);
    expect(request).toMatchObject({ capacity: 9, startsAt: '2026-11-30T11:00:00.000Z', endsAt: '2026-12-03T00:00:00.000Z' });
  });

  test('WEEKLY on MO, WE, FR with COUNT', async ({ url }) => {
    const recurrence: RecurrenceInput = {
      ...nightly,
      frequency: 'WEEKLY',
      weekdays: ['MO', 'WE', 'FR'],
      startDate: '2026-12-02',
      count: 5,
      startTime: '09:00',
      endTime: '11:30',
      label: '图书角值日',
    };
    const request = dataOf(await post(url, guardRota({ kind: 'MANPOWER', category: 'COMMUNITY_SERVICE', recurrence }))).postHelpRequest;
    expect(request.slots.map((slot) => [slot.label, slot.startsAt, slot.endsAt])).toEqual([
      ['图书角值日 12月2日 周三 09:00-11:30', '2026-12-02T01:00:00.000Z', '2026-12-02T03:30:00.000Z'],
      ['图书角值日 12月4日 周五 09:00-11:30', '2026-12-04T01:00:00.000Z', '2026-12-04T03:30:00.000Z'],
      ['图书角值日 12月7日 周一 09:00-11:30', '2026-12-07T01:00:00.000Z', '2026-12-07T03:30:00.000Z'],
      ['图书角值日 12月9日 周三 09:00-11:30', '2026-12-09T01:00:00.000Z', '2026-12-09T03:30:00.000Z'],
      ['图书角值日 12月11日 周五 09:00-11:30', '2026-12-11T01:00:00.000Z', '2026-12-11T03:30:00.000Z'],
    ]);
  });

  test('UNTIL is inclusive', async ({ url }) => {
    const daily = dataOf(await post(url, guardRota({ recurrence: { ...nightly, count: null, until: '2026-12-05' } }))).postHelpRequest;
    expect(daily.slots.map((slot) => slot.startsAt)).toEqual([1, 2, 3, 4, 5].map((day) => `2026-12-0${day}T12:00:00.000Z`));
    const weekly = dataOf(
      await post(
        url,
        guardRota({ recurrence: { ...nightly, frequency: 'WEEKLY', weekdays: ['TU', 'SA'], count: null, until: '2026-12-12' } }),
      ),
    ).postHelpRequest;
    expect(weekly.slots.map((slot) => slot.label)).toEqual([
      '夜班 12月1日 周二 20:00-08:00',
      '夜班 12月5日 周六 20:00-08:00',
      '夜班 12月8日 周二 20:00-08:00',
      '夜班 12月12日 周六 20:00-08:00',
    ]);
  });

  test('across the spring-forward change in Europe/Berlin: 02:30 becomes 03:30, durations follow the clocks', async ({ url }) => {
    const recurrence: RecurrenceInput = {
      ...nightly,
      timeZone: 'Europe/Berlin',
      startDate: '2027-03-27',
      count: 3,
      startTime: '02:30',
      endTime: '06:30',
      label: null,
    };
    const early = dataOf(await post(url, guardRota({ recurrence }))).postHelpRequest;
    expect(early.slots.map((slot) => [slot.label, slot.startsAt, slot.endsAt])).toEqual([
      ['3月27日 周六 02:30-06:30', '2027-03-27T01:30:00.000Z', '2027-03-27T05:30:00.000Z'],
      ['3月28日 周日 03:30-06:30', '2027-03-28T01:30:00.000Z', '2027-03-28T04:30:00.000Z'],
      ['3月29日 周一 02:30-06:30', '2027-03-29T00:30:00.000Z', '2027-03-29T04:30:00.000Z'],
    ]);
    expect(early.slots.map(hours)).toEqual([4, 3, 4]);

    const nights = dataOf(
      await post(url, guardRota({ recurrence: { ...nightly, timeZone: 'Europe/Berlin', startDate: '2027-03-26', count: 3 } })),
    ).postHelpRequest;
    expect(nights.slots.map(hours)).toEqual([12, 11, 12]);
    expect(nights.slots[1]).toMatchObject({ startsAt: '2027-03-27T19:00:00.000Z', endsAt: '2027-03-28T06:00:00.000Z' });
  });

  test('across the fall-back change in Europe/Berlin: a 13-hour night; a repeated 02:30 is the earlier one', async ({ url }) => {
    const nights = dataOf(
      await post(url, guardRota({ recurrence: { ...nightly, timeZone: 'Europe/Berlin', startDate: '2027-10-30', count: 2 } })),
    ).postHelpRequest;
    expect(nights.slots.map((slot) => [slot.startsAt, slot.endsAt])).toEqual([
      ['2027-10-30T18:00:00.000Z', '2027-10-31T07:00:00.000Z'],
      ['2027-10-31T19:00:00.000Z', '2027-11-01T07:00:00.000Z'],
    ]);
    expect(nights.slots.map(hours)).toEqual([13, 12]);
    const ambiguous = dataOf(
      await post(
        url,
        guardRota({
          recurrence: { ...nightly, timeZone: 'Europe/Berlin', startDate: '2027-10-31', count: 1, startTime: '02:30', endTime: '04:00' },
        }),
      ),
    ).postHelpRequest;
    expect(ambiguous.slots[0]).toMatchObject({ startsAt: '2027-10-31T00:30:00.000Z', endsAt: '2027-10-31T03:00:00.000Z' });
  });

  test('a replay with the same idempotency key returns the first request', async ({ url }) => {
    const input = guardRota({ idempotencyKey: 'rota-replay' });
    const first = dataOf(await post(url, input)).postHelpRequest;
    const before = await written(url);
    expect(dataOf(await post(url, input)).postHelpRequest.id).toBe(first.id);
    expect(await written(url)).toEqual(before);
  });
});

describe('postHelpRequest refuses an unbounded or ill-formed recurrence, writing nothing', () => {
  test.for<[string, Partial<PostHelpRequestInput>, string]>([
    [
      'a span over 366 days (until)',
      { recurrence: { ...nightly, frequency: 'WEEKLY', count: null, until: '2027-12-03' } },
      'input.recurrence.until',
    ],
    ['a span over 366 days (count, DAILY)', { recurrence: { ...nightly, interval: 4, count: 93 } }, 'input.recurrence.count'],
    ['a span over 366 days (count, WEEKLY)', { recurrence: { ...nightly, frequency: 'WEEKLY', count: 60 } }, 'input.recurrence.count'],
    ['count 0', { recurrence: { ...nightly, count: 0 } }, 'input.recurrence.count'],
    ['count 101', { recurrence: { ...nightly, count: 101 } }, 'input.recurrence.count'],
    ['both count and until', { recurrence: { ...nightly, until: '2026-12-07' } }, 'input.recurrence.until'],
    ['neither count nor until', { recurrence: { ...nightly, count: null } }, 'input.recurrence.count'],
    ['until before startDate', { recurrence: { ...nightly, count: null, until: '2026-11-30' } }, 'input.recurrence.until'],
    ['interval 53', { recurrence: { ...nightly, interval: 53 } }, 'input.recurrence.interval'],
    ['weekdays with DAILY', { recurrence: { ...nightly, weekdays: ['MO'] } }, 'input.recurrence.weekdays'],
    [
      'more than 100 slots in all (count)',
      { slots: Array.from({ length: 10 }, () => ({ capacity: 1 })), recurrence: { ...nightly, count: 91 } },
      'input.recurrence.count',
    ],
    ['more than 100 slots in all (until)', { recurrence: { ...nightly, count: null, until: '2027-03-11' } }, 'input.recurrence.until'],
    ['a FUNDRAISING request', { kind: 'FUNDRAISING', category: 'MEDICAL', slots: [{ capacity: 5000 }] }, 'input.recurrence'],
    ['capacity 0', { recurrence: { ...nightly, capacity: 0 } }, 'input.recurrence.capacity'],
    ['a label prefix over 100 characters', { recurrence: { ...nightly, label: '夜'.repeat(101) } }, 'input.recurrence.label'],
    ['no slot and no recurrence', { recurrence: null }, 'input.slots'],
  ])('%s', async ([, overrides, field], { url }) => {
    const before = await written(url);
    const response = await post(url, guardRota(overrides));
    expect(errorOf(response)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await written(url)).toEqual(before);
  });

  test('an unknown time zone is refused as a variable that does not coerce', async ({ url }) => {
    const before = await written(url);
    const response = await post(url, guardRota({ recurrence: { ...nightly, timeZone: 'Mars/Olympus' } }));
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors?.[0]?.message).toContain('input.recurrence.timeZone');
    expect(await written(url)).toEqual(before);
  });

  test.for<[string, Record<string, unknown>]>([
    ['a date that does not exist', { startDate: '2027-02-29' }],
    ['a date-time for a date', { startDate: '2026-12-01T20:00:00+08:00' }],
    ['24:00 for a time', { endTime: '24:00' }],
    ['a time zone that is not a string', { timeZone: ['Asia/Shanghai'] }],
    ['a UTC offset for a time zone', { timeZone: '+08:00' }],
    ['a bare offset for a time zone', { timeZone: '-23:59' }],
  ])('%s is refused as a variable that does not coerce', async ([, bad], { url }) => {
    const before = await written(url);
    const input = { ...guardRota(), recurrence: { ...nightly, ...bad } };
    const response = await send(url, PostHelpRequestDocument.toString(), { input }, org.coordinator.token);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await written(url)).toEqual(before);
  });

  test('a malformed literal fails validation', async ({ url }) => {
    const response = await send(
      url,
      `mutation { postHelpRequest(input: { associationId: "${org.id}", kind: MANPOWER, category: COMMUNITY_SERVICE, title: "t", description: "d", slots: [],
        recurrence: { frequency: DAILY, startDate: "2026-13-01", count: 1, timeZone: "Asia/Shanghai", startTime: "20:00", endTime: "08:00", capacity: 1 } }) { id } }`,
      undefined,
      org.coordinator.token,
    );
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
