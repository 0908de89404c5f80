// npm run bench -- search [--persons 1240000] [--db postgres|pglite|both] [--queries 200] [--keep DIR]
//                         [--warmup 20] [--seed 7] [--slow-ms 30] [--explain] [--vacuum]
//
// Diacritics-insensitive person search (PeopleService.search, page 1 of 20, as an admin scoped to
// province 92) over a synthetic city of --persons people, on PostgreSQL 15 and on PGlite. The dataset is
// built once per engine with generateSyntheticCity (seed 2021), then ANALYZE (--vacuum: VACUUM ANALYZE).
// With --keep DIR the databases live in DIR/postgres and DIR/pglite and are reused when they already hold
// --persons synthetic persons (DIR must be traversable by the postgres user: use /tmp or /var/tmp).
//
// Query mix (fixed seed, drawn from the data, equal shares, shuffled): the full folded name typed without
// diacritics ("nguyen van duc"), the same with the last word cut to 2–3 letters (live typing), surname +
// given name ("tran hoa"), given name only, a 12-digit national ID. Baseline: as many primary-key lookups
// (select * from persons where id = $1) on the same engine in the same run; ratio = search / pk.
// Query classes whose p95 exceeds --slow-ms (or all, with --explain) get EXPLAIN (ANALYZE, BUFFERS) of
// their slowest query's statements on stderr.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import { loadConfig } from '../src/server/config';
import { bootstrap, ADMIN_USERNAME, DEMO_PROVINCE } from '../src/server/bootstrap';
import type { Database } from '../src/server/db/tables';
import { scriptActor, type Actor } from '../src/server/platform/actor';
import { PeopleService } from '../src/server/modules/people/service';
import { deleteSyntheticCity, generateSyntheticCity } from '../src/server/seed/synthetic-city';
import { emit, engines, flags, log, machine, num, ratioOf, rng, startKeptPg, startThrowawayPg, summarize } from './lib';

const USAGE =
  'npm run bench -- search [--persons 1240000] [--db postgres|pglite|both] [--queries 200] [--keep DIR] [--warmup 20] [--seed 7] [--slow-ms 30] [--explain] [--vacuum]';
const CITY_SEED = 2021;
const CLASSES = ['full_name', 'live_prefix', 'surname_given', 'given_only', 'national_id'] as const;
type QueryClass = (typeof CLASSES)[number];

interface Sampled {
  id: string;
  name_folded: string;
  national_id: string | null;
}
interface Query {
  cls: QueryClass;
  q: string;
}
interface Timed extends Query {
  ms: number;
  total: number;
  capped: boolean;
  ranked: boolean;
}

/** Builds the query mix from sampled persons: `n` queries, equal shares per class, shuffled with the seed. */
function queryMix(people: Sampled[], n: number, seed: number): Query[] {
  const r = rng(seed);
  const withId = people.filter((p) => p.national_id && p.national_id.length === 12);
  const out: Query[] = [];
  for (let i = 0; i < n; i++) {
    const cls = CLASSES[i % CLASSES.length];
    const p = people[i % people.length];
    const words = p.name_folded.split(' ');
    const surname = words[0];
    const given = words[words.length - 1];
    let q: string;
    switch (cls) {
      case 'full_name':
        q = words.join(' ');
        break;
      case 'live_prefix':
        q = [...words.slice(0, -1), given.slice(0, Math.min(given.length, r() < 0.5 ? 2 : 3))].join(' ');
        break;
      case 'surname_given':
        q = `${surname} ${given}`;
        break;
      case 'given_only':
        q = given;
        break;
      case 'national_id':
        q = withId[i % withId.length].national_id!;
        break;
    }
    out.push({ cls, q });
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface KeepState {
  persons: number;
  seed: number;
  generateSeconds: number;
  households: number;
  at: string;
}

async function benchEngine(
  engine: 'pglite' | 'postgres',
  opts: { persons: number; queries: number; warmup: number; seed: number; slowMs: number; explainAll: boolean; vacuum: boolean; keep: string | null },
) {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stateFile = opts.keep ? join(opts.keep, `${engine}.json`) : null;
  try {
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'silent', DEMO_PERSONS: '0' };
    if (engine === 'postgres') {
      const pg = opts.keep ? await startKeptPg(join(opts.keep, 'postgres')) : await startThrowawayPg();
      cleanups.push(() => pg.stop());
      env.DATABASE_URL = pg.url;
      log(`[${engine}] PostgreSQL at ${pg.url}${opts.keep ? ` (kept in ${join(opts.keep, 'postgres')})` : ' (throwaway)'}`);
    } else {
      const dir = opts.keep ? join(opts.keep, 'pglite') : mkdtempSync(join(tmpdir(), 'bench-search-lite-'));
      if (!opts.keep) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env.DATA_DIR = dir;
      log(`[${engine}] PGlite in ${dir}`);
    }
    const { db, services } = await bootstrap(loadConfig(env), { seedDemo: false, log: (m) => log(`[${engine}] ${m}`) });
    cleanups.unshift(async () => {
      await services.audit.flush();
      await db.close();
    });

    // Dataset: reuse a kept one of the right size, else (re)generate.
    const count = async () =>
      ((await db.pool.query(`select count(*)::int as n from persons where province_code = $1 and synthetic`, [DEMO_PROVINCE])).rows[0] as { n: number }).n;
    const have = await count();
    const kept: KeepState | null = stateFile && existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as KeepState) : null;
    let state: KeepState & { reused: boolean };
    if (have === opts.persons && kept && kept.persons === opts.persons) {
      log(`[${engine}] reusing ${have.toLocaleString('en')} persons generated ${kept.at}`);
      state = { ...kept, reused: true };
    } else {
      if (have > 0) {
        log(`[${engine}] found ${have.toLocaleString('en')} synthetic persons, want ${opts.persons.toLocaleString('en')}: deleting them`);
        await deleteSyntheticCity(db, DEMO_PROVINCE);
        await services.units.reload();
      }
      log(`[${engine}] generating ${opts.persons.toLocaleString('en')} persons (seed ${CITY_SEED})`);
      const t = performance.now();
      let lastLog = t;
      const city = await generateSyntheticCity(db, services.units, {
        persons: opts.persons,
        provinceCode: DEMO_PROVINCE,
        seed: CITY_SEED,
        onProgress: (done) => {
          const now = performance.now();
          if (now - lastLog > 5000 || done === opts.persons) {
            lastLog = now;
            log(`[${engine}]   ${done.toLocaleString('en')} persons, ${Math.round(done / ((now - t) / 1000)).toLocaleString('en')}/s`);
          }
        },
      });
      const generateSeconds = (performance.now() - t) / 1000;
      state = { persons: city.persons, households: city.households, seed: CITY_SEED, generateSeconds, at: new Date().toISOString(), reused: false };
      if (stateFile) writeFileSync(stateFile, JSON.stringify(state, null, 2));
    }
    // Statistics every run (cheap); --vacuum also empties the GIN pending list (see gin_pending_pages).
    const ta = performance.now();
    await db.pool.query(opts.vacuum ? 'vacuum analyze' : 'analyze');
    const maintenanceSeconds = (performance.now() - ta) / 1000;
    const pending = await ginPending(engine, db.pool);
    const ctx = { db: engine, persons: opts.persons, ...machine() };
    emit({
      name: 'search.dataset.generate_load_s',
      value: state.generateSeconds,
      unit: 's',
      baseline: null,
      ratio: null,
      ...ctx,
      households: state.households,
      persons_per_s: Math.round(state.persons / state.generateSeconds),
      reused: state.reused,
      generated_at: state.at,
    });
    emit({
      name: `search.dataset.${opts.vacuum ? 'vacuum_analyze' : 'analyze'}_s`,
      value: maintenanceSeconds,
      unit: 's',
      baseline: null,
      ratio: null,
      ...ctx,
      gin_pending_pages: pending,
    });
    if (pending) log(`[${engine}] persons_name_words_idx has ${pending} pages in its GIN pending list: every name search scans them (--vacuum empties it)`);

    // The caller: the admin, scoped to the province, as the auth service would build it.
    const admin = await db.kysely.selectFrom('users').select(['id', 'full_name']).where('username', '=', ADMIN_USERNAME).executeTakeFirstOrThrow();
    const actor = scriptActor(
      { id: admin.id, username: ADMIN_USERNAME, fullName: admin.full_name },
      'system_admin',
      [DEMO_PROVINCE],
      services.units.resolveScope([DEMO_PROVINCE]),
    );

    // A deterministic sample of live persons (same data + same seed → same queries on both engines).
    const need = opts.queries + opts.warmup;
    const ts = performance.now();
    const sample = (
      await db.pool.query(
        `select id, name_folded, national_id from persons where province_code = $1 and merged_into is null
       order by hashtext(name_folded || '|' || coalesce(national_id, '') || '|' || birth_date::text || '|' || $2::text) limit $3`,
        [DEMO_PROVINCE, String(opts.seed), need * 2],
      )
    ).rows as Sampled[];
    log(`[${engine}] sampled ${sample.length} persons in ${((performance.now() - ts) / 1000).toFixed(1)}s`);
    const timedPeople = sample.slice(0, Math.max(1, sample.length - opts.warmup * 2));
    const warmPeople = sample.slice(timedPeople.length);
    const queries = queryMix(timedPeople, opts.queries, opts.seed);
    const warm = queryMix(warmPeople.length ? warmPeople : timedPeople, opts.warmup, opts.seed + 1);
    const ids = Array.from({ length: opts.queries }, (_, i) => timedPeople[(i * 7919) % timedPeople.length].id);

    const search = (q: string) => services.people.search(actor, { q, page: 1, pageSize: 20 });
    const pk = (id: string) => db.pool.query('select * from persons where id = $1', [id]);
    log(`[${engine}] warm-up: ${warm.length} searches, ${opts.warmup} pk lookups`);
    for (const w of warm) await search(w.q);
    for (let i = 0; i < opts.warmup; i++) await pk(warmPeople[i % Math.max(1, warmPeople.length)]?.id ?? ids[0]);

    log(`[${engine}] timing ${queries.length} searches`);
    const timed: Timed[] = [];
    for (const q of queries) {
      const t = performance.now();
      const res = await search(q.q);
      timed.push({ ...q, ms: performance.now() - t, total: res.total, capped: res.totalCapped, ranked: res.ranked });
      if (res.items.length === 0) throw new Error(`search ${JSON.stringify(q.q)} (${q.cls}) found nobody: the query mix should only hold existing persons`);
    }
    log(`[${engine}] timing ${ids.length} primary-key lookups`);
    const pkMs: number[] = [];
    for (const id of ids) {
      const t = performance.now();
      const res = await pk(id);
      pkMs.push(performance.now() - t);
      if (res.rowCount !== 1) throw new Error(`pk lookup of ${id} returned ${res.rowCount} rows`);
    }

    const base = summarize(pkMs);
    const all = summarize(timed.map((t) => t.ms));
    const extra = { ...ctx, queries: timed.length, pk_lookups: pkMs.length, gin_pending_pages: pending, vacuumed: opts.vacuum };
    emit({ name: 'search.person.p50', value: all.p50, unit: 'ms', baseline: base.p50, ratio: ratioOf(all.p50, base.p50), ...extra });
    emit({
      name: 'search.person.p95',
      value: all.p95,
      unit: 'ms',
      baseline: base.p95,
      ratio: ratioOf(all.p95, base.p95),
      ...extra,
      max_ms: round(all.max),
      goal_ms: engine === 'postgres' ? 30 : null,
    });
    const slow: { cls: QueryClass; worst: Timed }[] = [];
    for (const cls of CLASSES) {
      const mine = timed.filter((t) => t.cls === cls);
      if (mine.length === 0) continue;
      const s = summarize(mine.map((t) => t.ms));
      const totals = summarize(mine.map((t) => t.total));
      const classCtx = {
        ...ctx,
        class: cls,
        queries: mine.length,
        ranked_pct: Math.round((100 * mine.filter((t) => t.ranked).length) / mine.length),
        capped_pct: Math.round((100 * mine.filter((t) => t.capped).length) / mine.length),
        median_total: totals.p50,
        example: mine[0].q,
      };
      emit({ name: `search.person.${cls}.p50`, value: s.p50, unit: 'ms', baseline: base.p50, ratio: ratioOf(s.p50, base.p50), ...classCtx });
      emit({ name: `search.person.${cls}.p95`, value: s.p95, unit: 'ms', baseline: base.p95, ratio: ratioOf(s.p95, base.p95), ...classCtx });
      const worst = mine.reduce((a, b) => (b.ms > a.ms ? b : a));
      if (opts.explainAll || s.p95 > opts.slowMs) slow.push({ cls, worst });
    }
    log(`[${engine}] search p50 ${all.p50.toFixed(2)} ms, p95 ${all.p95.toFixed(2)} ms; pk p50 ${base.p50.toFixed(3)} ms, p95 ${base.p95.toFixed(3)} ms`);
    for (const { cls, worst } of slow) await explain(engine, db.pool, services, actor, cls, worst);
  } finally {
    for (const c of cleanups) {
      try {
        await c();
      } catch (err) {
        log(`cleanup: ${(err as Error).message}`);
      }
    }
  }
}

/**
 * Pages in the GIN pending list of the name index (fastupdate): PostgreSQL only, through pgstattuple
 * (created in the bench database if missing); null where unavailable (PGlite).
 */
async function ginPending(engine: string, pool: Started['db']['pool']): Promise<number | null> {
  if (engine !== 'postgres') return null;
  try {
    await pool.query('create extension if not exists pgstattuple');
    const r = await pool.query(`select pending_pages from pgstatginindex('persons_name_words_idx')`);
    return Number((r.rows[0] as { pending_pages: number }).pending_pages);
  } catch {
    return null;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

type Started = Awaited<ReturnType<typeof bootstrap>>;

/** Replays one search through a logging Kysely to capture its statements, then EXPLAIN (ANALYZE, BUFFERS) each on stderr. */
async function explain(engine: string, pool: Started['db']['pool'], services: Started['services'], actor: Actor, cls: QueryClass, worst: Timed) {
  const captured: CompiledQuery[] = [];
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') captured.push(e.query);
    },
  });
  const people = new PeopleService(kysely, services.units, services.audit);
  await people.search(actor, { q: worst.q, page: 1, pageSize: 20 });
  process.stderr.write(
    `\n=== EXPLAIN [${engine}] class ${cls}: ${JSON.stringify(worst.q)} took ${worst.ms.toFixed(1)} ms (total ${worst.total}${worst.capped ? '+' : ''}, ${worst.ranked ? 'ranked' : 'alphabetical'}) ===\n`,
  );
  for (const q of captured) {
    if (!/^\s*select/i.test(q.sql)) continue;
    const res = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
    process.stderr.write(`--- ${q.sql}\n    params: ${JSON.stringify(q.parameters)}\n`);
    const lines = (res.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']);
    for (const line of lines) process.stderr.write(`    ${line}\n`);
    process.stderr.write(`    SUMMARY: ${planSummary(lines)}\n`);
  }
}

/** One line: the plan's node chain with indexes, rows out of the scans, buffers, planning and execution time. */
function planSummary(lines: string[]): string {
  const nodes = lines
    .filter((l, i) => i === 0 || /^\s*->/.test(l))
    .map((l) =>
      l
        .replace(/^\s*->\s*/, '')
        .replace(/\s+\(cost=.*$/, '')
        .trim(),
    )
    .map((n) => n.replace(/ on persons$/, '').replace(/^(.*) using (\S+)(?: on \S+)?$/, '$1 ($2)'));
  const grab = (re: RegExp) => lines.map((l) => re.exec(l)?.[1]).find((x) => x !== undefined);
  const scanRows = lines
    .filter((l) => /Scan/.test(l))
    .map((l) => /actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+)/.exec(l)?.[1])
    .filter(Boolean);
  const removed = lines.map((l) => /Rows Removed by (?:Filter|Index Recheck): (\d+)/.exec(l)?.[1]).filter(Boolean);
  return `${nodes.join(' > ')}; scan rows ${scanRows.join('/') || '?'}${removed.length ? `, removed by filter ${removed.join('/')}` : ''}; ${grab(/^\s*Buffers: (.*)$/) ?? ''}; planning ${grab(/Planning Time: ([\d.]+ ms)/)}, execution ${grab(/Execution Time: ([\d.]+ ms)/)}`;
}

export async function run(args: string[]): Promise<void> {
  const f = flags(
    args,
    { persons: '1240000', db: 'both', queries: '200', keep: '', warmup: '20', seed: '7', 'slow-ms': '30', explain: 'false', vacuum: 'false' },
    USAGE,
  );
  const opts = {
    persons: Math.round(num(f.persons, 'persons')),
    queries: Math.round(num(f.queries, 'queries')),
    warmup: Math.max(0, Math.round(Number(f.warmup) || 0)),
    seed: Math.round(num(f.seed, 'seed')),
    slowMs: num(f['slow-ms'], 'slow-ms'),
    explainAll: f.explain === 'true',
    vacuum: f.vacuum === 'true',
    keep: f.keep ? resolve(f.keep) : null,
  };
  for (const engine of engines(f.db, ['postgres', 'pglite'])) await benchEngine(engine, opts);
}
