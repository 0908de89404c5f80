import { describe, expect, it } from 'vitest';
import { dorfmanTestsPerPerson, estimatePrevalence, optimalPoolSize, prevalenceFromPools } from './pooling';

const perfect = { sensitivity: 1, specificity: 1 };

describe('Dorfman pooling', () => {
  it('matches hand-computed expected tests per person', () => {
    // 1/10 + 1 − 0.99^10 = 0.1 + 0.095618 = 0.195618
    expect(dorfmanTestsPerPerson(10, 0.01, perfect)).toBeCloseTo(0.195618, 6);
    // 1/5 + 1 − 0.95^5 = 0.2 + 0.226219 = 0.426219
    expect(dorfmanTestsPerPerson(5, 0.05, perfect)).toBeCloseTo(0.426219, 6);
    // Se 0.95, Sp 0.99, k 4, p 0.02: 0.25 + 0.95·(1 − 0.98^4) + 0.01·0.98^4 = 0.25 + 0.073750 + 0.009224 = 0.332974
    expect(dorfmanTestsPerPerson(4, 0.02, { sensitivity: 0.95, specificity: 0.99 })).toBeCloseTo(0.332974, 5);
    expect(dorfmanTestsPerPerson(1, 0.2, perfect)).toBe(1);
  });

  it('finds the optimum under the legal maximum, and switches to individual testing above p ≈ 0.31', () => {
    expect(optimalPoolSize(0.01, perfect, 20)).toMatchObject({ k: 11 });
    expect(optimalPoolSize(0.01, perfect, 10)).toMatchObject({ k: 10 });
    expect(optimalPoolSize(0.05, perfect, 10)).toMatchObject({ k: 5 });
    expect(optimalPoolSize(0.1, perfect, 10)).toMatchObject({ k: 4 });
    // k = 3 costs 1/3 + 1 − (1 − p)^3: below 1 while (1 − p)^3 > 1/3, i.e. p < 1 − 3^(−1/3) = 0.3066
    expect(optimalPoolSize(0.3, perfect, 10).k).toBe(3);
    expect(optimalPoolSize(0.31, perfect, 10)).toEqual({ k: 1, testsPerPerson: 1, saving: 0 });
    expect(optimalPoolSize(0.01, perfect, 10).saving).toBeCloseTo(0.804382, 6);
  });

  it('estimates prevalence with a floor', () => {
    expect(estimatePrevalence(0, 500, 0.001)).toBe(0.001);
    expect(estimatePrevalence(10, 500, 0.001)).toBe(0.02);
    expect(estimatePrevalence(0, 0, 0.001)).toBe(0.001);
    // pools of 5, 10 % positive: 1 − 0.9^(1/5) = 0.020852
    expect(prevalenceFromPools({ positive: 10, negative: 90, persons: 500, samples: 100 }, 0.001)).toBeCloseTo(0.020852, 6);
    expect(prevalenceFromPools({ positive: 0, negative: 0, persons: 0, samples: 0 }, 0.001)).toBe(0.001);
  });
});
