import { describe, expect, it } from 'vitest';
import { classify, type CaseNode, type ExposureEdge, type ClassificationRules } from './exposure-class';

const rules: ClassificationRules = {
  version: 1,
  infectiousDaysBefore: 2,
  qualifyingContactTypes: ['physical', 'masked_15min', 'unmasked', 'care_no_ppe'],
  maxGeneration: 2,
};
const at = (day: number, hour = 10) => new Date(Date.UTC(2021, 8, day, hour)).toISOString();
let n = 0;
const edge = (sourceId: string, exposedId: string, day: number, contactType = 'unmasked'): ExposureEdge => ({
  id: `e${String(++n).padStart(3, '0')}`,
  sourceId,
  exposedId,
  startAt: at(day),
  endAt: at(day, 11),
  contactType,
});
const kase = (personId: string, onsetDay: number, isolatedDay: number | null = null): CaseNode => ({
  personId,
  onsetAt: at(onsetDay),
  isolatedAt: isolatedDay ? at(isolatedDay) : null,
});
const classes = (m: ReturnType<typeof classify>) => Object.fromEntries([...m].map(([id, c]) => [id, c.class]));

describe('F0/F1/F2 classification', () => {
  it('derives F1 and F2 over two generations, and no further', () => {
    const m = classify([kase('A', 10)], [edge('A', 'B', 9), edge('B', 'C', 10), edge('C', 'D', 11)], rules);
    expect(classes(m)).toEqual({ A: 'F0', B: 'F1', C: 'F2' });
    expect(m.get('C')).toMatchObject({ rootCaseId: 'A', generation: 2 });
  });

  it('promotes: when an F1 becomes F0, its F2 contacts become F1 and theirs F2', () => {
    const exposures = [edge('A', 'B', 9), edge('B', 'C', 10), edge('C', 'D', 11)];
    const after = classify([kase('A', 10), kase('B', 11)], exposures, rules);
    expect(classes(after)).toEqual({ A: 'F0', B: 'F0', C: 'F1', D: 'F2' });
    expect(after.get('C')?.rootCaseId).toBe('B');
  });

  it('rolls back when a case is withdrawn (false positive)', () => {
    const exposures = [edge('A', 'B', 9), edge('B', 'C', 10)];
    expect(classes(classify([kase('B', 11)], exposures, rules))).toEqual({ B: 'F0', C: 'F1' });
    expect(classes(classify([], exposures, rules))).toEqual({});
  });

  it('respects the infectious window: from 2 days before onset until isolation', () => {
    const exposures = [edge('A', 'early', 7), edge('A', 'edge', 8), edge('A', 'during', 12), edge('A', 'after', 16)];
    expect(classes(classify([kase('A', 10, 15)], exposures, rules))).toEqual({ A: 'F0', edge: 'F1', during: 'F1' });
  });

  it('an F1 cannot pass it on before its own exposure', () => {
    const m = classify([kase('A', 10)], [edge('A', 'B', 12), edge('B', 'C', 11), edge('B', 'D', 13)], rules);
    expect(classes(m)).toEqual({ A: 'F0', B: 'F1', D: 'F2' });
  });

  it('keeps the lowest class when paths disagree, and ignores non-qualifying contact and self-exposure', () => {
    const m = classify(
      [kase('A', 10)],
      [edge('A', 'B', 10), edge('B', 'C', 11), edge('A', 'C', 12), edge('A', 'E', 10, 'same_building'), edge('A', 'A', 10)],
      rules,
    );
    expect(classes(m)).toEqual({ A: 'F0', B: 'F1', C: 'F1' });
  });

  it('follows the rule set: one generation only when maxGeneration is 1', () => {
    expect(classes(classify([kase('A', 10)], [edge('A', 'B', 9), edge('B', 'C', 10)], { ...rules, maxGeneration: 1 }))).toEqual({ A: 'F0', B: 'F1' });
  });

  it('is deterministic: the earliest exposure gives the path', () => {
    const m = classify([kase('A', 10), kase('X', 10)], [edge('X', 'B', 11), edge('A', 'B', 9)], rules);
    expect(m.get('B')).toMatchObject({ class: 'F1', rootCaseId: 'A' });
  });
});
