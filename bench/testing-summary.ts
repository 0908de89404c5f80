// npm run bench -- testing-summary [--db postgres|pglite|both] [--samples 500000,5000000] [--days 60] [--persons 50000]
//                                  [--runs 40] [--warmup 5] [--seed 7] [--explain] [--profile]
//
// The city's daily testing summary, testingSummary() (src/server/modules/testing/board.ts), called as the HTTP route
// calls it (no query: today) by a command-center user of province 92, on a throwaway PostgreSQL 15 cluster and on
// PGlite (temp dir), with growing numbers of tubes stored.
//
// Data (generateTestingData, src/server/seed/testing.ts, over a synthetic city of --persons, seed 2021): tubes
// spread evenly over --days collection days ending 29/09/2021 (at 5,000,000 and 60 days: ~83,000 a day), from the
// households of the 83 communes of Cần Thơ, two sampling teams per commune, four labs; 88 % household pools, 10 %
// single RT-PCR tubes, 2 % rapid antigen tests; results as they stand at 29/09/2021 18:00 (the clock of the run):
// the afternoon shipments of the last day still in transit, most of the day's tubes awaiting their result, invalid
// runs awaiting a retest, a few old tubes never resulted — the lab backlog; the daily rollup built for them. The
// summary does not read sample_members, so the tubes carry members_count only (no member rows).
// The scales are reached in order on the same database: the second batch of tubes is added to the first.
//
// testing_summary.p95_ms (one line per scale) — p95 (and p50) of testingSummary() over --runs runs after --warmup.
//   Baseline, same run: primary-key lookups of one sample (select * from samples where id = $1), p95 over as many.
//   Goal on PostgreSQL: p95 < 50 ms.
// The rollup and the backlog counters are checked against the tubes at each scale.
// testing_summary.growth — p95 at the largest scale ÷ p95 at the smallest (goal: no growth with the data);
//   baseline: the same ratio for the primary-key lookups.
//
// --explain: EXPLAIN (ANALYZE, BUFFERS) of the summary's statements on stderr (also when the goal is missed);
// --profile: a CPU profile of the timed runs. Progress goes to stderr; one JSON line per figure to stdout.
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { addDays } from '@domain/dates';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Database } from '../src/server/db/tables';
import { testingSummary } from '../src/server/modules/testing/board';
import { generateTestingData } from '../src/server/seed/testing';
import { emit, engines, flags, log, machine, num, ratioOf, rng, summarize } from './lib';
import { actorOf, city, explain, load, openEngine, profiler, round, testingAt, type Engine } from './testing-setup';

const USAGE =
  'npm run bench -- testing-summary [--db postgres|pglite|both] [--samples 500000,5000000] [--days 60] [--persons 50000] [--runs 40] [--warmup 5] [--seed 7] [--explain] [--profile]';
const GOAL_MS = 50;
const LAST_DAY = '2021-09-29';
const NOW = new Date(`${LAST_DAY}T18:00:00+07:00`);

interface Opts {
  scales: number[];
  days: number;
  persons: number;
  runs: number;
  warmup: number;
  seed: number;
  explain: boolean;
  profile: boolean;
}

export async function run(args: string[]): Promise<void> {
  const f = flags(
    args,
    { db: 'postgres', samples: '500000,5000000', days: '60', persons: '50000', runs: '40', warmup: '5', seed: '7', explain: 'false', profile: 'false' },
    USAGE,
  );
  const scales = f.samples
    .split(',')
    .map((x) => Math.round(num(x, 'samples')))
    .sort((a, b) => a - b);
  const opts: Opts = {
    scales,
    days: Math.round(num(f.days, 'days')),
    persons: Math.round(num(f.persons, 'persons')),
    runs: Math.round(num(f.runs, 'runs')),
    warmup: Math.max(0, Math.round(Number(f.warmup) || 0)),
    seed: Math.round(num(f.seed, 'seed')),
    explain: f.explain === 'true',
    profile: f.profile === 'true',
  };
  for (const engine of engines(f.db, ['postgres', 'pglite'])) await benchEngine(engine, opts);
}

async function benchEngine(engine: 'pglite' | 'postgres', opts: Opts): Promise<void> {
  let e: Engine | null = null;
  try {
    e = await openEngine(engine, 'summary');
    await city(e, opts.persons);
    const actor = await actorOf(e, 'command_center', 'Ban Chỉ đạo đo hiệu năng');
    const svc = testingAt(e, NOW);
    const firstDay = addDays(LAST_DAY, -(opts.days - 1));
    const results: { scale: number; p95: number; pk95: number }[] = [];
    let stored = 0;
    for (const scale of opts.scales) {
      const t = performance.now();
      let lastLog = t;
      const gen = await generateTestingData(e.db, e.services.units, {
        provinceCode: DEMO_PROVINCE,
        samples: scale - stored,
        firstDay,
        days: opts.days,
        now: NOW,
        results: 'stored',
        seed: opts.seed + stored,
        members: false,
        onProgress: (done) => {
          if (performance.now() - lastLog > 15_000) {
            lastLog = performance.now();
            log(
              `[${engine}]   ${(stored + done).toLocaleString('en')} tubes loaded, ${Math.round(done / ((performance.now() - t) / 1000)).toLocaleString('en')}/s`,
            );
          }
        },
      });
      stored = scale;
      const generateS = (performance.now() - t) / 1000;
      const state = (
        await e.db.pool.query(
          `select count(*)::int as samples,
          count(*) filter (where result is null or result = 'invalid')::int as pending,
          count(*) filter (where collected_on = $1)::int as today,
          (select count(*)::int from testing_daily where day between $2 and $1) as rollup_rows_7d,
          (select count(*)::int from testing_daily where day = $1) as rollup_rows_today
        from samples`,
          [LAST_DAY, addDays(LAST_DAY, -6)],
        )
      ).rows[0] as Record<string, number>;
      log(
        `[${engine}] ${scale.toLocaleString('en')} tubes stored (batch generated in ${generateS.toFixed(0)} s: load ${(gen.ms.generateLoad / 1000).toFixed(0)} s, rollup ${(gen.ms.rollup / 1000).toFixed(1)} s, vacuum analyze ${(gen.ms.analyze / 1000).toFixed(1)} s); ${JSON.stringify(state)}`,
      );
      await checkRollup(e);

      // The summary, timed, then the baseline.
      const loadBefore = load();
      for (let i = 0; i < opts.warmup; i++) await testingSummary(svc, actor, {});
      if (opts.profile) await profiler.start();
      const ms: number[] = [];
      let summary: Awaited<ReturnType<typeof testingSummary>> | null = null;
      for (let i = 0; i < opts.runs; i++) {
        const t0 = performance.now();
        summary = await testingSummary(svc, actor, {});
        ms.push(performance.now() - t0);
      }
      if (opts.profile) await profiler.stop(`${engine} summary at ${scale}`);
      if (summary!.totals.samples !== state.today) throw new Error(`the summary counts ${summary!.totals.samples} tubes today, the tubes say ${state.today}`);
      const ids = (
        await e.db.pool.query(`select id from samples order by hashtext(barcode || $1) limit $2`, [String(opts.seed), opts.runs + opts.warmup])
      ).rows.map((r: { id: string }) => r.id);
      const r = rng(opts.seed);
      const pk: number[] = [];
      for (let i = 0; i < opts.warmup + opts.runs; i++) {
        const id = ids[Math.floor(r() * ids.length)];
        const t0 = performance.now();
        const res = await e.db.pool.query('select * from samples where id = $1', [id]);
        if (i >= opts.warmup) pk.push(performance.now() - t0);
        if (res.rowCount !== 1) throw new Error(`pk lookup of ${id} returned ${res.rowCount} rows`);
      }
      const loadAfter = load();
      const s = summarize(ms);
      const b = summarize(pk);
      const backlog = summary!.backlog.reduce((a, x) => a + x.inTransit + x.awaitingResult, 0);
      log(
        `[${engine}] ${scale.toLocaleString('en')}: summary p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms; pk p95 ${b.p95.toFixed(2)} ms; backlog ${backlog.toLocaleString('en')}`,
      );
      emit({
        name: 'testing_summary.p95_ms',
        value: s.p95,
        unit: 'ms',
        baseline: b.p95,
        ratio: ratioOf(s.p95, b.p95),
        goal_ms: engine === 'postgres' ? GOAL_MS : null,
        p50: round(s.p50),
        max: round(s.max),
        mean: round(s.mean),
        pk_p50: round(b.p50, 3),
        runs: opts.runs,
        warmup: opts.warmup,
        samples: state.samples,
        today: state.today,
        pending: state.pending,
        backlog_in_summary: backlog,
        rollup_rows_7d: state.rollup_rows_7d,
        rollup_rows_today: state.rollup_rows_today,
        generate_s: round(generateS, 1),
        load_before: loadBefore,
        load_after: loadAfter,
        db: engine,
        days: opts.days,
        ...machine(),
      });
      results.push({ scale, p95: s.p95, pk95: b.p95 });
      if (opts.explain || (engine === 'postgres' && s.p95 > GOAL_MS)) await explainSummary(e, actor);
    }
    if (results.length > 1) {
      const [small, large] = [results[0], results[results.length - 1]];
      emit({
        name: 'testing_summary.growth',
        value: large.p95 / small.p95,
        unit: 'ratio',
        baseline: large.pk95 / small.pk95,
        ratio: ratioOf(large.p95 / small.p95, large.pk95 / small.pk95),
        from_samples: small.scale,
        to_samples: large.scale,
        p95_ms: results.map((x) => round(x.p95)),
        db: engine,
        ...machine(),
      });
    }
  } finally {
    if (e) await e.close();
  }
}

/** The rollup matches the tubes: collected, received and result counters, summed over every row. */
async function checkRollup(e: Engine): Promise<void> {
  const q = async (text: string) => (await e.db.pool.query(text)).rows[0] as Record<string, number>;
  const s = await q(`select count(*)::int as samples, coalesce(sum(members_count), 0)::int as persons,
      count(*) filter (where received_at is not null and test_type <> 'rapid_antigen')::int as received,
      count(*) filter (where result in ('negative', 'positive'))::int as resulted, count(*) filter (where result = 'positive')::int as positive,
      count(*) filter (where result = 'invalid')::int as invalid from samples`);
  const r = await q(`select coalesce(sum(samples), 0)::int as samples, coalesce(sum(persons), 0)::int as persons, coalesce(sum(received), 0)::int as received,
      coalesce(sum(resulted), 0)::int as resulted, coalesce(sum(positive), 0)::int as positive, coalesce(sum(invalid), 0)::int as invalid from testing_daily`);
  for (const k of Object.keys(s)) if (s[k] !== r[k]) throw new Error(`rollup ${k} = ${r[k]} but the tubes say ${s[k]}`);
  await checkBacklog(e);
}

/** The backlog counters (testing_backlog) match the tubes, per commune and lab. */
export async function checkBacklog(e: Engine): Promise<void> {
  const { rows } = await e.db.pool.query(`select count(*)::int as n from (
      select province_code, commune_code, lab_id, count(*) - count(received_at) as in_transit, count(received_at) as awaiting
        from samples where (result is null or result = 'invalid') and lab_id is not null group by 1, 2, 3) live
      full join (select * from testing_backlog where in_transit <> 0 or awaiting <> 0) b using (province_code, commune_code, lab_id)
     where live.in_transit is distinct from b.in_transit or live.awaiting is distinct from b.awaiting`);
  if (rows[0].n) throw new Error(`the backlog counters differ from the tubes for ${rows[0].n} (commune, lab)`);
  const pending = await e.db.pool.query(`select count(*)::int as n from (
      select id, province_code, district_code, commune_code, lab_id, collected_at from samples where result is null or result = 'invalid') live
      full join pending_samples p on p.sample_id = live.id and p.province_code = live.province_code
     where live.id is null or p.sample_id is null or (live.lab_id, live.collected_at, live.commune_code) is distinct from (p.lab_id, p.collected_at, p.commune_code)`);
  if (pending.rows[0].n) throw new Error(`the pending tubes differ from the tubes for ${pending.rows[0].n} tubes`);
}

/** Replays the summary through a logging Kysely to capture its statements, then EXPLAIN (ANALYZE, BUFFERS) each on stderr. */
async function explainSummary(e: Engine, actor: Awaited<ReturnType<typeof actorOf>>): Promise<void> {
  const captured: CompiledQuery[] = [];
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: e.db.pool }),
    log: (ev) => {
      if (ev.level === 'query') captured.push(ev.query);
    },
  });
  await testingSummary(testingAt({ ...e, db: { ...e.db, kysely } }, NOW), actor, {});
  for (const q of captured) {
    if (!/^\s*(with|select)/i.test(q.sql)) continue;
    await explain(e.db, `[${e.engine}] ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}`, q.sql, q.parameters as unknown[]);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
