// What the zones bench's files share: the data's shape and dates, the options, an open engine.
import type { Config } from '../src/server/config';
import type { Db } from '../src/server/db/connect';
import type { Services } from '../src/server/services';

export const CITY_SEED = 2021;

export const WAVES = ['2021-09-01', '2021-09-26', '2021-10-21', '2021-11-12'];

export const CASES_FROM = '2021-09-01';

export const CASES_TO = '2021-12-31';

export const BENCH_REGIME_BASIS = 'NQ 128/NQ-CP, QĐ 4800/QĐ-BYT — kéo dài cho đo hiệu năng (bench/zones.ts)';

export interface Opts {
  persons: number;
  cases: number;
  outbreakCases: number;
  days: number;
  warmup: number;
  replays: number[];
  keep: string | null;
  seed: number;
  half: boolean;
  explain: boolean;
  profile: boolean;
}

export interface Opened {
  db: Db;
  services: Services;
  config: Config;
  close(): Promise<void>;
}

export interface KeepState {
  persons: number;
  cases: number;
  outbreakCases: number;
  seed: number;
  at: string;
  seedSeconds: number;
}

export const count = async (db: Db, text: string, params: unknown[] = []) => ((await db.pool.query(text, params)).rows[0] as { n: number }).n;

export const BASELINE_SQL = `select commune_code,
    count(*) filter (where detected_in = any($2::text[]) and confirmed_on > $1::date - 7)::int as community7,
    count(*) filter (where detected_in = any($2::text[]))::int as community14,
    count(*) filter (where detected_in = any($3::text[]))::int as contained14,
    count(*) filter (where confirmed_on > $1::date - 7)::int as total7,
    count(*)::int as total14
  from cases where status = 'active' and confirmed_on between $1::date - 13 and $1::date
  group by commune_code`;
