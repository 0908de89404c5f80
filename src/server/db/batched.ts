import DataLoader from 'dataloader';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * A point read batched across concurrent requests: the keys asked for in one turn of the event loop go to
 * the database as one query (one round trip, one row description to parse) instead of one query each.
 * Nothing is cached: every load reads the database, after the turn it was asked in. Inside a transaction
 * the read runs on its own, in that transaction, so it sees the transaction's writes.
 * @example const personById = batchedByKey((db, ids) => repo.personsWhereIdIn(db, ids), (p) => p.id)
 */
export function batchedByKey<K, V>(load: (db: Q, keys: K[]) => Promise<V[]>, keyOf: (row: V) => K, maxBatch = 500): (db: Q, key: K) => Promise<V | undefined> {
  const loaders = new WeakMap<Kysely<Database>, DataLoader<K, V | undefined>>();
  const loaderFor = (db: Kysely<Database>) => {
    let loader = loaders.get(db);
    if (!loader) {
      loader = new DataLoader<K, V | undefined>(
        async (keys) => {
          const byKey = new Map((await load(db, [...keys])).map((row) => [keyOf(row), row]));
          return keys.map((k) => byKey.get(k));
        },
        { cache: false, maxBatchSize: maxBatch, batchScheduleFn: (run) => setImmediate(run) },
      );
      loaders.set(db, loader);
    }
    return loader;
  };
  return async (db, key) => (db.isTransaction ? (await load(db, [key]))[0] : loaderFor(db).load(key));
}
