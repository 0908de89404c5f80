import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../../db/tables';

/** The "no team / no lab" key of the rollup (collection counters have no lab yet). */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const KEY = sql`day, province_code, commune_code, team_id, lab_id, test_type`;
/** Inlined (not a parameter) so the same expression can appear in SELECT and GROUP BY. */
const NIL = sql.raw(`'${NIL_UUID}'::uuid`);

/**
 * The daily rollup (testing_daily) is kept current by the writes: each helper adds the counters of a set of
 * sample rows, given as a relation (`rel`: a table, a CTE name or a subquery yielding samples columns), with
 * `sign` -1 to take a row's old state out before it changes. Rows group by collection day (Vietnam), commune,
 * team, lab and test type, so the command view reads a few hundred rows a day whatever the volume.
 */
export function collectedRollup(rel: RawBuilder<unknown>, sign: 1 | -1 = 1): RawBuilder<unknown> {
  return sql`
    insert into testing_daily as d (day, province_code, district_code, commune_code, team_id, lab_id, test_type, samples, persons, pools)
    select collected_on, province_code, min(district_code), commune_code, coalesce(team_id, ${NIL}), ${NIL}, test_type,
           ${sql.raw(String(sign))} * count(*), ${sql.raw(String(sign))} * sum(members_count), ${sql.raw(String(sign))} * count(*) filter (where kind <> 'single')
      from ${rel} r
     group by collected_on, province_code, commune_code, coalesce(team_id, ${NIL}), test_type
    on conflict (${KEY}) do update set samples = d.samples + excluded.samples, persons = d.persons + excluded.persons, pools = d.pools + excluded.pools`;
}

export function receivedRollup(rel: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    insert into testing_daily as d (day, province_code, district_code, commune_code, team_id, lab_id, test_type, received)
    select collected_on, province_code, min(district_code), commune_code, coalesce(team_id, ${NIL}), coalesce(lab_id, ${NIL}), test_type, count(*)
      from ${rel} r
     group by collected_on, province_code, commune_code, coalesce(team_id, ${NIL}), coalesce(lab_id, ${NIL}), test_type
    on conflict (${KEY}) do update set received = d.received + excluded.received`;
}

/**
 * Result counters. A final result (negative, positive) counts once with its turnaround from collection to
 * report (same Vietnam day or not, and its bucket: ≤ 6 h, ≤ 12 h, ≤ 24 h, ≤ 48 h, more; the same cut-offs as
 * `turnaround()` in @domain/testing); an invalid run counts as invalid only. The same figures, computed cheaply
 * (over a million-row import these expressions were a sizeable part of the rollup's aggregate): collected_on is
 * the Vietnam day of collected_at (a check constraint, migration 0015), and the minutes come from date_part
 * (double precision, exact for whole microseconds) rounded half up as Math.round does, rather than from extract
 * (numeric).
 */
export function resultRollup(rel: RawBuilder<unknown>, sign: 1 | -1 = 1): RawBuilder<unknown> {
  const fin = sql`result <> 'invalid'`;
  return sql`
    insert into testing_daily as d (day, province_code, district_code, commune_code, team_id, lab_id, test_type,
                                    resulted, positive, negative, invalid, same_day, tat_minutes_sum, tat_le6h, tat_le12h, tat_le24h, tat_le48h, tat_gt48h)
    select collected_on, province_code, min(district_code), commune_code, coalesce(team_id, ${NIL}), coalesce(lab_id, ${NIL}), test_type,
           ${sql.raw(String(sign))} * count(*) filter (where ${fin}),
           ${sql.raw(String(sign))} * count(*) filter (where result = 'positive'),
           ${sql.raw(String(sign))} * count(*) filter (where result = 'negative'),
           ${sql.raw(String(sign))} * count(*) filter (where result = 'invalid'),
           ${sql.raw(String(sign))} * count(*) filter (where ${fin} and collected_on = (reported_at at time zone 'Asia/Ho_Chi_Minh')::date),
           ${sql.raw(String(sign))} * coalesce(sum(m) filter (where ${fin}), 0),
           ${sql.raw(String(sign))} * count(*) filter (where ${fin} and m <= 360),
           ${sql.raw(String(sign))} * count(*) filter (where ${fin} and m > 360 and m <= 720),
           ${sql.raw(String(sign))} * count(*) filter (where ${fin} and m > 720 and m <= 1440),
           ${sql.raw(String(sign))} * count(*) filter (where ${fin} and m > 1440 and m <= 2880),
           ${sql.raw(String(sign))} * count(*) filter (where ${fin} and m > 2880)
      from (select *, greatest(0, floor(date_part('epoch', reported_at - collected_at) / 60 + 0.5))::bigint as m from ${rel} r0) r
     group by collected_on, province_code, commune_code, coalesce(team_id, ${NIL}), coalesce(lab_id, ${NIL}), test_type
    on conflict (${KEY}) do update set
      resulted = d.resulted + excluded.resulted, positive = d.positive + excluded.positive, negative = d.negative + excluded.negative,
      invalid = d.invalid + excluded.invalid, same_day = d.same_day + excluded.same_day, tat_minutes_sum = d.tat_minutes_sum + excluded.tat_minutes_sum,
      tat_le6h = d.tat_le6h + excluded.tat_le6h, tat_le12h = d.tat_le12h + excluded.tat_le12h, tat_le24h = d.tat_le24h + excluded.tat_le24h,
      tat_le48h = d.tat_le48h + excluded.tat_le48h, tat_gt48h = d.tat_gt48h + excluded.tat_gt48h`;
}

/** Samples by id, as a relation for the helpers above. */
export function samplesById(ids: string[]): RawBuilder<unknown> {
  return sql`(select * from samples where id = any(${ids}::uuid[]))`;
}

export async function bump(trx: Transaction<Database>, statement: RawBuilder<unknown>): Promise<void> {
  await statement.execute(trx);
}

/** A commune's results of [from, to] from the daily rollup: tubes positive and negative, persons and tubes collected. */
export async function communeResults(db: Kysely<Database> | Transaction<Database>, communeCode: string, from: string, to: string) {
  const r = await db
    .selectFrom('testing_daily')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('positive'), eb.lit(0)).as('positive'),
      eb.fn.coalesce(eb.fn.sum<number>('negative'), eb.lit(0)).as('negative'),
      eb.fn.coalesce(eb.fn.sum<number>('persons'), eb.lit(0)).as('persons'),
      eb.fn.coalesce(eb.fn.sum<number>('samples'), eb.lit(0)).as('samples'),
    ])
    .where('commune_code', '=', communeCode)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('test_type', '=', 'rt_pcr_pooled')
    .executeTakeFirstOrThrow();
  return { positive: Number(r.positive), negative: Number(r.negative), persons: Number(r.persons), samples: Number(r.samples) };
}
