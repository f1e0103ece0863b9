/**
 * Per-parent pagination in one statement: a connection field on a list of
 * parents (e.g. Association.helpRequests under associations) costs one query
 * for the pages and one for the counts, however many parents there are.
 * Rows are ranked per parent with a window function.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { array, rows } from '../db/sql.js';
import { defineLoader, type LoaderHost } from '../server/loaders.js';
import type { Page } from './pagination.js';

export interface ParentPageSpec<R> {
  name: string;
  /** e.g. `help_request h` */
  from: string;
  columns: string;
  /** The column naming the parent, e.g. `h.requester_id`. */
  parentColumn: string;
  parentOf: (row: R) => string;
  /** The column an optional status argument filters on. */
  statusColumn: string;
  orderBy: string;
  /** Keyset condition for the rows after a cursor's key. */
  after: string;
}

export interface ParentPageKey {
  parentId: string;
  status: string | null;
  page: Page;
}

export function parentPageLoaders<R>(spec: ParentPageSpec<R>) {
  const page = defineLoader<ParentPageKey, R[]>(`${spec.name}.page`, async (em: EntityManager, keys) => {
    // One statement per distinct (status, first, after): usually exactly one.
    const groups = new Map<string, ParentPageKey[]>();
    for (const key of keys) {
      const group = JSON.stringify([key.status, key.page.limit, key.page.after]);
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const results = new Map<ParentPageKey, R[]>();
    for (const group of groups.values()) {
      const { status, page: p } = group[0];
      const found = await rows<R>(
        em,
        `SELECT * FROM (
           SELECT ${spec.columns}, row_number() OVER (PARTITION BY ${spec.parentColumn} ORDER BY ${spec.orderBy}) AS rank
             FROM ${spec.from}
            WHERE ${spec.parentColumn} = ANY(json_text_array(?::jsonb)::uuid[])
              ${status ? `AND ${spec.statusColumn} = ?` : ''} ${p.after ? `AND ${spec.after}` : ''}
         ) ranked WHERE rank <= ? ORDER BY rank`,
        [array(group.map((k) => k.parentId)), ...(status ? [status] : []), ...(p.after ?? []), p.limit + 1],
      );
      for (const key of group)
        results.set(
          key,
          found.filter((r) => spec.parentOf(r) === key.parentId),
        );
    }
    return keys.map((key) => results.get(key) ?? []);
  });

  /** Keyed "parentId|status". */
  const count = defineLoader<string, number>(`${spec.name}.count`, async (em: EntityManager, keys) => {
    const byStatus = new Map<string, string[]>();
    for (const key of keys) {
      const [parentId, status] = key.split('|') as [string, string];
      byStatus.set(status, [...(byStatus.get(status) ?? []), parentId]);
    }
    const counts = new Map<string, number>();
    for (const [status, parents] of byStatus) {
      const found = await rows<{ parent: string; n: number }>(
        em,
        `SELECT ${spec.parentColumn} AS parent, count(*)::int AS n FROM ${spec.from}
          WHERE ${spec.parentColumn} = ANY(json_text_array(?::jsonb)::uuid[]) ${status ? `AND ${spec.statusColumn} = ?` : ''}
          GROUP BY ${spec.parentColumn}`,
        [array(parents), ...(status ? [status] : [])],
      );
      for (const { parent, n } of found) counts.set(`${parent}|${status}`, n);
    }
    return keys.map((key) => counts.get(key) ?? 0);
  });

  return {
    page: (host: LoaderHost, key: ParentPageKey) => page(host).load(key),
    count: (host: LoaderHost, parentId: string, status: string | null) => count(host).load(`${parentId}|${status ?? ''}`),
  };
}
