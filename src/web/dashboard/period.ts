/**
 * Periods in the county's calendar. The server counts months in its
 * STATS_TIME_ZONE, Asia/Shanghai by default (api.md, "Stats"); China has kept
 * UTC+8 without daylight saving since 1991, so a month starts at 00:00+08:00 on
 * its first day whatever the screen's own time zone is.
 */
import type { PeriodKey } from './labels';

export const OFFSET_HOURS = 8;
const OFFSET = '+08:00';

/** A calendar month: year and month 0-11 (months past 11 or below 0 roll over). */
export interface Month {
  year: number;
  month: number;
}

/** [from, to) as DateTime inputs with the county's offset, plus the months it spans. */
export interface Range {
  from: string;
  to: string;
}

function normalise({ year, month }: Month): Month {
  const total = year * 12 + month;
  return { year: Math.floor(total / 12), month: ((total % 12) + 12) % 12 };
}

export function addMonths(at: Month, months: number): Month {
  return normalise({ year: at.year, month: at.month + months });
}

/** The county's current month at `now`. */
export function monthAt(now: Date): Month {
  const local = new Date(now.getTime() + OFFSET_HOURS * 3600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() };
}

/** YYYY-MM, as the API's MonthStats.month. */
export function monthKey(at: Month): string {
  const { year, month } = normalise(at);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
}

/** 00:00 on the first day of the month, county time. */
export function monthStart(at: Month): string {
  return `${monthKey(at)}-01T00:00:00${OFFSET}`;
}

/** The months from `first` to `last`, both included, as YYYY-MM. */
export function monthsBetween(first: Month, last: Month): string[] {
  const keys: string[] = [];
  for (let at = normalise(first); at.year * 12 + at.month <= last.year * 12 + last.month; at = addMonths(at, 1)) keys.push(monthKey(at));
  return keys;
}

export interface Periods {
  /** The headline figures and breakdowns. */
  period: Range;
  /** Its first and last month. */
  first: Month;
  last: Month;
  /** The trend chart: the 12 months ending with the period's last month, never a month to come. */
  trend: Range;
  trendMonths: string[];
}

export function periodsAt(key: PeriodKey, now: Date): Periods {
  const current = monthAt(now);
  let first: Month;
  let last: Month;
  switch (key) {
    case 'this-month':
      first = last = current;
      break;
    case 'last-month':
      first = last = addMonths(current, -1);
      break;
    case 'last-12-months':
      first = addMonths(current, -11);
      last = current;
      break;
    case 'this-year':
      first = { year: current.year, month: 0 };
      last = { year: current.year, month: 11 };
      break;
  }
  const trendLast = last.year * 12 + last.month > current.year * 12 + current.month ? current : last;
  const trendFirst = addMonths(trendLast, -11);
  return {
    period: { from: monthStart(first), to: monthStart(addMonths(last, 1)) },
    first,
    last,
    trend: { from: monthStart(trendFirst), to: monthStart(addMonths(trendLast, 1)) },
    trendMonths: monthsBetween(trendFirst, trendLast),
  };
}
