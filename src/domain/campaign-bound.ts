import { solve, type Constraint, type Coefficients } from 'yalps';
import type { Load } from './campaign-load';

/** How many of a commune's households the allocation sends to a lab, keyed `commune|lab`. */
export type BoundShares = Record<string, number>;

/** Households of one commune that weigh the same on a lab (`count` of them, each of `load`), of a priority rank. */
export interface SupplyGroup {
  commune: string;
  district: string;
  count: number;
  load: Load;
  /** 0 first (lockdown), larger later; only the allocation reads it */
  rank: number;
}

export interface BoundLab {
  id: string;
  pooled: number;
  single: number;
  districts: string[] | null;
}

const isFree = (l: Load) => l.pooled === 0 && l.single === 0;

/**
 * A household of a rank weighs this many times one of the next rank in the allocation's objective: more than the
 * ratio of any two households' lab loads, so no number of lighter later households displaces an earlier one.
 */
const WEIGHT = 1e4;

/**
 * The commune → lab transport program over supply groups (docs/campaign-planner.md): x(g, l) households of group g go
 * to lab l (only a lab serving g's district; none for a group without lab load); Σ_l x(g, l) ≤ count of g; for each
 * commune Σ x ≤ its team capacity; for each lab Σ x(g, l)·load(g) ≤ capacity, for pooled and individual runs.
 * Solved by the simplex method (yalps) for each rank in turn: the households of ranks ≤ r are maximised while every
 * earlier rank keeps its optimum (lexicographic), so later ranks never take capacity an earlier one could use.
 */
function transport(
  groups: readonly SupplyGroup[],
  teamCapacity: ReadonlyMap<string, number>,
  labs: readonly BoundLab[],
  ranks: number,
): { value: number; x: [group: number, lab: string | null, households: number][] } {
  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Coefficients>();
  for (const l of labs) {
    constraints.set(`p:${l.id}`, { max: l.pooled });
    constraints.set(`s:${l.id}`, { max: l.single });
  }
  const supply = new Map<string, number>();
  for (const g of groups) supply.set(g.commune, (supply.get(g.commune) ?? 0) + g.count);
  for (const [code, n] of [...supply].sort(([a], [b]) => (a < b ? -1 : 1))) constraints.set(`c:${code}`, { max: Math.min(n, teamCapacity.get(code) ?? 0) });
  groups.forEach((g, i) => {
    if (g.count <= 0 || !(teamCapacity.get(g.commune) ?? 0)) return;
    constraints.set(`g:${i}`, { max: g.count });
    const common: Record<string, number> = { [`c:${g.commune}`]: 1, [`g:${i}`]: 1 };
    common.weighted = WEIGHT ** (ranks - 1 - g.rank);
    common.covered = 1;
    if (isFree(g.load)) variables.set(`${i}|`, common);
    else
      for (const l of labs)
        if (!l.districts || l.districts.includes(g.district))
          variables.set(`${i}|${l.id}`, { ...common, [`p:${l.id}`]: g.load.pooled, [`s:${l.id}`]: g.load.single });
  });
  if (!variables.size) return { value: 0, x: [] };
  const result = solve({ direction: 'maximize', objective: ranks > 1 ? 'weighted' : 'covered', constraints, variables });
  if (result.status !== 'optimal') throw new Error(`campaign transport program: ${result.status}`);
  const x = result.variables.map(([k, v]): [number, string | null, number] => {
    const [g, lab] = String(k).split('|');
    return [Number(g), lab || null, v];
  });
  return { value: ranks > 1 ? x.reduce((n, [, , v]) => n + v, 0) : result.result, x };
}
/**
 * An upper bound on the households any plan can cover: the linear relaxation of the assignment of households to labs,
 * with the households grouped by commune and size (households of a commune and size weigh the same). Every feasible
 * plan is a solution of it — hamlet restrictions of teams and priority are relaxed away — so its optimum bounds every
 * plan, the planner's included.
 */
export function planBound(groups: readonly SupplyGroup[], teamCapacity: ReadonlyMap<string, number>, labs: readonly BoundLab[]): number {
  return transport(
    groups.map((g) => ({ ...g, rank: 0 })),
    teamCapacity,
    labs,
    1,
  ).value;
}

/**
 * The households of each commune to send to each lab: the transport program over the communes' candidates by
 * priority (each group at its mean load), lexicographic in priority — as many lockdown households as the labs can
 * take, then as many overdue, then due. The plan follows these shares before it fills what is left in priority order.
 */
export function allocate(groups: readonly SupplyGroup[], teamCapacity: ReadonlyMap<string, number>, labs: readonly BoundLab[]): BoundShares {
  const ranks = groups.reduce((m, g) => Math.max(m, g.rank + 1), 0);
  const shares: BoundShares = {};
  for (const [g, lab, n] of transport(groups, teamCapacity, labs, ranks).x) {
    if (!lab || n <= 0) continue;
    const key = `${groups[g].commune}|${lab}`;
    shares[key] = (shares[key] ?? 0) + n;
  }
  return shares;
}
