/**
 * `Db`: what one operation (an HTTP request, one job run, one CLI command)
 * reads and writes through: its own ORM fork and its own DataLoaders, never
 * shared with another operation. One exception, on purpose: a delivered event
 * is resolved for all its subscribers in a process with one Db (events.md,
 * "Delivery"), so loaders hold actor-neutral rows only; what depends on the
 * caller is decided per caller, outside them. Services take a Db, an Actor and
 * their input.
 */
import DataLoader from 'dataloader';
import type { Em } from './query.js';
import type { Orm } from './orm.js';

export interface Db {
  readonly em: Em;
  /** The key of this operation's loader instances; forgetLoaded() replaces it. */
  loaderScope: object;
}

/**
 * The ORM fork is made on first use: an operation that reads nothing from the
 * database (`{ __typename }`, an introspection, one refused by a limit) costs
 * no fork.
 */
export function openDb(orm: Orm): Db {
  let em: Em | undefined;
  return {
    get em() {
      em ??= orm.em.fork();
      return em;
    },
    loaderScope: {},
  };
}

/** Everything loaded so far may be stale (after a write): later loads read again. */
export function forgetLoaded(db: Db): void {
  db.loaderScope = {};
}

type Batch<K, V> = (db: Db, keys: readonly K[]) => Promise<V[]>;

/**
 * Declares a DataLoader once; call the result with a Db to get that operation's
 * instance. Relations cost one statement per level, never one per row, and
 * nothing is cached across operations. Keys that are objects need `cacheKey`
 * (what makes two keys the same) to be cached and deduplicated.
 */
export function defineLoader<K, V>(batch: Batch<K, V>, cacheKey?: (key: K) => string): (db: Db) => DataLoader<K, V> {
  const instances = new WeakMap<object, DataLoader<K, V>>();
  return (db) => {
    let loader = instances.get(db.loaderScope);
    if (!loader) {
      loader = new DataLoader<K, V, K | string>((keys) => batch(db, keys), { maxBatchSize: 1000, cacheKeyFn: cacheKey });
      instances.set(db.loaderScope, loader);
    }
    return loader;
  };
}

/** Orders fetched rows by the requested keys, null where none matched. */
export function byKey<K, R>(keys: readonly K[], fetched: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map(fetched.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups fetched rows by the requested keys, keeping the fetched order within each group. */
export function groupByKey<K, R>(keys: readonly K[], fetched: R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const row of fetched) {
    const key = keyOf(row);
    const group = map.get(key);
    if (group) group.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
