// npm run bench -- tracing [--db postgres|pglite|both] [--persons 10000] [--graph-persons 5000] [--promotions 50]
//                          [--runs 10] [--warmup 3] [--seed 7] [--explain] [--profile]
//
// Contact tracing at scale, on a throwaway PostgreSQL 15 cluster and on PGlite (temp dir), over a synthetic
// city of --persons people (seed 2021):
//
// tracing.graph.ms — the transmission chain of ONE connected cluster of --graph-persons persons (households as
//   cliques of unmasked household contacts, workplace links between households, ~1 % of them cases, classes
//   computed), loaded with CasesService.chain (the breadth-first walk in the database, chain_walk, and one
//   statement answering nodes with class, case and card, and edges, as one JSON text of columns): p95 (and p50)
//   over --runs runs after --warmup. Baseline: one raw `select * from exposures where province_code = '92'`
//   fetching the same edges (p95 over as many runs). Goal: p95 < 300 ms. The answer is checked: every node's
//   depth equals a breadth-first walk in memory over the raw edges, and every edge is there.
// tracing.promote.p95_ms — ONE connected component of all --persons persons (same construction, one index case,
//   classes computed set-based); then --promotions times a random current F1 is promoted to F0 through
//   CasesService.create (the case, reclassifyAround of its neighbourhood and the audit row in one transaction),
//   as a command-center user of province 92. Baseline: one full recomputation of the component's classes (every
//   exposure and active case loaded from the database, then classify()): median of 3. Goal: p95 < 50 ms.
// tracing.promote.rows_touched_p95 — classification rows written per promotion (p95); baseline: the component
//   size. Rows touched must follow the neighbourhood, not the graph.
//
// With --explain (or when a goal is missed) the statements behind the slow figure get EXPLAIN (ANALYZE, BUFFERS)
// on stderr; --profile adds an in-process CPU profile of the measured chain loads and promotions (top functions
// by self time on stderr, the .cpuprofile in the temp dir). Each figure also carries a breakdown: the walk alone in
// the database, and a promotion's queries one by one.
// Progress goes to stderr; one JSON line per figure to stdout.
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { addDays } from '@domain/dates';
import { classify } from '@domain/exposure-class';
import { uuidv7 } from '@domain/uuid';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import type { Actor } from '../src/server/platform/actor';
import type { Services } from '../src/server/services';
import { caseCode, copyCases, copyClassifications, copyExposures, reserveCaseSerials, Rng, type CaseRow, type ExposureRow } from '../src/server/seed/outbreak';
import { classificationRows, engineRules, rulesInForce } from '../src/server/modules/tracing/classification';
import * as repo from '../src/server/modules/tracing/repo';
import { emit, engines, explain, flags, log, machine, num, profiler, ratioOf, round, summarize } from './lib';
import { actorOf, city, openEngine } from './testing-setup';

const USAGE =
  'npm run bench -- tracing [--db postgres|pglite|both] [--persons 10000] [--graph-persons 5000] [--promotions 50] [--runs 10] [--warmup 3] [--seed 7] [--explain] [--profile]';
const PROMOTE_GOAL_MS = 50;
const GRAPH_GOAL_MS = 300;
/** Every exposure is dated in this window; the index case is infectious from 2021-09-03. */
const DAY = '2021-09-10';

interface Opts {
  persons: number;
  graphPersons: number;
  promotions: number;
  runs: number;
  warmup: number;
  seed: number;
  explain: boolean;
  profile: boolean;
}
interface P {
  id: string;
  household_id: string;
  district_code: string;
  commune_code: string;
}

export async function run(args: string[]): Promise<void> {
  const f = flags(
    args,
    { db: 'both', persons: '10000', 'graph-persons': '5000', promotions: '50', runs: '10', warmup: '3', seed: '7', explain: 'false', profile: 'false' },
    USAGE,
  );
  const opts: Opts = {
    persons: Math.round(num(f.persons, 'persons')),
    graphPersons: Math.round(num(f['graph-persons'], 'graph-persons')),
    promotions: Math.round(num(f.promotions, 'promotions')),
    runs: Math.round(num(f.runs, 'runs')),
    warmup: Math.max(0, Math.round(Number(f.warmup) || 0)),
    seed: Math.round(num(f.seed, 'seed')),
    explain: f.explain === 'true',
    profile: f.profile === 'true',
  };
  if (opts.graphPersons > opts.persons) {
    console.error(`--graph-persons (${opts.graphPersons}) must not exceed --persons (${opts.persons})`);
    process.exit(2);
  }
  for (const engine of engines(f.db, ['postgres', 'pglite'])) await benchEngine(engine, opts);
}

async function benchEngine(engine: 'pglite' | 'postgres', opts: Opts): Promise<void> {
  const e = await openEngine(engine, 'tracing');
  try {
    const { db, services } = e;
    await city(e, opts.persons);
    const actor = await actorOf(e, 'command_center', 'Đo hiệu năng truy vết');
    const persons = (
      await db.pool.query(`select id, household_id, district_code, commune_code from persons where province_code = $1 order by household_id, id`, [
        DEMO_PROVINCE,
      ])
    ).rows as P[];
    const ctx = { db: engine, persons: opts.persons, ...machine() };

    await graphBench(db, services, actor, persons, opts, ctx);
    await db.pool.query('truncate exposures, classifications, cases, clusters, case_code_counters');
    await promoteBench(db, services, actor, persons, opts, ctx);
  } finally {
    await e.close();
  }
}

/**
 * One connected component over `persons` (grouped by household, in order): every ordered pair of a household
 * (unmasked, 1–14 Sep), then for each household after the first a workplace link (masked ≥15 min, both ways,
 * one morning of 4–12 Sep) to a random earlier household — a spanning tree, so the component is connected —
 * and for 70 % of persons one more workplace link to anyone.
 */
function component(persons: P[], rng: Rng): { exposures: ExposureRow[]; households: P[][] } {
  const households: P[][] = [];
  for (const p of persons) {
    const last = households[households.length - 1];
    if (last && last[0].household_id === p.household_id) last.push(p);
    else households.push([p]);
  }
  const exposures: ExposureRow[] = [];
  const keys = new Set<string>();
  const edge = (a: P, b: P, start: string, end: string, contact: string, setting: string) => {
    const key = `${a.id}|${b.id}|${start}`;
    if (a.id === b.id || keys.has(key)) return;
    keys.add(key);
    exposures.push({
      id: uuidv7(),
      province_code: DEMO_PROVINCE,
      district_code: b.district_code,
      commune_code: b.commune_code,
      source_person_id: a.id,
      exposed_person_id: b.id,
      start_at: start,
      end_at: end,
      contact_type: contact,
      setting,
      place_name: null,
      place_id: null,
    });
  };
  for (const h of households) for (const a of h) for (const b of h) edge(a, b, '2021-09-01T11:00:00.000Z', '2021-09-14T01:00:00.000Z', 'unmasked', 'household');
  const link = (a: P, b: P) => {
    const day = addDays('2021-09-04', rng.int(0, 8));
    const start = new Date(Date.parse(`${day}T07:30:00+07:00`)).toISOString();
    const end = new Date(Date.parse(`${day}T11:30:00+07:00`)).toISOString();
    edge(a, b, start, end, 'masked_15min', 'workplace');
    edge(b, a, start, end, 'masked_15min', 'workplace');
  };
  for (let i = 1; i < households.length; i++) link(rng.pick(households[i]), rng.pick(households[rng.int(0, i - 1)]));
  for (const p of persons) if (rng.next() < 0.7) link(p, rng.pick(persons));
  return { exposures, households };
}

/** Case rows (codes reserved in one go) for `who`, with onsets spread from `firstOnset`. */
async function makeCases(db: Db, who: P[], rng: Rng, firstOnset: string): Promise<CaseRow[]> {
  if (!who.length) return [];
  const first = await reserveCaseSerials(db, DEMO_PROVINCE, 2021, who.length);
  return who.map((p, i) => {
    const onset = i === 0 ? firstOnset : addDays(firstOnset, rng.int(1, 10));
    const confirmed = addDays(onset, 2);
    return {
      id: uuidv7(),
      province_code: DEMO_PROVINCE,
      district_code: p.district_code,
      commune_code: p.commune_code,
      person_id: p.id,
      case_code: caseCode(DEMO_PROVINCE, 2021, first + i),
      confirmed_on: confirmed,
      confirming_test: `BENCH-PCR-${i}`,
      detected_in: i === 0 ? 'community' : 'home_quarantine',
      onset_on: onset,
      sampled_on: addDays(onset, 1),
      isolated_at: new Date(Date.parse(`${confirmed}T18:00:00+07:00`)).toISOString(),
      clinical_status: 'mild',
      treatment_place: 'home',
    };
  });
}

async function loadComponent(db: Db, services: Services, cases: CaseRow[], exposures: ExposureRow[]) {
  const rules = await rulesInForce(services.ruleSets, DAY);
  const classes = classificationRows(cases, exposures, rules);
  await copyCases(db, cases);
  await copyExposures(db, exposures);
  await copyClassifications(db, classes);
  await db.pool.query('analyze exposures; analyze cases; analyze classifications');
  return classes;
}

async function graphBench(db: Db, services: Services, actor: Actor, all: P[], opts: Opts, base: Record<string, unknown>): Promise<void> {
  const engine = base.db;
  const rng = new Rng(opts.seed);
  // Whole households until the cluster has graphPersons persons.
  let n = Math.min(opts.graphPersons, all.length);
  while (n < all.length && all[n].household_id === all[n - 1].household_id) n++;
  const persons = all.slice(0, n);
  const { exposures } = component(persons, rng);
  const index = persons[rng.int(0, persons.length - 1)];
  const chosen = new Map<string, P>([[index.id, index]]);
  while (chosen.size < Math.max(1, Math.round(persons.length / 100))) {
    const p = rng.pick(persons);
    chosen.set(p.id, p);
  }
  const cases = await makeCases(db, [...chosen.values()], rng, '2021-09-05');
  const classes = await loadComponent(db, services, cases, exposures);
  log(`[${engine}] graph: ${persons.length} persons, ${exposures.length} exposures, ${cases.length} cases, ${classes.length} classified`);

  const indexCaseId = cases[0].id;
  const chainMs: number[] = [];
  let graph: Awaited<ReturnType<Services['tracing']['chain']>> | null = null;
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    if (i === opts.warmup && opts.profile) await profiler.start(200);
    const t = performance.now();
    graph = await services.tracing.chain(actor, indexCaseId, '2021-09-30');
    if (i >= opts.warmup) chainMs.push(performance.now() - t);
  }
  if (opts.profile) await profiler.stop(`${engine} chain ×${opts.runs}`);
  await services.audit.flush();
  if (graph!.nodes.length !== persons.length || graph!.edges.length !== exposures.length) {
    throw new Error(`chain returned ${graph!.nodes.length} nodes / ${graph!.edges.length} edges, expected ${persons.length} / ${exposures.length}`);
  }
  const rawMs: number[] = [];
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const t = performance.now();
    const { rowCount } = await db.pool.query('select * from exposures where province_code = $1', [DEMO_PROVINCE]);
    if (i >= opts.warmup) rawMs.push(performance.now() - t);
    if (rowCount !== exposures.length) throw new Error(`raw fetch returned ${rowCount} rows`);
  }
  const raw = await db.pool.query('select source_person_id, exposed_person_id from exposures where province_code = $1', [DEMO_PROVINCE]);
  const expected = depthsOf(cases[0].person_id, raw.rows);
  const wrong = graph!.nodes.filter((x) => expected.get(x.id) !== x.depth);
  if (expected.size !== graph!.nodes.length || wrong.length) throw new Error(`chain depths differ from a walk in memory (${wrong.length} nodes)`);
  const walk = await timeRuns(opts.runs, async () => {
    await db.pool.query('select count(*) from chain_walk($1::uuid, 20001)', [cases[0].person_id]);
  });
  const chain = summarize(chainMs);
  const rawFetch = summarize(rawMs);
  emit({
    name: 'tracing.graph.ms',
    value: chain.p95,
    unit: 'ms',
    baseline: rawFetch.p95,
    ratio: ratioOf(chain.p95, rawFetch.p95),
    p50: round(chain.p50),
    max: round(chain.max),
    raw_p50: round(rawFetch.p50),
    goal_ms: GRAPH_GOAL_MS,
    runs: opts.runs,
    nodes: graph!.nodes.length,
    edges: graph!.edges.length,
    cases: cases.length,
    levels: Math.max(...expected.values()) + 1,
    walk_p50_ms: round(walk.p50),
    walk_p95_ms: round(walk.p95),
    ...base,
  });
  if (opts.explain || chain.p95 > GRAPH_GOAL_MS) {
    // the walk's statements run inside the function: the planner's view of one level at the widest frontier
    const widest = [...expected.entries()]
      .reduce((acc, [id, d]) => {
        (acc[d] ??= []).push(id);
        return acc;
      }, [] as string[][])
      .reduce((x, y) => (y.length > x.length ? y : x));
    await explain(
      db,
      `one level of chain_walk, frontier ${widest.length}`,
      `select coalesce(array_agg(distinct x.p), '{}') from (
        select e.exposed_person_id as p from exposures e where e.source_person_id = any($1::uuid[])
        union all select e.source_person_id from exposures e where e.exposed_person_id = any($1::uuid[])) x
      where x.p not in (select unnest($2::uuid[]))`,
      [widest, [...expected.keys()]],
    );
  }
}

/** Depth of every person reachable from `start` over the edges (either direction), breadth-first in memory. */
function depthsOf(start: string, rows: { source_person_id: string; exposed_person_id: string }[]): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const r of rows) {
    (adj.get(r.source_person_id) ?? adj.set(r.source_person_id, []).get(r.source_person_id)!).push(r.exposed_person_id);
    (adj.get(r.exposed_person_id) ?? adj.set(r.exposed_person_id, []).get(r.exposed_person_id)!).push(r.source_person_id);
  }
  const depth = new Map([[start, 0]]);
  for (let frontier = [start], level = 1; frontier.length; level++) {
    const next: string[] = [];
    for (const p of frontier)
      for (const q of adj.get(p) ?? [])
        if (!depth.has(q)) {
          depth.set(q, level);
          next.push(q);
        }
    frontier = next;
  }
  return depth;
}

async function timeRuns(runs: number, step: () => Promise<void>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await step();
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

async function promoteBench(db: Db, services: Services, actor: Actor, persons: P[], opts: Opts, base: Record<string, unknown>): Promise<void> {
  const engine = base.db;
  const rng = new Rng(opts.seed + 1);
  const { exposures } = component(persons, rng);
  // The index case: a random person among the best connected tenth (a well-linked index keeps F1s to promote).
  const degree = new Map<string, number>();
  for (const e of exposures) degree.set(e.source_person_id, (degree.get(e.source_person_id) ?? 0) + 1);
  const ranked = [...persons].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
  const cases = await makeCases(db, [ranked[rng.int(0, Math.max(0, Math.floor(ranked.length / 10) - 1))]], rng, '2021-09-05');
  const classes = await loadComponent(db, services, cases, exposures);
  log(
    `[${engine}] promote: component of ${persons.length} persons, ${exposures.length} exposures, ${classes.length} classified (${classes.filter((c) => c.class === 'F1').length} F1)`,
  );

  // Baseline: the whole component's classes recomputed from the database.
  const rules = await rulesInForce(services.ruleSets, DAY);
  const er = engineRules(rules);
  const full: { total: number; load: number; classify: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const [{ rows: edges }, { rows: active }] = [
      await db.pool.query('select * from exposures where province_code = $1', [DEMO_PROVINCE]),
      await db.pool.query(`select * from cases where province_code = $1 and status = 'active'`, [DEMO_PROVINCE]),
    ];
    const t1 = performance.now();
    const result = classify(
      active.map((c) => ({
        personId: c.person_id,
        onsetAt: `${c.onset_on ?? c.sampled_on}T00:00:00+07:00`,
        isolatedAt: c.isolated_at ? new Date(c.isolated_at).toISOString() : null,
      })),
      edges.map((e) => ({
        id: e.id,
        sourceId: e.source_person_id,
        exposedId: e.exposed_person_id,
        startAt: new Date(e.start_at).toISOString(),
        endAt: new Date(e.end_at).toISOString(),
        contactType: e.contact_type,
      })),
      er,
    );
    const t2 = performance.now();
    if (result.size !== classes.length) throw new Error(`full recomputation classified ${result.size}, expected ${classes.length}`);
    full.push({ total: t2 - t, load: t1 - t, classify: t2 - t1 });
  }
  full.sort((a, b) => a.total - b.total);
  const baseline = full[1];

  // Promotions: a random current F1 each time (promoting one turns its F2 contacts into F1s).
  const wall: number[] = [];
  const touched: number[] = [];
  const considered: number[] = [];
  for (let i = 0; i < opts.warmup + opts.promotions; i++) {
    if (i === opts.warmup && opts.profile) await profiler.start(200);
    const { rows } = await db.pool.query(`select person_id from classifications where class = 'F1' order by person_id`);
    if (!rows.length) throw new Error('no F1 left to promote');
    const personId = (rows[rng.int(0, rows.length - 1)] as { person_id: string }).person_id;
    const t = performance.now();
    const { reclassified } = await services.cases.create(actor, {
      personId,
      confirmedOn: '2021-09-10',
      confirmingTest: `BENCH-PROMOTE-${i}`,
      detectedIn: 'home_quarantine',
      onsetOn: null,
      sampledOn: '2021-09-09',
      isolatedAt: null,
      clinicalStatus: 'asymptomatic',
      treatmentPlace: 'home',
    });
    const ms = performance.now() - t;
    if (i < opts.warmup) continue;
    wall.push(ms);
    touched.push(reclassified.rowsTouched);
    considered.push(reclassified.considered);
  }
  if (opts.profile) await profiler.stop(`${engine} promotions ×${opts.promotions}`);
  const steps = await promotionSteps(db, services, 5);
  const w = summarize(wall);
  const rt = summarize(touched);
  const cs = summarize(considered);
  const {
    rows: [after],
  } = await db.pool.query(`select count(*)::int as classified, count(*) filter (where class = 'F1')::int as f1 from classifications`);
  emit({
    name: 'tracing.promote.p95_ms',
    value: w.p95,
    unit: 'ms',
    baseline: baseline.total,
    ratio: ratioOf(w.p95, baseline.total),
    p50: round(w.p50),
    max: round(w.max),
    mean: round(w.mean),
    goal_ms: PROMOTE_GOAL_MS,
    promotions: opts.promotions,
    warmup: opts.warmup,
    rows_touched_p50: rt.p50,
    rows_touched_p95: rt.p95,
    rows_touched_max: rt.max,
    considered_p50: cs.p50,
    considered_p95: cs.p95,
    considered_max: cs.max,
    baseline_load_ms: round(baseline.load),
    baseline_classify_ms: round(baseline.classify),
    component: persons.length,
    exposures: exposures.length,
    classified_before: classes.length,
    classified_after: after.classified,
    f1_after: after.f1,
    steps_ms: steps.ms,
    steps_rows: steps.rows,
    ...base,
  });
  emit({
    name: 'tracing.promote.rows_touched_p95',
    value: rt.p95,
    unit: 'rows',
    baseline: persons.length,
    ratio: ratioOf(rt.p95, persons.length),
    p50: rt.p50,
    max: rt.max,
    considered_p95: cs.p95,
    component: persons.length,
    ...base,
  });
  if (opts.explain || w.p95 > PROMOTE_GOAL_MS) {
    // The neighbourhood walk of reclassifyAround, for one more F1.
    const { rows } = await db.pool.query(`select person_id from classifications where class = 'F1' order by person_id limit 1`);
    const changed = rows.map((r: { person_id: string }) => r.person_id);
    const down = async (ids: string[]) =>
      (await db.pool.query('select distinct exposed_person_id as id from exposures where source_person_id = any($1::uuid[])', [ids])).rows.map(
        (r: { id: string }) => r.id,
      );
    const up = async (ids: string[]) =>
      (await db.pool.query('select distinct source_person_id as id from exposures where exposed_person_id = any($1::uuid[])', [ids])).rows.map(
        (r: { id: string }) => r.id,
      );
    const out1 = await down(changed);
    const out2 = await down(out1);
    const affected = [...new Set([...changed, ...out1, ...out2])];
    const in1 = await up(affected);
    const nodes = [...new Set([...affected, ...in1, ...(await up(in1))])];
    await explain(db, `downstream (${out1.length} ids)`, 'select distinct exposed_person_id from exposures where source_person_id = any($1::uuid[])', [out1]);
    await explain(db, `upstream (${affected.length} ids)`, 'select distinct source_person_id from exposures where exposed_person_id = any($1::uuid[])', [
      affected,
    ]);
    await explain(db, `exposuresInto (${affected.length + in1.length} ids)`, 'select * from exposures where exposed_person_id = any($1::uuid[])', [
      [...new Set([...affected, ...in1])],
    ]);
    await explain(db, `activeCasesOf (${nodes.length} ids)`, `select * from cases where person_id = any($1::uuid[]) and status = 'active'`, [nodes]);
    await explain(db, `classificationsOf (${affected.length} ids)`, 'select * from classifications where person_id = any($1::uuid[])', [affected]);
    await explain(db, 'rule sets in force', `select * from rule_sets where kind = $1 order by kind, version desc`, ['exposure_classification']);
    await explain(db, 'audit chain head', 'select seq, hash from audit_log order by seq desc limit 1', []);
  }
}

/**
 * Where a promotion's time goes: the lookups before the transaction and each query of reclassifyAround, timed
 * one by one for `n` current F1s (in rolled-back transactions; medians), and the row counts they return. Also
 * `edgesIntoNarrow`: the exposures classify() needs, fetched narrower (see RESULTS.md).
 */
async function promotionSteps(db: Db, services: Services, n: number) {
  const { rows } = await db.pool.query(`select person_id from classifications where class = 'F1' order by person_id limit $1`, [n]);
  const ms: Record<string, number[]> = {};
  const counts: Record<string, number[]> = {};
  const step = async <T>(name: string, f: () => Promise<T>, count?: (r: T) => number): Promise<T> => {
    const t = performance.now();
    const r = await f();
    (ms[name] ??= []).push(performance.now() - t);
    if (count) (counts[name] ??= []).push(count(r));
    return r;
  };
  for (const { person_id: personId } of rows as { person_id: string }[]) {
    await step('placeOfPerson', () => services.people.placeOfPerson(personId));
    await step('rulesOn', () => rulesInForce(services.ruleSets, DAY));
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        const len = (r: unknown[]) => r.length;
        const out1 = await step('downstream1', () => repo.downstream(trx, [personId]), len);
        const out2 = await step('downstream2', () => repo.downstream(trx, out1), len);
        const affected = [...new Set([personId, ...out1, ...out2])];
        const in1 = await step('upstream1', () => repo.upstream(trx, affected), len);
        const in2 = await step('upstream2', () => repo.upstream(trx, in1), len);
        const nodes = [...new Set([...affected, ...in1, ...in2])];
        await step('activeCasesOf', () => services.cases.activeCasesOfInTx(trx, nodes), len);
        await step('exposuresInto', () => repo.exposuresInto(trx, [...new Set([...affected, ...in1])]), len);
        await step('classificationsOf', () => repo.classificationsOf(trx, affected), len);
        const onlyIn1 = in1.filter((id) => !affected.includes(id));
        await step(
          'edgesIntoNarrow',
          async () =>
            (
              await sql`
        select id, source_person_id, exposed_person_id, start_at, end_at, contact_type, province_code, district_code, commune_code
        from exposures where exposed_person_id = any(${affected}::uuid[])
        union all
        select e.id, e.source_person_id, e.exposed_person_id, e.start_at, e.end_at, e.contact_type, e.province_code, e.district_code, e.commune_code
        from exposures e join cases c on c.person_id = e.source_person_id and c.province_code = e.province_code and c.status = 'active'
        where e.exposed_person_id = any(${onlyIn1}::uuid[])`.execute(trx)
            ).rows,
          len,
        );
        throw new Rollback();
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err;
      });
  }
  const median = (xs: number[]) => summarize(xs).p50;
  return {
    ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(median(v))])),
    rows: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, median(v)])),
  };
}

class Rollback extends Error {}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
