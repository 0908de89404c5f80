import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/tables';

type Q = Kysely<Database> | Transaction<Database>;

/** What the campaigns module reads of testing's tables (through TestingForCampaigns). */
export function teamsByIds(k: Q, ids: string[]) {
  return ids.length ? k.selectFrom('sampling_teams').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
}

export function labsByIds(k: Q, ids: string[]) {
  return ids.length ? k.selectFrom('labs').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
}

/** The daily rollup of communes over [from, to] by day and commune. */
export async function dailyOf(k: Q, communes: string[], from: string, to: string) {
  if (!communes.length) return [];
  const rows = await k
    .selectFrom('testing_daily')
    .select([
      'day',
      'commune_code',
      sql<number>`sum(samples)::int`.as('samples'),
      sql<number>`sum(pools)::int`.as('pools'),
      sql<number>`sum(positive)::int`.as('positive'),
      sql<number>`coalesce(sum(positive) filter (where test_type = 'rt_pcr_pooled'), 0)::int`.as('pools_positive'),
      sql<number>`sum(resulted)::int`.as('resulted'),
      sql<number>`sum(same_day)::int`.as('same_day'),
    ])
    .where('commune_code', 'in', communes)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['day', 'commune_code'])
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ ...r, day: String(r.day) }));
}

/** Each household's last collection day in [from, before) in these communes (household pools and members' tubes). */
export function lastHouseholdSamplings(k: Q, communes: string[], from: string, before: string) {
  return k
    .selectFrom('samples')
    .select(['household_id', sql<string>`max(collected_on)::text`.as('sampled_on')])
    .where('collected_on', '>=', from)
    .where('collected_on', '<', before)
    .where('commune_code', 'in', communes)
    .where('household_id', 'is not', null)
    .groupBy('household_id')
    .execute() as Promise<{ household_id: string; sampled_on: string }[]>;
}

export function insertSession(trx: Transaction<Database>, row: Insertable<Database['sampling_sessions']>) {
  return trx.insertInto('sampling_sessions').values(row).execute();
}

export async function samplesInSessions(k: Q, sessionIds: string[]): Promise<number> {
  const r = await k
    .selectFrom('samples')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('session_id', 'in', sessionIds)
    .executeTakeFirstOrThrow();
  return r.n;
}
