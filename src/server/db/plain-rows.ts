import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Engines where every returned row costs more than building one text value of all of them in the engine: PGlite,
 * whose rows cross from WASM through the PostgreSQL wire protocol one by one (bench/RESULTS.md, issue #15: 263,602
 * coverage rows in 1.63 s as rows, 0.54 s packed; on a PostgreSQL server 360,000 households take 0.34 s as rows and
 * 0.52 s packed, so a server reads rows). Registered by connect() for its Kysely instance (a transaction's instance is
 * not registered and reads rows).
 */
const packing = new WeakSet<object>();

export function packRowsOn(db: object): void {
  packing.add(db);
}

type Kind = 'text' | 'int' | 'bool';
type Value<K extends Kind> = K extends 'int' ? number : K extends 'bool' ? boolean : string;
export type PlainRow<C extends Record<string, Kind>, N extends keyof C = never> = {
  [K in keyof C]: K extends N ? Value<C[K]> | null : Value<C[K]>;
};

/**
 * The rows of `query` (a select whose output columns are named as in `columns`), in `orderBy` order, for large reads
 * of plain values — ids, codes, integers, dates (as text), booleans; never free text, which could hold the ',' and ';'
 * of the packing; a text column listed in `nullable` comes back null where the packed value is empty, so it must
 * never hold an empty string. As rows, or packed into one value where rows are costly (see `packing`).
 */
export async function plainRows<C extends Record<string, Kind>, N extends keyof C & string = never>(
  db: Kysely<any>,
  query: RawBuilder<unknown>,
  columns: C,
  orderBy: keyof C & string,
  nullable: readonly N[] = [],
): Promise<PlainRow<C, N>[]> {
  const names = Object.keys(columns);
  if (!packing.has(db)) {
    const { rows } = await sql<PlainRow<C, N>>`select * from (${query}) q order by ${sql.ref(`q.${orderBy}`)}`.execute(db);
    return rows;
  }
  const fields = sql.join(
    names.map((n) => sql`coalesce(${sql.ref(`q.${n}`)}::text, '')`),
    sql`|| ',' ||`,
  );
  const { rows } = await sql<{ packed: string | null }>`
    select string_agg(${fields}, ';' order by ${sql.ref(`q.${orderBy}`)}) as packed from (${query}) q`.execute(db);
  const packed = rows[0]?.packed;
  if (!packed) return [];
  const isNull = new Set<string>(nullable);
  return packed.split(';').map((line) => {
    const values = line.split(',');
    const row: Record<string, string | number | boolean | null> = {};
    names.forEach((n, i) => {
      const v = values[i];
      const kind = columns[n];
      row[n] = kind === 'int' ? Number(v) : kind === 'bool' ? v === 'true' : v === '' && isNull.has(n) ? null : v;
    });
    return row as PlainRow<C, N>;
  });
}
