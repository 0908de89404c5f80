import type pg from 'pg';
import type { Compilable, Kysely, Transaction } from 'kysely';
import type { Database } from './tables';

/** SQL text of hot queries → statement name. Only registered texts are prepared, so the cache stays small. */
const NAMES = new Map<string, string>();

/**
 * Runs a Kysely query as a named prepared statement and returns its first row: PostgreSQL parses and
 * plans it once per connection instead of on every call. Use for the few queries on every request's path.
 * @example preparedFirst(db, 'person_by_id', db.selectFrom('persons').selectAll().where('id', '=', id))
 */
export async function preparedFirst<O>(db: Kysely<Database> | Transaction<Database>, name: string, query: Compilable<O>): Promise<O | undefined> {
  return (await preparedRows(db, name, query))[0];
}

/** Installed on every pool client: sends registered texts as named statements. */
export function usePreparedNames(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) => {
      const name = typeof text === 'string' ? NAMES.get(text) : undefined;
      return name && Array.isArray(rest[0]) ? query({ name, text, values: rest[0] }, ...rest.slice(1)) : query(text, ...rest);
    };
  });
}

/** As preparedFirst, all rows. */
export async function preparedRows<O>(db: Kysely<Database> | Transaction<Database>, name: string, query: Compilable<O>): Promise<O[]> {
  const compiled = query.compile();
  if (!NAMES.has(compiled.sql)) NAMES.set(compiled.sql, `${name}_${NAMES.size}`);
  return (await db.executeQuery(compiled)).rows;
}
