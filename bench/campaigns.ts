// npm run bench -- campaigns [--db pglite|postgres|both|none] [--households 2000] [--city 360000] [--teams 300] [--labs 12]
//                            [--zones 5] [--zone-households 600] [--runs 3] [--seed 7] [--profile]
//
// campaigns.pool.*: the household pool size the product chooses (Dorfman's optimum at the prevalence it
// estimates from a commune's last week of pools) against the optimum at the true prevalence and against fixed pools of
// 10, at p = 0.5 %, 2 %, 5 %, 10 %. The estimate is made from simulated pooled results (persons infected at the true
// prevalence, pools of the city's mean household size, tests of the rule set's sensitivity and specificity), so its
// error is part of the figure (--households: pools per simulated week).
//
// campaigns.plan.* (skipped with --db none): tomorrow's plan for a whole city through services.campaigns.plans, on
// PGlite (temp dir) or a throwaway PostgreSQL 15, data from bench/campaigns-data.ts (SQL generate_series): --city
// households (sizes 1–7, mean 3.43) over Cần Thơ's 83 communes, --teams sampling teams, --labs labs (one per district,
// the rest shared by two), a campaign 07/09 → 20/09/2021 with mixed levels and intervals, the coverage of every round
// due before the plan day 14/09/2021 and --zones lockdown zones of --zone-households households. The clock is
// 13/09/2021 10:00 in Vietnam, so the plan day is tomorrow.
// campaigns.plan.s — wall time of plans.make(actor, campaign, day) (compute + storing the plan and its items + the
//   view it returns), median of --runs; compute_s: plans.compute(campaign, day) alone. Baseline, same run: one SQL pass
//   over the households with their sizes (BASELINE_SQL). Goal: < 2 s on PostgreSQL, < 4 s on PGlite.
// campaigns.plan.coverage_of_bound — covered households ÷ the LP bound the plan reports. Goal ≥ 0.98.
// stderr: candidates, covered, bound, shortfalls, and compute's time by step (reads one by one, planDay, the write).
import seed from '../data/rule-sets-2021.json';
import { planDay, type PlanResult } from '@domain/campaign-plan';
import { dorfmanTestsPerPerson, optimalPoolSize, prevalenceFromPools } from '../src/domain/pooling';
import { loadConfig } from '../src/server/config';
import type { CampaignRow, CampaignsContext } from '../src/server/modules/campaigns/context';
import * as repo from '../src/server/modules/campaigns/repo';
import { planInputOf, readPlanInputs } from '../src/server/modules/campaigns/plan-input';
import type { Actor } from '../src/server/platform/actor';
import { Rng } from '../src/server/seed/rng';
import { createServices, type Services } from '../src/server/services';
import { emit, engines, flags, log, machine, num, profiler, ratioOf, round } from './lib';
import { actorOf, load, openEngine, type Engine } from './testing-setup';
import * as data from './campaigns-data';

const USAGE =
  'npm run bench -- campaigns [--db pglite|postgres|both|none] [--households 2000] [--city 360000] [--teams 300] [--labs 12] [--zones 5] [--zone-households 600] [--runs 3] [--seed 7] [--profile]';
const STARTS_ON = '2021-09-07';
const ENDS_ON = '2021-09-20';
const PLAN_DAY = '2021-09-14';
/** 13/09/2021 10:00 in Vietnam: the plan day is tomorrow */
const NOW = new Date('2021-09-13T03:00:00Z');
const GOAL_S = { postgres: 2, pglite: 4 };
const GOAL_BOUND = 0.98;
/** The baseline: one pass over the households with their sizes, every row to Node (what the planner's main read does). */
// households carry their resident count (migration 0027), so one pass over them is a plain scan
const BASELINE_SQL = `select id, commune_code, hamlet_code, residents from households order by id`;

interface Pooling {
  sensitivity: number;
  specificity: number;
  prevalenceFloor: number;
}

/** One commune's week of household pools at true prevalence `p`: the counts the rollup would hold. */
function simulateWeek(rng: Rng, p: number, acc: Pooling, households: number) {
  let positive = 0;
  let persons = 0;
  for (let h = 0; h < households; h++) {
    // households of 3 or 4 (mean 3.4, as in Cần Thơ's 2019 census: 1,235,171 persons in 359,375 households)
    const size = rng.next() < 0.4 ? 4 : 3;
    persons += size;
    let infected = false;
    for (let i = 0; i < size; i++) if (rng.next() < p) infected = true;
    if (infected ? rng.next() < acc.sensitivity : rng.next() >= acc.specificity) positive++;
  }
  return { positive, negative: households - positive, persons, samples: households };
}

export async function run(args: string[]): Promise<void> {
  const f = flags(
    args,
    {
      db: 'pglite',
      households: '2000',
      city: '360000',
      teams: '300',
      labs: '12',
      zones: '5',
      'zone-households': '600',
      runs: '3',
      seed: '7',
      profile: 'false',
    },
    USAGE,
  );
  poolFigures(Math.round(num(f.households, 'households')));
  if (f.db === 'none') return;
  const int = (name: keyof typeof f) => Math.round(num(f[name], name));
  const opts: data.CityOpts & { runs: number; profile: boolean } = {
    households: int('city'),
    teams: int('teams'),
    labs: int('labs'),
    zones: int('zones'),
    zoneHouseholds: int('zone-households'),
    startsOn: STARTS_ON,
    endsOn: ENDS_ON,
    planDay: PLAN_DAY,
    seed: int('seed'),
    runs: int('runs'),
    profile: f.profile === 'true',
  };
  for (const engine of engines(f.db, ['pglite', 'postgres'])) await benchPlan(engine, opts);
}

function poolFigures(households: number): void {
  const testing = seed.find((r) => r.kind === 'testing')!.payload as { maxPoolSize: number; pooling: Pooling };
  const acc = testing.pooling;
  const trials = 200;
  const rng = new Rng(2021);
  for (const p of [0.005, 0.02, 0.05, 0.1]) {
    const optimum = optimalPoolSize(p, acc, testing.maxPoolSize);
    const fixed10 = dorfmanTestsPerPerson(10, p, acc);
    let chosen = 0;
    const ks: number[] = [];
    for (let t = 0; t < trials; t++) {
      const estimate = prevalenceFromPools(simulateWeek(rng, p, acc, households), acc.prevalenceFloor);
      const k = optimalPoolSize(estimate, acc, testing.maxPoolSize).k;
      ks.push(k);
      chosen += dorfmanTestsPerPerson(k, p, acc) / trials;
    }
    log(`p=${p}: optimum k=${optimum.k} (${optimum.testsPerPerson.toFixed(4)} tests/person), chosen k ${Math.min(...ks)}–${Math.max(...ks)}`);
    const common = { unit: 'ratio', p, households_per_week: households, trials, chosen_tests_per_person: chosen };
    emit({
      name: 'campaigns.pool.vs_dorfman',
      value: chosen / optimum.testsPerPerson,
      baseline: optimum.testsPerPerson,
      ratio: chosen / optimum.testsPerPerson,
      optimum_k: optimum.k,
      ...common,
    });
    emit({ name: 'campaigns.pool.vs_fixed10', value: chosen / fixed10, baseline: fixed10, ratio: chosen / fixed10, ...common });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const secondsOf = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, (performance.now() - t) / 1000];
};

async function benchPlan(engine: 'pglite' | 'postgres', opts: data.CityOpts & { runs: number; profile: boolean }): Promise<void> {
  const e = await openEngine(engine, 'campaigns');
  let clocked: Services | null = null;
  try {
    const loadStart = load();
    const [city, seedS] = await secondsOf(() => data.seedCity(e.db, opts));
    log(
      `[${engine}] ${city.communes.length} communes, ${city.households.toLocaleString('en')} households, ${city.persons.toLocaleString('en')} persons, ` +
        `${city.teams.length} teams, ${city.labs.length} labs in ${seedS.toFixed(1)} s (households ${city.seconds.households.toFixed(1)} s, persons ${city.seconds.persons.toFixed(1)} s)`,
    );
    const actor = await actorOf(e, 'command_center', 'Trung tâm chỉ huy (đo hiệu năng)');
    const [campaign, campaignS] = await secondsOf(() => data.seedCampaign(e.services, city, opts, actor.id));
    const levels = new Map<string, number>();
    for (const c of campaign.communes)
      levels.set(`${c.level ?? 'none'}/${c.everyDays}d/${c.method}`, (levels.get(`${c.level ?? 'none'}/${c.everyDays}d/${c.method}`) ?? 0) + 1);
    log(
      `[${engine}] campaign ${campaign.id} in ${campaignS.toFixed(1)} s: communes ${JSON.stringify(Object.fromEntries(levels))}; ` +
        `${campaign.coverage.toLocaleString('en')} coverage rows; ${campaign.zones} lockdown zones, ${campaign.lockedHouseholds} households; ` +
        `team capacity ${campaign.teamCapacity}/day, labs ${campaign.labPooled} pooled + ${campaign.labSingle} single runs/day; by district (team households, lab pooled runs): ${JSON.stringify(campaign.districts)}`,
    );
    // the app's services on a fixed clock (make() plans today or tomorrow only)
    clocked = await createServices(e.db, loadConfig({ LOG_LEVEL: 'silent', DEMO_PERSONS: '0' }), { testing: { now: () => NOW } });
    await measure(e, clocked, actor, campaign, city, opts, loadStart);
  } finally {
    if (clocked) await clocked.audit.flush();
    await e.close();
  }
}

async function measure(
  e: Engine,
  s: Services,
  actor: Actor,
  campaign: data.CampaignSeed,
  city: data.City,
  opts: { runs: number; profile: boolean },
  loadStart: number[],
): Promise<void> {
  const { engine, db } = e;
  const row = (await s.db.kysely.selectFrom('campaigns').selectAll().where('id', '=', campaign.id).executeTakeFirstOrThrow()) as CampaignRow;
  const baseline: number[] = [];
  const compute: number[] = [];
  const make: number[] = [];
  let result: PlanResult | null = null;
  for (let i = 0; i < opts.runs + 1; i++) {
    // run 0 warms the caches (and the JIT) and is not counted
    const [b, bS] = await secondsOf(() => db.pool.query(BASELINE_SQL));
    const [c, cS] = await secondsOf(() => s.campaigns.plans.compute(row, PLAN_DAY));
    if (opts.profile && i === opts.runs) await profiler.start();
    const [m, mS] = await secondsOf(() => s.campaigns.plans.make(actor, campaign.id, PLAN_DAY));
    if (opts.profile && i === opts.runs) await profiler.stop(`[${engine}] make`);
    log(`[${engine}] run ${i}: baseline ${bS.toFixed(2)} s (${b.rows.length} rows), compute ${cS.toFixed(2)} s, make ${mS.toFixed(2)} s`);
    if (i === 0) continue;
    baseline.push(bS);
    compute.push(cS);
    make.push(mS);
    result = c.result;
    void m;
  }
  const r = result!;
  const steps = await breakdown(s, row, r);
  const byPriority = { lockdown: 0, overdue: 0, due: 0 };
  for (const it of r.items) byPriority[it.priority]++;
  const short = r.shortfalls.reduce(
    (a, x) => ({ team: a.team + x.teamShort.households, lab: a.lab + x.labShort.households, teams: a.teams + x.teamShort.teams }),
    { team: 0, lab: 0, teams: 0 },
  );
  log(
    `[${engine}] plan: ${r.candidates.toLocaleString('en')} candidates, ${r.covered.toLocaleString('en')} covered ${JSON.stringify(byPriority)}, bound ${r.bound.toFixed(1)}; ` +
      `${r.shortfalls.length} communes short: ${short.team.toLocaleString('en')} households for want of a team (${short.teams} teams), ${short.lab.toLocaleString('en')} for want of a lab; ` +
      `labs used (pooled/capacity single/capacity) ${r.labs.map((l) => `${Math.round(l.pooled)}/${l.pooledCapacity} ${Math.round(l.single)}/${l.singleCapacity}`).join(', ')}`,
  );
  log(`[${engine}] compute by step (s, each alone): ${JSON.stringify(steps)}`);
  const [, viewS] = await secondsOf(async () => {
    const plan = (
      await s.db.kysely.selectFrom('campaign_plans').select('id').where('campaign_id', '=', campaign.id).where('status', '=', 'draft').executeTakeFirstOrThrow()
    ).id;
    return s.campaigns.plans.views.view(actor, plan);
  });
  const [, insertS] = await secondsOf(() =>
    s.db.kysely
      .transaction()
      .execute(async (trx) => {
        const id = data.detUuid(`bench-plan-${Date.now()}`);
        await repo.insertPlan(trx, {
          id,
          province_code: row.province_code,
          campaign_id: row.id,
          day: PLAN_DAY,
          candidates: 0,
          covered: 0,
          bound: 0,
          summary: '{}',
          created_by: actor.id,
        });
        await repo.insertItems(trx, id, r.items);
        throw new Rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Rollback)) throw err;
      }),
  );
  log(
    `[${engine}] make's other steps (s, alone): insert of the plan and its ${r.items.length} items ${insertS.toFixed(2)}, the view returned ${viewS.toFixed(2)}`,
  );

  const ctx = {
    db: engine,
    ...machine(),
    city_households: city.households,
    persons: city.persons,
    communes: city.communes.length,
    teams: city.teams.length,
    labs: city.labs.length,
    coverage_rows: campaign.coverage,
    locked_households: campaign.lockedHouseholds,
    day: PLAN_DAY,
    runs: opts.runs,
    load_avg_start: loadStart,
    load_avg_end: load(),
  };
  const b = median(baseline);
  const m = median(make);
  emit({
    name: 'campaigns.plan.s',
    value: m,
    unit: 's',
    baseline: b,
    ratio: ratioOf(m, b),
    baseline_s: round(b, 3),
    baseline_sql: BASELINE_SQL.replace(/\s+/g, ' '),
    goal_s: GOAL_S[engine],
    make_s: make.map((x) => round(x, 3)),
    compute_s: round(median(compute), 3),
    compute_runs_s: compute.map((x) => round(x, 3)),
    compute_ratio: round(median(compute) / b, 2),
    steps_s: steps,
    insert_items_s: round(insertS, 3),
    view_s: round(viewS, 3),
    candidates: r.candidates,
    covered: r.covered,
    ...ctx,
  });
  emit({
    name: 'campaigns.plan.coverage_of_bound',
    value: r.covered / r.bound,
    unit: 'ratio',
    baseline: r.bound,
    ratio: r.covered / r.bound,
    goal: GOAL_BOUND,
    covered: r.covered,
    bound: round(r.bound, 1),
    candidates: r.candidates,
    shortfall_communes: r.shortfalls.length,
    team_short_households: short.team,
    lab_short_households: short.lab,
    by_priority: byPriority,
    team_capacity: campaign.teamCapacity,
    lab_pooled_capacity: campaign.labPooled,
    ...ctx,
  });
}

class Rollback extends Error {}

/**
 * PlansService.compute's steps one by one (the same reads and assembly as plans.ts, but sequential and timed), and
 * planDay on what they return (checked against compute's result).
 */
async function breakdown(s: Services, campaign: CampaignRow, expected: PlanResult): Promise<Record<string, number>> {
  const ctx = (s.campaigns.plans as unknown as { ctx: CampaignsContext }).ctx;
  const out: Record<string, number> = {};
  const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const [r, sec] = await secondsOf(f);
    out[name] = round(sec, 3);
    return r;
  };
  const reads = await readPlanInputs(ctx, campaign, PLAN_DAY, step);
  const { input } = await step('assemble', async () => planInputOf(reads));
  const result = await step('plan_day', async () => planDay(input));
  if (result.covered !== expected.covered || result.candidates !== expected.candidates)
    log(`breakdown: planDay on the step-by-step inputs gave ${result.covered}/${result.candidates}, compute ${expected.covered}/${expected.candidates}`);
  // where planDay's time goes: a CPU profile of one more call (top functions by self time on stderr)
  await profiler.start(200);
  planDay(input);
  await profiler.stop('planDay');
  return out;
}
