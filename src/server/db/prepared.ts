import type pg from 'pg';
import type { Compilable } from 'kysely';

/** SQL text of hot queries → statement name. Only registered texts are prepared, so the cache stays small. */
const NAMES = new Map<string, string>();

/**
 * Marks a Kysely query as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call. Use for the few queries on every request's path.
 * @example prepared('person_by_id', db.selectFrom('persons').selectAll().where('id', '=', id)).executeTakeFirst()
 */
export function prepared<T extends Compilable>(name: string, query: T): T {
  const { sql } = query.compile();
  if (!NAMES.has(sql)) NAMES.set(sql, `${name}_${NAMES.size}`);
  return query;
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
