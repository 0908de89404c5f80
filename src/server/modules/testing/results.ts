import { sql, type Transaction } from 'kysely';
import { addDays, vnDay } from '@domain/dates';
import type { ErrorCode } from '@domain/error-catalog';
import type { z } from 'zod';
import type { testing as testingRules } from '@domain/rule-sets/kinds';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { scopeSql } from '../../platform/scope';
import type { ClassificationRuleSets } from '../cases/classification';
import type { CasesService } from '../cases/service';
import { resultRollup, samplesById } from './repo/rollup';

export type TestingRules = z.infer<typeof testingRules>;

/** A staged row that cannot be applied: the reason as an error code, and the template column it is about. */
export interface RowError { line: number; barcode: string; code: ErrorCode; params: Record<string, string>; column: 'barcode' | 'ct' | 'resultedAt' }

/** The column a check against the samples faults: the Ct, the result time, else the tube itself. */
const columnOf = (code: ErrorCode): RowError['column'] => (code === 'testing.ct_required' ? 'ct' : code.startsWith('testing.result_') ? 'resultedAt' : 'barcode');

export interface MergeReport {
  total: number;
  applied: number;
  unchanged: number;
  conflicts: number;
  rejected: number;
  errors: RowError[];
  casesOpened: { personId: string; caseCode: string; barcode: string }[];
  tasksCreated: number;
}

export interface MergeContext {
  importId: string;
  provinceCode: string;
  /** The lab sending the results (null for rapid antigen results read on the spot). */
  labId: string | null;
  source: 'on_site' | 'manual' | 'import' | 'api';
  actor: Actor;
  now: Date;
  rules: { testing: TestingRules; testingVersion: number; classification: ClassificationRuleSets };
  cases: CasesService;
  /** Told how long each step of the merge took (benchmarks, logs, progress); the merge waits for what it returns. */
  onStep?: (step: MergeStep, ms: number) => void | Promise<void>;
}

export type MergeStep = 'check' | 'conflicts' | 'merge' | 'consequences' | 'testDays';

/** Calls onStep with the time since the previous call (or since it was made). */
function stepClock(onStep: MergeContext['onStep']): (step: MergeStep) => Promise<void> {
  if (!onStep) return async () => {};
  let at = performance.now();
  return async (step) => {
    const t = performance.now();
    await onStep(step, t - at);
    at = performance.now();
  };
}

/** At most this many row errors are kept and returned; the count is always complete. */
export const MAX_ROW_ERRORS = 1000;

/**
 * Staged rows as one row per barcode (identical repeats of a row are harmless; differing repeats are rejected).
 * Without repeats (checkStaged counted them) the rows are used as they are: no sort of the whole file.
 */
const staged = (importId: string, repeated: boolean) => repeated
  ? sql`(select distinct on (barcode) barcode, result, ct_value, resulted_at
  from result_import_rows where import_id = ${importId}::uuid order by barcode, line)`
  : sql`(select barcode, result, ct_value, resulted_at from result_import_rows where import_id = ${importId}::uuid)`;

/** Up to this many rows, the quarantine test days are found from the import's tubes; above, from the persons with test days. */
const MANY_ROWS = 20_000;

export interface StagedCheck {
  /** Rejected rows (all counted) and the first MAX_ROW_ERRORS of them. */
  count: number;
  errors: RowError[];
  /** Staged rows, distinct barcodes, barcodes staged more than once, rows whose tube already has a final result. */
  total: number;
  barcodes: number;
  repeated: number;
  final: number;
}

/**
 * Checks the staged rows of an import against the samples, in SQL: unknown barcodes (or outside the caller's
 * scope), tubes pooled into a lab pool with no retest due, tubes never received, tubes of another lab, results
 * before collection or in the future, positive RT-PCR without Ct, and one barcode with different results.
 * One pass over the staged rows, which also counts what the merge needs to know about them.
 */
export async function checkStaged(trx: Transaction<Database>, ctx: MergeContext): Promise<StagedCheck> {
  const { rows } = await sql<{ line: number | null; barcode: string; code: ErrorCode; pool: string | null; lines: string | null; total: number; staged: number; barcodes: number; repeated: number; final: number }>`
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
      left join samples s on s.barcode = st.barcode and s.province_code = ${ctx.provinceCode} and ${scopeSql(ctx.actor, 's')}
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
  const [first] = rows;
  const errors = rows.filter((r) => r.line !== null);
  return {
    count: first.total, total: first.staged, barcodes: first.barcodes, repeated: first.repeated, final: first.final,
    errors: errors.map((r) => ({ line: r.line!, barcode: r.barcode, code: r.code, column: columnOf(r.code), params: { barcode: r.barcode, ...(r.pool ? { pool: r.pool } : {}), ...(r.lines ? { lines: r.lines } : {}) } })),
  };
}

interface Consequence {
  id: string; barcode: string; kind: 'single' | 'household_pool' | 'lab_pool'; test_type: string; result: 'negative' | 'positive' | 'invalid';
  collected_on: string; symptomatic: boolean; task_id: string | null; pooled_into: string | null;
}

/**
 * Applies the staged rows of an import inside the caller's transaction, all or nothing: rejects first (the
 * caller rolls back when any), then conflicts (a different final result for a tube that has one: held for
 * review, never overwritten), then the results themselves with the rollup in the same statement, then what
 * the results cause: cases for positive individual RT-PCR, deconvolution of positive pools, isolation and a
 * confirmatory RT-PCR for a positive rapid antigen test, closed tasks, satisfied quarantine test days.
 * Set-based: the statements do not grow in number with the rows, only the per-positive steps do.
 */
export async function mergeStaged(trx: Transaction<Database>, ctx: MergeContext): Promise<MergeReport> {
  const report: MergeReport = { total: 0, applied: 0, unchanged: 0, conflicts: 0, rejected: 0, errors: [], casesOpened: [], tasksCreated: 0 };
  const step = stepClock(ctx.onStep);
  // Memory for the sorts and hashes of a large file (a ceiling: a one-row entry uses none of it). Set for this
  // transaction only.
  await sql`set local work_mem = '128MB'`.execute(trx);
  const check = await checkStaged(trx, ctx);
  report.total = check.total;
  await step('check');
  if (check.count) return { ...report, rejected: check.count, errors: check.errors };

  // Conflicts are only possible for tubes that already have a final result.
  const { rows: [conflicts] } = check.final === 0 ? { rows: [{ n: 0 }] } : await sql<{ n: number }>`
    with c as (
      select s.id, s.province_code, s.district_code, s.commune_code, s.barcode, s.result, s.ct_value, st.result as new_result,
             case when s.test_type = 'rapid_antigen' then null else st.ct_value end as new_ct, st.resulted_at as new_at
        from ${staged(ctx.importId, check.repeated > 0)} st
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
  report.conflicts = conflicts.n;
  await step('conflicts');

  // The update returns only what the rollup and the consequences read.
  const fewRows = check.total <= MANY_ROWS;
  const { rows: [applied] } = await sql<{ n: number; consequences: Consequence[]; negatives: string[] | null }>`
    with upd as (
      update samples s set result = st.result, ct_value = case when s.test_type = 'rapid_antigen' then null else st.ct_value end,
             resulted_at = st.resulted_at, reported_at = ${ctx.now.toISOString()}::timestamptz, result_source = ${ctx.source},
             result_import_id = ${ctx.importId}::uuid, version = s.version + 1
        from ${staged(ctx.importId, check.repeated > 0)} st
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
  report.applied = applied.n;
  report.unchanged = Math.max(0, check.barcodes - applied.n - conflicts.n);
  await step('merge');

  const cleared = await consequences(trx, ctx, applied.consequences, report);
  await step('consequences');
  // The negative tubes of this import: its rows, and the stored tubes its negative lab pools cleared. The
  // statistics of the tubes just updated are stale (they say no tube has this import's id), so the plan is not
  // left to them: a small import gives its tubes by id; a large one is walked from the persons who have test days
  // (OFFSET 0 keeps the walk per person: from each person's tubes, never from every member of every tube).
  const negatives = applied.negatives
    ? sql`select m.person_id, s.collected_on from samples s join sample_members m on m.sample_id = s.id
        where s.id = any(${applied.negatives}::uuid[]) and s.result_import_id = ${ctx.importId}::uuid and s.result = 'negative'
      union all
      select m.person_id, s.collected_on from samples s join sample_members m on m.sample_id = s.id
        where s.pooled_into = any(${cleared}::uuid[]) and s.result_import_id = ${ctx.importId}::uuid and s.result = 'negative'`
    : sql`select k.person_id, x.collected_on from classifications k cross join lateral (
        select s.collected_on from sample_members m join samples s on s.id = m.sample_id
         where m.person_id = k.person_id and s.result_import_id = ${ctx.importId}::uuid and s.result = 'negative' offset 0) x
      where k.test_days <> '{}'`;
  await ctx.cases.satisfyTestDaysInTx(trx, negatives, ctx.rules.testing.testDayToleranceDays);
  await step('testDays');
  return report;
}

/** Applies what the results cause; returns the negative lab pools (their stored tubes were cleared). */
async function consequences(trx: Transaction<Database>, ctx: MergeContext, rows: Consequence[], report: MergeReport): Promise<string[]> {
  if (!rows.length) return [];
  const today = vnDay(ctx.now);
  const members = await trx.selectFrom('sample_members').selectAll().where('sample_id', 'in', rows.map((r) => r.id)).execute();
  const membersOf = (id: string) => members.filter((m) => m.sample_id === id);
  const addTasks = async (kind: 'recollect' | 'retest_stored' | 'confirm_rtpcr', sourceIds: string[], dueOn: string) => {
    if (!sourceIds.length) return;
    const { numAffectedRows } = await sql`
      insert into testing_tasks (id, province_code, district_code, commune_code, person_id, kind, source_sample_id, due_on)
      select uuidv7(), m.province_code, m.district_code, m.commune_code, m.person_id, ${kind}, m.sample_id, ${dueOn}::date
        from sample_members m where m.sample_id = any(${sourceIds}::uuid[])
      on conflict (person_id, source_sample_id, kind, province_code) do nothing`.execute(trx);
    report.tasksCreated += Number(numAffectedRows ?? 0);
  };

  // Positive household pools: every member is suspected (stays home) until re-collected individually.
  await addTasks('recollect', rows.filter((r) => r.kind === 'household_pool' && r.result === 'positive').map((r) => r.id), addDays(today, ctx.rules.testing.recollectWithinDays));

  // Lab pools: negative clears every stored tube in it; positive asks for each stored tube to be retested.
  const labPools = rows.filter((r) => r.kind === 'lab_pool');
  const clear = labPools.filter((r) => r.result === 'negative').map((r) => r.id);
  if (clear.length) {
    await sql`
      with upd as (
        update samples s set result = 'negative', resulted_at = p.resulted_at, reported_at = p.reported_at, result_source = 'pool',
               result_import_id = p.result_import_id, version = s.version + 1
          from samples p where p.id = any(${clear}::uuid[]) and s.pooled_into = p.id and s.result is null
        returning s.*
      ) ${resultRollup(sql`upd`)}`.execute(trx);
  }
  for (const pool of labPools.filter((r) => r.result === 'positive')) {
    const { numAffectedRows } = await sql`
      insert into testing_tasks (id, province_code, district_code, commune_code, person_id, kind, source_sample_id, stored_sample_id, due_on)
      select uuidv7(), m.province_code, m.district_code, m.commune_code, m.person_id, 'retest_stored', ${pool.id}::uuid, s.id, ${today}::date
        from samples s join sample_members m on m.sample_id = s.id where s.pooled_into = ${pool.id}::uuid and s.result is null
      on conflict (person_id, source_sample_id, kind, province_code) do nothing`.execute(trx);
    report.tasksCreated += Number(numAffectedRows ?? 0);
  }

  // A tube answering a task, or a stored tube retested: the task is done.
  const answering = rows.filter((r) => r.task_id).map((r) => ({ task: r.task_id!, sample: r.id }));
  for (const a of answering) {
    await trx.updateTable('testing_tasks').set({ status: 'done', done_sample_id: a.sample, done_at: ctx.now }).where('id', '=', a.task).where('status', '=', 'open').execute();
  }
  const retested = rows.filter((r) => r.pooled_into).map((r) => r.id);
  if (retested.length) {
    await trx.updateTable('testing_tasks').set((eb) => ({ status: 'done', done_sample_id: eb.ref('stored_sample_id'), done_at: ctx.now }))
      .where('stored_sample_id', 'in', retested).where('status', '=', 'open').execute();
  }

  // Positive individual tubes: RT-PCR confirms a case; rapid antigen isolates and asks for RT-PCR, and opens a
  // case at once only where the rule set in force says so.
  for (const r of rows.filter((x) => x.result === 'positive' && x.kind === 'single')) {
    for (const m of membersOf(r.id)) {
      let confirm = r.test_type !== 'rapid_antigen';
      if (!confirm) {
        await addTasks('confirm_rtpcr', [r.id], today);
        const policy = ctx.rules.testing.antigenPositiveAsCase;
        const f1 = policy === 'if_symptomatic_or_f1' && !r.symptomatic
          ? (await trx.selectFrom('classifications').select('class').where('person_id', '=', m.person_id).executeTakeFirst())?.class === 'F1'
          : false;
        confirm = policy === 'always' || (policy === 'if_symptomatic_or_f1' && (r.symptomatic || f1));
      }
      if (!confirm) continue;
      const opened = await ctx.cases.confirmFromResultInTx(trx, ctx.actor, {
        personId: m.person_id, barcode: r.barcode, sampledOn: r.collected_on, confirmedOn: today, symptomatic: r.symptomatic,
        place: { province_code: m.province_code, district_code: m.district_code, commune_code: m.commune_code },
      }, ctx.rules.classification);
      if (opened.created) report.casesOpened.push({ personId: m.person_id, caseCode: opened.caseCode, barcode: r.barcode });
    }
  }
  return clear;
}

/** Closes a merged import in its transaction: its staged rows go, its counts are kept. */
export async function finishImport(trx: Transaction<Database>, importId: string, report: MergeReport, now: Date): Promise<void> {
  await trx.deleteFrom('result_import_rows').where('import_id', '=', importId).execute();
  await trx.updateTable('result_imports').set({
    status: 'done', stage: 'finished', rows_total: report.total, rows_applied: report.applied, rows_unchanged: report.unchanged, rows_conflict: report.conflicts, finished_at: now,
  }).where('id', '=', importId).execute();
}

/** Takes a sample's counted result out of the rollup (before a reviewed conflict replaces it). */
export function unrollResult(trx: Transaction<Database>, sampleId: string) {
  return resultRollup(samplesById([sampleId]), -1).execute(trx);
}
