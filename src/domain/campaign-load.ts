import type { PoolAccuracy } from './pooling';
import { splitPool } from './testing';

/** A household's expected lab load: PCR runs of its pools, and the individual retests (or confirmations) they imply. */
export interface Load {
  pooled: number;
  single: number;
}

export type Method = 'rt_pcr_pooled' | 'rapid_antigen';

/**
 * The expected lab load of a household of `members` persons, by Dorfman's two-stage scheme: its pools of at most `k`
 * (split as the testing module splits them, a one-person tube included) each take one run, and each member of a
 * positive pool is re-collected for one individual run; a pool is positive with probability Se·(1 − (1 − p)^n) + (1 − Sp)·(1 − p)^n. Rapid antigen tests
 * are read on the spot: the lab only confirms the positives by RT-PCR.
 * @example householdLoad(4, 'rt_pcr_pooled', 10, 0.01, { sensitivity: 1, specificity: 1 }) // { pooled: 1, single: 0.1576 }
 */
export function householdLoad(members: number, method: Method, k: number, p: number, acc: PoolAccuracy): Load {
  if (members <= 0) return { pooled: 0, single: 0 };
  const positive = (n: number) => acc.sensitivity * (1 - (1 - p) ** n) + (1 - acc.specificity) * (1 - p) ** n;
  if (method === 'rapid_antigen') return { pooled: 0, single: members * positive(1) };
  const sizes = splitPool(
    Array.from({ length: members }, (_, i) => i),
    k,
  ).map((g) => g.length);
  return { pooled: sizes.length, single: sizes.reduce((s, n) => s + n * positive(n), 0) };
}

/** `a` + `b` */
export const addLoad = (a: Load, b: Load): Load => ({ pooled: a.pooled + b.pooled, single: a.single + b.single });
