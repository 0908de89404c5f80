import { solve, type Constraint, type Coefficients } from 'yalps';
import type { Load } from './campaign-load';

/** How many of a commune's households the bound's solution sends to a lab, keyed `commune|lab`. */
export type BoundShares = Record<string, number>;

interface BoundHousehold {
  commune: string;
  district: string;
  load: Load;
}

/**
 * An upper bound on the households a plan can cover (docs/campaign-planner.md): the linear relaxation of the
 * commune → lab transport problem. x(c, l) households of commune c go to lab l (only a lab serving c's district);
 * Σ_l x(c, l) ≤ min(candidates of c, team capacity of c); for each lab Σ_c x(c, l)·m(c) ≤ capacity, for pooled and
 * individual runs, where m(c) is the smallest load of any candidate of c. Every feasible plan is a solution of this
 * relaxation (its households weigh at least m(c)), so the optimum bounds every plan, the greedy one included.
 */
export function planBound(
  households: readonly BoundHousehold[],
  teams: readonly { commune: string; capacity: number }[],
  labs: readonly { id: string; pooled: number; single: number; districts: string[] | null }[],
): { bound: number; shares: BoundShares } {
  const communes = new Map<string, { district: string; n: number; min: Load; free: number }>();
  for (const h of households) {
    const c = communes.get(h.commune);
    const free = h.load.pooled === 0 && h.load.single === 0 ? 1 : 0;
    if (!c) communes.set(h.commune, { district: h.district, n: 1, min: { ...h.load }, free });
    else {
      c.n++;
      c.free += free;
      c.min.pooled = Math.min(c.min.pooled, h.load.pooled);
      c.min.single = Math.min(c.min.single, h.load.single);
    }
  }
  const capacity = new Map<string, number>();
  for (const t of teams) capacity.set(t.commune, (capacity.get(t.commune) ?? 0) + Math.max(0, t.capacity));

  const constraints = new Map<string, Constraint>();
  const variables = new Map<string, Coefficients>();
  for (const l of labs) {
    constraints.set(`p:${l.id}`, { max: l.pooled });
    constraints.set(`s:${l.id}`, { max: l.single });
  }
  for (const [code, c] of [...communes].sort(([a], [b]) => a.localeCompare(b))) {
    const cap = Math.min(c.n, capacity.get(code) ?? 0);
    if (cap <= 0) continue;
    constraints.set(`c:${code}`, { max: cap });
    // households with no lab load (none in practice: every test has expected confirmations) need no lab
    if (c.free) variables.set(`${code}|`, { covered: 1, [`c:${code}`]: 1, [`f:${code}`]: 1 });
    if (c.free) constraints.set(`f:${code}`, { max: c.free });
    for (const l of labs) {
      if (l.districts && !l.districts.includes(c.district)) continue;
      variables.set(`${code}|${l.id}`, { covered: 1, [`c:${code}`]: 1, [`p:${l.id}`]: c.min.pooled, [`s:${l.id}`]: c.min.single });
    }
  }
  if (!variables.size) return { bound: 0, shares: {} };
  const r = solve({ direction: 'maximize', objective: 'covered', constraints, variables });
  if (r.status !== 'optimal') throw new Error(`campaign bound: the relaxation is ${r.status}`);
  return { bound: r.result, shares: Object.fromEntries(r.variables.filter(([k]) => !k.endsWith('|'))) };
}
