// npm run bench -- import [--db postgres|pglite|both] [--rows 1000000] [--persons 150000] [--clusters 20] [--seed 7]
//                         [--profile] [--keep-files]
//
// A lab's result file of --rows rows (the template: ma_ong_mau, ket_qua, ct, thoi_gian_co_ket_qua; UTF-8 with BOM,
// CRLF, as Excel saves "CSV UTF-8"), imported through the product path importResults() (read and check the format,
// COPY to staging, check in SQL, merge with the rollup, consequences: cases and deconvolution tasks, quarantine
// test days) as a lab user of province 92, on a throwaway PostgreSQL 15 cluster and on PGlite (temp dir).
//
// Before it: a synthetic city of --persons (seed 2021), a synthetic outbreak of Sep 2021 over it (--clusters
// clusters of 30 cases: F1s with quarantine test days), then --rows tubes collected on 20–21/09/2021 and received by
// one lab (generateTestingData, src/server/seed/testing.ts: 90 % household pools, 10 % single RT-PCR tubes, members
// pointing at the city's persons, the daily rollup built for them). The file carries the lab's answer for every
// tube: ~0.2 % "Dương tính" with Ct on household pools, ~0.3 % on single tubes (a few hundred), ~0.3 %
// "Không xác định", the rest "Âm tính". The import runs at 22/09/2021 09:00 (Vietnam).
//
// import.rows_per_s — rows per second of the whole importResults() call (file bytes in memory, as the route has
//   them). Baseline, same run: a raw COPY of the same rows as full sample rows (with their results) into
//   CREATE TABLE samples_copy (LIKE samples INCLUDING ALL), in 100,000-row COPY statements, once before and once
//   after the import (the mean is the baseline: the machine is shared); ratio = import ÷ COPY. Goal: ratio ≥ 0.5.
//   Carries the time of each step (importResults' onStep) and the CPU time of both (this process + PostgreSQL's
//   backends), whose ratio is steadier than wall time when other work shares the cores.
// import.step.<step>_ms — each step; baseline: the raw COPY's time (ratio = share of a raw COPY).
// import.rss_peak_mb — peak resident memory of this process during the import (sampled every 20 ms, and the
//   process's lifetime peak); baseline: RSS just before the import.
//
// --profile: a CPU profile of the import (top functions by self time on stderr). --keep-files: keep the CSV files.
// Progress goes to stderr; one JSON line per figure to stdout.
import { fork } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import { connect, type Db } from '../src/server/db/connect';
import { scriptActor } from '../src/server/platform/actor';
import { createServices } from '../src/server/services';
import { importResults, type ImportStep } from '../src/server/modules/testing/import';
import { generateOutbreak } from '../src/server/seed/outbreak';
import { generateTestingData, SAMPLE_COLUMNS, sampleCsvLine, type LabResult } from '../src/server/seed/testing';
import { emit, engines, flags, log, machine, num, ratioOf } from './lib';
import { checkBacklog } from './testing-summary';
import { actorOf, city, cpuNow, cpuSince, load, openEngine, profiler, round, testingAt, type Engine } from './testing-setup';

const USAGE = 'npm run bench -- import [--db postgres|pglite|both] [--rows 1000000] [--persons 150000] [--clusters 20] [--seed 7] [--profile] [--keep-files]';
const GOAL_RATIO = 0.5;
const FIRST_DAY = '2021-09-20';
const DAYS = 2;
const NOW = new Date('2021-09-22T09:00:00+07:00');
const BASELINE_CHUNK = 100_000;
const RESULT_WORDS = { negative: 'Âm tính', positive: 'Dương tính', invalid: 'Không xác định' } as const;

interface Opts {
  rows: number;
  persons: number;
  clusters: number;
  seed: number;
  profile: boolean;
  keepFiles: boolean;
}

export async function run(args: string[]): Promise<void> {
  const f = flags(args, { db: 'both', rows: '1000000', persons: '150000', clusters: '20', seed: '7', profile: 'false', 'keep-files': 'false' }, USAGE);
  const opts: Opts = {
    rows: Math.round(num(f.rows, 'rows')),
    persons: Math.round(num(f.persons, 'persons')),
    clusters: Math.round(Number(f.clusters) || 0),
    seed: Math.round(num(f.seed, 'seed')),
    profile: f.profile === 'true',
    keepFiles: f['keep-files'] === 'true',
  };
  for (const engine of engines(f.db, ['postgres', 'pglite'])) await benchEngine(engine, opts);
}

/** dd/MM/yyyy HH:mm in Vietnam time, as lab software writes it. */
function labTime(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)} ${v.slice(11, 16)}`;
}

/** Appends text to a file through a buffer (the files are hundreds of MB: never one string). */
class FileOut {
  private fd: number;
  private buf = '';
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  write(s: string) {
    this.buf += s;
    if (this.buf.length > 1 << 20) this.flush();
  }
  flush() {
    if (this.buf) writeSync(this.fd, this.buf);
    this.buf = '';
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

async function benchEngine(engine: 'pglite' | 'postgres', opts: Opts): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  let e: Engine | null = null;
  try {
    e = await openEngine(engine, 'import');
    const { db } = e;
    await city(e, opts.persons);
    if (opts.clusters > 0) {
      const t = performance.now();
      const o = await generateOutbreak(
        db,
        { ruleSets: e.services.ruleSets, units: e.services.units },
        { provinceCode: DEMO_PROVINCE, clusters: opts.clusters, casesPerCluster: 30, seed: opts.seed, startDay: '2021-09-01' },
      );
      log(
        `[${engine}] outbreak: ${o.cases} cases, ${o.exposures} exposures, classes ${JSON.stringify(o.classified)} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    const actor = await actorOf(e, 'lab_staff', 'Kỹ thuật viên đo hiệu năng');

    // The tubes, the lab's file and the baseline's rows.
    const labFile = new FileOut(join(dir, 'ket-qua.csv'));
    const baseFile = new FileOut(join(dir, 'samples-copy.csv'));
    labFile.write('\ufeffma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua\r\n');
    const mix = { negative: 0, positive: 0, invalid: 0, positivePools: 0, positiveSingles: 0 };
    const onResult = (r: LabResult) => {
      labFile.write(`${r.barcode},${RESULT_WORDS[r.result]},${r.ct ?? ''},${labTime(r.resultedAt)}\r\n`);
      baseFile.write(
        sampleCsvLine({
          ...r.row,
          result: r.result,
          ct_value: r.ct,
          resulted_at: r.resultedAt.toISOString(),
          reported_at: NOW.toISOString(),
          result_source: 'import',
        }),
      );
      mix[r.result]++;
      if (r.result === 'positive') mix[r.row.kind === 'single' ? 'positiveSingles' : 'positivePools']++;
    };
    const tg = performance.now();
    let lastLog = tg;
    const gen = await generateTestingData(db, e.services.units, {
      provinceCode: DEMO_PROVINCE,
      samples: opts.rows,
      firstDay: FIRST_DAY,
      days: DAYS,
      now: NOW,
      results: 'file',
      onResult,
      seed: opts.seed,
      labs: 1,
      singleShare: 0.1,
      antigenShare: 0,
      onProgress: (done) => {
        if (performance.now() - lastLog > 10_000 || done === opts.rows) {
          lastLog = performance.now();
          log(`[${engine}]   ${done.toLocaleString('en')} tubes loaded`);
        }
      },
    });
    labFile.close();
    baseFile.close();
    const lab = gen.labs[0];
    const fileMb = statSync(labFile.path).size / 1e6;
    log(
      `[${engine}] ${gen.samples.toLocaleString('en')} tubes, ${gen.members.toLocaleString('en')} members in ${((performance.now() - tg) / 1000).toFixed(1)} s ` +
        `(generate+load ${(gen.ms.generateLoad / 1000).toFixed(1)} s, rollup ${(gen.ms.rollup / 1000).toFixed(1)} s, vacuum analyze ${(gen.ms.analyze / 1000).toFixed(1)} s); ` +
        `file ${fileMb.toFixed(1)} MB: ${JSON.stringify(mix)}`,
    );
    const ctx = { db: engine, rows: opts.rows, persons: opts.persons, ...machine() };

    // Baseline: raw COPY of the same rows into a table shaped like samples, before and after the import (the
    // machine is shared: the mean of the two is the baseline, both are reported).
    const rawCopy = async (label: string) => {
      // the file in 100,000-row pieces, read before the clock starts (and dropped after: not held during the import)
      const base = readFileSync(baseFile.path, 'utf8');
      const chunks: string[] = [];
      for (let at = 0, n = 0, start = 0; at < base.length; at++) {
        if (base.charCodeAt(at) === 10 && ++n % BASELINE_CHUNK === 0) {
          chunks.push(base.slice(start, at + 1));
          start = at + 1;
        }
        if (at === base.length - 1 && start <= at) chunks.push(base.slice(start));
      }
      await db.pool.query('create table samples_copy (like samples including all)');
      await db.pool.query('checkpoint');
      const c0 = cpuNow(e!);
      const t = performance.now();
      for (const c of chunks) await db.copyCsv('samples_copy', [...SAMPLE_COLUMNS], c);
      const ms = performance.now() - t;
      const c1 = cpuSince(e!, c0);
      const copied = Number((await db.pool.query('select count(*) as n from samples_copy')).rows[0].n);
      if (copied !== opts.rows) throw new Error(`baseline copied ${copied} rows, expected ${opts.rows}`);
      await db.pool.query('drop table samples_copy');
      await db.pool.query('checkpoint');
      log(
        `[${engine}] baseline (${label}): raw COPY of ${copied.toLocaleString('en')} sample rows in ${(ms / 1000).toFixed(1)} s (${Math.round(copied / (ms / 1000)).toLocaleString('en')} rows/s), load ${load().join(' ')}`,
      );
      return { ms, cpu: c1.node + c1.db };
    };
    const before = await rawCopy('before');

    // The import.
    const svc = testingAt(e, NOW);
    const tolerance = (await svc.testingRules('2021-09-22')).payload.testDayToleranceDays;
    await db.pool.query('checkpoint');
    await e.services.audit.flush();
    // The import runs in a fresh process, as a server started for it would run it: the figures are the import's,
    // not what this process holds after generating the data and reading the baseline's rows. One process at a time
    // opens a PGlite directory: this one closes it meanwhile.
    const dataDir = engine === 'pglite' ? (db as Db & { lite: { dataDir: string } }).lite.dataDir : null;
    if (dataDir) await db.close();
    log(`[${engine}] importing ${opts.rows.toLocaleString('en')} rows (${fileMb.toFixed(1)} MB) in a fresh process`);
    const loadBefore = load();
    const child = await importInChild({
      engine,
      target: dataDir ?? e.url!,
      labId: lab.id,
      actor: { id: actor.id, username: actor.username, fullName: actor.fullName },
      file: labFile.path,
      profile: opts.profile,
    });
    if (dataDir) Object.assign(db, await connect({ dataDir }));
    const { report, importMs, steps, memory } = child;
    const loadAfter = load();
    const after = await rawCopy('after');
    const copyMs = (before.ms + after.ms) / 2;
    const copyCpu = (before.cpu + after.cpu) / 2;
    const importCpu = child.cpu.node + child.cpu.db;
    if (report.status !== 'done' || report.applied !== opts.rows) {
      throw new Error(`import ${report.status}: applied ${report.applied} of ${opts.rows}; ${JSON.stringify(report.errors.slice(0, 3))}`);
    }
    const checks = await verify(e, report.id, opts.rows, tolerance);
    log(
      `[${engine}] import: ${(importMs / 1000).toFixed(1)} s (${Math.round(opts.rows / (importMs / 1000)).toLocaleString('en')} rows/s); ` +
        `${report.casesOpened} cases opened, ${report.tasksCreated} tasks; ${JSON.stringify(checks)}`,
    );

    const importRate = opts.rows / (importMs / 1000);
    const copyRate = opts.rows / (copyMs / 1000);
    const stepsMs = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(v!)]));
    const other = importMs - Object.values(steps).reduce((a, b) => a + b!, 0);
    emit({
      name: 'import.rows_per_s',
      value: importRate,
      unit: 'rows/s',
      baseline: copyRate,
      ratio: ratioOf(importRate, copyRate),
      goal_ratio: GOAL_RATIO,
      import_s: round(importMs / 1000),
      copy_s: round(copyMs / 1000),
      copy_s_before: round(before.ms / 1000),
      copy_s_after: round(after.ms / 1000),
      cpu_s: {
        import: round(importCpu / 1000),
        copy: round(copyCpu / 1000),
        import_node: round(child.cpu.node / 1000),
        ratio_rows_per_cpu_s: round(copyCpu / importCpu, 3),
      },
      steps_ms: { ...stepsMs, other: round(other) },
      file_mb: round(fileMb),
      cases_opened: report.casesOpened,
      tasks_created: report.tasksCreated,
      ...checks,
      results: mix,
      load_before: loadBefore,
      load_after: loadAfter,
      ...ctx,
    });
    for (const [step, ms] of Object.entries(steps)) {
      emit({ name: `import.step.${step}_ms`, value: ms!, unit: 'ms', baseline: copyMs, ratio: ratioOf(ms!, copyMs), ...ctx });
    }
    emit({
      name: 'import.rss_peak_mb',
      value: memory.peak.rss,
      unit: 'MB',
      baseline: memory.before.rss,
      ratio: ratioOf(memory.peak.rss, memory.before.rss),
      heap_peak_mb: memory.peak.heap,
      external_peak_mb: memory.peak.external,
      array_buffers_peak_mb: memory.peak.arrayBuffers,
      wasm_mb: memory.peak.wasm,
      fresh_process: true,
      before_mb: memory.before,
      by_step_mb: memory.steps,
      process_max_rss_mb: memory.processMaxRss,
      file_mb: round(fileMb),
      ...ctx,
    });
  } finally {
    if (e) await e.close();
    if (!opts.keepFiles) rmSync(dir, { recursive: true, force: true });
    else log(`files kept in ${dir}`);
  }
}

interface ChildParams {
  engine: 'pglite' | 'postgres';
  /** postgres://… or the PGlite directory */
  target: string;
  labId: string;
  actor: { id: string; username: string; fullName: string };
  file: string;
  profile: boolean;
}
interface ChildResult {
  report: { id: string; status: string; applied: number; casesOpened: number; tasksCreated: number; errors: unknown[] };
  importMs: number;
  steps: Partial<Record<ImportStep, number>>;
  cpu: { node: number; db: number };
  memory: ReturnType<MemorySampler['stop']>;
}

/** Runs the import in a child process (this file with `child`); resolves with what it measured. */
function importInChild(params: ChildParams): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['child', JSON.stringify(params)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let result: ChildResult | null = null;
    child.on('message', (m) => {
      result = m as ChildResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (result ? resolve(result) : reject(new Error(`import process ended (${signal ?? code}) without a result`))));
  });
}

/** The child: open the database as the server does, read the file as the route has it (bytes), import, report. */
async function importChild(p: ChildParams): Promise<void> {
  const db = await connect(p.engine === 'postgres' ? { databaseUrl: p.target } : { dataDir: p.target });
  const services = await createServices(db, loadConfig({ LOG_LEVEL: 'silent' }));
  const e = { engine: p.engine, db, services, url: p.engine === 'postgres' ? p.target : null } as Engine;
  const actor = scriptActor(p.actor, 'lab_staff', [DEMO_PROVINCE], services.units.resolveScope([DEMO_PROVINCE]));
  const svc = testingAt(e, NOW);
  const steps: Partial<Record<ImportStep, number>> = {};
  const c0 = cpuNow(e);
  const mem = new MemorySampler(e);
  const bytes = readFileSync(p.file);
  if (p.profile) await profiler.start();
  const t = performance.now();
  const report = await importResults(svc, actor, {
    labId: p.labId,
    fileName: 'ket-qua.csv',
    source: { format: 'csv', bytes },
    onStep: (step, ms) => {
      steps[step] = (steps[step] ?? 0) + ms;
      const m = mem.step(step);
      log(
        `[${p.engine}]   ${step} ${(ms / 1000).toFixed(2)} s; peak MB rss ${m.rss} heap ${m.heap} external ${m.external} (array buffers ${m.arrayBuffers})${m.wasm === null ? '' : ` wasm ${m.wasm}`}`,
      );
    },
  });
  const importMs = performance.now() - t;
  const cpu = cpuSince(e, c0);
  const memory = mem.stop();
  if (p.profile) await profiler.stop(`${p.engine} import`);
  await services.audit.flush();
  await db.close();
  const result: ChildResult = {
    report: {
      id: report.id,
      status: report.status,
      applied: report.applied,
      casesOpened: report.casesOpened.length,
      tasksCreated: report.tasksCreated,
      errors: report.errors.slice(0, 3),
    },
    importMs,
    steps,
    cpu,
    memory,
  };
  await new Promise<void>((resolve, reject) => process.send!(result, (err: Error | null) => (err ? reject(err) : resolve())));
}

interface MemoryFigures {
  rss: number;
  heap: number;
  external: number;
  arrayBuffers: number;
  wasm: number | null;
}

/**
 * Memory of this process during the import, sampled every 20 ms (MB): resident set, JS heap used, external (Buffers,
 * array buffers), and on PGlite the engine's WASM memory (it only grows). Peaks overall and per step (the peak since
 * the previous step ended).
 */
class MemorySampler {
  readonly before: MemoryFigures;
  private peak: MemoryFigures;
  private stepPeak: MemoryFigures;
  private readonly steps: Record<string, MemoryFigures> = {};
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly e: Engine) {
    this.before = this.now();
    this.peak = { ...this.before };
    this.stepPeak = { ...this.before };
    this.timer = setInterval(() => this.sample(), 20);
  }
  private wasm(): number | null {
    const lite = (this.e.db as { lite?: { mod?: { HEAPU8?: Uint8Array } } }).lite;
    return lite?.mod?.HEAPU8 ? lite.mod.HEAPU8.byteLength : null;
  }
  private now(): MemoryFigures {
    const m = process.memoryUsage();
    const w = this.wasm();
    const mb = (b: number) => round(b / 1024 / 1024, 1);
    return { rss: mb(m.rss), heap: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), wasm: w === null ? null : mb(w) };
  }
  private sample(): void {
    const n = this.now();
    for (const p of [this.peak, this.stepPeak]) {
      p.rss = Math.max(p.rss, n.rss);
      p.heap = Math.max(p.heap, n.heap);
      p.external = Math.max(p.external, n.external);
      p.arrayBuffers = Math.max(p.arrayBuffers, n.arrayBuffers);
      p.wasm = n.wasm === null ? null : Math.max(p.wasm ?? 0, n.wasm);
    }
  }
  /** The peak of the step that just ended; the next step's starts now. */
  step(name: string): MemoryFigures {
    this.sample();
    const p = (this.steps[name] = { ...this.stepPeak });
    this.stepPeak = this.now();
    return p;
  }
  stop() {
    clearInterval(this.timer);
    this.sample();
    return { before: this.before, peak: this.peak, steps: this.steps, processMaxRss: round(process.resourceUsage().maxRSS / 1024, 1) };
  }
}

/** The import's effect, checked: every row applied, staging empty, rollup counters equal to the tubes' states. */
async function verify(e: Engine, importId: string, rows: number, toleranceDays: number) {
  const q = async (text: string, params: unknown[] = []) => (await e.db.pool.query(text, params)).rows[0] as Record<string, number>;
  const s = await q(
    `select count(*)::int as samples,
      count(*) filter (where received_at is not null and test_type <> 'rapid_antigen')::int as received,
      count(*) filter (where result in ('negative', 'positive'))::int as resulted,
      count(*) filter (where result = 'positive')::int as positive, count(*) filter (where result = 'negative')::int as negative,
      count(*) filter (where result = 'invalid')::int as invalid,
      count(*) filter (where result_import_id = $1)::int as from_import
    from samples where province_code = $2`,
    [importId, DEMO_PROVINCE],
  );
  const r = await q(
    `select coalesce(sum(samples), 0)::int as samples, coalesce(sum(received), 0)::int as received, coalesce(sum(resulted), 0)::int as resulted,
      coalesce(sum(positive), 0)::int as positive, coalesce(sum(negative), 0)::int as negative, coalesce(sum(invalid), 0)::int as invalid
    from testing_daily where province_code = $1`,
    [DEMO_PROVINCE],
  );
  for (const k of ['samples', 'received', 'resulted', 'positive', 'negative', 'invalid']) {
    if (s[k] !== r[k]) throw new Error(`rollup ${k} = ${r[k]} but the tubes say ${s[k]}`);
  }
  if (s.from_import !== rows) throw new Error(`${s.from_import} tubes carry the import's id, expected ${rows}`);
  const staged = Number((await q('select count(*)::int as n from result_import_rows')).n);
  if (staged) throw new Error(`${staged} staging rows left`);
  const t = await q(
    `select count(*)::int as tasks, (select count(*)::int from classifications where tests_done <> '{}') as test_days_satisfied from testing_tasks`,
  );
  // Every quarantine test day a negative tube of the import satisfies, and no other (nothing was done before it).
  const wrong = await q(
    `select count(*)::int as n from classifications k where k.tests_done is distinct from array(
      select distinct t from unnest(k.test_days) t where exists (
        select 1 from sample_members m join samples s on s.id = m.sample_id
         where m.person_id = k.person_id and s.result_import_id = $1 and s.result = 'negative' and s.collected_on between t - $2::int and t)
      order by t)`,
    [importId, toleranceDays],
  );
  if (wrong.n) throw new Error(`${wrong.n} persons have other test days done than the import's negative tubes give`);
  await checkBacklog(e);
  return { rollup_consistent: true, backlog_consistent: true, test_days_checked: true, tasks_open: t.tasks, test_days_satisfied: t.test_days_satisfied };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === 'child') await importChild(JSON.parse(process.argv[3]) as ChildParams);
  else await run(process.argv.slice(2));
}
