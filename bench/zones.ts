// npm run bench -- zones [--db pglite|postgres|both] [--persons 1240000] [--cases 50000] [--outbreak-cases 20000] [--days 20]
//                        [--warmup 3] [--replays 90,180] [--keep DIR] [--seed 7] [--half true] [--explain] [--profile]
//
// Risk levels (issue #13): the daily assessment of every commune, district and province (ZonesService.assess, the
// daily job's call, services.zones as createServices builds it) over a synthetic city of --persons people (seed 2021)
// and --cases active cases, on PGlite (temp dir, the default) or a throwaway PostgreSQL 15 cluster.
//
// Data: the city (generateSyntheticCity, which also writes every commune's and district's population); then
// --outbreak-cases cases from generateOutbreak in four waves (index cases from 1 Sep, 26 Sep, 21 Oct and 12 Nov 2021;
// clusters of 100 cases with their exposures, places and F1/F2 classes), and the rest of --cases COPYed directly:
// communes drawn by their population times a hotspot factor (log-normal), days from the city's curve (a September wave
// and a larger one from late November) mixed with each commune's own burst, all in 1 Sep – 31 Dec 2021; 62 % found in
// the community, 5 % at screening points, the rest in home quarantine, lockdown zones, quarantine facilities or on
// arrival. Those have no recorded exposure (unknown source). The shipped rule sets end NQ 128 / QĐ 4800 on 26/01/2022;
// the bench adds a version 2 of risk_level_4800 (same payload) in force from 27/01/2022 so that a year of days all
// have a regime (with it off, 124 of the 365 days would be empty). With --keep DIR the database lives in
// DIR/<engine> and is reused when it holds the same persons and cases (DIR under /tmp or /var/tmp for PostgreSQL).
//
// zones.assess_day.p95_ms — services.zones.assess(null, day) for --days different days (every 6 days from
//   05/09/2021, both regimes), after --warmup days and after the replays below (so the table holds a year of rows,
//   as in production): p95 (p50, max). Baseline, same run: one SQL aggregate of the same cases per day (counts per
//   commune of the 14 days ending on the day: community 7 / 14 days, contained, total 7 days), p95 over the same days.
//   Goal: p95 < 250 ms. `steps_ms`: the median time of each statement kind over the days, through a second set of
//   services on a logging Kysely; `other_ms` = wall time − their sum (the assessment in memory, the pool; on PostgreSQL
//   the first five reads run at once on the pool's connections, so the sum can exceed the wall time: negative).
// zones.replay_days.s — one call assessing --replays consecutive days from 01/09/2021 (s, s_per_day).
// zones.replay_year.s — one call assessing 365 days, 01/06/2021 → 31/05/2022. Goal < 15 s. Baseline for both: the
//   days × the single-day p50 (the same days as one call each). Linear in days: s_per_day stays put from 90 to 365
//   days. Each replay starts from an empty table; `replace_s`: the year again over the year it wrote. Not in cases²:
//   with --half (default) the year is replayed again with every second case withdrawn (`half_cases_s`; restored after).
// The daily job's rows for the timed days are compared with what the year's replay stored for them (level and
// figures): `differ_from_replay` unit-days differ (the first one on stderr).
//
// --explain (or a goal missed): EXPLAIN (ANALYZE, BUFFERS) of the assessment's reads on stderr; --profile: CPU
// profiles of the timed days and of the year. Progress goes to stderr; one JSON line per figure to stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays } from '@domain/dates';
import { COMMUNITY_DETECTED_IN, CONTAINED_DETECTED_IN } from '@domain/risk-figures';
import { loadConfig } from '../src/server/config';
import { bootstrap } from '../src/server/bootstrap';
import { emit, engines, flags, log, machine, num, profiler, ratioOf, round, startKeptPg, startThrowawayPg, summarize } from './lib';
import { BASELINE_SQL, count, type Opened, type Opts } from './zones-common';
import { dataset, extendRegime } from './zones-data';
import { explainReads, stepBreakdown } from './zones-explain';

const USAGE =
  'npm run bench -- zones [--db pglite|postgres|both] [--persons 1240000] [--cases 50000] [--outbreak-cases 20000] [--days 20] [--warmup 3] [--replays 90,180] [--keep DIR] [--seed 7] [--half true] [--explain] [--profile]';
const DAY_GOAL_MS = 250;
const YEAR_GOAL_S = 15;
const FIRST_DAY = '2021-09-05';
const DAY_STEP = 6;
const SPAN_FROM = '2021-09-01';
const YEAR_FROM = '2021-06-01';
const YEAR_DAYS = 365;

export async function run(args: string[]): Promise<void> {
  const f = flags(
    args,
    {
      db: 'pglite',
      persons: '1240000',
      cases: '50000',
      'outbreak-cases': '20000',
      days: '20',
      warmup: '3',
      replays: '90,180',
      keep: '',
      seed: '7',
      half: 'true',
      explain: 'false',
      profile: 'false',
    },
    USAGE,
  );
  const opts: Opts = {
    persons: Math.round(num(f.persons, 'persons')),
    cases: Math.round(num(f.cases, 'cases')),
    outbreakCases: Math.max(0, Math.round(Number(f['outbreak-cases']) || 0)),
    days: Math.round(num(f.days, 'days')),
    warmup: Math.max(0, Math.round(Number(f.warmup) || 0)),
    replays: f.replays
      ? f.replays
          .split(',')
          .map((x) => Math.round(num(x, 'replays')))
          .filter((n) => n !== YEAR_DAYS)
      : [],
    keep: f.keep ? resolve(f.keep) : null,
    seed: Math.round(num(f.seed, 'seed')),
    half: f.half === 'true',
    explain: f.explain === 'true',
    profile: f.profile === 'true',
  };
  if (opts.outbreakCases > opts.cases) opts.outbreakCases = opts.cases;
  for (const engine of engines(f.db, ['pglite', 'postgres'])) await benchEngine(engine, opts);
}

async function open(engine: 'pglite' | 'postgres', keep: string | null): Promise<Opened> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'silent', DEMO_PERSONS: '0' };
  if (engine === 'postgres') {
    const pg = keep ? await startKeptPg(join(keep, 'postgres')) : await startThrowawayPg();
    cleanups.push(() => pg.stop());
    env.DATABASE_URL = pg.url;
    log(`[${engine}] PostgreSQL at ${pg.url}${keep ? ` (kept in ${join(keep, 'postgres')})` : ' (throwaway)'}`);
  } else {
    const dir = keep ? join(keep, 'pglite') : mkdtempSync(join(tmpdir(), 'bench-zones-lite-'));
    if (!keep) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    env.DATA_DIR = dir;
    log(`[${engine}] PGlite in ${dir}`);
  }
  const close = async () => {
    for (const c of cleanups) {
      try {
        await c();
      } catch (err) {
        log(`cleanup: ${(err as Error).message}`);
      }
    }
  };
  try {
    const config = loadConfig(env);
    const { db, services } = await bootstrap(config, { seedDemo: false, log: (m) => log(`[${engine}] ${m}`) });
    cleanups.unshift(async () => {
      await services.audit.flush();
      await db.close();
    });
    return { db, services, config, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** 1-, 5- and 15-minute load averages (other work shares this machine). */
const loadAvg = () => loadavg().map((x) => round(x, 2));

async function benchEngine(engine: 'pglite' | 'postgres', opts: Opts): Promise<void> {
  const e = await open(engine, opts.keep);
  const stateFile = opts.keep ? join(opts.keep, `${engine}.json`) : null;
  try {
    const { db, services } = e;
    const state = await dataset(e, opts, engine, stateFile);
    await extendRegime(services);
    await db.pool.query('truncate risk_assessments');
    // a kept database after an interrupted run: the withdrawn half back, no dead row versions
    await db.pool.query(`update cases set status = 'active', withdrawn_reason = null where withdrawn_reason = 'bench: half'`);
    await db.pool.query('vacuum full cases');
    await db.pool.query('analyze');
    const stored = await count(db, `select count(*)::int as n from cases where status = 'active'`);
    const exposures = await count(db, 'select count(*)::int as n from exposures');
    const days = Array.from({ length: opts.days }, (_, i) => addDays(FIRST_DAY, i * DAY_STEP));
    const ctx = { db: engine, persons: opts.persons, cases: stored, exposures, ...machine(), load_avg_start: loadAvg() };
    log(`[${engine}] ${stored.toLocaleString('en')} active cases, ${exposures.toLocaleString('en')} exposures; days ${days[0]} → ${days.at(-1)}`);

    // Warm-up: days outside the timed set (plan caches, JIT, the engine's buffers).
    for (let i = 0; i < opts.warmup; i++) await services.zones.assess(null, addDays(FIRST_DAY, i * DAY_STEP + 3));

    // Replays: one call for n consecutive days from SPAN_FROM, then the year.
    const replays: { days: number; from: string; to: string; s: number; assessed: number; units: number; casesRead: number }[] = [];
    const replay = async (from: string, n: number, label: string) => {
      const to = addDays(from, n - 1);
      const casesRead = await count(db, `select count(*)::int as n from cases where status = 'active' and confirmed_on between $1::date - 13 and $2::date`, [
        from,
        to,
      ]);
      const t = performance.now();
      const report = await services.zones.assess(null, from, to);
      const s = (performance.now() - t) / 1000;
      const assessed = report.filter((r) => r.ruleKind).length;
      const units = report.reduce((a, r) => a + r.units, 0);
      log(
        `[${engine}] ${label}: ${n} days ${from} → ${to} in ${s.toFixed(2)} s (${((s * 1000) / n).toFixed(1)} ms/day), ${units} rows, ${casesRead} cases read`,
      );
      return { days: n, from, to, s, assessed, units, casesRead };
    };
    // Each replay into an empty table (repeated delete + insert bloats its indexes and slows the next one down);
    // then the year once more over the year it just wrote (a recomputation replacing a year).
    const truncate = () => db.pool.query('truncate risk_assessments');
    for (const n of opts.replays) {
      await truncate();
      replays.push(await replay(SPAN_FROM, n, 'replay'));
    }
    await truncate();
    if (opts.profile) await profiler.start(500);
    const year = await replay(YEAR_FROM, YEAR_DAYS, 'replay year');
    if (opts.profile) await profiler.stop(`${engine} replay of ${YEAR_DAYS} days`);
    const replace = await replay(YEAR_FROM, YEAR_DAYS, 'replay year over the year written');

    // What the replay stored for the timed days, to compare with the daily job's answers for the same days.
    const storedRows = `select unit_code, day::text as day, level, figures::text as figures from risk_assessments where day = any($1::date[])`;
    const fromReplay = new Map(
      ((await db.pool.query(storedRows, [days])).rows as { unit_code: string; day: string; level: string; figures: string }[]).map((r) => [
        `${r.unit_code}|${r.day}`,
        r,
      ]),
    );
    // The daily job: one day per call.
    const dayMs: number[] = [];
    if (opts.profile) await profiler.start(200);
    for (const day of days) {
      const t = performance.now();
      const [report] = await services.zones.assess(null, day);
      dayMs.push(performance.now() - t);
      if (!report.ruleKind || report.units === 0) throw new Error(`${day}: no regime or no unit assessed`);
    }
    if (opts.profile) await profiler.stop(`${engine} assess ×${days.length} days`);
    const unitsPerDay = (await services.zones.assess(null, days[0]))[0].units;
    const differ: string[] = [];
    for (const r of (await db.pool.query(storedRows, [days])).rows as { unit_code: string; day: string; level: string; figures: string }[]) {
      const was = fromReplay.get(`${r.unit_code}|${r.day}`);
      if (!was || was.level !== r.level || was.figures !== r.figures) differ.push(`${r.unit_code}|${r.day}`);
    }
    if (differ.length) {
      const [code, day] = differ[0].split('|');
      const now = ((await db.pool.query(storedRows, [[day]])).rows as { unit_code: string; level: string; figures: string }[]).find(
        (r) => r.unit_code === code,
      );
      const was = fromReplay.get(differ[0]);
      log(
        `[${engine}] ${differ.length} of ${fromReplay.size} unit-days differ between the replay and the daily job; ${differ[0]}:\n    replay ${was?.level} ${was?.figures}\n    daily  ${now?.level} ${now?.figures}`,
      );
    }

    // Baseline: one SQL aggregate of the same cases per day.
    const baseMs: number[] = [];
    const windowCases: number[] = [];
    for (const [i, day] of [...days.slice(0, 2), ...days].entries()) {
      const t = performance.now();
      const { rows } = await db.pool.query(BASELINE_SQL, [day, COMMUNITY_DETECTED_IN, CONTAINED_DETECTED_IN]);
      const ms = performance.now() - t;
      if (i < 2) continue; // two warm-up runs
      baseMs.push(ms);
      windowCases.push((rows as { total14: number }[]).reduce((a, r) => a + r.total14, 0));
    }

    const steps = await stepBreakdown(e, days);
    // Not in cases²: the year again with every second case withdrawn (last: it leaves dead row versions behind).
    let half: { s: number; cases: number } | null = null;
    if (opts.half) {
      const withdrawn = await db.pool.query(
        `update cases set status = 'withdrawn', withdrawn_reason = 'bench: half' where status = 'active' and (hashtext(id::text) & 1) = 0 returning id`,
      );
      await db.pool.query('analyze cases');
      await truncate();
      const r = await replay(YEAR_FROM, YEAR_DAYS, `replay year, ${withdrawn.rowCount} cases withdrawn`);
      half = { s: r.s, cases: r.casesRead };
      await db.pool.query(`update cases set status = 'active', withdrawn_reason = null where withdrawn_reason = 'bench: half'`);
      await db.pool.query('vacuum full analyze cases'); // no dead versions left for the next run of a kept database
    }

    const d = summarize(dayMs);
    const b = summarize(baseMs);
    const w = summarize(windowCases);
    emit({
      name: 'zones.assess_day.p95_ms',
      value: d.p95,
      unit: 'ms',
      baseline: b.p95,
      ratio: ratioOf(d.p95, b.p95),
      p50: round(d.p50),
      max: round(d.max),
      baseline_p50: round(b.p50),
      goal_ms: DAY_GOAL_MS,
      days: days.length,
      first_day: days[0],
      last_day: days.at(-1),
      units_per_day: unitsPerDay,
      window_cases_p50: w.p50,
      window_cases_max: w.max,
      load_avg_end: loadAvg(),
      differ_from_replay: differ.length,
      compared_with_replay: fromReplay.size,
      steps_ms: steps.ms,
      other_ms: steps.other,
      statements_per_day: steps.statements,
      ...ctx,
      dataset: state,
    });
    const perDay = (r: { s: number; days: number }) => round((r.s * 1000) / r.days, 2);
    for (const r of replays) {
      const base = (r.days * d.p50) / 1000;
      emit({
        name: 'zones.replay_days.s',
        value: r.s,
        unit: 's',
        baseline: base,
        ratio: ratioOf(r.s, base),
        days: r.days,
        from: r.from,
        to: r.to,
        ms_per_day: perDay(r),
        assessed_days: r.assessed,
        rows: r.units,
        cases_read: r.casesRead,
        ...ctx,
      });
    }
    const yearBase = (YEAR_DAYS * d.p50) / 1000;
    emit({
      name: 'zones.replay_year.s',
      value: year.s,
      unit: 's',
      baseline: yearBase,
      ratio: ratioOf(year.s, yearBase),
      goal_s: YEAR_GOAL_S,
      days: YEAR_DAYS,
      from: year.from,
      to: year.to,
      ms_per_day: perDay(year),
      ms_per_day_shorter: Object.fromEntries(replays.map((r) => [r.days, perDay(r)])),
      assessed_days: year.assessed,
      rows: year.units,
      cases_read: year.casesRead,
      replace_s: round(replace.s, 3),
      half_cases_s: half ? round(half.s, 3) : null,
      half_cases_read: half?.cases ?? null,
      ...ctx,
    });
    if (opts.explain || d.p95 > DAY_GOAL_MS || year.s > YEAR_GOAL_S) await explainReads(e, days[Math.floor(days.length / 2)]);
  } finally {
    await e.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
