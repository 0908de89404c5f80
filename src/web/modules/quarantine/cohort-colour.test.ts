import { describe, expect, it } from 'vitest';
import { cohortColour } from './cohort-colour';

describe('cohortColour', () => {
  it('gives a cohort the same colour every time, and cohorts of other days mostly other colours', () => {
    expect(cohortColour({ cls: 'F1', from: '2021-09-07' })).toBe(cohortColour({ cls: 'F1', from: '2021-09-07' }));
    const days = Array.from({ length: 10 }, (_, i) => cohortColour({ cls: 'F1', from: `2021-09-${String(i + 1).padStart(2, '0')}` }));
    expect(new Set(days).size).toBeGreaterThan(4);
  });
});
