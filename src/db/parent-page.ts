/**
 * Per-parent pagination: a connection field on a list of parents (e.g.
 * Association.helpRequests under associations) costs one statement for the
 * pages and one for the counts, however many parents there are.
 *
 * This file only batches: the owner of the table writes the two typed queries
 * (the pages usually rank rows per parent with `row_number() OVER (PARTITION
 * BY parent ...)` and keep the first `limit + 1` of each), and the loaders here
 * call each once per distinct (status, first, after) and once per status.
 */
import type { Page } from '../shared/pagination.js';
import { defineLoader, groupByKey, type Db } from './handle.js';

export interface ParentPageSpec<R, S extends string, V = null> {
  /** Every value of the optional status argument (e.g. `Object.values(ClaimStatus)`). */
  statuses: readonly S[];
  /** The parent a fetched row belongs to. */
  parentOf: (row: R) => string;
  /**
   * One statement: for each of `parentIds`, its first `page.limit + 1` rows after
   * `page.after`, of `status` only unless null, each parent's rows in page order.
   */
  pages: (db: Db, parentIds: string[], status: S | null, page: Page, variant: V) => Promise<R[]>;
  /** One statement: the rows of each parent, of `status` only unless null; parents without rows may be missing. */
  counts: (db: Db, parentIds: string[], status: S | null) => Promise<{ parentId: string; count: number }[]>;
}

export interface ParentPageKey<S extends string, V = null> {
  parentId: string;
  status: S | null;
  page: Page;
  /** What else shapes the rows (e.g. which columns the caller wants, and may see): part of the batch key, JSON-serialisable. */
  variant: V;
}

export interface ParentPageLoaders<R, S extends string, V = null> {
  /** The page of one parent (`page.limit + 1` rows at most, for toConnection). */
  page: (db: Db, key: ParentPageKey<S, V>) => Promise<R[]>;
  /** The number of rows of one parent, of `status` only unless null. */
  count: (db: Db, parentId: string, status: S | null) => Promise<number>;
}

export function parentPageLoaders<R, S extends string, V = null>(spec: ParentPageSpec<R, S, V>): ParentPageLoaders<R, S, V> {
  const pages = defineLoader<ParentPageKey<S, V>, R[]>(async (db, keys) => {
    // One statement per distinct (status, first, after, variant): usually exactly one.
    const batches = new Map<string, ParentPageKey<S, V>[]>();
    for (const key of keys) {
      const batch = JSON.stringify([key.status, key.page.limit, key.page.after, key.variant]);
      batches.set(batch, [...(batches.get(batch) ?? []), key]);
    }
    const results = new Map<ParentPageKey<S, V>, R[]>();
    for (const batch of batches.values()) {
      const { status, page, variant } = batch[0];
      const parentIds = [...new Set(batch.map((key) => key.parentId))];
      const found = await spec.pages(db, parentIds, status, page, variant);
      const byParent = new Map(groupByKey(parentIds, found, spec.parentOf).map((rows, i) => [parentIds[i], rows]));
      for (const key of batch) results.set(key, byParent.get(key.parentId) ?? []);
    }
    return keys.map((key) => results.get(key) ?? []);
  });

  // Keyed "parentId|status" (strings, so a count asked for again later in the operation comes from the cache).
  const counts = defineLoader<string, number>(async (db, keys) => {
    const asked = keys.map((key) => {
      const [parentId = '', status = ''] = key.split('|');
      return { parentId, status: spec.statuses.find((value) => value === status) ?? null };
    });
    const byStatus = new Map<S | null, string[]>();
    for (const { parentId, status } of asked) byStatus.set(status, [...(byStatus.get(status) ?? []), parentId]);
    const found = new Map<string, number>();
    for (const [status, parentIds] of byStatus) {
      for (const { parentId, count } of await spec.counts(db, [...new Set(parentIds)], status)) {
        found.set(countKey(parentId, status), count);
      }
    }
    return asked.map(({ parentId, status }) => found.get(countKey(parentId, status)) ?? 0);
  });

  return {
    page: (db, key) => pages(db).load(key),
    count: (db, parentId, status) => counts(db).load(countKey(parentId, status)),
  };
}

const countKey = (parentId: string, status: string | null) => `${parentId}|${status ?? ''}`;
