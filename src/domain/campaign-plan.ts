import { daysBetween } from './dates';
import { addLoad, householdLoad, type Load, type Method } from './campaign-load';
import { allocate, planBound, type BoundShares, type SupplyGroup } from './campaign-bound';
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

interface Candidate {
  h: PlanHousehold;
  priority: Priority;
  load: Load;
}

/** Code-unit order: codes and ids are ASCII, and this is the same on every machine (no locale). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byPriority = (a: Candidate, b: Candidate) =>
  RANK[a.priority] - RANK[b.priority] ||
  cmp(a.h.lastSampledOn ?? '', b.h.lastSampledOn ?? '') ||
  cmp(a.h.commune, b.h.commune) ||
  cmp(a.h.hamlet ?? '', b.h.hamlet ?? '') ||
  cmp(a.h.id, b.h.id);

/** Loads by (commune, members), computed once: every household of a commune and size weighs the same. */
function loadTable(communes: ReadonlyMap<string, PlanCommune>, accuracy: PoolAccuracy) {
  const cache = new Map<string, Load>();
  return (commune: string, members: number, method?: Method, k?: number): Load => {
    const c = communes.get(commune)!;
    const key = `${commune}|${members}|${method ?? ''}|${k ?? ''}`;
    let l = cache.get(key);
    if (!l) cache.set(key, (l = householdLoad(members, method ?? c.method, k ?? c.poolSize, c.prevalence, accuracy)));
    return l;
  };
}

/** Supply groups of the candidates: by commune and `keyOf` (size for the bound, priority for the allocation), at their mean load. */
function groupsOf(candidates: readonly Candidate[], keyOf: (c: Candidate) => number, rankOf: (c: Candidate) => number): SupplyGroup[] {
  const groups = new Map<string, SupplyGroup>();
  for (const c of candidates) {
    const key = `${c.h.commune}|${keyOf(c)}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { commune: c.h.commune, district: c.h.district, count: 1, load: { ...c.load }, rank: rankOf(c) });
    else {
      g.count++;
      g.load.pooled += c.load.pooled;
      g.load.single += c.load.single;
    }
  }
  return [...groups.values()].map((g) => ({ ...g, load: { pooled: g.load.pooled / g.count, single: g.load.single / g.count } }));
}

export function planDay(input: PlanInput): PlanResult {
  const communes = new Map(input.communes.map((c) => [c.code, c]));
  const loadOf = loadTable(communes, input.accuracy);
  const candidates: Candidate[] = [];
  for (const h of input.households) {
    const c = communes.get(h.commune);
    const priority = c ? priorityOf(h, c, input.day, input.lockdownEveryDays) : null;
    if (priority) candidates.push({ h, priority, load: loadOf(h.commune, h.members) });
  }
  candidates.sort(byPriority);
  const teams = [...input.teams].sort((a, b) => cmp(a.commune, b.commune) || cmp(a.id, b.id));
  const teamCapacity = new Map<string, number>();
  for (const t of teams) teamCapacity.set(t.commune, (teamCapacity.get(t.commune) ?? 0) + Math.max(0, t.capacity));
  const bound = planBound(
    groupsOf(
      candidates,
      (c) => c.h.members,
      () => 0,
    ),
    teamCapacity,
    input.labs,
  );
  const shares = allocate(
    groupsOf(
      candidates,
      (c) => RANK[c.priority],
      (c) => RANK[c.priority],
    ),
    teamCapacity,
    input.labs,
  );

  const teamLeft = new Map(teams.map((t) => [t.id, t.capacity]));
  const teamsOf = groupBy(teams, (t) => t.commune);
  const hamletTeam = new Map<string, string>();
  const labLeft = new Map(input.labs.map((l) => [l.id, { pooled: l.pooled, single: l.single }]));
  const shareLeft = new Map(Object.entries(shares));
  const labsByDistrict = new Map<string, PlanLab[]>();
  const labsOf = (district: string) => {
    let ls = labsByDistrict.get(district);
    if (!ls) labsByDistrict.set(district, (ls = input.labs.filter((l) => !l.districts || l.districts.includes(district))));
    return ls;
  };
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

  // first the allocation's shares, in priority order; then what is left of any lab, in priority order again
  const planned: { at: number; item: PlanItem }[] = [];
  let deferred: number[] = [];
  for (const strict of [true, false]) {
    const order = strict ? candidates.map((_, i) => i) : deferred;
    deferred = [];
    for (const at of order) {
      const { h, priority, load } = candidates[at];
      const team = teamFor(h, teamsOf.get(h.commune) ?? [], teamLeft, hamletTeam);
      if (!team) {
        const s = shortOf(h.commune);
        s.priority[priority]++;
        s.teamShort.households++;
        continue;
      }
      const labId = labFor(h.commune, load, labsOf(h.district), labLeft, shareLeft, strict);
      if (labId === undefined) {
        if (strict) deferred.push(at);
        else {
          const s = shortOf(h.commune);
          s.priority[priority]++;
          s.labShort.households++;
        }
        continue;
      }
      teamLeft.set(team.id, teamLeft.get(team.id)! - 1);
      if (h.hamlet) hamletTeam.set(`${h.commune}|${h.hamlet}`, team.id);
      planned.push({
        at,
        item: { householdId: h.id, commune: h.commune, hamlet: h.hamlet, teamId: team.id, labId, priority, lastSampledOn: h.lastSampledOn, load },
      });
    }
  }
  for (const s of shortfalls.values()) {
    const ts = teamsOf.get(s.commune) ?? [];
    const mean = ts.length ? ts.reduce((n, t) => n + t.capacity, 0) / ts.length : 0;
    s.teamShort.teams = s.teamShort.households ? (mean > 0 ? Math.ceil(s.teamShort.households / mean) : 1) : 0;
  }
  return {
    items: routeOrder(planned),
    candidates: candidates.length,
    covered: planned.length,
    bound,
    shares,
    shortfalls: [...shortfalls.values()].sort((a, b) => cmp(a.commune, b.commune)),
    labs: input.labs.map((l) => ({
      labId: l.id,
      pooled: l.pooled - labLeft.get(l.id)!.pooled,
      single: l.single - labLeft.get(l.id)!.single,
      pooledCapacity: l.pooled,
      singleCapacity: l.single,
    })),
    teams: teams.map((t) => ({ teamId: t.id, households: t.capacity - teamLeft.get(t.id)!, capacity: t.capacity })),
    whatIf: alternatives(candidates, loadOf, input.maxPoolSize),
  };
}

/** The team already working the household's hamlet, else one assigned to it, else the first with room. */
function teamFor(h: PlanHousehold, teams: readonly PlanTeam[], left: Map<string, number>, hamletTeam: Map<string, string>): PlanTeam | null {
  const room = (t: PlanTeam) => left.get(t.id)! > 0 && (!t.hamlets || (h.hamlet !== null && t.hamlets.includes(h.hamlet)));
  const working = h.hamlet ? hamletTeam.get(`${h.commune}|${h.hamlet}`) : undefined;
  const current = working ? teams.find((t) => t.id === working && room(t)) : undefined;
  return current ?? teams.find((t) => t.hamlets && room(t)) ?? teams.find(room) ?? null;
}

/**
 * A lab serving the district with room for the household's load: the one the allocation sends most of the commune to
 * (its remaining share) — only those with half a household or more left while `strict` — then the one with most pooled room; null when
 * the household needs no lab; undefined when none has room.
 */
function labFor(
  commune: string,
  load: Load,
  labs: readonly PlanLab[],
  left: Map<string, Load>,
  shares: Map<string, number>,
  strict: boolean,
): string | null | undefined {
  if (load.pooled === 0 && load.single === 0) return null;
  let best: PlanLab | undefined;
  let bestShare = -Infinity;
  let bestRoom = -Infinity;
  for (const l of labs) {
    const room = left.get(l.id)!;
    if (room.pooled + 1e-9 < load.pooled || room.single + 1e-9 < load.single) continue;
    const share = shares.get(`${commune}|${l.id}`) ?? 0;
    if (strict && share < 0.5) continue; // shares are fractional: a household per share rounded to the nearest
    if (share > bestShare || (share === bestShare && room.pooled > bestRoom)) [best, bestShare, bestRoom] = [l, share, room.pooled];
  }
  if (!best) return undefined;
  const room = left.get(best.id)!;
  left.set(best.id, { pooled: room.pooled - load.pooled, single: room.single - load.single });
  shares.set(`${commune}|${best.id}`, bestShare - 1);
  return best.id;
}

/** Each team's households hamlet by hamlet (the hamlets in code order), in priority order within a hamlet. */
function routeOrder(planned: { at: number; item: PlanItem }[]): PlanItem[] {
  return planned.sort((a, b) => cmp(a.item.teamId, b.item.teamId) || cmp(a.item.hamlet ?? '', b.item.hamlet ?? '') || a.at - b.at).map((x) => x.item);
}

function alternatives(candidates: readonly Candidate[], loadOf: ReturnType<typeof loadTable>, maxPoolSize: number): PlanResult['whatIf'] {
  const sizes = new Map<string, { commune: string; members: number; n: number }>();
  for (const { h } of candidates) {
    const key = `${h.commune}|${h.members}`;
    const s = sizes.get(key);
    if (s) s.n++;
    else sizes.set(key, { commune: h.commune, members: h.members, n: 1 });
  }
  const total = (f: (commune: string, members: number) => Load): Load => {
    let sum: Load = { pooled: 0, single: 0 };
    for (const s of sizes.values()) {
      const l = f(s.commune, s.members);
      sum = addLoad(sum, { pooled: l.pooled * s.n, single: l.single * s.n });
    }
    return sum;
  };
  return {
    current: total((c, m) => loadOf(c, m)),
    maxPoolSize: { k: maxPoolSize, load: total((c, m) => loadOf(c, m, 'rt_pcr_pooled', maxPoolSize)) },
    antigen: total((c, m) => loadOf(c, m, 'rapid_antigen', 1)),
  };
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
