import type { Transaction } from 'kysely';
import { addDays, vnDay } from '@domain/dates';
import type { ErrorCode } from '@domain/error-catalog';
import type { z } from 'zod';
import type { testing as testingRules } from '@domain/rule-sets/kinds';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { ClassificationRuleSets } from '../cases/classification';
import type { CasesService } from '../cases/service';
import * as repo from './repo/merge';

export type TestingRules = z.infer<typeof testingRules>;

/** A staged row that cannot be applied: the reason as an error code, and the template column it is about. */
export interface RowError {
  line: number;
  barcode: string;
  code: ErrorCode;
  params: Record<string, string>;
  column: 'barcode' | 'ct' | 'resultedAt';
}

/** The column a check against the samples faults: the Ct, the result time, else the tube itself. */
const columnOf = (code: ErrorCode): RowError['column'] =>
  code === 'testing.ct_required' ? 'ct' : code.startsWith('testing.result_') ? 'resultedAt' : 'barcode';

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

/**
 * Another module told of results inside the merge's transaction (quarantine: a positive in a stay, test days answered).
 * Registered on TestingService.listeners by the composition root.
 */
export interface ResultListener {
  positiveInTx(trx: Transaction<Database>, actor: Actor, r: { personId: string; collectedOn: string }): Promise<unknown>;
  negativesInTx(trx: Transaction<Database>, negatives: { personIds: string[]; days: string[] }, toleranceDays: number): Promise<unknown>;
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
  listeners: readonly ResultListener[];
  /** work_mem of the checks and merge (Db.largeWorkMem: small on PGlite, whose engine shares the process's memory). */
  workMem: string;
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
  const rows = await repo.checkRows(trx, {
    importId: ctx.importId,
    provinceCode: ctx.provinceCode,
    labId: ctx.labId,
    now: ctx.now,
    scope: ctx.actor,
    maxErrors: MAX_ROW_ERRORS,
  });
  const [first] = rows;
  const errors = rows.filter((r) => r.line !== null);
  return {
    count: first.total,
    total: first.staged,
    barcodes: first.barcodes,
    repeated: first.repeated,
    final: first.final,
    errors: errors.map((r) => ({
      line: r.line!,
      barcode: r.barcode,
      code: r.code,
      column: columnOf(r.code),
      params: { barcode: r.barcode, ...(r.pool ? { pool: r.pool } : {}), ...(r.lines ? { lines: r.lines } : {}) },
    })),
  };
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
  await repo.largeSortMemory(trx, ctx.workMem);
  const check = await checkStaged(trx, ctx);
  report.total = check.total;
  await step('check');
  if (check.count) return { ...report, rejected: check.count, errors: check.errors };

  // Conflicts are only possible for tubes that already have a final result.
  const conflicts = check.final === 0 ? 0 : await repo.holdConflicts(trx, ctx.importId, ctx.provinceCode, check.repeated > 0);
  report.conflicts = conflicts;
  await step('conflicts');

  // The update returns only what the rollup and the consequences read.
  const fewRows = check.total <= MANY_ROWS;
  const applied = await repo.applyResults(trx, {
    importId: ctx.importId,
    provinceCode: ctx.provinceCode,
    now: ctx.now,
    source: ctx.source,
    repeated: check.repeated > 0,
    negativeIds: fewRows,
  });
  report.applied = applied.n;
  report.unchanged = Math.max(0, check.barcodes - applied.n - conflicts);
  await step('merge');

  const cleared = await consequences(trx, ctx, applied.consequences, report);
  await step('consequences');
  // The negative tubes of this import: its rows, and the stored tubes its negative lab pools cleared. The
  // statistics of the tubes just updated are stale (they say no tube has this import's id), so the plan is not
  // left to them: a small import gives its tubes by id; a large one is walked from the persons who have test days
  // (OFFSET 0 keeps the walk per person: from each person's tubes, never from every member of every tube).
  const negatives = applied.negatives
    ? await repo.negativesOfTubes(trx, ctx.importId, applied.negatives, cleared)
    : await repo.negativesOfPersons(trx, ctx.importId, await ctx.cases.personsWithTestDaysInTx(trx));
  await ctx.cases.satisfyTestDaysInTx(trx, negatives, ctx.rules.testing.testDayToleranceDays);
  for (const l of ctx.listeners) await l.negativesInTx(trx, negatives, ctx.rules.testing.testDayToleranceDays);
  await step('testDays');
  return report;
}

/** Applies what the results cause; returns the negative lab pools (their stored tubes were cleared). */
async function consequences(trx: Transaction<Database>, ctx: MergeContext, rows: repo.Consequence[], report: MergeReport): Promise<string[]> {
  if (!rows.length) return [];
  const today = vnDay(ctx.now);
  const members = await repo.membersOfSamples(
    trx,
    rows.map((r) => r.id),
  );
  const membersOf = (id: string) => members.filter((m) => m.sample_id === id);
  const addTasks = async (kind: 'recollect' | 'retest_stored' | 'confirm_rtpcr', sourceIds: string[], dueOn: string) => {
    if (!sourceIds.length) return;
    report.tasksCreated += await repo.addTasks(trx, kind, sourceIds, dueOn);
  };

  // Positive household pools: every member is suspected (stays home) until re-collected individually.
  await addTasks(
    'recollect',
    rows.filter((r) => r.kind === 'household_pool' && r.result === 'positive').map((r) => r.id),
    addDays(today, ctx.rules.testing.recollectWithinDays),
  );

  // Lab pools: negative clears every stored tube in it; positive asks for each stored tube to be retested.
  const labPools = rows.filter((r) => r.kind === 'lab_pool');
  const clear = labPools.filter((r) => r.result === 'negative').map((r) => r.id);
  if (clear.length) await repo.clearLabPools(trx, clear);
  for (const pool of labPools.filter((r) => r.result === 'positive')) {
    report.tasksCreated += await repo.addRetestTasks(trx, pool.id, today);
  }

  // A tube answering a task, or a stored tube retested: the task is done.
  const answering = rows.filter((r) => r.task_id).map((r) => ({ task: r.task_id!, sample: r.id }));
  for (const a of answering) {
    await repo.closeTask(trx, a.task, a.sample, ctx.now);
  }
  const retested = rows.filter((r) => r.pooled_into).map((r) => r.id);
  if (retested.length) {
    await repo.closeRetestTasks(trx, retested, ctx.now);
  }

  // Positive individual tubes: RT-PCR confirms a case; rapid antigen isolates and asks for RT-PCR, and opens a
  // case at once only where the rule set in force says so.
  for (const r of rows.filter((x) => x.result === 'positive' && x.kind === 'single')) {
    for (const m of membersOf(r.id)) {
      let confirm = r.test_type !== 'rapid_antigen';
      if (!confirm) {
        await addTasks('confirm_rtpcr', [r.id], today);
        const policy = ctx.rules.testing.antigenPositiveAsCase;
        const f1 = policy === 'if_symptomatic_or_f1' && !r.symptomatic ? (await ctx.cases.classOfInTx(trx, m.person_id))?.class === 'F1' : false;
        confirm = policy === 'always' || (policy === 'if_symptomatic_or_f1' && (r.symptomatic || f1));
      }
      if (!confirm) continue;
      const opened = await ctx.cases.confirmFromResultInTx(
        trx,
        ctx.actor,
        {
          personId: m.person_id,
          barcode: r.barcode,
          sampledOn: r.collected_on,
          confirmedOn: today,
          symptomatic: r.symptomatic,
          place: { province_code: m.province_code, district_code: m.district_code, commune_code: m.commune_code },
        },
        ctx.rules.classification,
      );
      for (const l of ctx.listeners) await l.positiveInTx(trx, ctx.actor, { personId: m.person_id, collectedOn: r.collected_on });
      if (opened.created) report.casesOpened.push({ personId: m.person_id, caseCode: opened.caseCode, barcode: r.barcode });
    }
  }
  return clear;
}

/** Closes a merged import in its transaction: its staged rows go, its counts are kept. */
export async function finishImport(trx: Transaction<Database>, importId: string, report: MergeReport, now: Date): Promise<void> {
  await repo.closeImport(trx, importId, { total: report.total, applied: report.applied, unchanged: report.unchanged, conflicts: report.conflicts }, now);
}

/** Takes a sample's counted result out of the rollup (before a reviewed conflict replaces it). */
export function unrollResult(trx: Transaction<Database>, sampleId: string) {
  return repo.unrollResult(trx, sampleId);
}
