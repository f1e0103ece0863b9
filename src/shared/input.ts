/**
 * Input rules of api.md ("Input limits"): strings are trimmed, lengths count
 * Unicode code points, empty after trimming is refused where a value is
 * required. Every refusal is BAD_USER_INPUT naming the field.
 */
import { badInput } from './errors.js';

export const LIMITS = {
  title: 120,
  description: 5000,
  name: 100,
  phone: 50,
  short: 500,
  outcome: 2000,
  passwordMin: 8,
  passwordMax: 256,
  idempotencyKey: 200,
  email: 254,
} as const;

/** Whether PostgreSQL's text type can hold `value`: no U+0000, no unpaired surrogate. */
export const isStorable = (value: string): boolean => value.isWellFormed() && !value.includes('\0');

/** Length in Unicode code points, the unit of every length limit in api.md. */
export const codePoints = (value: string) => Array.from(value).length;

/**
 * White space and invisible characters at either end (api.md: a value that is
 * nothing but these is empty). JavaScript's trim() keeps zero-width spaces,
 * the BOM and bidi controls, which are Default_Ignorable_Code_Point.
 */
const EDGE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]$/u;

/**
 * `value` without white space or invisible characters at either end. Walked one
 * code point at a time from each end, so it is linear in the length: a regular
 * expression anchored at the end (`[...]+$`) retries every run of white space
 * inside the value, quadratic in its length (100,000 spaces between two letters
 * took 11 seconds, blocking the server).
 */
export function trimText(value: string): string {
  let start = 0;
  while (start < value.length) {
    const next = String.fromCodePoint(value.codePointAt(start) ?? 0);
    if (!EDGE.test(next)) break;
    start += next.length;
  }
  let end = value.length;
  while (end > start) {
    const pair = end - start >= 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(value.slice(end - 2, end));
    const last = value.slice(pair ? end - 2 : end - 1, end);
    if (!EDGE.test(last)) break;
    end -= last.length;
  }
  return value.slice(start, end);
}

/** A required string: trimmed, 1..max code points. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const trimmed = value == null ? '' : trimText(value);
  if (trimmed === '') throw badInput(field, `${field} must not be empty`);
  if (codePoints(trimmed) > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

/** An optional string: trimmed; empty or absent becomes null. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const trimmed = value == null ? '' : trimText(value);
  if (trimmed === '') return null;
  if (codePoints(trimmed) > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Trimmed and lower-cased, so that one address is one account. The length is
 * checked first: EMAIL backtracks quadratically on long input (`a@` and 50,000
 * `a.` took 8 seconds), so it only ever sees at most LIMITS.email code points.
 */
export function email(value: string, field: string): string {
  const normalised = trimText(value).toLowerCase();
  if (codePoints(normalised) > LIMITS.email || !EMAIL.test(normalised)) throw badInput(field, `${field} is not a valid e-mail address`);
  return normalised;
}

/** Passwords are taken as typed (not trimmed). */
export function password(value: string, field: string): string {
  const length = codePoints(value);
  if (length < LIMITS.passwordMin || length > LIMITS.passwordMax) {
    throw badInput(field, `${field} must be ${LIMITS.passwordMin} to ${LIMITS.passwordMax} characters`);
  }
  return value;
}

export function intInRange(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `${field} must be between ${min} and ${max}`);
  return value;
}

/**
 * Text folded for case-insensitive matching, the same on every database:
 * compatibility-normalised (full-width ＷＩＦＩ becomes WIFI) and lower-cased by
 * JavaScript's Unicode rules. Stored keys and search terms are folded alike.
 */
export function foldText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .normalize('NFKC')
    .toLowerCase();
}
