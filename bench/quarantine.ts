// npm run bench -- quarantine [--db pglite|postgres|both] [--stays 50000] [--open 5000] [--first 5000] [--persons 60000]
//                             [--sites 40] [--treatment 20] [--rooms 50] [--runs 200] [--warmup 20] [--admissions 300]
//                             [--today 2022-05-04] [--seed 7] [--explain] [--profile]
//
// Quarantine (issue #14): the occupancy board and admissions, through services.quarantine as createServices builds it,
// by a command-center user of Cần Thơ (province 92), on PGlite (temp dir, the default) or a throwaway PostgreSQL 15.
//
// Data (bench/quarantine-data.ts): a synthetic city of --persons (seed 2021); --sites quarantine sites and --treatment
// treatment facilities (half tier 1, a third tier 2, the rest tier 3) created through FacilitiesService.create over the
// city's communes, --rooms rooms of 4–8 beds each; --stays stays COPYed, of which --open are open on --today (whole
// cohorts filling empty rooms: one class, entered on the cohort's first day or the next, 70 % in quarantine sites — F1
// 85 %, arrivals 15 % — and 30 % F0 in treatment facilities), the others released (96–98 %; with their certificate
// numbers), transferred or absent, admitted over the year before --today by a curve of three waves, each with the plan
// of the quarantine rule version in force on its start day (the history starts on the first day a version is in force,
// 05/05/2021; F0 facility stays only from 14/07/2021, when a rule gives them a situation), an admit and an ending
// event, and a task per test day. The counters the board reads (facility occupancy and status, room occupancy and
// cohort, arrivals / releases / releases due per facility and day) are then recomputed from the stays with SQL as the
// writes keep them, and checked against a recount. --today must lie inside the rule sets (2022-05-04: the year
// 05/05/2021 → 04/05/2022 is covered from its first day) and not after the real today (admission refuses future days).
// The stays are loaded in two stages on the same database: --first stays (a sample of every kind), then the rest.
//
// quarantine.board.p95_ms — services.quarantine.facilities.board(actor, --today) at --stays stays, --runs calls after
//   --warmup, p95 (p50, max). Baseline, same run and interleaved: a primary-key lookup of one stay
//   (select * from quarantine_stays where id = $1), p95. The answer is checked against a count of the stays (beds
//   occupied, arrivals and releases today, releases due in the next 7 days). Goal on PostgreSQL: p95 < 50 ms.
// quarantine.board.growth — board p95 at --stays ÷ board p95 at --first (goal: ≈ 1, the board reads counters);
//   baseline: the same ratio for the primary-key lookups.
// quarantine.admit.p95_ms — services.quarantine.stays.admit(actor, input) at --stays stays: F1 admissions on --today
//   into quarantine-site rooms with free beds, one in three into an empty room (a new cohort), the others into a room
//   whose F1 cohort entered on --today or the day before (half with an exposure day 1–2 days earlier, the plan counting
//   from it); the bed is the service's first free one. --admissions timed after --warmup. Baseline, same run and
//   interleaved: one bare single-row INSERT into a four-column table. Goal: p95 < 50 ms. `steps_ms`: mean time per
//   admission of each statement kind ("verb table") over 30 more admissions through a second set of services on a
//   logging Kysely (`other_ms`: wall time − their sum: the pool, the service in memory). The counters are recounted from the stays afterwards
//   (`counter_mismatches_after`: 0 when the admissions kept them as the recount does).
//
// --explain (or a goal missed): EXPLAIN (ANALYZE, BUFFERS) of the board's and the admission's reads (and of release's
// certificate count) on stderr; --profile: CPU profiles of the timed board calls and admissions.
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import { addDays, vnDay } from '@domain/dates';
import { uuidv7 } from '@domain/uuid';
import { DEMO_PROVINCE } from '../src/server/bootstrap';
import { loadConfig } from '../src/server/config';
import type { Database } from '../src/server/db/tables';
import type { Actor } from '../src/server/platform/actor';
import { Rng } from '../src/server/seed/rng';
import { createServices, type Services } from '../src/server/services';
import { emit, engines, flags, log, machine, num, ratioOf, summarize } from './lib';
import { actorOf, city, explain, load, openEngine, profiler, round, type Engine } from './testing-setup';
import * as data from './quarantine-data';

const USAGE =
  'npm run bench -- quarantine [--db pglite|postgres|both] [--stays 50000] [--open 5000] [--first 5000] [--persons 60000] [--sites 40] [--treatment 20] [--rooms 50] [--runs 200] [--warmup 20] [--admissions 300] [--today 2022-05-04] [--seed 7] [--explain] [--profile]';
const GOAL_MS = 50;
const STEP_ADMISSIONS = 30;

interface Opts extends data.DataOpts {
  persons: number;
  runs: number;
  warmup: number;
  admissions: number;
  explain: boolean;
  profile: boolean;
}

export async function run(args: string[]): Promise<void> {
  const f = flags(
    args,
    {
      db: 'pglite',
      stays: '50000',
      open: '5000',
      first: '5000',
      persons: '60000',
      sites: '40',
      treatment: '20',
      rooms: '50',
      runs: '200',
      warmup: '20',
      admissions: '300',
      today: '2022-05-04',
      seed: '7',
      explain: 'false',
      profile: 'false',
    },
    USAGE,
  );
  const int = (name: keyof typeof f) => Math.round(num(f[name], name));
  const opts: Opts = {
    stays: int('stays'),
    open: int('open'),
    first: int('first'),
    persons: int('persons'),
    sites: int('sites'),
    treatment: int('treatment'),
    rooms: int('rooms'),
    runs: int('runs'),
    warmup: Math.max(0, Math.round(Number(f.warmup) || 0)),
    admissions: int('admissions'),
    today: f.today,
    seed: int('seed'),
    explain: f.explain === 'true',
    profile: f.profile === 'true',
  };
  if (opts.open >= opts.stays || opts.first >= opts.stays) {
    console.error('--open and --first must be below --stays');
    process.exit(2);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today) || opts.today > vnDay()) {
    console.error(`--today must be a day (YYYY-MM-DD) not after today (got ${opts.today})`);
    process.exit(2);
  }
  for (const engine of engines(f.db, ['pglite', 'postgres'])) await benchEngine(engine, opts);
}

interface BoardRun {
  stays: number;
  open: number;
  p95: number;
  p50: number;
  max: number;
  pk95: number;
  pk50: number;
  dayCountRows: number;
  loadS: number;
}

async function benchEngine(engine: 'pglite' | 'postgres', opts: Opts): Promise<void> {
  const e = await openEngine(engine, 'quarantine');
  try {
    const { db, services } = e;
    const loadStart = load();
    await city(e, opts.persons);
    const actor = await actorOf(e, 'command_center', 'Trung tâm chỉ huy (đo hiệu năng)');
    const tf = performance.now();
    const facilities = await data.createFacilities(services, actor, opts);
    const rooms = facilities.reduce((n, f) => n + f.rooms.length, 0);
    const beds = facilities.reduce((n, f) => n + f.rooms.reduce((b, r) => b + r.beds, 0), 0);
    log(`[${engine}] ${facilities.length} facilities, ${rooms} rooms, ${beds.toLocaleString('en')} beds in ${((performance.now() - tf) / 1000).toFixed(1)} s`);
    const rules = await data.loadRules(services, opts.today);
    const window = rules.ops.cohortWindowDays;
    const persons = await data.personsInOrder(db, opts.seed);
    const reserved = opts.warmup + opts.admissions + STEP_ADMISSIONS;
    const plan = data.planStays(opts, facilities, persons, rules, actor.id, reserved);

    const boards: BoardRun[] = [];
    for (const stage of [1, 2]) {
      const part = plan.rows.filter((_, i) => plan.stage[i] === stage);
      const t = performance.now();
      await data.loadStays(db, part);
      await data.recomputeCounters(db, window);
      await db.pool.query('analyze');
      const loadS = (performance.now() - t) / 1000;
      log(`[${engine}] stage ${stage}: ${data.describeStays(part)}; loaded with events, tasks and counters in ${loadS.toFixed(1)} s`);
      const mismatch = await data.counterMismatches(db, window);
      if (mismatch.rooms + mismatch.facilities + mismatch.dayCounts)
        throw new Error(`the recomputed counters differ from a recount: ${JSON.stringify(mismatch)}`);
      boards.push({ ...(await measureBoard(e, actor, opts, stage)), loadS });
    }

    const admit = await measureAdmissions(e, actor, opts, plan.admissionPersons, window);
    const after = await data.counterMismatches(db, window);
    if (after.rooms + after.facilities + after.dayCounts) log(`[${engine}] counters after the admissions differ from a recount: ${JSON.stringify(after)}`);
    const certificate = await certificateCount(e, opts.today);
    log(
      `[${engine}] release path (not timed as a figure): the certificate number's count of ${certificate.year}: p50 ${certificate.p50} ms, p95 ${certificate.p95} ms`,
    );

    const ctx = { db: engine, ...machine(), load_avg_start: loadStart, load_avg_end: load() };
    const big = boards[1];
    const small = boards[0];
    emit({
      name: 'quarantine.board.p95_ms',
      value: big.p95,
      unit: 'ms',
      baseline: big.pk95,
      ratio: ratioOf(big.p95, big.pk95),
      goal_ms: GOAL_MS,
      p50: round(big.p50),
      max: round(big.max),
      pk_p50: round(big.pk50, 3),
      runs: opts.runs,
      warmup: opts.warmup,
      today: opts.today,
      stays: big.stays,
      open: big.open,
      facilities: facilities.length,
      rooms,
      beds,
      day_count_rows: big.dayCountRows,
      persons: opts.persons,
      load_s: round(big.loadS, 1),
      ...ctx,
    });
    emit({
      name: 'quarantine.board.growth',
      value: big.p95 / small.p95,
      unit: 'ratio',
      baseline: big.pk95 / small.pk95,
      ratio: ratioOf(big.p95 / small.p95, big.pk95 / small.pk95),
      from_stays: small.stays,
      to_stays: big.stays,
      open: [small.open, big.open],
      p95_ms: [round(small.p95), round(big.p95)],
      p50_ms: [round(small.p50), round(big.p50)],
      pk_p95_ms: [round(small.pk95, 3), round(big.pk95, 3)],
      day_count_rows: [small.dayCountRows, big.dayCountRows],
      ...ctx,
    });
    emit({
      name: 'quarantine.admit.p95_ms',
      value: admit.p95,
      unit: 'ms',
      baseline: admit.insert95,
      ratio: ratioOf(admit.p95, admit.insert95),
      goal_ms: GOAL_MS,
      p50: round(admit.p50),
      max: round(admit.max),
      baseline_p50: round(admit.insert50, 3),
      admissions: opts.admissions,
      warmup: opts.warmup,
      into_empty_room: admit.intoEmpty,
      into_cohort_room: admit.intoCohort,
      with_exposure_day: admit.withExposure,
      day: opts.today,
      stays_before: big.stays,
      steps_ms: admit.steps.ms,
      other_ms: admit.steps.other,
      statements_per_admission: admit.steps.statements,
      counter_mismatches_after: after.rooms + after.facilities + after.dayCounts,
      ...ctx,
    });
    if (opts.explain || big.p95 > GOAL_MS || admit.p95 > GOAL_MS) await explainReads(e, actor, opts.today, admit.sample, certificate.year);
  } finally {
    await e.close();
  }
}

async function measureBoard(e: Engine, actor: Actor, opts: Opts, stage: number): Promise<Omit<BoardRun, 'loadS'>> {
  const { db, services } = e;
  const day = opts.today;
  const q1 = async <T>(text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows[0] as T;
  const { stays, open } = await q1<{ stays: number; open: number }>(
    `select count(*)::int as stays, count(*) filter (where status = 'open')::int as open from quarantine_stays`,
  );
  const { n: dayCountRows } = await q1<{ n: number }>('select count(*)::int as n from quarantine_day_counts');
  const ids = (
    (await db.pool.query('select id from quarantine_stays order by hashtext(id::text || $1::text) limit $2', [String(opts.seed + stage), opts.runs])).rows as {
      id: string;
    }[]
  ).map((r) => r.id);

  // The answer against a count of the stays.
  const want = await data.expectedBoard(db, day);
  const got = await services.quarantine.facilities.board(actor, day);
  const seen = {
    facilities: got.facilities.length,
    occupied: got.city.occupied,
    arrivals: got.city.arrivalsToday,
    releases: got.city.releasesToday,
    due7: got.city.releasesDue7,
  };
  if (JSON.stringify(seen) !== JSON.stringify(want)) throw new Error(`board of ${day} ${JSON.stringify(seen)}, counted from the stays ${JSON.stringify(want)}`);
  log(
    `[${e.engine}] board of ${day} at ${stays.toLocaleString('en')} stays: ${got.city.beds} beds, ${got.city.occupied} occupied, ${seen.arrivals} arrivals and ${seen.releases} releases today, ${seen.due7} due in 7 days; tiers ${got.tiers.map((t) => `${t.key} ${t.occupied}/${t.beds}`).join(', ')}; treatment capacity met: ${got.treatmentCapacityMet}`,
  );

  const pk = (id: string) => db.pool.query('select * from quarantine_stays where id = $1', [id]);
  for (let i = 0; i < opts.warmup; i++) {
    await services.quarantine.facilities.board(actor, day);
    await pk(ids[i % ids.length]);
  }
  const boardMs: number[] = [];
  const pkMs: number[] = [];
  if (opts.profile) await profiler.start(200);
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    await services.quarantine.facilities.board(actor, day);
    const t1 = performance.now();
    await pk(ids[i % ids.length]);
    const t2 = performance.now();
    boardMs.push(t1 - t0);
    pkMs.push(t2 - t1);
  }
  if (opts.profile) await profiler.stop(`${e.engine} board ×${opts.runs} at ${stays} stays`);
  const b = summarize(boardMs);
  const k = summarize(pkMs);
  log(
    `[${e.engine}] board at ${stays.toLocaleString('en')} stays: p50 ${b.p50.toFixed(2)} p95 ${b.p95.toFixed(2)} max ${b.max.toFixed(2)} ms; PK lookup p95 ${k.p95.toFixed(3)} ms`,
  );
  return { stays, open, p95: b.p95, p50: b.p50, max: b.max, pk95: k.p95, pk50: k.p50, dayCountRows };
}

interface RoomState {
  id: string;
  beds: number;
  occupied: number;
  cohortFrom: string | null;
  cohortTo: string | null;
  cls: string | null;
}

/** Admissions on `day` into rooms with free beds: one in three into an empty room, the others into a same-day F1 cohort. */
async function measureAdmissions(e: Engine, actor: Actor, opts: Opts, persons: data.Person[], windowDays: number) {
  const { db, services } = e;
  const day = opts.today;
  const rng = new Rng(opts.seed * 104729);
  const rooms = (
    await db.pool.query(
      `select r.id, r.beds, r.occupied, r.cohort_class as cls, r.cohort_from as "cohortFrom", r.cohort_to as "cohortTo"
         from quarantine_rooms r join quarantine_facilities f on f.id = r.facility_id
        where f.kind = 'quarantine' and f.status <> 'closed' and r.occupied < r.beds and r.exposed_on is null
        order by f.name, r.code`,
    )
  ).rows as RoomState[];
  const isCohort = (r: RoomState) => r.occupied > 0 && r.occupied < r.beds && r.cls === 'F1' && r.cohortFrom! <= day && r.cohortTo! >= day;
  log(
    `[${e.engine}] admissions on ${day}: ${rooms.filter((r) => r.occupied === 0).length} empty rooms, ${rooms.filter(isCohort).length} with a same-day F1 cohort`,
  );
  let next = 0;
  const counts = { empty: 0, cohort: 0, exposure: 0 };
  let sample: { personId: string; roomId: string } | null = null;
  const admitOne = async (svc: Services, k: number, counted: boolean) => {
    const cohortRooms = rooms.filter(isCohort);
    const empty = rooms.filter((r) => r.occupied === 0);
    const toEmpty = k % 3 === 0 || !cohortRooms.length;
    const pool = toEmpty ? empty : cohortRooms;
    if (!pool.length) throw new Error('no room left with a free bed for an admission');
    const room = pool[rng.int(0, pool.length - 1)];
    const person = persons[next++];
    const exposedOn = k % 2 === 1 ? addDays(day, -rng.int(1, 2)) : null;
    sample ??= { personId: person.id, roomId: room.id };
    const vaccination = (['full', 'partial', 'none'] as const)[rng.int(0, 2)];
    const stay = await svc.quarantine.stays.admit(actor, {
      personId: person.id,
      reason: 'f1',
      vaccination,
      admittedOn: day,
      exposedOn,
      setting: 'facility',
      roomId: room.id,
      bed: null,
      homeQualifies: false,
      overrideReason: null,
    });
    if (stay.roomId !== room.id || stay.status !== 'open') throw new Error(`admission into ${room.id}: ${JSON.stringify(stay)}`);
    if (room.occupied === 0) {
      room.cls = 'F1';
      room.cohortFrom = day;
      room.cohortTo = addDays(day, windowDays);
    }
    room.occupied++;
    if (counted) {
      counts[toEmpty ? 'empty' : 'cohort']++;
      if (exposedOn) counts.exposure++;
    }
  };
  await db.pool.query('create table if not exists bench_insert (id uuid primary key, person_id uuid not null, room_id uuid not null, day date not null)');
  const insert = (k: number) =>
    db.pool.query('insert into bench_insert (id, person_id, room_id, day) values ($1, $2, $3, $4)', [
      uuidv7(),
      persons[k % persons.length].id,
      rooms[0].id,
      day,
    ]);
  let k = 0;
  for (let i = 0; i < opts.warmup; i++, k++) {
    await admitOne(services, k, false);
    await insert(k);
  }
  const admitMs: number[] = [];
  const insertMs: number[] = [];
  if (opts.profile) await profiler.start(200);
  for (let i = 0; i < opts.admissions; i++, k++) {
    const t0 = performance.now();
    await admitOne(services, k, true);
    const t1 = performance.now();
    await insert(k);
    const t2 = performance.now();
    admitMs.push(t1 - t0);
    insertMs.push(t2 - t1);
  }
  if (opts.profile) await profiler.stop(`${e.engine} admit ×${opts.admissions}`);
  const a = summarize(admitMs);
  const b = summarize(insertMs);
  log(
    `[${e.engine}] admit: p50 ${a.p50.toFixed(2)} p95 ${a.p95.toFixed(2)} max ${a.max.toFixed(2)} ms (${counts.empty} into empty rooms, ${counts.cohort} into cohorts); bare insert p95 ${b.p95.toFixed(3)} ms`,
  );

  // Where an admission's time goes: more admissions through services on a logging Kysely.
  let current: Record<string, number> = {};
  let statements = 0;
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: db.pool }),
    log: (ev) => {
      if (ev.level !== 'query') return;
      const label = statementKind(ev.query.sql);
      current[label] = (current[label] ?? 0) + ev.queryDurationMillis;
      statements++;
    },
  });
  const logged = await createServices({ ...db, kysely }, loadConfig({ LOG_LEVEL: 'silent' }));
  const per: Record<string, number> = {};
  let other = 0;
  for (let i = 0; i < STEP_ADMISSIONS; i++, k++) {
    current = {};
    const t = performance.now();
    await admitOne(logged, k, false);
    const ms = performance.now() - t;
    for (const [key, v] of Object.entries(current)) per[key] = (per[key] ?? 0) + v;
    other += ms - Object.values(current).reduce((x, y) => x + y, 0);
  }
  await logged.audit.flush();
  const mean = (total: number) => round(total / STEP_ADMISSIONS, 3);
  const steps = {
    ms: Object.fromEntries(
      Object.entries(per)
        .sort((x, y) => y[1] - x[1])
        .map(([key, v]) => [key, mean(v)]),
    ),
    other: mean(other),
    statements: round(statements / STEP_ADMISSIONS, 1),
  };
  await db.pool.query('drop table bench_insert');
  return {
    p95: a.p95,
    p50: a.p50,
    max: a.max,
    insert95: b.p95,
    insert50: b.p50,
    intoEmpty: counts.empty,
    intoCohort: counts.cohort,
    withExposure: counts.exposure,
    steps,
    sample: sample!,
  };
}

/** A statement as "verb table" (the first table it names). */
function statementKind(text: string): string {
  if (/pg_advisory_xact_lock/.test(text)) return 'audit_lock';
  const verb = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? '?';
  const table = /(?:from|into|update)\s+"?([a-z_]+)"?/i.exec(text)?.[1] ?? '?';
  return table === '?' ? verb : `${verb} ${table}${/for update/i.test(text) ? ' for update' : ''}`;
}

/** Release's certificate number counts the year's certificates (repo.nextCertificateNo): its cost at this size. */
async function certificateCount(e: Engine, day: string) {
  const year = day.slice(0, 4);
  const ms: number[] = [];
  for (let i = 0; i < 25; i++) {
    const t = performance.now();
    await e.db.pool.query(`select count(*) as "n" from "quarantine_stays" where "certificate_no" like $1`, [`GCN-${year}-%`]);
    if (i >= 5) ms.push(performance.now() - t);
  }
  const s = summarize(ms);
  return { year, p50: round(s.p50, 3), p95: round(s.p95, 3) };
}

async function explainReads(e: Engine, actor: Actor, day: string, sample: { personId: string; roomId: string }, year: string): Promise<void> {
  const { db } = e;
  const ids = ((await db.pool.query('select id from quarantine_facilities')).rows as { id: string }[]).map((r) => r.id);
  await explain(db, 'board: staff of the actor', `select "facility_id" from "quarantine_facility_staff" where "user_id" = $1`, [actor.id]);
  await explain(
    db,
    'board: facilities of the province',
    `select * from "quarantine_facilities" where "province_code" in ($1) order by "kind", "tier", "name"`,
    [DEMO_PROVINCE],
  );
  await explain(
    db,
    'board: day counts of 8 days',
    `select * from "quarantine_day_counts" where "facility_id" = any($1::uuid[]) and "day" >= $2 and "day" <= $3`,
    [ids, day, addDays(day, 7)],
  );
  await explain(db, 'admit: open stay of the person', `select * from "quarantine_stays" where "person_id" = $1 and "status" = $2`, [sample.personId, 'open']);
  await explain(db, 'admit: open stays of the room (first free bed)', `select * from "quarantine_stays" where "room_id" = $1 and "status" = $2`, [
    sample.roomId,
    'open',
  ]);
  await explain(db, 'admit: bed taken', `select "id" from "quarantine_stays" where "room_id" = $1 and "bed" = $2 and "status" = $3`, [
    sample.roomId,
    '1',
    'open',
  ]);
  await explain(
    db,
    'admit: tracing plan',
    `select "class", "exposed_at", "quarantine_situation", "quarantine_until", "test_days", "tests_done" from "classifications" where "person_id" = $1`,
    [sample.personId],
  );
  await explain(db, `release: certificate count of ${year}`, `select count(*) as "n" from "quarantine_stays" where "certificate_no" like $1`, [
    `GCN-${year}-%`,
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(process.argv.slice(2));
