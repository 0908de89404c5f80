import { sql, type Kysely, type Transaction } from 'kysely';
import type { ErrorCode } from '@domain/error-catalog';
import type { Database } from '../../../db/tables';
import type { Actor } from '../../../platform/actor';
import { scopeSql } from '../../../platform/scope';
import { resultRollup, samplesById } from './rollup';

/** SQL of the result merge (results.ts): checks of the staged rows, conflicts, the results, and what they cause. */

export interface Consequence {
  id: string;
  barcode: string;
  kind: 'single' | 'household_pool' | 'lab_pool';
  test_type: string;
  result: 'negative' | 'positive' | 'invalid';
  collected_on: string;
  symptomatic: boolean;
  task_id: string | null;
  pooled_into: string | null;
}

/**
 * Staged rows as one row per barcode (identical repeats of a row are harmless; differing repeats are rejected).
 * Without repeats (checkRows counted them) the rows are used as they are: no sort of the whole file.
 */
const staged = (importId: string, repeated: boolean) =>
  repeated
    ? sql`(select distinct on (barcode) barcode, result, ct_value, resulted_at
  from result_import_rows where import_id = ${importId}::uuid order by barcode, line)`
    : sql`(select barcode, result, ct_value, resulted_at from result_import_rows where import_id = ${importId}::uuid)`;

/** Memory for the sorts and hashes of a large file (a ceiling: a one-row entry uses none of it), for this transaction only. */
export async function largeSortMemory(trx: Transaction<Database>, workMem: string): Promise<void> {
  if (!/^\d+MB$/.test(workMem)) throw new Error(`work_mem ${workMem}: expected a size in MB`);
  await sql`set local work_mem = ${sql.lit(workMem)}`.execute(trx);
}

export interface CheckRow {
  line: number | null;
  barcode: string;
  code: ErrorCode;
  pool: string | null;
  lines: string | null;
  total: number;
  staged: number;
  barcodes: number;
  repeated: number;
  final: number;
}

/**
 * The first `maxErrors` rejected staged rows with their reason, each row also carrying the counts (rejected,
 * staged, distinct barcodes, repeated barcodes, rows whose tube has a final result); one row of counts when none
 * is rejected. One pass over the staged rows.
 */
export async function checkRows(
  trx: Transaction<Database>,
  ctx: { importId: string; provinceCode: string; labId: string | null; now: Date; scope: Actor; maxErrors: number },
): Promise<CheckRow[]> {
  const MAX_ROW_ERRORS = ctx.maxErrors;
  const { rows } = await sql<CheckRow>`
    with st as (select * from result_import_rows where import_id = ${ctx.importId}::uuid),
    g as (select barcode, count(*) as n from st group by barcode),
    dup as (select barcode, string_agg(line::text, ', ' order by line) as lines from st where barcode in (select barcode from g where n > 1) group by barcode
             having count(distinct (result, ct_value, resulted_at)) > 1),
    bad as (
      select st.line, st.barcode, s.pooled_into, dup.lines, s.result in ('negative', 'positive') as final,
        case
          when s.id is null then 'testing.sample_not_found'
          when dup.lines is not null then 'testing.duplicate_in_file'
          when s.kind <> 'lab_pool' and s.pooled_into is not null
               and not exists (select 1 from testing_tasks t where t.stored_sample_id = s.id and t.status = 'open') then 'testing.pool_member_tube'
          when s.received_at is null and s.test_type <> 'rapid_antigen' then 'testing.sample_not_received'
          when ${ctx.labId}::uuid is not null and s.lab_id is distinct from ${ctx.labId}::uuid then 'testing.sample_other_lab'
          when st.resulted_at < s.collected_at then 'testing.result_before_collection'
          when st.resulted_at > ${ctx.now.toISOString()}::timestamptz + interval '5 minutes' then 'testing.result_in_future'
          when st.result = 'positive' and s.test_type <> 'rapid_antigen' and st.ct_value is null then 'testing.ct_required'
        end as code
      from st
      left join samples s on s.barcode = st.barcode and s.province_code = ${ctx.provinceCode} and ${scopeSql(ctx.scope, 's')}
      left join dup on dup.barcode = st.barcode
    ),
    errs as (select line, barcode, code, pooled_into, lines from bad where code is not null order by line limit ${MAX_ROW_ERRORS})
    select e.line, e.barcode, e.code, p.barcode as pool, e.lines,
           (select count(*) from bad where code is not null)::int as total, (select count(*) from st)::int as staged,
           (select count(*) from g)::int as barcodes, (select count(*) from g where n > 1)::int as repeated, (select count(*) from bad where final)::int as final
      from (select 1) one
      left join errs e on true
      left join samples p on p.id = e.pooled_into and p.province_code = ${ctx.provinceCode}
     order by e.line`.execute(trx);
  return rows;
}

/** Holds for review every staged result that differs from a tube's final one (once per proposal); returns how many differ. */
export async function holdConflicts(trx: Transaction<Database>, importId: string, provinceCode: string, repeated: boolean): Promise<number> {
  const ctx = { importId, provinceCode };
  const {
    rows: [conflicts],
  } = await sql<{ n: number }>`
    with c as (
      select s.id, s.province_code, s.district_code, s.commune_code, s.barcode, s.result, s.ct_value, st.result as new_result,
             case when s.test_type = 'rapid_antigen' then null else st.ct_value end as new_ct, st.resulted_at as new_at
        from ${staged(ctx.importId, repeated)} st
        join samples s on s.barcode = st.barcode and s.province_code = ${ctx.provinceCode}
       where s.result in ('negative', 'positive')
         and (s.result <> st.result or s.ct_value is distinct from (case when s.test_type = 'rapid_antigen' then null else st.ct_value end))
    ), ins as (
      insert into result_conflicts (id, province_code, district_code, commune_code, sample_id, barcode, current_result, current_ct, proposed_result, proposed_ct, proposed_resulted_at, import_id)
      select uuidv7(), c.province_code, c.district_code, c.commune_code, c.id, c.barcode, c.result, c.ct_value, c.new_result, c.new_ct, c.new_at, ${ctx.importId}::uuid
        from c
       where not exists (select 1 from result_conflicts x where x.sample_id = c.id and x.proposed_result = c.new_result
                           and x.proposed_ct is not distinct from c.new_ct and x.proposed_resulted_at = c.new_at)
      returning 1
    )
    select (select count(*) from c)::int as n`.execute(trx);
  return conflicts.n;
}

/**
 * Writes the staged results into the tubes still without one (or with an invalid run), with the rollup in the
 * same statement; returns how many, the tubes whose result causes something, and (when `negativeIds`) the ids
 * of the negative tubes.
 */
export async function applyResults(
  trx: Transaction<Database>,
  ctx: { importId: string; provinceCode: string; now: Date; source: string; repeated: boolean; negativeIds: boolean },
) {
  const fewRows = ctx.negativeIds;
  const {
    rows: [applied],
  } = await sql<{ n: number; consequences: Consequence[]; negatives: string[] | null }>`
    with upd as (
      update samples s set result = st.result, ct_value = case when s.test_type = 'rapid_antigen' then null else st.ct_value end,
             resulted_at = st.resulted_at, reported_at = ${ctx.now.toISOString()}::timestamptz, result_source = ${ctx.source},
             result_import_id = ${ctx.importId}::uuid, version = s.version + 1
        from ${staged(ctx.importId, ctx.repeated)} st
       where s.barcode = st.barcode and s.province_code = ${ctx.provinceCode}
         and (s.result is null or (s.result = 'invalid' and not (st.result = 'invalid' and s.resulted_at = st.resulted_at)))
      returning s.id, s.barcode, s.province_code, s.district_code, s.commune_code, s.team_id, s.lab_id, s.test_type, s.kind, s.result,
                s.collected_at, s.collected_on, s.reported_at, s.symptomatic, s.task_id, s.pooled_into
    ), roll as (${resultRollup(sql`upd`)})
    select (select count(*) from upd)::int as n,
           coalesce((select json_agg(json_build_object('id', id, 'barcode', barcode, 'kind', kind, 'test_type', test_type, 'result', result,
                       'collected_on', collected_on, 'symptomatic', symptomatic, 'task_id', task_id, 'pooled_into', pooled_into))
                       from upd where result <> 'invalid' and (result = 'positive' or kind = 'lab_pool' or task_id is not null or pooled_into is not null)), '[]') as consequences,
           ${fewRows ? sql`(select coalesce(array_agg(id), '{}') from upd where result = 'negative')` : sql`null`} as negatives`.execute(trx);
  return applied;
}

export type PersonNegatives = { personIds: string[]; days: string[] };

const asColumns = (rows: { person_id: string; collected_on: string }[]): PersonNegatives => ({
  personIds: rows.map((r) => r.person_id),
  days: rows.map((r) => r.collected_on),
});

/** Persons and collection days of this import's negative tubes: these tubes, and the stored tubes the cleared lab pools held. */
export async function negativesOfTubes(trx: Transaction<Database>, importId: string, ids: string[], clearedPools: string[]): Promise<PersonNegatives> {
  const { rows } = await sql<{ person_id: string; collected_on: string }>`
    select m.person_id, s.collected_on from samples s join sample_members m on m.sample_id = s.id
     where s.id = any(${ids}::uuid[]) and s.result_import_id = ${importId}::uuid and s.result = 'negative'
    union all
    select m.person_id, s.collected_on from samples s join sample_members m on m.sample_id = s.id
     where s.pooled_into = any(${clearedPools}::uuid[]) and s.result_import_id = ${importId}::uuid and s.result = 'negative'`.execute(trx);
  return asColumns(rows);
}

/**
 * The same for a large import, walked from the persons given (those with quarantine test days): from each
 * person's tubes, never from every member of every tube (OFFSET 0 keeps the walk per person). The statistics of
 * the tubes just updated are stale (they say no tube has this import's id), so the plan is not left to them.
 */
export async function negativesOfPersons(trx: Transaction<Database>, importId: string, personIds: string[]): Promise<PersonNegatives> {
  if (!personIds.length) return { personIds: [], days: [] };
  const { rows } = await sql<{ person_id: string; collected_on: string }>`
    select k.person_id, x.collected_on from unnest(${personIds}::uuid[]) k(person_id) cross join lateral (
      select s.collected_on from sample_members m join samples s on s.id = m.sample_id
       where m.person_id = k.person_id and s.result_import_id = ${importId}::uuid and s.result = 'negative' offset 0) x`.execute(trx);
  return asColumns(rows);
}

export function membersOfSamples(db: Kysely<Database> | Transaction<Database>, ids: string[]) {
  return db.selectFrom('sample_members').selectAll().where('sample_id', 'in', ids).execute();
}

/** A task of `kind` for every member of these tubes (once per person, tube and kind); returns how many are new. */
export async function addTasks(
  trx: Transaction<Database>,
  kind: 'recollect' | 'retest_stored' | 'confirm_rtpcr',
  sourceIds: string[],
  dueOn: string,
): Promise<number> {
  const { numAffectedRows } = await sql`
    insert into testing_tasks (id, province_code, district_code, commune_code, person_id, kind, source_sample_id, due_on)
    select uuidv7(), m.province_code, m.district_code, m.commune_code, m.person_id, ${kind}, m.sample_id, ${dueOn}::date
      from sample_members m where m.sample_id = any(${sourceIds}::uuid[])
    on conflict (person_id, source_sample_id, kind, province_code) do nothing`.execute(trx);
  return Number(numAffectedRows ?? 0);
}

/** Negative lab pools: every stored tube in them without a result becomes negative (with the rollup). */
export async function clearLabPools(trx: Transaction<Database>, pools: string[]): Promise<void> {
  await sql`
    with upd as (
      update samples s set result = 'negative', resulted_at = p.resulted_at, reported_at = p.reported_at, result_source = 'pool',
             result_import_id = p.result_import_id, version = s.version + 1
        from samples p where p.id = any(${pools}::uuid[]) and s.pooled_into = p.id and s.result is null
      returning s.*
    ) ${resultRollup(sql`upd`)}`.execute(trx);
}

/** A positive lab pool: a retest task for each stored tube in it without a result; returns how many are new. */
export async function addRetestTasks(trx: Transaction<Database>, poolId: string, dueOn: string): Promise<number> {
  const { numAffectedRows } = await sql`
    insert into testing_tasks (id, province_code, district_code, commune_code, person_id, kind, source_sample_id, stored_sample_id, due_on)
    select uuidv7(), m.province_code, m.district_code, m.commune_code, m.person_id, 'retest_stored', ${poolId}::uuid, s.id, ${dueOn}::date
      from samples s join sample_members m on m.sample_id = s.id where s.pooled_into = ${poolId}::uuid and s.result is null
    on conflict (person_id, source_sample_id, kind, province_code) do nothing`.execute(trx);
  return Number(numAffectedRows ?? 0);
}

export async function closeTask(trx: Transaction<Database>, taskId: string, sampleId: string, at: Date): Promise<void> {
  await trx
    .updateTable('testing_tasks')
    .set({ status: 'done', done_sample_id: sampleId, done_at: at })
    .where('id', '=', taskId)
    .where('status', '=', 'open')
    .execute();
}

/** Retest tasks of these stored tubes are done (by the tube itself). */
export async function closeRetestTasks(trx: Transaction<Database>, storedIds: string[], at: Date): Promise<void> {
  await trx
    .updateTable('testing_tasks')
    .set((eb) => ({ status: 'done', done_sample_id: eb.ref('stored_sample_id'), done_at: at }))
    .where('stored_sample_id', 'in', storedIds)
    .where('status', '=', 'open')
    .execute();
}

/** Closes a merged import: its staged rows go, its counts are kept. */
export async function closeImport(
  trx: Transaction<Database>,
  importId: string,
  counts: { total: number; applied: number; unchanged: number; conflicts: number },
  now: Date,
): Promise<void> {
  await trx.deleteFrom('result_import_rows').where('import_id', '=', importId).execute();
  await trx
    .updateTable('result_imports')
    .set({
      status: 'done',
      stage: 'finished',
      rows_total: counts.total,
      rows_applied: counts.applied,
      rows_unchanged: counts.unchanged,
      rows_conflict: counts.conflicts,
      finished_at: now,
    })
    .where('id', '=', importId)
    .execute();
}

/** Takes a sample's counted result out of the rollup (before a reviewed conflict replaces it). */
export async function unrollResult(trx: Transaction<Database>, sampleId: string): Promise<void> {
  await resultRollup(samplesById([sampleId]), -1).execute(trx);
}
