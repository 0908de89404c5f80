import { roundOn } from '@domain/campaign-rounds';
import type { PlanCommune, PlanHousehold, PlanInput } from '@domain/campaign-plan';
import { AppError } from '../../platform/errors';
import type { CampaignRow, CampaignsContext } from './context';
import * as repo from './repo';

/** Runs one read of the planner's inputs; the benchmark passes one that times each read alone. */
export type ReadStep = <T>(name: string, read: () => Promise<T>) => Promise<T>;

/**
 * The planner's inputs for a campaign and day (docs/campaign-planner.md), read in one pass per source: the campaign's
 * communes, rounds, teams and labs; the testing rules; every household with its size (people), its coverage in the
 * campaign, the lockdown zones (zones), each commune's pool size (testing), and what was sampled on the day already.
 * Reads run concurrently unless `step` is given (then one after another, through it).
 */
export async function readPlanInputs(ctx: CampaignsContext, campaign: CampaignRow, day: string, step?: ReadStep) {
  const { db, src } = ctx;
  const run: ReadStep = step ?? ((_, read) => read());
  const all = <T extends readonly unknown[]>(reads: { [K in keyof T]: [string, () => Promise<T[K]>] }): Promise<T> =>
    (step
      ? reads.reduce<Promise<unknown[]>>(async (acc, [name, read]) => [...(await acc), await run(name, read)], Promise.resolve([]))
      : Promise.all(reads.map(([, read]) => read()))) as unknown as Promise<T>;
  const [communes, rounds, teams, labs, rules] = await all([
    ['communes', () => repo.communesOf(db, [campaign.id])],
    ['rounds', () => repo.roundsOf(db, [campaign.id])],
    ['teams', () => repo.teamsOf(db, campaign.id)],
    ['labs', () => repo.labsOf(db, campaign.id)],
    ['rules', () => ctx.rulesOn(day)],
  ] as const);
  if (!teams.length) throw new AppError('campaigns.no_teams', 409);
  if (!labs.length) throw new AppError('campaigns.no_labs', 409);
  const codes = communes.map((c) => c.commune_code);
  const current = currentRounds(rounds, day);
  const [households, coverage, locked, pools, doneToday, sessions, labLoad] = await all([
    ['households_with_sizes', () => src.householdSizesIn(codes)],
    ['coverage', () => repo.coverageOfHouseholds(db, campaign.id, new Map(codes.map((c) => [c, current.get(c)?.no ?? 0])))],
    ['locked', () => src.lockedHouseholdsIn(codes)],
    ['pool_sizes', () => src.testing.poolSizes(codes, day)],
    ['covered_on_day', () => repo.coveredOn(db, campaign.id, day)],
    ['sessions', () => repo.sessionsOn(db, campaign.id, day)],
    ['lab_load_today', () => repo.labLoadOn(db, campaign.id, day)],
  ] as const);
  return { day, communes, current, teams, labs, rules: rules.payload, households, coverage, locked, pools, doneToday, sessions, labLoad };
}

export type PlanReads = Awaited<ReturnType<typeof readPlanInputs>>;

type Coverage = PlanReads['coverage'][number];

const sortedById = <T>(rows: readonly T[], id: (row: T) => string) => rows.every((row, i) => i === 0 || id(rows[i - 1]) < id(row));

/**
 * The coverage of each household, asked in the households' order: both lists come in id order (uuid order is the
 * order of their lowercase text), so one walk down both finds every match without a map of hundreds of thousands of
 * ids; a map when either is not sorted.
 */
function coverageLookup(households: readonly { id: string }[], coverage: readonly Coverage[]): (id: string) => Coverage | undefined {
  if (!sortedById(households, (h) => h.id) || !sortedById(coverage, (c) => c.household_id)) {
    const byId = new Map(coverage.map((c) => [c.household_id, c]));
    return (id) => byId.get(id);
  }
  let j = 0;
  return (id) => {
    while (j < coverage.length && coverage[j].household_id < id) j++;
    return j < coverage.length && coverage[j].household_id === id ? coverage[j] : undefined;
  };
}

/** Each commune's round in force on the day (none when the campaign has no round then). */
function currentRounds(rounds: readonly { commune_code: string; round_no: number; starts_on: string; due_on: string }[], day: string) {
  const byCommune = new Map<string, { no: number; startsOn: string; dueOn: string }[]>();
  for (const x of rounds) {
    const list = byCommune.get(x.commune_code) ?? [];
    list.push({ no: x.round_no, startsOn: x.starts_on, dueOn: x.due_on });
    byCommune.set(x.commune_code, list);
  }
  const out = new Map<string, { no: number; dueOn: string }>();
  for (const [code, list] of byCommune) {
    const r = roundOn(list, day);
    if (r) out.set(code, r);
  }
  return out;
}

/**
 * The planner's input from what was read: each commune's current round, pool size and prevalence; each household's
 * last sampling, its coverage in the current and previous round and whether it is locked down (households sampled on
 * the day already are left out, their teams' capacity is reduced by them and their labs' by their planned load —
 * re-planning mid-day).
 */
export function planInputOf(r: PlanReads): { input: PlanInput; kept: number } {
  const communes: PlanCommune[] = r.communes.map((c) => {
    const pool = r.pools.get(c.commune_code)!;
    return {
      code: c.commune_code,
      district: c.district_code,
      round: r.current.get(c.commune_code) ?? null,
      method: c.method,
      poolSize: pool.k,
      prevalence: pool.prevalence,
    };
  });
  const roundOf = new Map(communes.map((c) => [c.code, c.round?.no ?? 0]));
  const districtOf = new Map(communes.map((c) => [c.code, c.district]));
  const coverageOf = coverageLookup(r.households, r.coverage);
  const sampledToday = new Set(r.doneToday.map((d) => d.household_id));
  const households: PlanHousehold[] = [];
  for (const h of r.households) {
    const cov = coverageOf(h.id);
    if (sampledToday.size && sampledToday.has(h.id)) continue;
    const round = roundOf.get(h.commune) ?? 0;
    households.push({
      id: h.id,
      commune: h.commune,
      district: districtOf.get(h.commune)!,
      hamlet: h.hamlet,
      members: h.members,
      lastSampledOn: cov ? cov.last : null,
      covered: round > 0 && cov !== undefined && cov.current,
      missedPrevious: round > 1 && !cov?.previous,
      locked: r.locked.size > 0 && r.locked.has(h.id),
    });
  }
  const teamOfSession = new Map(r.sessions.map((s) => [s.session_id, s.team_id]));
  const doneBy = new Map<string, number>();
  for (const d of r.doneToday) {
    const team = d.session_id ? teamOfSession.get(d.session_id) : undefined;
    if (team) doneBy.set(team, (doneBy.get(team) ?? 0) + 1);
  }
  const method = new Map(r.communes.map((c) => [c.commune_code, c.method]));
  const input: PlanInput = {
    day: r.day,
    households,
    communes,
    teams: r.teams.map((t) => ({
      id: t.team_id,
      commune: t.commune_code,
      capacity: Math.max(0, (method.get(t.commune_code) === 'rapid_antigen' ? t.antigen_per_day : t.pooled_per_day) - (doneBy.get(t.team_id) ?? 0)),
      hamlets: t.hamlets,
    })),
    labs: r.labs.map((l) => {
      const used = r.labLoad.find((x) => x.lab_id === l.lab_id);
      return {
        id: l.lab_id,
        pooled: l.pooled_per_day,
        single: l.single_per_day,
        districts: l.district_codes,
        usedToday: used ? { pooled: used.pooled, single: used.single } : undefined,
      };
    }),
    accuracy: r.rules.pooling,
    lockdownEveryDays: r.rules.frequencies.find((f) => f.population === 'lockdown_zone')?.everyDaysMin ?? 2,
    maxPoolSize: r.rules.maxPoolSize,
  };
  return { input, kept: sampledToday.size };
}
