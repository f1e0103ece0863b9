/**
 * Recurring shifts (issue 14, item 1): a structured recurrence rule with
 * RFC 5545 semantics, expanded to dated slots. Pure: no database, no clock.
 *
 * - The dates come from the `rrule` package (RFC 5545 RRULE: FREQ, INTERVAL,
 *   BYDAY, COUNT, UNTIL, WKST=MO), computed as floating dates (no time zone).
 * - The times come from luxon's time-zone data: each date's local start and end
 *   wall times become instants in `timeZone`, as RFC 5545 section 3.3.5 says
 *   for local times: a time that does not exist (spring forward) is read with
 *   the UTC offset before the gap, so it moves forward by the gap (02:30 on the
 *   day Europe/Berlin skips 02:00-03:00 is 03:30); a time that occurs twice
 *   (fall back) is its first occurrence, the earlier instant.
 * - Every bound is checked before anything is expanded: count 1-100, a span of
 *   at most 366 days from startDate (computed from COUNT without iterating),
 *   and the shifts fit in the slots left (`room`); the expansion itself stops
 *   one date past `room`.
 *
 * Refusals are BAD_USER_INPUT with paths relative to the rule (`count`,
 * `until`, `timeZone`); the caller puts them under its own field.
 */
import rrulePackage from 'rrule';
import { IANAZone } from 'luxon';
import { BOUNDS } from '../../shared/cost.js';
import { badInput } from '../../shared/errors.js';
import { intInRange, optionalText } from '../../shared/input.js';

/** RFC 5545 FREQ, the two this server expands. */
export enum RecurrenceFrequency {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}

/** RFC 5545 weekday codes (BYDAY), Monday first as RFC 5545's default WKST. */
export enum Weekday {
  MO = 'MO',
  TU = 'TU',
  WE = 'WE',
  TH = 'TH',
  FR = 'FR',
  SA = 'SA',
  SU = 'SU',
}

/** Monday 0 ... Sunday 6: the index rrule uses, and the order of a week that starts on Monday (WKST=MO). */
const WEEKDAYS: readonly Weekday[] = [Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR, Weekday.SA, Weekday.SU];
/** Chinese weekday names, Monday first. */
const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export const RECURRENCE_LIMITS = {
  /** RFC 5545 INTERVAL: every 1 to 52 days or weeks. */
  interval: 52,
  /** RFC 5545 COUNT. */
  count: BOUNDS.slots,
  /** From startDate to the date of the last shift's start, in days. */
  spanDays: 366,
  /** The label prefix, in code points (the date and times follow it). */
  label: 100,
} as const;

/** A recurrence as the API takes it (RecurrenceInput): dates `YYYY-MM-DD`, times `HH:mm[:ss[.SSS]]`, an IANA zone. */
export interface RecurrenceFields {
  frequency: RecurrenceFrequency;
  interval?: number | null;
  weekdays?: Weekday[] | null;
  startDate: string;
  count?: number | null;
  until?: string | null;
  timeZone: string;
  startTime: string;
  endTime: string;
  capacity: number;
  label?: string | null;
}

export interface RecurrenceLimits {
  /** How many shifts may be added: the slots a request may have less its explicit slots. */
  room: number;
  /** The largest capacity of one slot. */
  maxCapacity: number;
}

export interface ExpandedSlot {
  label: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The Gregorian calendar repeats every 400 years, weekdays included (146,097 days = 20,871 weeks). */
const CYCLE_YEARS = 400;
/** rrule computes with JavaScript dates, which misread years below 100 and stop at 9999: it sees years from here on. */
const SAFE_YEAR = 2000;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface WallTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (any year, unlike Date.UTC, which maps 0-99 to 1900-1999). */
function dayNumber({ year, month, day }: CalendarDate): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

function dateOfDayNumber(days: number): CalendarDate {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** DateTime's range (api.md, "Input limits"): years 0001-9999 in UTC. */
const FIRST_INSTANT = dayNumber({ year: 1, month: 1, day: 1 }) * DAY_MS;
const LAST_INSTANT = dayNumber({ year: 10000, month: 1, day: 1 }) * DAY_MS - 1;

/** Monday 0 ... Sunday 6. */
const weekdayOf = (days: number): number => (new Date(days * DAY_MS).getUTCDay() + 6) % 7;

/** A LocalDate (the scalar has checked the shape and that the date exists). */
function parseDate(value: string, field: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw badInput(field, `${field} must be a date YYYY-MM-DD`);
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const back = dateOfDayNumber(dayNumber(date));
  if (back.year !== date.year || back.month !== date.month || back.day !== date.day)
    throw badInput(field, `${field} is not a calendar date`);
  return date;
}

/** A LocalTime, `HH:mm[:ss[.SSS]]` (the scalar has checked the shape). */
function parseTime(value: string, field: string): WallTime {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{3}))?)?$/.exec(value);
  if (!match) throw badInput(field, `${field} must be a time HH:mm[:ss[.SSS]]`);
  // Seconds and milliseconds are optional groups: undefined when absent.
  const [, hour, minute, second = '0', millisecond = '0'] = match;
  return { hour: Number(hour), minute: Number(minute), second: Number(second), millisecond: Number(millisecond) };
}

const millisOfDay = (time: WallTime): number => ((time.hour * 60 + time.minute) * 60 + time.second) * 1000 + time.millisecond;

/**
 * The instant of a local wall time in `zone` (RFC 5545 3.3.5): the first of
 * two candidates when the time occurs twice, the offset before the gap when it
 * does not occur. Candidates are read with the offsets a day before and after,
 * as Temporal does: no zone changes its offset twice within two days.
 */
function instantOf(zone: IANAZone, days: number, time: WallTime): number {
  const wall = days * DAY_MS + millisOfDay(time);
  const offsetMs = (at: number) => Math.round(zone.offset(at) * MINUTE_MS);
  const before = offsetMs(wall - DAY_MS);
  const after = offsetMs(wall + DAY_MS);
  const candidates = [...new Set([before, after])].map((offset) => wall - offset).filter((instant) => wall - offsetMs(instant) === instant);
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The local wall time of `instant` in `zone`, `HH:mm` (with seconds when there are any). */
function wallTimeText(zone: IANAZone, instant: number): { days: number; text: string } {
  const local = new Date(instant + Math.round(zone.offset(instant) * MINUTE_MS));
  const seconds = local.getUTCSeconds() !== 0 || local.getUTCMilliseconds() !== 0 ? `:${pad(local.getUTCSeconds())}` : '';
  return {
    days: Math.floor(local.getTime() / DAY_MS),
    text: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${seconds}`,
  };
}

/** `12月3日 周三 20:00-08:00`: the start's local date and weekday, then the local start and end times as they fall. */
function labelOf(zone: IANAZone, start: number, end: number, prefix: string | null): string {
  const from = wallTimeText(zone, start);
  const to = wallTimeText(zone, end);
  const date = dateOfDayNumber(from.days);
  const text = `${date.month}月${date.day}日 ${WEEKDAY_NAMES[weekdayOf(from.days)]} ${from.text}-${to.text}`;
  return prefix ? `${prefix} ${text}` : text;
}

/**
 * The day (days since 1970-01-01) of the last occurrence of a COUNT rule, by
 * arithmetic: no date is generated to find it.
 */
function lastDayOfCount(frequency: RecurrenceFrequency, start: number, interval: number, count: number, weekdays: number[]): number {
  if (frequency === RecurrenceFrequency.DAILY) return start + (count - 1) * interval;
  // WEEKLY: the weeks are counted from the week of startDate (Monday first);
  // in its first week only the weekdays from startDate's on occur.
  const weekStart = start - weekdayOf(start);
  const firstWeek = weekdays.filter((weekday) => weekday >= weekdayOf(start));
  if (count <= firstWeek.length) return weekStart + firstWeek[count - 1];
  const rest = count - firstWeek.length;
  const weeks = Math.ceil(rest / weekdays.length);
  return weekStart + weeks * interval * 7 + weekdays[rest - (weeks - 1) * weekdays.length - 1];
}

/** The dates (days since 1970-01-01) the rule yields, at most `limit` of them, from rrule. */
function ruleDays(
  frequency: RecurrenceFrequency,
  start: CalendarDate,
  interval: number,
  weekdays: number[],
  end: { count: number } | { until: CalendarDate },
  limit: number,
): number[] {
  const { RRule } = rrulePackage;
  // Moved by whole 400-year cycles into years rrule handles, and back: the calendar is the same.
  const shift = Math.floor((start.year - SAFE_YEAR) / CYCLE_YEARS) * CYCLE_YEARS;
  const asDate = (date: CalendarDate) => new Date(Date.UTC(date.year - shift, date.month - 1, date.day));
  const rule = new RRule({
    freq: frequency === RecurrenceFrequency.DAILY ? RRule.DAILY : RRule.WEEKLY,
    interval,
    wkst: RRule.MO,
    dtstart: asDate(start),
    byweekday: frequency === RecurrenceFrequency.WEEKLY ? weekdays : null,
    ...('count' in end ? { count: end.count } : { until: asDate(end.until) }),
  });
  return rule
    .all((_date, index) => index < limit)
    .map((date) => dayNumber({ year: date.getUTCFullYear() + shift, month: date.getUTCMonth() + 1, day: date.getUTCDate() }));
}

/**
 * The slots a recurrence stands for, in date order, after checking its shape
 * and bounds. Field paths are relative to the recurrence (`count`, `until`).
 */
export function expandRecurrence(input: RecurrenceFields, limits: RecurrenceLimits): ExpandedSlot[] {
  const { frequency } = input;
  const interval = intInRange(input.interval ?? 1, 'interval', 1, RECURRENCE_LIMITS.interval);
  if (frequency === RecurrenceFrequency.DAILY && input.weekdays != null) {
    throw badInput('weekdays', 'weekdays (RFC 5545 BYDAY) go with a WEEKLY recurrence only');
  }
  if (input.weekdays?.length === 0) throw badInput('weekdays', 'weekdays must name at least one day, or be omitted');
  const startDate = parseDate(input.startDate, 'startDate');
  const start = dayNumber(startDate);
  const weekdays =
    input.weekdays == null
      ? [weekdayOf(start)]
      : [...new Set(input.weekdays.map((weekday) => WEEKDAYS.indexOf(weekday)))].sort((a, b) => a - b);
  if (weekdays.some((weekday) => weekday < 0)) throw badInput('weekdays', 'weekdays must be MO, TU, WE, TH, FR, SA or SU');

  // RFC 5545: COUNT and UNTIL MUST NOT occur in the same rule; without either a rule never ends, which is refused here.
  const count = input.count ?? null;
  const until = input.until ?? null;
  if (count !== null && until !== null) throw badInput('until', 'Give either count or until, not both (RFC 5545)');
  if (count === null && until === null) throw badInput('count', 'Give count or until: a recurrence must end');

  let end: { count: number } | { until: CalendarDate };
  let endField: 'count' | 'until';
  if (count !== null) {
    intInRange(count, 'count', 1, RECURRENCE_LIMITS.count);
    if (count > limits.room) {
      throw badInput('count', `A request has at most ${BOUNDS.slots} slots: there is room for ${limits.room} more, not ${count}`);
    }
    const span = lastDayOfCount(frequency, start, interval, count, weekdays) - start;
    if (span > RECURRENCE_LIMITS.spanDays) {
      throw badInput('count', `A recurrence spans at most ${RECURRENCE_LIMITS.spanDays} days from startDate; this one spans ${span}`);
    }
    end = { count };
    endField = 'count';
  } else {
    const untilDate = parseDate(until ?? '', 'until');
    const span = dayNumber(untilDate) - start;
    if (span < 0) throw badInput('until', 'until must not be before startDate');
    if (span > RECURRENCE_LIMITS.spanDays) {
      throw badInput('until', `A recurrence spans at most ${RECURRENCE_LIMITS.spanDays} days from startDate; this one spans ${span}`);
    }
    end = { until: untilDate };
    endField = 'until';
  }

  const zone = IANAZone.create(input.timeZone);
  if (!zone.isValid) throw badInput('timeZone', 'timeZone must be an IANA time zone, like Asia/Shanghai');
  const startTime = parseTime(input.startTime, 'startTime');
  const endTime = parseTime(input.endTime, 'endTime');
  const capacity = intInRange(input.capacity, 'capacity', 1, limits.maxCapacity);
  const prefix = optionalText(input.label, 'label', RECURRENCE_LIMITS.label);
  // RFC 5545 has no "next day" end: a shift whose end is not after its start ends on the next day.
  const endDayOffset = millisOfDay(endTime) <= millisOfDay(startTime) ? 1 : 0;

  // Bounded twice: the span is at most 366 days, and no more than room + 1 dates are taken.
  const days = ruleDays(frequency, startDate, interval, weekdays, end, limits.room + 1);
  if (days.length > limits.room) {
    throw badInput(endField, `A request has at most ${BOUNDS.slots} slots: this recurrence yields more than the ${limits.room} left`);
  }
  if (days.length === 0) throw badInput(endField, 'The recurrence yields no shift between startDate and until');

  return days.map((day) => {
    const startsAt = instantOf(zone, day, startTime);
    const endsAt = instantOf(zone, day + endDayOffset, endTime);
    if (startsAt < FIRST_INSTANT) throw badInput('startDate', 'Shifts must lie in the years 0001 to 9999 (UTC)');
    if (endsAt > LAST_INSTANT) throw badInput(endField, 'Shifts must lie in the years 0001 to 9999 (UTC)');
    if (endsAt <= startsAt) {
      const date = dateOfDayNumber(day);
      throw badInput(
        'endTime',
        `On ${date.year}-${pad(date.month)}-${pad(date.day)} the shift ends before it starts: its start time does not exist that day in ${input.timeZone} (the clocks skip it)`,
      );
    }
    return { label: labelOf(zone, startsAt, endsAt, prefix), startsAt: new Date(startsAt), endsAt: new Date(endsAt), capacity };
  });
}
