// npm run bench -- tracing [--db postgres|pglite|both] [--persons 10000] [--graph-persons 5000] [--promotions 50]
//                          [--runs 10] [--warmup 3] [--seed 7] [--explain] [--profile]
//
// Contact tracing at scale, on a throwaway PostgreSQL 15 cluster and on PGlite (temp dir), over a synthetic
// city of --persons people (seed 2021):
//
// tracing.graph.ms — the transmission chain of ONE connected cluster of --graph-persons persons (households as
//   cliques of unmasked household contacts, workplace links between households, ~1 % of them cases, classes
//   computed), loaded with CasesService.chain (breadth-first, one query per level, then cases, classes and
//   names of every node): p95 (and p50) over --runs runs after --warmup. Baseline: one raw
//   `select * from exposures where province_code = '92'` fetching the same edges (p95 over as many runs).
//   Goal: p95 < 300 ms.
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
// by self time on stderr, the .cpuprofile in the temp dir). Each figure also carries a breakdown: the chain's level
// queries and node lookups, two alternative walks that fetch each edge once, and a promotion's queries one by one.
// Progress goes to stderr; one JSON line per figure to stdout.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { addDays } from '@domain/dates';
import { classify } from '@domain/exposure-class';
import { uuidv7 } from '@domain/uuid';
import { loadConfig } from '../src/server/config';
import { bootstrap, DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Db } from '../src/server/db/connect';
import type { Actor } from '../src/server/platform/actor';
import type { Services } from '../src/server/services';
import {
  caseCode, copyCases, copyClassifications, copyExposures, reserveCaseSerials, Rng,
  type CaseRow, type ExposureRow,
} from '../src/server/seed/outbreak';
import { classificationRows, engineRules, rulesInForce } from '../src/server/modules/cases/classification';
import { generateSyntheticCity } from '../src/server/seed/synthetic-city';
import * as repo from '../src/server/modules/cases/repo';
import { emit, engines, explain, flags, log, machine, num, profiler, ratioOf, round, startThrowawayPg, summarize } from './lib';

const USAGE = 'npm run bench -- tracing [--db postgres|pglite|both] [--persons 10000] [--graph-persons 5000] [--promotions 50] [--runs 10] [--warmup 3] [--seed 7] [--explain] [--profile]';
const CITY_SEED = 2021;
const PROMOTE_GOAL_MS = 50;
const GRAPH_GOAL_MS = 300;
/** Every exposure is dated in this window; the index case is infectious from 2021-09-03. */
const DAY = '2021-09-10';

interface Opts { persons: number; graphPersons: number; promotions: number; runs: number; warmup: number; seed: number; explain: boolean; profile: boolean }
interface P { id: string; household_id: string; district_code: string; commune_code: string }

export async function run(args: string[]): Promise<void> {
  const f = flags(args, { db: 'both', persons: '10000', 'graph-persons': '5000', promotions: '50', runs: '10', warmup: '3', seed: '7', explain: 'false', profile: 'false' }, USAGE);
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
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'silent', DEMO_PERSONS: '0' };
    if (engine === 'postgres') {
      const pg = await startThrowawayPg();
      cleanups.push(() => pg.stop());
      env.DATABASE_URL = pg.url;
      log(`[${engine}] PostgreSQL at ${pg.url} (throwaway)`);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'bench-tracing-lite-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env.DATA_DIR = dir;
      log(`[${engine}] PGlite in ${dir}`);
    }
    const { db, services } = await bootstrap(loadConfig(env), { seedDemo: false, log: (m) => log(`[${engine}] ${m}`) });
    cleanups.unshift(async () => { await services.audit.flush(); await db.close(); });

    log(`[${engine}] generating ${opts.persons.toLocaleString('en')} persons (seed ${CITY_SEED})`);
    await generateSyntheticCity(db, services.units, { persons: opts.persons, provinceCode: DEMO_PROVINCE, seed: CITY_SEED });
    const username = `bench.tracing.${randomBytes(3).toString('hex')}`;
    const { user } = await services.users.create(null, { username, fullName: 'Đo hiệu năng truy vết', role: 'command_center', scopeUnits: [DEMO_PROVINCE], agency: null, password: randomBytes(12).toString('hex') });
    const actor: Actor = {
      id: user.id, username, fullName: 'Đo hiệu năng truy vết', role: 'command_center', scopeUnits: [DEMO_PROVINCE],
      scope: { provinces: [DEMO_PROVINCE], districts: [], communes: [] }, agency: null, ip: '127.0.0.1',
    };
    const persons = (await db.pool.query(`select id, household_id, district_code, commune_code from persons where province_code = $1 order by household_id, id`, [DEMO_PROVINCE])).rows as P[];
    const ctx = { db: engine, persons: opts.persons, ...machine() };

    await graphBench(db, services, actor, persons, opts, ctx);
    await db.pool.query('truncate exposures, classifications, cases, clusters, case_code_counters');
    await promoteBench(db, services, actor, persons, opts, ctx);
  } finally {
    for (const c of cleanups) {
      try { await c(); } catch (err) { log(`cleanup: ${(err as Error).message}`); }
    }
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
      id: uuidv7(), province_code: DEMO_PROVINCE, district_code: b.district_code, commune_code: b.commune_code, source_person_id: a.id, exposed_person_id: b.id,
      start_at: start, end_at: end, contact_type: contact, setting, place_name: null, place_id: null,
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
      id: uuidv7(), province_code: DEMO_PROVINCE, district_code: p.district_code, commune_code: p.commune_code, person_id: p.id,
      case_code: caseCode(DEMO_PROVINCE, 2021, first + i), confirmed_on: confirmed, confirming_test: `BENCH-PCR-${i}`,
      detected_in: i === 0 ? 'community' : 'home_quarantine', onset_on: onset, sampled_on: addDays(onset, 1),
      isolated_at: new Date(Date.parse(`${confirmed}T18:00:00+07:00`)).toISOString(), clinical_status: 'mild', treatment_place: 'home',
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
  let graph: Awaited<ReturnType<Services['cases']['chain']>> | null = null;
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    if (i === opts.warmup && opts.profile) await profiler.start(200);
    const t = performance.now();
    graph = await services.cases.chain(actor, indexCaseId, '2021-09-30');
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
  // The same breadth-first walk as chainGraph, level by level, to see where the time goes; then the node lookups;
  // then two alternatives that fetch each edge once (see the bench notes in RESULTS.md).
  const levels = await walkLevels(db, cases[0].person_id);
  const ids = graph!.nodes.map((x) => x.id);
  const parts = await timeParts(async () => repo.activeCasesOf(db.kysely, ids), async () => repo.classificationsOf(db.kysely, ids), async () => services.people.cardsOf(actor, ids));
  const dedup = await timeBest(opts.runs, async () => {
    const r = await walkLevels(db, cases[0].person_id, true);
    const fetched = r.reduce((a, l) => a + l.rows, 0);
    if (fetched !== exposures.length) throw new Error(`de-duplicated walk fetched ${fetched} edges, expected ${exposures.length}`);
  });
  // The whole chain (same answer as CasesService.chain: nodes, depths, edges, summary) built on the de-duplicated walk.
  const depthOf = new Map(graph!.nodes.map((x) => [x.id, x.depth]));
  const altChain = await timeBest(opts.runs, async () => {
    const alt = await chainDedup(db, services, actor, cases[0].person_id, '2021-09-30');
    if (alt.nodes.length !== graph!.nodes.length || alt.edges.length !== graph!.edges.length || alt.nodes.some((x) => depthOf.get(x.id) !== x.depth)) {
      throw new Error('the de-duplicated chain differs from CasesService.chain');
    }
  });
  const cte = await timeBest(opts.runs, async () => {
    const { rows } = await db.pool.query(CTE_SQL, [cases[0].person_id]);
    if (rows.length !== exposures.length) throw new Error(`recursive walk fetched ${rows.length} edges, expected ${exposures.length}`);
    depthsOf(cases[0].person_id, rows);
  });
  const chain = summarize(chainMs);
  const raw = summarize(rawMs);
  emit({
    name: 'tracing.graph.ms', value: chain.p95, unit: 'ms', baseline: raw.p95, ratio: ratioOf(chain.p95, raw.p95),
    p50: round(chain.p50), max: round(chain.max), raw_p50: round(raw.p50), goal_ms: GRAPH_GOAL_MS, runs: opts.runs,
    nodes: graph!.nodes.length, edges: graph!.edges.length, cases: cases.length, levels: levels.length,
    level_queries_ms: round(levels.reduce((a, l) => a + l.ms, 0)), level_rows: levels.reduce((a, l) => a + l.rows, 0), widest_frontier: Math.max(...levels.map((l) => l.frontier)),
    cases_ms: round(parts[0]), classes_ms: round(parts[1]), cards_ms: round(parts[2]),
    alt_dedup_levels_p50_ms: round(dedup.p50), alt_recursive_cte_p50_ms: round(cte.p50), alt_chain_dedup_p50_ms: round(altChain.p50), alt_chain_dedup_p95_ms: round(altChain.p95),
    ...base,
  });
  if (opts.explain || chain.p95 > GRAPH_GOAL_MS) {
    const widest = levels.reduce((a, b) => (b.frontier > a.frontier ? b : a));
    log(`[${engine}] graph levels: ${levels.map((l) => `${l.frontier}→${l.rows} ${l.ms.toFixed(1)}ms`).join(', ')}`);
    await explain(db, `chain level query, frontier ${widest.frontier}`, LEVEL_SQL, [widest.ids, widest.ids]);
    await explain(db, 'recursive walk (alternative)', CTE_SQL, [cases[0].person_id]);
    await explain(db, `cardsOf (${ids.length} ids)`, `select id, full_name, phone, province_code, district_code, commune_code, birth_year, sex from persons where id = any($1::uuid[])`, [ids]);
    await explain(db, `classificationsOf (${ids.length} ids)`, `select * from classifications where person_id = any($1::uuid[])`, [ids]);
    await explain(db, `activeCasesOf (${ids.length} ids)`, `select * from cases where person_id = any($1::uuid[]) and status = 'active'`, [ids]);
  }
}

const LEVEL_SQL = `select id, source_person_id, exposed_person_id, start_at, contact_type, setting from exposures
  where (source_person_id = any($1::uuid[]) or exposed_person_id = any($2::uuid[]))`;

/** As ISO text: parsing timestamptz into Date objects (postgres-date) is a tenth of the chain's client time. */
const START_AT_TEXT = `to_char(start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as start_at`;

/**
 * Alternative level query: edges touching the previous level were fetched with it, so each edge comes once
 * (and start_at comes as text).
 */
const LEVEL_DEDUP_SQL = `select id, source_person_id, exposed_person_id, ${START_AT_TEXT}, contact_type, setting from exposures
  where (source_person_id = any($1::uuid[]) or exposed_person_id = any($1::uuid[]))
    and not (source_person_id = any($2::uuid[]) or exposed_person_id = any($2::uuid[]))`;

/** Alternative: the connected component in one recursive query, each edge once (start_at as text); depths computed in memory. */
const CTE_SQL = `with recursive reach (id) as (
    select $1::uuid
    union
    select x.id from reach r cross join lateral (
      select e.exposed_person_id as id from exposures e where e.source_person_id = r.id
      union all
      select e.source_person_id from exposures e where e.exposed_person_id = r.id) x)
  select e.id, e.source_person_id, e.exposed_person_id, ${START_AT_TEXT}, e.contact_type, e.setting
  from exposures e where e.source_person_id in (select id from reach)`;

function depthsOf(start: string, rows: { source_person_id: string; exposed_person_id: string }[]): Map<string, number> {
  const adj = new Map<string, string[]>();
  for (const r of rows) {
    (adj.get(r.source_person_id) ?? adj.set(r.source_person_id, []).get(r.source_person_id)!).push(r.exposed_person_id);
    (adj.get(r.exposed_person_id) ?? adj.set(r.exposed_person_id, []).get(r.exposed_person_id)!).push(r.source_person_id);
  }
  const depth = new Map([[start, 0]]);
  for (let frontier = [start], level = 1; frontier.length; level++) {
    const next: string[] = [];
    for (const p of frontier) for (const q of adj.get(p) ?? []) if (!depth.has(q)) { depth.set(q, level); next.push(q); }
    frontier = next;
  }
  return depth;
}

/**
 * chainGraph (modules/cases/cluster.ts) with the two changes suggested in RESULTS.md — each edge fetched once
 * (LEVEL_DEDUP_SQL) and start_at as text — and otherwise the same work: cases, classes and cards of every node,
 * nodes with depth, edges, summary.
 */
async function chainDedup(db: Db, services: Services, actor: Actor, start: string, today: string) {
  const depth = new Map<string, number>([[start, 0]]);
  const edges: { id: string; source: string; target: string; startAt: string; contactType: string; setting: string }[] = [];
  let frontier = [start];
  let previous: string[] = [];
  for (let level = 1; frontier.length; level++) {
    const { rows } = await db.pool.query(LEVEL_DEDUP_SQL, [frontier, previous]);
    const next: string[] = [];
    for (const e of rows as { id: string; source_person_id: string; exposed_person_id: string; start_at: string; contact_type: string; setting: string }[]) {
      edges.push({ id: e.id, source: e.source_person_id, target: e.exposed_person_id, startAt: e.start_at, contactType: e.contact_type, setting: e.setting });
      if (!depth.has(e.source_person_id)) { depth.set(e.source_person_id, level); next.push(e.source_person_id); }
      if (!depth.has(e.exposed_person_id)) { depth.set(e.exposed_person_id, level); next.push(e.exposed_person_id); }
    }
    previous = frontier;
    frontier = next;
  }
  const ids = [...depth.keys()];
  const [active, classes, cards] = await Promise.all([repo.activeCasesOf(db.kysely, ids), repo.classificationsOf(db.kysely, ids), services.people.cardsOf(actor, ids)]);
  const caseOf = new Map(active.map((c) => [c.person_id, c]));
  const classOf = new Map(classes.map((c) => [c.person_id, c.class]));
  const days = active.map((c) => c.confirmed_on).sort();
  const ago = (d: string) => (Date.parse(today) - Date.parse(d)) / 86_400_000;
  return {
    nodes: ids.map((id) => ({
      id, fullName: cards.get(id)?.fullName ?? null, communeCode: cards.get(id)?.communeCode ?? '', inScope: cards.get(id)?.inScope ?? false,
      class: classOf.get(id) ?? null, caseCode: caseOf.get(id)?.case_code ?? null, confirmedOn: caseOf.get(id)?.confirmed_on ?? null, depth: depth.get(id)!,
    })),
    edges,
    summary: {
      persons: ids.length, cases: active.length, generations: Math.max(0, ...active.map((c) => depth.get(c.person_id)!)) + 1,
      firstCaseOn: days[0] ?? null, lastCaseOn: days.at(-1) ?? null,
      casesLast7Days: days.filter((d) => ago(d) >= 0 && ago(d) < 7).length, casesPrevious7Days: days.filter((d) => ago(d) >= 7 && ago(d) < 14).length,
    },
  };
}

async function timeParts(...steps: (() => Promise<unknown>)[]): Promise<number[]> {
  const out: number[] = [];
  for (const step of steps) {
    const t = performance.now();
    await step();
    out.push(performance.now() - t);
  }
  return out;
}

async function timeBest(runs: number, step: () => Promise<void>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await step();
    ms.push(performance.now() - t);
  }
  return summarize(ms);
}

async function walkLevels(db: Db, start: string, dedup = false) {
  const seen = new Set([start]);
  let frontier = [start];
  let previous: string[] = [];
  const levels: { frontier: number; rows: number; ms: number; ids: string[] }[] = [];
  while (frontier.length) {
    const t = performance.now();
    const { rows } = await db.pool.query(dedup ? LEVEL_DEDUP_SQL : LEVEL_SQL, dedup ? [frontier, previous] : [frontier, frontier]);
    previous = frontier;
    levels.push({ frontier: frontier.length, rows: rows.length, ms: performance.now() - t, ids: frontier });
    const next: string[] = [];
    for (const r of rows as { source_person_id: string; exposed_person_id: string }[]) {
      for (const p of [r.source_person_id, r.exposed_person_id]) if (!seen.has(p)) { seen.add(p); next.push(p); }
    }
    frontier = next;
  }
  return levels;
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
  log(`[${engine}] promote: component of ${persons.length} persons, ${exposures.length} exposures, ${classes.length} classified (${classes.filter((c) => c.class === 'F1').length} F1)`);

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
      active.map((c) => ({ personId: c.person_id, onsetAt: `${c.onset_on ?? c.sampled_on}T00:00:00+07:00`, isolatedAt: c.isolated_at ? new Date(c.isolated_at).toISOString() : null })),
      edges.map((e) => ({ id: e.id, sourceId: e.source_person_id, exposedId: e.exposed_person_id, startAt: new Date(e.start_at).toISOString(), endAt: new Date(e.end_at).toISOString(), contactType: e.contact_type })),
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
      personId, confirmedOn: '2021-09-10', confirmingTest: `BENCH-PROMOTE-${i}`, detectedIn: 'home_quarantine', onsetOn: null, sampledOn: '2021-09-09',
      isolatedAt: null, clinicalStatus: 'asymptomatic', treatmentPlace: 'home',
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
  const { rows: [after] } = await db.pool.query(`select count(*)::int as classified, count(*) filter (where class = 'F1')::int as f1 from classifications`);
  emit({
    name: 'tracing.promote.p95_ms', value: w.p95, unit: 'ms', baseline: baseline.total, ratio: ratioOf(w.p95, baseline.total),
    p50: round(w.p50), max: round(w.max), mean: round(w.mean), goal_ms: PROMOTE_GOAL_MS, promotions: opts.promotions, warmup: opts.warmup,
    rows_touched_p50: rt.p50, rows_touched_p95: rt.p95, rows_touched_max: rt.max, considered_p50: cs.p50, considered_p95: cs.p95, considered_max: cs.max,
    baseline_load_ms: round(baseline.load), baseline_classify_ms: round(baseline.classify),
    component: persons.length, exposures: exposures.length, classified_before: classes.length, classified_after: after.classified, f1_after: after.f1,
    steps_ms: steps.ms, steps_rows: steps.rows,
    ...base,
  });
  emit({
    name: 'tracing.promote.rows_touched_p95', value: rt.p95, unit: 'rows', baseline: persons.length, ratio: ratioOf(rt.p95, persons.length),
    p50: rt.p50, max: rt.max, considered_p95: cs.p95, component: persons.length, ...base,
  });
  if (opts.explain || w.p95 > PROMOTE_GOAL_MS) {
    // The neighbourhood walk of reclassifyAround, for one more F1.
    const { rows } = await db.pool.query(`select person_id from classifications where class = 'F1' order by person_id limit 1`);
    const changed = rows.map((r: { person_id: string }) => r.person_id);
    const down = async (ids: string[]) => (await db.pool.query('select distinct exposed_person_id as id from exposures where source_person_id = any($1::uuid[])', [ids])).rows.map((r: { id: string }) => r.id);
    const up = async (ids: string[]) => (await db.pool.query('select distinct source_person_id as id from exposures where exposed_person_id = any($1::uuid[])', [ids])).rows.map((r: { id: string }) => r.id);
    const out1 = await down(changed);
    const out2 = await down(out1);
    const affected = [...new Set([...changed, ...out1, ...out2])];
    const in1 = await up(affected);
    const nodes = [...new Set([...affected, ...in1, ...(await up(in1))])];
    await explain(db, `downstream (${out1.length} ids)`, 'select distinct exposed_person_id from exposures where source_person_id = any($1::uuid[])', [out1]);
    await explain(db, `upstream (${affected.length} ids)`, 'select distinct source_person_id from exposures where exposed_person_id = any($1::uuid[])', [affected]);
    await explain(db, `exposuresInto (${affected.length + in1.length} ids)`, 'select * from exposures where exposed_person_id = any($1::uuid[])', [[...new Set([...affected, ...in1])]]);
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
    await db.kysely.transaction().execute(async (trx) => {
      const len = (r: unknown[]) => r.length;
      const out1 = await step('downstream1', () => repo.downstream(trx, [personId]), len);
      const out2 = await step('downstream2', () => repo.downstream(trx, out1), len);
      const affected = [...new Set([personId, ...out1, ...out2])];
      const in1 = await step('upstream1', () => repo.upstream(trx, affected), len);
      const in2 = await step('upstream2', () => repo.upstream(trx, in1), len);
      const nodes = [...new Set([...affected, ...in1, ...in2])];
      await step('activeCasesOf', () => repo.activeCasesOf(trx, nodes), len);
      await step('exposuresInto', () => repo.exposuresInto(trx, [...new Set([...affected, ...in1])]), len);
      await step('classificationsOf', () => repo.classificationsOf(trx, affected), len);
      const onlyIn1 = in1.filter((id) => !affected.includes(id));
      await step('edgesIntoNarrow', async () => (await sql`
        select id, source_person_id, exposed_person_id, start_at, end_at, contact_type, province_code, district_code, commune_code
        from exposures where exposed_person_id = any(${affected}::uuid[])
        union all
        select e.id, e.source_person_id, e.exposed_person_id, e.start_at, e.end_at, e.contact_type, e.province_code, e.district_code, e.commune_code
        from exposures e join cases c on c.person_id = e.source_person_id and c.province_code = e.province_code and c.status = 'active'
        where e.exposed_person_id = any(${onlyIn1}::uuid[])`.execute(trx)).rows, len);
      throw new Rollback();
    }).catch((err) => { if (!(err instanceof Rollback)) throw err; });
  }
  const median = (xs: number[]) => summarize(xs).p50;
  return {
    ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(median(v))])),
    rows: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, median(v)])),
  };
}

class Rollback extends Error {}




if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
