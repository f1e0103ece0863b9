/**
 * Per-operation DataLoaders, created on first use and kept on the context, so
 * relations cost one statement per level, never one per row, and nothing is
 * cached across operations (or across subscription events).
 */
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface LoaderHost {
  em: EntityManager;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

type Batch<K, V> = (em: EntityManager, keys: readonly K[]) => Promise<V[]>;

/** Declares a loader once; call the result with a context to get that context's instance. */
export function defineLoader<K, V>(name: string, batch: Batch<K, V>) {
  return (host: LoaderHost): DataLoader<K, V> => {
    let loader = host.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(host.em, keys), { maxBatchSize: 1000 });
      host.loaders.set(name, loader);
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

/**
 * After a mutation commits, everything this operation loaded before may be
 * stale: its payload is resolved from fresh loaders.
 */
export function forgetLoaded(host: LoaderHost): void {
  host.loaders.clear();
}
