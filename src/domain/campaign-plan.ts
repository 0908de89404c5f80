import { daysBetween } from './dates';
import { addLoad, householdLoad, type Load, type Method } from './campaign-load';
import { planBound, type BoundShares } from './campaign-bound';
import type { PoolAccuracy } from './pooling';

/**
 * Tomorrow's sampling plan (docs/campaign-planner.md): which households each team samples and which lab receives
 * them, in priority order — lockdown zones due, then rounds overdue, then due in the round, oldest-sampled first in
 * each — within team capacity (households per day, in the team's commune and hamlets) and lab capacity (pooled and
 * individual runs per day, for the districts a lab serves). Deterministic: every tie is broken by codes and ids.
 */
export type Priority = 'lockdown' | 'overdue' | 'due';
export const PRIORITIES: readonly Priority[] = ['lockdown', 'overdue', 'due'];

export interface PlanHousehold {
  id: string;
  commune: string;
  district: string;
  hamlet: string | null;
  members: number;
  lastSampledOn: string | null;
  /** sampled in the commune's current round */
  covered: boolean;
  /** not sampled in the commune's previous round */
  missedPrevious: boolean;
  locked: boolean;
}

export interface PlanCommune {
  code: string;
  district: string;
  /** the current round: null when the campaign has no round on the day (only lockdown households are planned) */
  round: { no: number; dueOn: string } | null;
  method: Method;
  poolSize: number;
  prevalence: number;
}

export interface PlanTeam {
  id: string;
  commune: string;
  /** households per day by the commune's method, less what the team already sampled that day */
  capacity: number;
  hamlets: string[] | null;
}

export interface PlanLab {
  id: string;
  pooled: number;
  single: number;
  /** districts served; null: any */
  districts: string[] | null;
}

export interface PlanInput {
  day: string;
  households: readonly PlanHousehold[];
  communes: readonly PlanCommune[];
  teams: readonly PlanTeam[];
  labs: readonly PlanLab[];
  accuracy: PoolAccuracy;
  /** lockdown households are due again this many days after their last sampling */
  lockdownEveryDays: number;
  maxPoolSize: number;
}

export interface PlanItem {
  householdId: string;
  commune: string;
  hamlet: string | null;
  teamId: string;
  labId: string | null;
  priority: Priority;
  lastSampledOn: string | null;
  load: Load;
}

export interface CommuneShortfall {
  commune: string;
  priority: Record<Priority, number>;
  /** households left for want of a team, and the teams that would take them at the commune's mean capacity */
  teamShort: { households: number; teams: number };
  /** households a team could take but no lab serving the district had room for */
  labShort: { households: number };
}

export interface LabUse {
  labId: string;
  pooled: number;
  single: number;
  pooledCapacity: number;
  singleCapacity: number;
}

export interface PlanResult {
  items: PlanItem[];
  candidates: number;
  covered: number;
  bound: number;
  shares: BoundShares;
  shortfalls: CommuneShortfall[];
  labs: LabUse[];
  teams: { teamId: string; households: number; capacity: number }[];
  /** lab load of the planned and left households together, as planned and under the alternatives */
  whatIf: { current: Load; maxPoolSize: { k: number; load: Load }; antigen: Load };
}

const RANK: Record<Priority, number> = { lockdown: 0, overdue: 1, due: 2 };

/** Why a household is sampled tomorrow, or null when it need not be. */
export function priorityOf(h: PlanHousehold, c: PlanCommune, day: string, lockdownEveryDays: number): Priority | null {
  if (h.locked && (!h.lastSampledOn || daysBetween(h.lastSampledOn, day) >= lockdownEveryDays)) return 'lockdown';
  if (!c.round || h.covered) return null;
  return h.missedPrevious || c.round.dueOn <= day ? 'overdue' : 'due';
}

interface Candidate extends PlanHousehold {
  priority: Priority;
  load: Load;
}

const byPriority = (a: Candidate, b: Candidate) =>
  RANK[a.priority] - RANK[b.priority] ||
  (a.lastSampledOn ?? '').localeCompare(b.lastSampledOn ?? '') ||
  a.commune.localeCompare(b.commune) ||
  (a.hamlet ?? '').localeCompare(b.hamlet ?? '') ||
  a.id.localeCompare(b.id);

export function planDay(input: PlanInput): PlanResult {
  const communes = new Map(input.communes.map((c) => [c.code, c]));
  const candidates: Candidate[] = [];
  for (const h of input.households) {
    const c = communes.get(h.commune);
    const priority = c ? priorityOf(h, c, input.day, input.lockdownEveryDays) : null;
    if (c && priority) candidates.push({ ...h, priority, load: householdLoad(h.members, c.method, c.poolSize, c.prevalence, input.accuracy) });
  }
  candidates.sort(byPriority);
  const teams = [...input.teams].sort((a, b) => a.commune.localeCompare(b.commune) || a.id.localeCompare(b.id));
  const { bound, shares } = planBound(candidates, teams, input.labs);

  const teamLeft = new Map(teams.map((t) => [t.id, t.capacity]));
  const teamsOf = groupBy(teams, (t) => t.commune);
  const hamletTeam = new Map<string, string>();
  const labLeft = new Map(input.labs.map((l) => [l.id, { pooled: l.pooled, single: l.single }]));
  const shareLeft = new Map(Object.entries(shares).map(([k, v]) => [k, v]));
  const labsOf = (district: string) => input.labs.filter((l) => !l.districts || l.districts.includes(district));
  const shortfalls = new Map<string, CommuneShortfall>();
  const shortOf = (commune: string) => {
    let s = shortfalls.get(commune);
    if (!s)
      shortfalls.set(
        commune,
        (s = { commune, priority: { lockdown: 0, overdue: 0, due: 0 }, teamShort: { households: 0, teams: 0 }, labShort: { households: 0 } }),
      );
    return s;
  };

  const items: PlanItem[] = [];
  for (const h of candidates) {
    const team = teamFor(h, teamsOf.get(h.commune) ?? [], teamLeft, hamletTeam);
    if (!team) {
      const s = shortOf(h.commune);
      s.priority[h.priority]++;
      s.teamShort.households++;
      continue;
    }
    const labId = labFor(h, labsOf(h.district), labLeft, shareLeft);
    if (labId === undefined) {
      const s = shortOf(h.commune);
      s.priority[h.priority]++;
      s.labShort.households++;
      continue;
    }
    teamLeft.set(team.id, teamLeft.get(team.id)! - 1);
    if (h.hamlet) hamletTeam.set(`${h.commune}|${h.hamlet}`, team.id);
    items.push({
      householdId: h.id,
      commune: h.commune,
      hamlet: h.hamlet,
      teamId: team.id,
      labId,
      priority: h.priority,
      lastSampledOn: h.lastSampledOn,
      load: h.load,
    });
  }
  for (const s of shortfalls.values()) {
    const ts = teamsOf.get(s.commune) ?? [];
    const mean = ts.length ? ts.reduce((n, t) => n + t.capacity, 0) / ts.length : 0;
    s.teamShort.teams = s.teamShort.households ? (mean > 0 ? Math.ceil(s.teamShort.households / mean) : 1) : 0;
  }
  return {
    items: routeOrder(items),
    candidates: candidates.length,
    covered: items.length,
    bound,
    shares,
    shortfalls: [...shortfalls.values()].sort((a, b) => a.commune.localeCompare(b.commune)),
    labs: input.labs.map((l) => ({
      labId: l.id,
      pooled: l.pooled - labLeft.get(l.id)!.pooled,
      single: l.single - labLeft.get(l.id)!.single,
      pooledCapacity: l.pooled,
      singleCapacity: l.single,
    })),
    teams: teams.map((t) => ({ teamId: t.id, households: t.capacity - teamLeft.get(t.id)!, capacity: t.capacity })),
    whatIf: alternatives(candidates, communes, input),
  };
}

/** The team already working the household's hamlet, else one assigned to it, else the first with room. */
function teamFor(h: Candidate, teams: readonly PlanTeam[], left: Map<string, number>, hamletTeam: Map<string, string>): PlanTeam | null {
  const room = (t: PlanTeam) => left.get(t.id)! > 0 && (!t.hamlets || (h.hamlet !== null && t.hamlets.includes(h.hamlet)));
  const working = h.hamlet ? hamletTeam.get(`${h.commune}|${h.hamlet}`) : undefined;
  const current = working ? teams.find((t) => t.id === working && room(t)) : undefined;
  return current ?? teams.find((t) => t.hamlets && room(t)) ?? teams.find(room) ?? null;
}

/**
 * A lab serving the district with room for the household's load: the one the bound's solution sends most of the
 * commune to, then the one with most pooled room; null when the household needs no lab; undefined when none has room.
 */
function labFor(h: Candidate, labs: readonly PlanLab[], left: Map<string, Load>, shares: Map<string, number>): string | null | undefined {
  if (h.load.pooled === 0 && h.load.single === 0) return null;
  let best: PlanLab | undefined;
  let bestKey: [number, number] = [-Infinity, -Infinity];
  for (const l of labs) {
    const room = left.get(l.id)!;
    if (room.pooled + 1e-9 < h.load.pooled || room.single + 1e-9 < h.load.single) continue;
    const key: [number, number] = [shares.get(`${h.commune}|${l.id}`) ?? 0, room.pooled];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [l, key];
  }
  if (!best) return undefined;
  const room = left.get(best.id)!;
  left.set(best.id, { pooled: room.pooled - h.load.pooled, single: room.single - h.load.single });
  const share = `${h.commune}|${best.id}`;
  shares.set(share, (shares.get(share) ?? 0) - 1);
  return best.id;
}

/** Each team's households hamlet by hamlet (the hamlets in code order), in priority order within a hamlet. */
function routeOrder(items: PlanItem[]): PlanItem[] {
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => a.it.teamId.localeCompare(b.it.teamId) || (a.it.hamlet ?? '').localeCompare(b.it.hamlet ?? '') || a.i - b.i)
    .map((x) => x.it);
}

function alternatives(candidates: readonly Candidate[], communes: Map<string, PlanCommune>, input: PlanInput): PlanResult['whatIf'] {
  let current: Load = { pooled: 0, single: 0 };
  let atMax: Load = { pooled: 0, single: 0 };
  let antigen: Load = { pooled: 0, single: 0 };
  for (const h of candidates) {
    const c = communes.get(h.commune)!;
    current = addLoad(current, h.load);
    atMax = addLoad(atMax, householdLoad(h.members, 'rt_pcr_pooled', input.maxPoolSize, c.prevalence, input.accuracy));
    antigen = addLoad(antigen, householdLoad(h.members, 'rapid_antigen', 1, c.prevalence, input.accuracy));
  }
  return { current, maxPoolSize: { k: input.maxPoolSize, load: atMax }, antigen };
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}
