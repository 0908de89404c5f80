import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables';
import { usePreparedNames } from './prepared';
import { packRowsOn } from './plain-rows';

/** node-postgres returns bigint and numeric as strings; dates stay 'YYYY-MM-DD' strings (no time-zone shift). */
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
/** numeric as a JS number (ratios, hours: never money). */
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));
/** date[] as 'YYYY-MM-DD' strings too. */
pg.types.setTypeParser(1182 as number, (v: string) => (v === '{}' ? [] : v.slice(1, -1).split(',')));

export interface Db {
  kysely: Kysely<Database>;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  /**
   * work_mem for the sorts and hashes of one large statement (a million-row import's checks and merge): generous on a
   * PostgreSQL server, small on PGlite, whose engine shares this process's memory and never gives WASM memory back
   * (beyond it, PostgreSQL sorts on disk).
   */
  largeWorkMem: string;
  /** Bulk load CSV text into a table (COPY FROM STDIN on both engines). */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… — when absent, PGlite in dataDir. */
  databaseUrl?: string;
  /** PGlite directory, or 'memory://'. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function connect(opts: ConnectOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    return wrap(pool, 'postgres', '128MB', async () => {
      await pool.end();
    });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const lite = await PGlite.create({
    dataDir: opts.dataDir ?? 'memory://',
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
    // the engine lives in this process's WASM memory, which never shrinks: a small buffer cache (the OS caches the files)
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  const pool = new pg.Pool(createPgConfig(lite));
  const db = wrap(pool, 'pglite', '16MB', async () => {
    await pool.end();
    await lite.close();
  });
  db.copyCsv = async (table, columns, csv) => {
    await lite.query(`COPY ${table} (${columns.join(',')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
  };
  (db as Db & { lite: unknown }).lite = lite;
  packRowsOn(db.kysely);
  return db;
}

function wrap(pool: pg.Pool, kind: Db['kind'], largeWorkMem: string, close: () => Promise<void>): Db {
  usePreparedNames(pool);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    pool,
    kind,
    largeWorkMem,
    close,
    async copyCsv(table, columns, csv) {
      const { from } = await import('pg-copy-streams');
      const client = await pool.connect();
      try {
        await new Promise<void>((resolve, reject) => {
          const stream = client.query(from(`COPY ${table} (${columns.join(',')}) FROM STDIN WITH (FORMAT csv)`));
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(csv);
        });
      } finally {
        client.release();
      }
    },
  };
}
