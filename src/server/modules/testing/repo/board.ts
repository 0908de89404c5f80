import { sql, type Kysely, type Transaction } from 'kysely';
import type { TestType } from '@domain/testing';
import type { Database } from '../../../db/tables';
import type { Actor } from '../../../platform/actor';
import { inScope, scopeSql } from '../../../platform/scope';

type Q = Kysely<Database> | Transaction<Database>;

/** SQL of the command board: the daily rollup, the backlog counters and the pending tubes. */
export const COUNTERS = [
  'samples',
  'persons',
  'pools',
  'received',
  'resulted',
  'positive',
  'negative',
  'invalid',
  'same_day',
  'tat_minutes_sum',
  'tat_le6h',
  'tat_le12h',
  'tat_le24h',
  'tat_le48h',
  'tat_gt48h',
] as const;
export type Counts = Record<(typeof COUNTERS)[number], number>;

/** The counters summed in SQL (bigint: sums of integer counters; numbers on the way out). */
const SUMS = sql.raw(COUNTERS.map((c) => `coalesce(sum(${c}), 0)::bigint as ${c}`).join(', '));

const rollupScope = (actor: Actor, districtCode?: string) => sql`${scopeSql(actor, 'd')} ${districtCode ? sql`and d.district_code = ${districtCode}` : sql``}`;

export type DayGroup = Counts & {
  g: 'test_type' | 'lab' | 'team' | 'commune' | 'district' | 'total';
  test_type: TestType | null;
  lab_id: string | null;
  team_id: string | null;
  commune_code: string | null;
  district_code: string | null;
};

/** One day of the rollup summed by test type, lab, team, commune, district and in total (grouping sets). */
export async function dayByGroup(k: Q, actor: Actor, day: string, districtCode?: string): Promise<DayGroup[]> {
  const { rows } = await sql<DayGroup>`
    select case when grouping(test_type) = 0 then 'test_type' when grouping(lab_id) = 0 then 'lab' when grouping(team_id) = 0 then 'team'
                when grouping(commune_code) = 0 then 'commune' when grouping(district_code) = 0 then 'district' else 'total' end as g,
           test_type, lab_id, team_id, commune_code, district_code, ${SUMS}
      from testing_daily d
     where d.day = ${day} and ${rollupScope(actor, districtCode)}
     group by grouping sets ((test_type), (lab_id), (team_id), (commune_code), (district_code), ())
     order by g, test_type, lab_id, team_id, commune_code, district_code`.execute(k);
  return rows;
}

/** The rollup summed by day, from `from` to `to`. */
export async function daysBetween(k: Q, actor: Actor, from: string, to: string, districtCode?: string) {
  const { rows } = await sql<
    Counts & { day: string }
  >`select day, ${SUMS} from testing_daily d where d.day >= ${from} and d.day <= ${to} and ${rollupScope(actor, districtCode)} group by day`.execute(k);
  return rows;
}

/**
 * The backlog per lab from its counters (kept by the database on every change of samples, migration 0013), the
 * oldest waiting tube of each lab from the first entry of the lab in the pending tubes (migration 0015).
 */
export async function backlogByLab(k: Q, actor: Actor, districtCode?: string) {
  const { rows } = await sql<{ lab_id: string | null; in_transit: number; received: number; oldest: Date | null }>`
    select b.lab_id, b.in_transit, b.received,
           (select min(p.collected_at) from pending_samples p
             where p.lab_id = b.lab_id and ${scopeSql(actor, 'p')}
               ${districtCode ? sql`and p.district_code = ${districtCode}` : sql``}) as oldest
      from (select lab_id, sum(in_transit)::int as in_transit, sum(awaiting)::int as received from testing_backlog d
             where ${rollupScope(actor, districtCode)} group by lab_id) b
     where b.in_transit > 0 or b.received > 0`.execute(k);
  return rows;
}

export function labNames(k: Q) {
  return k.selectFrom('labs').select(['id', 'name', 'daily_capacity']).execute();
}

export function teamsInScope(k: Q, actor: Actor) {
  return k
    .selectFrom('sampling_teams')
    .select(['id', 'name', 'commune_code'])
    .where((eb) => inScope(eb, actor, 'sampling_teams'))
    .execute();
}

/** Tubes collected before `threshold` without a final result, oldest first (from the pending tubes). */
export function overdueRows(k: Q, actor: Actor, threshold: Date, q: { labId?: string; communeCode?: string; limit: number }) {
  let query = k
    .selectFrom('pending_samples as p')
    .innerJoin('samples as s', (j) => j.onRef('s.id', '=', 'p.sample_id').onRef('s.province_code', '=', 'p.province_code'))
    .leftJoin('labs as l', 'l.id', 's.lab_id')
    .leftJoin('sampling_teams as t', 't.id', 's.team_id')
    .select([
      's.id',
      's.barcode',
      's.test_type',
      's.kind',
      's.commune_code',
      's.district_code',
      's.members_count',
      's.collected_at',
      's.shipment_id',
      's.received_at',
      's.result',
      's.lab_id',
      'l.name as lab_name',
      't.name as team_name',
    ])
    .where('p.collected_at', '<', threshold)
    .where((eb) => inScope(eb, actor, 'p' as 'samples'));
  if (q.labId) query = query.where('p.lab_id', '=', q.labId);
  if (q.communeCode) query = query.where('p.commune_code', '=', q.communeCode);
  return query.orderBy('p.collected_at').limit(q.limit).execute();
}
