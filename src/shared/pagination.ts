/**
 * Relay-style keyset pagination, one helper for every list.
 *
 * A cursor is opaque: the base64url of [scope, ...sort key of the row]. The
 * scope is a short hash of the list, its order and its filter, so a cursor used
 * with another list, order or filter is refused (BAD_USER_INPUT) instead of
 * silently paging through something else (api.md "Lists").
 */
import { createHash } from 'node:crypto';
import { badInput } from './errors.js';
import { isStorable } from './input.js';

export const MAX_FIRST = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** One sort key component: numbers, strings (ids, ISO instants) and null. */
export type KeyPart = string | number | null;

export interface Page {
  /** Rows to return; fetch one more to learn whether there is a next page. */
  limit: number;
  /** The sort key of the row after which the page starts, or null. */
  after: KeyPart[] | null;
  scope: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client selects it (a getter: the count query runs on first read). */
  readonly totalCount?: Promise<number>;
}

/** The scope of a list: stable for equal filters whatever their key order. */
export function listScope(list: string, order: string, filter: unknown = null): string {
  const canonical = JSON.stringify(filter, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
  return createHash('sha256').update(`${list}\u0000${order}\u0000${canonical}`).digest('base64url').slice(0, 12);
}

export function encodeCursor(scope: string, key: KeyPart[]): string {
  return Buffer.from(JSON.stringify([scope, ...key]), 'utf8').toString('base64url');
}

/**
 * Checks `first` (1..100, explicit null meaning the default) and decodes `after`.
 * `keyShape` lists the kind of each sort key part, checked completely: a cursor
 * that decodes but holds something else never reaches SQL (api.md, "Input limits").
 */
export function openPage(args: PageArgs, scope: string, keyShape: readonly KeyShape[], defaultFirst = 20, fieldPrefix = ''): Page {
  const first = args.first ?? defaultFirst;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw badInput(`${fieldPrefix}first`, `first must be between 1 and ${MAX_FIRST}`);
  }
  return { limit: first, after: args.after == null ? null : decodeCursor(args.after, scope, keyShape, `${fieldPrefix}after`), scope };
}

/** The kinds of sort key part, each with the exact shape this server writes into cursors. */
const KEY_SHAPES = {
  /** A uuid primary key. */
  uuid: (part: unknown) => typeof part === 'string' && UUID.test(part),
  /** An instant as Date.toISOString() writes it, years 0001-9999. */
  timestamp: (part: unknown) => isInstant(part),
  /** An instant, or 'infinity' for a missing one that sorts last. */
  'timestamp-or-infinity': (part: unknown) => part === 'infinity' || isInstant(part),
  /** Urgency rank: LOW 0 to CRITICAL 3. */
  rank: (part: unknown) => typeof part === 'number' && Number.isInteger(part) && part >= 0 && part <= 3,
  /** Stored text, such as a name: storable, bounded. */
  text: (part: unknown) => typeof part === 'string' && part.length <= 1000 && isStorable(part),
} as const;

export type KeyShape = keyof typeof KEY_SHAPES;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isInstant(part: unknown): boolean {
  if (typeof part !== 'string' || !ISO_INSTANT.test(part)) return false;
  const instant = new Date(part);
  // Round-trips only if every field is in range (no 2026-02-30, no hour 25).
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === part && part >= '0001';
}

const isKeyPart = (part: unknown): part is KeyPart => typeof part === 'string' || typeof part === 'number' || part === null;

function decodeCursor(cursor: string, scope: string, keyShape: readonly KeyShape[], field: string): KeyPart[] {
  let parts: unknown;
  try {
    parts = /^[A-Za-z0-9_-]{1,2000}$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : null;
  } catch {
    parts = null;
  }
  if (!Array.isArray(parts) || parts.length !== keyShape.length + 1 || typeof parts[0] !== 'string') {
    throw badInput(field, `${field} is not a valid cursor`);
  }
  if (parts[0] !== scope) throw badInput(field, `${field} is a cursor of another list, order or filter`);
  const key: KeyPart[] = [];
  for (const [i, part] of parts.slice(1).entries()) {
    if (!isKeyPart(part) || !KEY_SHAPES[keyShape[i] ?? 'uuid'](part)) throw badInput(field, `${field} is not a valid cursor`);
    key.push(part);
  }
  return key;
}

/** A part of a sort key, checked by openPage against its shape: an instant (or 'infinity'), a uuid, a rank. */
export function keyText(part: KeyPart | undefined): string {
  if (typeof part !== 'string') throw new Error('a sort key part is not text, although openPage checked its shape');
  return part;
}

export function keyNumber(part: KeyPart | undefined): number {
  if (typeof part !== 'number') throw new Error('a sort key part is not a number, although openPage checked its shape');
  return part;
}

/** Turns `limit + 1` fetched rows into a connection. */
export function toConnection<T>(rows: T[], page: Page, keyOf: (row: T) => KeyPart[], totalCount?: () => Promise<number>): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(page.scope, keyOf(node)), node }));
  const connection: Connection<T> = { edges, pageInfo: { hasNextPage: rows.length > page.limit, endCursor: edges.at(-1)?.cursor ?? null } };
  if (totalCount) {
    let counted: Promise<number> | undefined;
    Object.defineProperty(connection, 'totalCount', { enumerable: true, get: () => (counted ??= totalCount()) });
  }
  return connection;
}
