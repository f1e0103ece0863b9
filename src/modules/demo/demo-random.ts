/**
 * The demo history's two sources of variety, both deterministic: a seeded
 * pseudo-random generator (the same seed gives the same year on every machine,
 * so tests can compare two loads) and the calendar of the demo county (China
 * Standard Time, UTC+8 all year, no daylight saving; the lunar Spring Festival).
 */

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast, good enough to
 * pick invented requests, and unlike Math.random it can be seeded.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `items` (not empty), each as likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick of nothing');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the entries' values (weights > 0, not all zero), as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let left = this.next() * total;
    for (const [value, weight] of entries) {
      left -= weight;
      if (left < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** An exponentially distributed wait with this mean: mostly short, now and then long. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Up to `n` distinct items of `items`, in a random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** China Standard Time is UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The county's calendar day of an instant, as days since 1970-01-01. */
export const chinaDayOf = (instant: number): number => Math.floor((instant + CHINA_OFFSET_MS) / DAY_MS);

/** The instant of `hour` (fractions are minutes) on the county's calendar day `day`. */
export const chinaInstant = (day: number, hour: number): number => day * DAY_MS - CHINA_OFFSET_MS + Math.round(hour * HOUR_MS);

/** The calendar date of a day: year, month 1-12, day of the month, weekday (0 Sunday ... 6 Saturday). */
export function dateOf(day: number): { year: number; month: number; date: number; weekday: number } {
  const utc = new Date(day * DAY_MS);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, date: utc.getUTCDate(), weekday: utc.getUTCDay() };
}

/** The day of a calendar date (month 1-12; out-of-range months and dates roll over, as Date.UTC does). */
export const dayOf = (year: number, month: number, date: number): number => Math.round(Date.UTC(year, month - 1, date) / DAY_MS);

/** The first day of the month `months` before the month of `day` (0: its own month). */
export function monthStartBefore(day: number, months: number): number {
  const { year, month } = dateOf(day);
  return dayOf(year, month - months, 1);
}

/** Spring Festival (lunar new year's day) by year: a lunar date no formula gives simply. */
const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2023: '01-22',
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
  2027: '02-06',
  2028: '01-26',
  2029: '02-13',
  2030: '02-03',
  2031: '01-23',
  2032: '02-11',
  2033: '01-31',
  2034: '02-19',
  2035: '02-08',
};

/** The day of Spring Festival in `year` (early February, for a year the table does not know). */
export function springFestival(year: number): number {
  const [month, date] = (SPRING_FESTIVAL[year] ?? '02-05').split('-').map(Number);
  return dayOf(year, month, date);
}

/** Days from `day` to the nearest Spring Festival (negative: before it). */
export function daysFromSpringFestival(day: number): number {
  const { year } = dateOf(day);
  const candidates = [year - 1, year, year + 1].map((y) => day - springFestival(y));
  return candidates.reduce((best, d) => (Math.abs(d) < Math.abs(best) ? d : best));
}
