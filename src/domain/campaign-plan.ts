import { daysBetween } from './dates';
import { addLoad, householdLoad, type Load, type Method } from './campaign-load';
import { allocate, planBound, type BoundShares, type SupplyGroup } from './campaign-bound';
import { Assignment, type Candidate } from './campaign-assignment';
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
  /** the expected load of what was already sampled for it on the day (re-planning mid-day) */
  usedToday?: Load;
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

/** Code-unit order: codes and ids are ASCII, and this is the same on every machine (no locale). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The index of each distinct value in code order (null first). */
function indexOf(values: Iterable<string | null>): Map<string | null, number> {
  const distinct = [...new Set(values)].sort((a, b) => (a === null ? -1 : b === null ? 1 : cmp(a, b)));
  return new Map(distinct.map((v, i) => [v, i]));
}

/** The households in id order: as given when they already are (the people module reads them so), else sorted. */
function inIdOrder(households: readonly PlanHousehold[]): readonly PlanHousehold[] {
  for (let i = 1; i < households.length; i++) if (households[i - 1].id > households[i].id) return [...households].sort((a, b) => cmp(a.id, b.id));
  return households;
}

/**
 * The candidates in priority order — priority, the oldest last sampling (never sampled first), commune, hamlet, id —
 * by buckets of equal (priority, day, commune, hamlet) filled in id order: linear in the households, no comparison of
 * ids between them.
 */
function inPriorityOrder(candidates: Candidate[], communes: number): { ordered: Candidate[]; hamlets: number } {
  const distinct = { days: new Set<string | null>(), hamlets: new Set<string | null>() };
  for (const { h } of candidates) {
    distinct.days.add(h.lastSampledOn);
    distinct.hamlets.add(h.hamlet);
  }
  const days = indexOf(distinct.days);
  const hamlets = indexOf(distinct.hamlets);
  const buckets = new Map<number, Candidate[]>();
  for (const c of candidates) {
    c.hi = hamlets.get(c.h.hamlet)!;
    const key = ((RANK[c.priority] * days.size + days.get(c.h.lastSampledOn)!) * communes + c.ci) * hamlets.size + c.hi;
    const b = buckets.get(key);
    if (b) b.push(c);
    else buckets.set(key, [c]);
  }
  const out: Candidate[] = [];
  for (const key of [...buckets.keys()].sort((a, b) => a - b)) for (const c of buckets.get(key)!) out.push(c);
  return { ordered: out, hamlets: hamlets.size };
}

/** Supply groups (docs/campaign-planner.md) kept in a dense array by (commune index, key): count and summed load. */
class Groups {
  private readonly groups: ((SupplyGroup & { members: number }) | undefined)[];
  constructor(
    communes: number,
    private readonly width: number,
  ) {
    this.groups = Array.from({ length: communes * width }, () => undefined);
  }

  add(ci: number, key: number, h: PlanHousehold, load: Load, rank: number) {
    const i = ci * this.width + key;
    const g = this.groups[i];
    if (!g) this.groups[i] = { commune: h.commune, district: h.district, members: h.members, count: 1, load: { ...load }, rank };
    else {
      g.count++;
      g.load.pooled += load.pooled;
      g.load.single += load.single;
    }
  }

  /** The groups at their mean load. */
  list(): (SupplyGroup & { members: number })[] {
    return this.groups.filter((g) => g !== undefined).map((g) => ({ ...g, load: { pooled: g.load.pooled / g.count, single: g.load.single / g.count } }));
  }
}

export function planDay(input: PlanInput): PlanResult {
  const communes = new Map(input.communes.map((c) => [c.code, c]));
  const codes = [...communes.keys()].sort(cmp);
  const ciOf = new Map(codes.map((c, i) => [c, i]));
  const households = inIdOrder(input.households);
  const width = households.reduce((m, h) => Math.max(m, h.members), PRIORITIES.length - 1) + 1;
  // every household of a commune and size weighs the same: each load is computed once
  const loads: (Load | undefined)[] = Array.from({ length: ciOf.size * width }, () => undefined);
  const bySize = new Groups(ciOf.size, width);
  const byRank = new Groups(ciOf.size, width);
  const unordered: Candidate[] = [];
  for (const h of households) {
    const c = communes.get(h.commune);
    const priority = c ? priorityOf(h, c, input.day, input.lockdownEveryDays) : null;
    if (!c || !priority) continue;
    const ci = ciOf.get(h.commune)!;
    const at = ci * width + h.members;
    const load = (loads[at] ??= householdLoad(h.members, c.method, c.poolSize, c.prevalence, input.accuracy));
    unordered.push({ h, priority, load, ci, hi: 0 });
    bySize.add(ci, h.members, h, load, 0);
    byRank.add(ci, RANK[priority], h, load, RANK[priority]);
  }
  const { ordered: candidates, hamlets } = inPriorityOrder(unordered, codes.length);
  const sizes = bySize.list();
  const teams = [...input.teams].sort((a, b) => cmp(a.commune, b.commune) || cmp(a.id, b.id));
  const teamCapacity = new Map<string, number>();
  for (const t of teams) teamCapacity.set(t.commune, (teamCapacity.get(t.commune) ?? 0) + Math.max(0, t.capacity));
  // what a lab can still take on the day
  const room = input.labs.map((l) => ({ ...l, pooled: l.pooled - (l.usedToday?.pooled ?? 0), single: l.single - (l.usedToday?.single ?? 0) }));
  const bound = planBound(sizes, teamCapacity, room);
  const shares = allocate(byRank.list(), teamCapacity, room);

  const state = new Assignment(
    codes,
    codes.map((c) => communes.get(c)!.district),
    teams,
    input.labs,
    shares,
    hamlets,
  );
  const shortfalls: (CommuneShortfall | undefined)[] = codes.map(() => undefined);
  const shortOf = (ci: number) =>
    (shortfalls[ci] ??= {
      commune: codes[ci],
      priority: { lockdown: 0, overdue: 0, due: 0 },
      teamShort: { households: 0, teams: 0 },
      labShort: { households: 0 },
    });

  // first the allocation's shares, in priority order; then what is left of any lab, in priority order again
  const planned: { at: number; item: PlanItem }[] = [];
  let deferred: number[] = [];
  for (const strict of [true, false]) {
    const order = strict ? candidates.map((_, i) => i) : deferred;
    deferred = [];
    for (const at of order) {
      const c = candidates[at];
      const team = state.teamFor(c);
      if (team < 0) {
        const s = shortOf(c.ci);
        s.priority[c.priority]++;
        s.teamShort.households++;
        continue;
      }
      const lab = state.labFor(c, strict);
      if (lab === undefined) {
        // a lab's room only shrinks: what no lab has room for now waits for nothing
        if (strict && state.anyLabFits(c)) deferred.push(at);
        else {
          const s = shortOf(c.ci);
          s.priority[c.priority]++;
          s.labShort.households++;
        }
        continue;
      }
      state.take(c, team);
      const { h, priority, load } = c;
      planned.push({
        at,
        item: { householdId: h.id, commune: h.commune, hamlet: h.hamlet, teamId: teams[team].id, labId: lab, priority, lastSampledOn: h.lastSampledOn, load },
      });
    }
  }
  const found = shortfalls.filter((s) => s !== undefined);
  for (const s of found) {
    const ts = state.teamsOf(s.commune);
    const mean = ts.length ? ts.reduce((n, t) => n + t.capacity, 0) / ts.length : 0;
    s.teamShort.teams = s.teamShort.households ? (mean > 0 ? Math.ceil(s.teamShort.households / mean) : 1) : 0;
  }
  return {
    items: routeOrder(planned),
    candidates: candidates.length,
    covered: planned.length,
    bound,
    shares,
    shortfalls: found,
    labs: input.labs.map((l, li) => ({
      labId: l.id,
      pooled: l.pooled - state.pooledLeft[li],
      single: l.single - state.singleLeft[li],
      pooledCapacity: l.pooled,
      singleCapacity: l.single,
    })),
    teams: teams.map((t, ti) => ({ teamId: t.id, households: t.capacity - state.teamLeft[ti], capacity: t.capacity })),
    whatIf: alternatives(sizes, communes, input),
  };
}

/** Each team's households hamlet by hamlet (the hamlets in code order), in priority order within a hamlet. */
function routeOrder(planned: { at: number; item: PlanItem }[]): PlanItem[] {
  return planned.sort((a, b) => cmp(a.item.teamId, b.item.teamId) || cmp(a.item.hamlet ?? '', b.item.hamlet ?? '') || a.at - b.at).map((x) => x.item);
}

/** The lab load of every candidate (by commune and size) as planned, at the legal maximum pool size, and with rapid antigen tests. */
function alternatives(
  sizes: readonly (SupplyGroup & { members: number })[],
  communes: ReadonlyMap<string, PlanCommune>,
  input: PlanInput,
): PlanResult['whatIf'] {
  const total = (f: (c: PlanCommune, members: number, load: Load) => Load): Load => {
    let sum: Load = { pooled: 0, single: 0 };
    for (const s of sizes) {
      const l = f(communes.get(s.commune)!, s.members, s.load);
      sum = addLoad(sum, { pooled: l.pooled * s.count, single: l.single * s.count });
    }
    return sum;
  };
  return {
    current: total((_, __, load) => load),
    maxPoolSize: {
      k: input.maxPoolSize,
      load: total((c, m) => householdLoad(m, 'rt_pcr_pooled', input.maxPoolSize, c.prevalence, input.accuracy)),
    },
    antigen: total((c, m) => householdLoad(m, 'rapid_antigen', 1, c.prevalence, input.accuracy)),
  };
}
