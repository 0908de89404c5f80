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
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import { addDays } from '@domain/dates';
import { COMMUNITY_DETECTED_IN, CONTAINED_DETECTED_IN } from '@domain/risk-figures';
import { uuidv7 } from '@domain/uuid';
import { loadConfig, type Config } from '../src/server/config';
import { bootstrap, DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import type { Database } from '../src/server/db/tables';
import { createServices, type Services } from '../src/server/services';
import { caseCode, copyCases, generateOutbreak, reserveCaseSerials, Rng, type CaseRow } from '../src/server/seed/outbreak';
import { generateSyntheticCity } from '../src/server/seed/synthetic-city';
import { emit, engines, explain, flags, log, machine, num, profiler, ratioOf, round, startKeptPg, startThrowawayPg, summarize } from './lib';

const USAGE =
  'npm run bench -- zones [--db pglite|postgres|both] [--persons 1240000] [--cases 50000] [--outbreak-cases 20000] [--days 20] [--warmup 3] [--replays 90,180] [--keep DIR] [--seed 7] [--half true] [--explain] [--profile]';
const CITY_SEED = 2021;
const DAY_GOAL_MS = 250;
const YEAR_GOAL_S = 15;
const WAVES = ['2021-09-01', '2021-09-26', '2021-10-21', '2021-11-12'];
const CASES_FROM = '2021-09-01';
const CASES_TO = '2021-12-31';
const FIRST_DAY = '2021-09-05';
const DAY_STEP = 6;
const SPAN_FROM = '2021-09-01';
const YEAR_FROM = '2021-06-01';
const YEAR_DAYS = 365;
const BENCH_REGIME_BASIS = 'NQ 128/NQ-CP, QĐ 4800/QĐ-BYT — kéo dài cho đo hiệu năng (bench/zones.ts)';

interface Opts {
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

interface Opened {
  db: Db;
  services: Services;
  config: Config;
  close(): Promise<void>;
}

interface KeepState {
  persons: number;
  cases: number;
  outbreakCases: number;
  seed: number;
  at: string;
  seedSeconds: number;
}

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

const count = async (db: Db, text: string, params: unknown[] = []) => ((await db.pool.query(text, params)).rows[0] as { n: number }).n;

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

const BASELINE_SQL = `select commune_code,
    count(*) filter (where detected_in = any($2::text[]) and confirmed_on > $1::date - 7)::int as community7,
    count(*) filter (where detected_in = any($2::text[]))::int as community14,
    count(*) filter (where detected_in = any($3::text[]))::int as contained14,
    count(*) filter (where confirmed_on > $1::date - 7)::int as total7,
    count(*)::int as total14
  from cases where status = 'active' and confirmed_on between $1::date - 13 and $1::date
  group by commune_code`;

/** The city and the cases: reused from --keep when they match, else generated (see the header). */
async function dataset(e: Opened, opts: Opts, engine: string, stateFile: string | null): Promise<KeepState & { reused: boolean }> {
  const { db, services } = e;
  const kept: KeepState | null = stateFile && existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as KeepState) : null;
  const persons = await count(db, 'select count(*)::int as n from persons where province_code = $1 and synthetic', [DEMO_PROVINCE]);
  const cases = await count(db, 'select count(*)::int as n from cases');
  const same = (k: KeepState | null) =>
    k && k.persons === opts.persons && k.cases === opts.cases && k.outbreakCases === opts.outbreakCases && k.seed === opts.seed;
  if (kept && same(kept) && persons === opts.persons && cases === opts.cases) {
    log(`[${engine}] reusing ${persons.toLocaleString('en')} persons and ${cases.toLocaleString('en')} cases generated ${kept.at}`);
    return { ...kept, reused: true };
  }
  const t = performance.now();
  if (persons !== opts.persons) {
    if (persons > 0) throw new Error(`the kept database holds ${persons} synthetic persons, not ${opts.persons}: remove ${opts.keep} or use another --keep`);
    log(`[${engine}] generating ${opts.persons.toLocaleString('en')} persons (seed ${CITY_SEED})`);
    let last = t;
    await generateSyntheticCity(db, services.units, {
      persons: opts.persons,
      provinceCode: DEMO_PROVINCE,
      seed: CITY_SEED,
      onProgress: (done) => {
        const now = performance.now();
        if (now - last > 10_000 || done === opts.persons) {
          last = now;
          log(`[${engine}]   ${done.toLocaleString('en')} persons, ${Math.round(done / ((now - t) / 1000)).toLocaleString('en')}/s`);
        }
      },
    });
    log(`[${engine}] city in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (cases > 0) {
    log(`[${engine}] removing ${cases} cases and the tracing graph to regenerate them`);
    await db.pool.query('truncate cases, exposures, classifications, clusters, places, case_code_counters, risk_assessments');
  }
  const tc = performance.now();
  let outbreak = 0;
  const perWave = Math.floor(opts.outbreakCases / WAVES.length);
  for (let i = 0; i < WAVES.length && perWave > 0; i++) {
    const casesPerCluster = Math.min(100, perWave);
    const o = await generateOutbreak(
      db,
      { ruleSets: services.ruleSets, units: services.units },
      { provinceCode: DEMO_PROVINCE, clusters: Math.ceil(perWave / casesPerCluster), casesPerCluster, seed: opts.seed * 31 + i, startDay: WAVES[i] },
    );
    outbreak += o.cases;
    log(
      `[${engine}] outbreak wave ${i + 1} from ${WAVES[i]}: ${o.cases} cases (${o.firstConfirmedOn} → ${o.lastConfirmedOn}), ${o.exposures} exposures, ${o.clusters} clusters, ms ${JSON.stringify(o.ms)}`,
    );
  }
  const extra = await spreadCases(db, opts.cases - outbreak, new Rng(opts.seed * 7919));
  log(`[${engine}] ${outbreak} outbreak cases + ${extra} spread cases in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
  await db.pool.query('analyze');
  const state: KeepState = {
    persons: opts.persons,
    cases: outbreak + extra,
    outbreakCases: opts.outbreakCases,
    seed: opts.seed,
    at: new Date().toISOString(),
    seedSeconds: round((performance.now() - t) / 1000, 1),
  };
  if (state.cases !== opts.cases) log(`[${engine}] ${state.cases} cases instead of ${opts.cases}`);
  if (stateFile) writeFileSync(stateFile, JSON.stringify(state, null, 2));
  return { ...state, reused: false };
}

const DETECTED_IN: [CaseRow['detected_in'], number][] = [
  ['community', 0.62],
  ['screening_at_facility', 0.05],
  ['home_quarantine', 0.15],
  ['lockdown_zone', 0.1],
  ['quarantine_facility', 0.06],
  ['arrival', 0.02],
];
const CLINICAL: [CaseRow['clinical_status'], number][] = [
  ['asymptomatic', 0.35],
  ['mild', 0.5],
  ['moderate', 0.11],
  ['severe', 0.03],
  ['critical', 0.01],
];
function weighted<T>(rng: Rng, items: readonly [T, number][]): T {
  let x = rng.next();
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}
const gauss = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

/**
 * `n` cases COPYed directly (no exposure: unknown source), over the communes of the province by population × a
 * log-normal hotspot factor, on days of 1 Sep – 31 Dec 2021 from the city's curve mixed with the commune's own burst.
 */
async function spreadCases(db: Db, n: number, rng: Rng): Promise<number> {
  if (n <= 0) return 0;
  const communes = (
    await db.pool.query(
      `select commune_code, min(district_code) as district_code, count(*)::int as n from persons
       where province_code = $1 and synthetic and merged_into is null group by 1 order by 1`,
      [DEMO_PROVINCE],
    )
  ).rows as { commune_code: string; district_code: string; n: number }[];
  const span = Math.round((Date.parse(CASES_TO) - Date.parse(CASES_FROM)) / 86_400_000) + 1;
  // The city's curve: a September wave, a trough in October, a larger wave from late November.
  const bump = (x: number, at: number, width: number) => Math.exp(-(((x - at) / width) ** 2) / 2);
  const curve = Array.from({ length: span }, (_, i) => 0.15 + 0.6 * bump(i, 14, 9) + 1.0 * bump(i, 95, 16));
  const curveTotal = curve.reduce((a, b) => a + b, 0);
  const fromCurve = () => {
    let x = rng.next() * curveTotal;
    for (let i = 0; i < span; i++) if ((x -= curve[i]) < 0) return i;
    return span - 1;
  };
  const weights = communes.map((c) => c.n * Math.exp(0.8 * gauss(rng)));
  const total = weights.reduce((a, b) => a + b, 0);
  const bursts = communes.map(() => ({ at: rng.int(10, span - 10), width: rng.int(4, 10) }));
  const quotas = weights.map((w) => Math.floor((w / total) * n));
  for (let left = n - quotas.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) quotas[i % quotas.length]++;

  // Who: per commune, its quota of persons without an active case, in a seeded hash order (one scan of the city).
  await db.pool.query('analyze cases');
  const who = new Map<string, { id: string; district_code: string }[]>();
  const picked = (
    await db.pool.query(
      `select x.id, x.district_code, x.commune_code from (
         select p.id, p.district_code, p.commune_code, row_number() over (partition by p.commune_code order by hashtext(p.id::text || $2)) as r
         from persons p
         where p.province_code = $1 and p.synthetic and p.merged_into is null
           and not exists (select 1 from cases x where x.person_id = p.id and x.province_code = p.province_code and x.status = 'active')) x
       join unnest($3::text[], $4::int[]) as q (code, n) on q.code = x.commune_code
       where x.r <= q.n`,
      [DEMO_PROVINCE, String(rng.int(0, 1 << 30)), communes.map((c) => c.commune_code), quotas],
    )
  ).rows as { id: string; district_code: string; commune_code: string }[];
  for (const p of picked) (who.get(p.commune_code) ?? who.set(p.commune_code, []).get(p.commune_code)!).push(p);

  const first = await reserveCaseSerials(db, DEMO_PROVINCE, 2021, n);
  const rows: CaseRow[] = [];
  for (let k = 0; k < communes.length; k++) {
    const c = communes[k];
    for (const p of (who.get(c.commune_code) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const b = bursts[k];
      const offset = rng.next() < 0.5 ? fromCurve() : Math.min(span - 1, Math.max(0, Math.round(b.at + gauss(rng) * b.width)));
      const confirmed = addDays(CASES_FROM, offset);
      const detectedIn = weighted(rng, DETECTED_IN);
      const sampled = addDays(confirmed, -rng.int(0, 1));
      const clinical = weighted(rng, CLINICAL);
      const contained = CONTAINED_DETECTED_IN.includes(detectedIn);
      const isolated = contained ? `${addDays(sampled, -rng.int(1, 5))}T09:00:00+07:00` : `${confirmed}T18:00:00+07:00`;
      const serial = first + rows.length;
      rows.push({
        id: uuidv7(),
        province_code: DEMO_PROVINCE,
        district_code: p.district_code,
        commune_code: c.commune_code,
        person_id: p.id,
        case_code: caseCode(DEMO_PROVINCE, 2021, serial),
        confirmed_on: confirmed,
        confirming_test: `BENCH-ZONES-PCR-${serial}`,
        detected_in: detectedIn,
        onset_on: clinical === 'asymptomatic' ? null : addDays(sampled, -rng.int(0, 3)),
        sampled_on: sampled,
        isolated_at: new Date(Date.parse(isolated)).toISOString(),
        clinical_status: clinical,
        treatment_place: clinical === 'severe' || clinical === 'critical' ? 'province_hospital' : clinical === 'moderate' ? 'district_hospital' : 'home',
      });
    }
  }
  await copyCases(db, rows);
  return rows.length;
}

/** A version 2 of risk_level_4800 (the payload of version 1) in force from the day after version 1 ends, once. */
async function extendRegime(services: Services): Promise<void> {
  const versions = await services.ruleSets.list('risk_level_4800');
  if (versions.some((v) => v.legalBasis === BENCH_REGIME_BASIS)) return;
  const last = versions.filter((v) => v.status === 'active').sort((a, b) => b.version - a.version)[0];
  if (!last?.effectiveTo) return;
  await services.ruleSets.addVersion(
    null,
    { kind: 'risk_level_4800', legalBasis: BENCH_REGIME_BASIS, effectiveFrom: last.effectiveTo, effectiveTo: null, payload: last.payload, confidence: {} },
    { status: 'active' },
  );
  log(`risk_level_4800 v${last.version + 1} (bench) in force from ${last.effectiveTo}`);
}

/** What each statement kind of a day's assessment costs: the same days again through services on a logging Kysely. */
async function stepBreakdown(e: Opened, days: string[]) {
  let current: Record<string, number> = {};
  let statements = 0;
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: e.db.pool }),
    log: (ev) => {
      if (ev.level !== 'query') return;
      const label = statementKind(ev.query.sql);
      current[label] = (current[label] ?? 0) + ev.queryDurationMillis;
      statements++;
    },
  });
  const logged = await createServices({ ...e.db, kysely }, e.config);
  const per: Record<string, number[]> = {};
  const other: number[] = [];
  for (const day of days) {
    current = {};
    const t = performance.now();
    await logged.zones.assess(null, day);
    const ms = performance.now() - t;
    for (const [k, v] of Object.entries(current)) (per[k] ??= []).push(v);
    other.push(ms - Object.values(current).reduce((a, b) => a + b, 0));
  }
  const median = (xs: number[]) => round(summarize(xs).p50);
  return {
    ms: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, median(v)])),
    other: median(other),
    statements: Math.round(statements / days.length),
  };
}

function statementKind(text: string): string {
  if (/max\(confirmed_on\)/.test(text)) return 'last_community_cases';
  if (/from "cases"/.test(text)) return 'cases';
  if (/from "exposures"/.test(text)) return 'infection_sources';
  if (/from "population"/.test(text)) return 'populations';
  if (/from "rule_sets"/.test(text)) return 'rule_sets';
  if (/from "risk_inputs"/.test(text)) return 'inputs';
  if (/from "risk_decisions"/.test(text)) return 'decisions';
  if (/^delete from "risk_assessments"/.test(text)) return 'delete_day';
  if (/^insert into "risk_assessments"/.test(text)) return 'insert_rows';
  if (/from "risk_assessments"/.test(text)) return 'previous_day';
  return text.slice(0, 40);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the reads behind one day's assessment. */
async function explainReads(e: Opened, day: string): Promise<void> {
  const { db, services } = e;
  const first = addDays(day, -13);
  await explain(
    db,
    `cases for [${first}, ${day}]`,
    `select person_id, commune_code, confirmed_on, detected_in from cases where status = 'active' and confirmed_on >= $1 and confirmed_on <= $2`,
    [first, day],
  );
  await explain(
    db,
    `last community case before ${first}`,
    `select commune_code, max(confirmed_on)::text as last_on from cases where status = 'active' and detected_in = 'community' and confirmed_on < $1 group by commune_code`,
    [first],
  );
  const persons = (await services.cases.casesForAssessment(first, day)).map((c) => c.personId);
  await explain(
    db,
    `infection sources of ${persons.length} persons`,
    `select e.exposed_person_id, coalesce(bool_or(p.high_contact), false) as high_contact from exposures e
     left join places p on p.id = e.place_id and p.province_code = e.province_code
     where e.exposed_person_id = any($1::uuid[]) group by e.exposed_person_id`,
    [[...new Set(persons)]],
  );
  await explain(db, `baseline aggregate on ${day}`, BASELINE_SQL, [day, COMMUNITY_DETECTED_IN, CONTAINED_DETECTED_IN]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
