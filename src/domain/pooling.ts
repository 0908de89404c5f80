/**
 * Pool sizing by Dorfman's two-stage scheme (Dorfman 1943): each pool of k is tested once; every member of a pool that
 * tests positive is tested again alone. With prevalence p, sensitivity Se and specificity Sp, a pool tests positive with
 * probability Se·(1 − (1 − p)^k) + (1 − Sp)·(1 − p)^k, so the expected tests per person are 1/k + that probability.
 * k = 1 is individual testing: one test per person.
 */
export interface PoolAccuracy {
  sensitivity: number;
  specificity: number;
}

/** Expected tests per person with pools of `k` at prevalence `p`. */
export function dorfmanTestsPerPerson(k: number, p: number, acc: PoolAccuracy): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  if (k === 1) return 1;
  const allNegative = (1 - p) ** k;
  return 1 / k + acc.sensitivity * (1 - allNegative) + (1 - acc.specificity) * allNegative;
}

export interface PoolChoice {
  k: number;
  testsPerPerson: number;
  /** Share of the tests saved against testing everyone alone (0 when individual testing is best). */
  saving: number;
}

/**
 * The pool size up to `maxK` (the legal maximum in force) with the fewest expected tests per person; on a tie the
 * smaller pool (fewer people re-collected). Individual testing (k = 1) wins above p ≈ 0.31 with a perfect test.
 * @example optimalPoolSize(0.01, { sensitivity: 1, specificity: 1 }, 10) // { k: 10, testsPerPerson: 0.1956, saving: 0.8044 }
 */
export function optimalPoolSize(p: number, acc: PoolAccuracy, maxK: number): PoolChoice {
  let best = { k: 1, testsPerPerson: 1 };
  for (let k = 2; k <= maxK; k++) {
    const e = dorfmanTestsPerPerson(k, p, acc);
    if (e < best.testsPerPerson - 1e-12) best = { k, testsPerPerson: e };
  }
  return { ...best, saving: 1 - best.testsPerPerson };
}

/** A commune's prevalence from its recent results: positive persons over persons tested, never below `floor`. */
export function estimatePrevalence(positive: number, tested: number, floor: number): number {
  return tested > 0 ? Math.max(floor, positive / tested) : floor;
}

/**
 * A commune's prevalence per person from its pooled results: pool positivity π over pools of k̄ persons on average
 * (persons ÷ tubes) means 1 − (1 − π)^(1/k̄) per person (perfect test), never below `floor`.
 * @example prevalenceFromPools({ positive: 10, negative: 90, persons: 500, samples: 100 }, 0.001) // 0.0209
 */
export function prevalenceFromPools(r: { positive: number; negative: number; persons: number; samples: number }, floor: number): number {
  const resulted = r.positive + r.negative;
  if (!resulted || !r.samples || !r.persons) return floor;
  const perPool = r.persons / r.samples;
  return Math.max(floor, 1 - (1 - r.positive / resulted) ** (1 / perPool));
}
