import { createHash } from 'node:crypto';
import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import { messageFor } from '@domain/error-catalog';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { finishImport, mergeStaged, MAX_ROW_ERRORS, type MergeReport, type MergeStep, type RowError } from './results';
import { readJsonRows, readTextFile, readXlsx, TEMPLATE, TemplateError, type CheckedRow, type FileRowError, type ReadResult } from './result-file';
import {
  analyzeStaged,
  clearStaged,
  createImport,
  dropImport,
  importsOfFile,
  labInProvinces,
  rejectImport,
  setImportStage,
  stageCsv,
  stagingCsv,
} from './repo/imports';
import type { TestingService } from './service';
import type { ImportProgress } from './schemas';
import type { ImportReport } from './views';

export type { ImportReport };

export type ImportSource =
  | { format: 'csv' | 'xlsx'; bytes: Uint8Array }
  | { format: 'json'; rows: { barcode: string; result: string; ctValue?: number | string | null; resultedAt: string }[] };

/** Steps of an import, timed for onStep: reading and checking the file, COPY to staging, then the merge's steps, then the end of its transaction. */
export type ImportStep = 'read' | 'staging' | MergeStep | 'finish';

/** Rows per COPY to staging. */
const COPY_ROWS = 10_000;

/** Thrown inside the merge transaction to roll it back when rows are rejected. */
class Rejected extends Error {
  constructor(readonly report: MergeReport) {
    super('rejected');
  }
}

/**
 * Imports a lab's results: read and check the format (every bad row listed), COPY the rows into the staging
 * table, then one transaction checks them against the samples and merges them (mergeStaged). All or nothing:
 * any rejected row rejects the file and nothing of it is stored. Idempotent: the same bytes again return the
 * first report; the same rows in another file change nothing (unchanged), and a different result for a tube
 * that has one is held for review. A run killed midway leaves only staging rows of an unfinished import, which
 * the next run of the same file clears and redoes.
 */
export async function importResults(
  svc: TestingService,
  actor: Actor,
  opts: {
    labId: string;
    fileName: string;
    id?: string;
    source: ImportSource;
    /** Told how long each step took (benchmarks, logs). */
    onStep?: (step: ImportStep, ms: number) => void;
  },
): Promise<ImportReport> {
  const k = svc.db.kysely;
  const lab = await labInProvinces(k, opts.labId, svc.provincesOf(actor));
  if (!lab) throw new AppError('testing.lab_not_found', 404, {}, 'labId');
  const sha256 = hashOf(opts.source);
  const previous = await importsOfFile(k, sha256, lab.id);
  const done = previous.find((p) => p.status === 'done');
  if (done) {
    return {
      id: done.id,
      status: 'done',
      fileName: done.file_name,
      repeated: true,
      total: done.rows_total,
      applied: 0,
      unchanged: done.rows_total,
      conflicts: 0,
      rejected: 0,
      errors: [],
      casesOpened: [],
      tasksCreated: 0,
    };
  }
  const unfinished = previous.find((p) => p.status === 'loading');
  const id = unfinished?.id ?? opts.id ?? uuidv7();
  if (unfinished) await clearStaged(k, id);
  else
    await createImport(k, {
      id,
      province_code: lab.province_code,
      lab_id: lab.id,
      file_name: opts.fileName,
      sha256,
      format: opts.source.format,
      created_by: actor.id,
    });
  const progress: ImportProgress = {
    provinceCode: lab.province_code,
    labId: lab.id,
    fileName: opts.fileName,
    format: opts.source.format,
    stage: 'reading',
    rowsStaged: 0,
    total: null,
    startedAt: svc.now(),
  };
  svc.running.set(id, progress);
  try {
    return await loadAndMerge(svc, actor, opts, lab, id, sha256, progress);
  } finally {
    svc.running.delete(id);
  }
}

/** The file of a registered import: read and check it, COPY it to staging, then check and merge in one transaction. */
async function loadAndMerge(
  svc: TestingService,
  actor: Actor,
  opts: Parameters<typeof importResults>[2],
  lab: { id: string; province_code: string },
  id: string,
  sha256: string,
  progress: ImportProgress,
): Promise<ImportReport> {
  const k = svc.db.kysely;
  const rules = await svc.mergeRules(vnDay(svc.now()));
  /** Where the import is: for this process's progress route at once, and in its row for the others. */
  const advance = async (stage: 'staging' | 'checking', counts: { rowsStaged?: number; total?: number }) => {
    Object.assign(progress, { stage, ...counts });
    await setImportStage(k, id, stage, { rowsStaged: progress.rowsStaged, total: progress.total });
    await yieldToRequests();
  };
  let staged = 0;
  /** Time the reader spent on staging: building each chunk's CSV and waiting for the previous chunk's COPY. */
  let stagingMs = 0;
  // One chunk in flight: the server copies a chunk while the next one is read and checked.
  let copying: Promise<void> = Promise.resolve();
  // The readers hand on small chunks of rows, turned into CSV text at once (short-lived rows: the garbage collector
  // frees them young); the text goes to the database in COPYs of COPY_ROWS rows. Backpressure: a COPY waits for
  // the previous one, and the reader for it, so at most about two COPYs of text are held whatever the file's size.
  let csv: string[] = [];
  let csvRows = 0;
  const copy = async () => {
    const text = csv.join('');
    const rows = csvRows;
    csv = [];
    csvRows = 0;
    await copying;
    copying = (async () => {
      await stageCsv(svc.db, text);
      staged += rows;
      await advance('staging', { rowsStaged: staged });
    })();
    copying.catch(() => {}); // awaited by the next COPY or after reading
  };
  const onRows = async (rows: CheckedRow[]) => {
    const t = performance.now();
    csv.push(stagingCsv(id, rows));
    csvRows += rows.length;
    if (csvRows >= COPY_ROWS) await copy();
    stagingMs += performance.now() - t;
  };
  let read: ReadResult;
  const readStart = performance.now();
  try {
    const src = opts.source;
    const reading = { onRows, maxErrors: MAX_ROW_ERRORS };
    read =
      src.format === 'json'
        ? await readJsonRows(src.rows, reading)
        : src.format === 'xlsx'
          ? await readXlsx(src.bytes, reading)
          : await readTextFile(src.bytes, reading);
    const t = performance.now();
    if (csvRows && !read.rejected) await copy();
    await copying;
    stagingMs += performance.now() - t;
  } catch (err) {
    await copying.catch(() => {});
    await dropImport(k, id);
    if (err instanceof TemplateError) throw new AppError(err.code, 400, err.params, 'file');
    throw err;
  }
  opts.onStep?.('read', performance.now() - readStart - stagingMs);
  opts.onStep?.('staging', stagingMs);
  if (read.rejected) return reject(svc, id, opts.fileName, read.rows, read.rejected, read.errors);

  await analyzeStaged(k);
  await advance('checking', { total: read.rows });
  try {
    let merged = 0;
    const report = await k.transaction().execute(async (trx) => {
      const r = await mergeStaged(trx, {
        importId: id,
        provinceCode: lab.province_code,
        labId: lab.id,
        source: opts.source.format === 'json' ? 'api' : 'import',
        actor,
        now: svc.now(),
        rules,
        cases: svc.cases,
        listeners: svc.listeners,
        workMem: svc.db.largeWorkMem,
        onStep: async (step, ms) => {
          if (step === 'check') progress.stage = 'merging';
          opts.onStep?.(step, ms);
          await yieldToRequests();
        },
      });
      merged = performance.now();
      if (r.rejected) throw new Rejected(r);
      await finishImport(trx, id, r, svc.now());
      await svc.audit.record(trx, actor, {
        action: 'create',
        entity: 'result_import',
        entityId: id,
        fields: ['results'],
        detail: {
          labId: lab.id,
          fileName: opts.fileName,
          sha256,
          applied: r.applied,
          unchanged: r.unchanged,
          conflicts: r.conflicts,
          casesOpened: r.casesOpened,
        },
      });
      return r;
    });
    opts.onStep?.('finish', performance.now() - merged);
    return {
      id,
      status: 'done',
      fileName: opts.fileName,
      repeated: false,
      total: report.total,
      applied: report.applied,
      unchanged: report.unchanged,
      conflicts: report.conflicts,
      rejected: 0,
      errors: [],
      casesOpened: report.casesOpened,
      tasksCreated: report.tasksCreated,
    };
  } catch (err) {
    if (!(err instanceof Rejected)) throw err;
    const errors = err.report.errors.map((e: RowError) => ({ ...e, column: TEMPLATE.find((t) => t.key === e.column)!.title }));
    return reject(svc, id, opts.fileName, read.rows, err.report.rejected, errors);
  }
}

/**
 * Lets the event loop answer other requests (the progress poll) between the import's steps. PGlite runs in this
 * thread and its queries resolve at once, so an import would otherwise be one chain of promise callbacks that no
 * request can interrupt.
 */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The file's hash (idempotency): its bytes, or the JSON text of the API's rows — hashed row by row, the same
 * digest as of JSON.stringify(rows) without building that one string.
 */
function hashOf(source: ImportSource): string {
  const h = createHash('sha256');
  if (source.format !== 'json') return h.update(source.bytes).digest('hex');
  h.update('[');
  source.rows.forEach((r, i) => h.update((i ? ',' : '') + JSON.stringify(r)));
  return h.update(']').digest('hex');
}

async function reject(svc: TestingService, id: string, fileName: string, total: number, count: number, errors: FileRowError[]): Promise<ImportReport> {
  const kept = errors.slice(0, MAX_ROW_ERRORS).map((e) => ({ ...e, message: messageFor(e.code, 'vi', e.params) }));
  await rejectImport(svc.db.kysely, id, { total, rejected: count, errors: kept, now: svc.now() });
  return {
    id,
    status: 'rejected',
    fileName,
    repeated: false,
    total,
    applied: 0,
    unchanged: 0,
    conflicts: 0,
    rejected: count,
    errors: kept,
    casesOpened: [],
    tasksCreated: 0,
  };
}
