import { describe, expect, it } from 'vitest';
import { assessUnit, type AssessInput, type UnitFigures } from '../risk-assessment';
import { aUnit, anInput, reasonCodes, reasonsVi, regimeB } from './builders';

/** A unit of 100,000 people: `cases` community cases in 7 days are also its incidence per 100,000. */
const assess = (over: Partial<UnitFigures>, extra: Partial<AssessInput> = {}) =>
  assessUnit('risk_level_4800', regimeB, anInput({ figures: aUnit({ totalCases7d: over.communityCases7d ?? 0, ...over }), ...extra }));
const reason = (a: ReturnType<typeof assess>, code: string) => a.reasons.find((r) => r.code === code);

describe('regime B (NQ 128 / QĐ 4800): incidence band and level matrix', () => {
  it.each([
    [0, 1, 'mức 1: <20'],
    [19.99, 1, 'mức 1: <20'],
    [20, 2, 'mức 2: 20–<50'],
    [49.99, 2, 'mức 2: 20–<50'],
    [50, 3, 'mức 3: 50–<150'],
    [150, 4, 'mức 4: ≥150'],
  ])('%s cases per 100,000 in 7 days is band %i', (incidence, band, text) => {
    const a = assessUnit('risk_level_4800', regimeB, anInput({ figures: aUnit({ population: 100_000_000, communityCases7d: incidence * 1000 }) }));
    expect(a.reasons[0].vi).toContain(`(${text})`);
    expect(a.code).toBe(String(regimeB.matrix[band - 1][0]));
  });

  it('names the incidence, the coverage and the capacity, and reads the matrix column for coverage not met', () => {
    const a = assess({ communityCases7d: 62, adultFirstDoseCoverage: 0.54 });
    expect(a).toMatchObject({ code: '3', rank: 3, missing: [] });
    expect(reasonsVi(a)).toEqual([
      '62 ca cộng đồng/100.000 dân trong 7 ngày (mức 3: 50–<150)',
      '54% người ≥18 tuổi đã tiêm ≥1 mũi (chưa đạt ngưỡng 70%)',
      'Đạt tiêu chí khả năng thu dung, điều trị',
      'Ma trận cấp độ: mức 3, chưa đạt tiêu chí 2 → cấp 3',
      '90% người ≥50 tuổi tiêm đủ liều (đạt ngưỡng 80%)',
    ]);
    expect(a.reasons[0].en).toBe('62 community cases per 100,000 in 7 days (band 3: 50–<150)');
    expect(a.reasons[1].en).toBe('54% of people ≥18 have ≥1 dose (threshold 70% not met)');
  });

  it('counts coverage exactly at the cut as met', () => {
    expect(assess({ communityCases7d: 62, adultFirstDoseCoverage: 0.7 }).code).toBe('2');
    expect(assess({ communityCases7d: 62, adultFirstDoseCoverage: 0.699 }).code).toBe('3');
  });

  it('uses the capacity-not-met column whatever the coverage', () => {
    expect(assess({ communityCases7d: 62, capacityMet: false }).code).toBe('4');
    expect(assess({ communityCases7d: 5, capacityMet: false, adultFirstDoseCoverage: 0.2 }).code).toBe('2');
    expect(reason(assess({ communityCases7d: 5, capacityMet: false }), 'capacity')?.vi).toBe('Chưa đạt tiêu chí khả năng thu dung, điều trị');
  });

  it('assesses a district from its own figures, not from its communes', () => {
    const a = assess({ population: 1_000_000, communityCases7d: 620 }, { tier: 'district', children: [{ unitCode: 'c1', code: '4' }] });
    expect(a.code).toBe('2');
  });

  it('counts the incidence as 0 without a population, and says so', () => {
    const a = assess({ population: 0, communityCases7d: 12 });
    expect(a.code).toBe('1');
    expect(reasonCodes(a).slice(0, 2)).toEqual(['population_zero', 'incidence']);
    expect(a.reasons[1].vi).toBe('0 ca cộng đồng/100.000 dân trong 7 ngày (mức 1: <20)');
  });
});

describe('regime B: inputs not entered', () => {
  it('treats coverage not entered as not met and lists it', () => {
    const a = assess({ communityCases7d: 30, adultFirstDoseCoverage: null });
    expect(a).toMatchObject({ code: '2', missing: ['adultFirstDoseCoverage'] });
    expect(reason(a, 'coverage_missing')?.vi).toBe('Chưa nhập tỷ lệ người ≥18 tuổi đã tiêm ≥1 mũi: coi như chưa đạt (ngưỡng 70%)');
  });

  it('treats capacity not entered as met, lists it and says so', () => {
    const a = assess({ communityCases7d: 30, capacityMet: null });
    expect(a).toMatchObject({ code: '1', missing: ['capacityMet'] });
    expect(reason(a, 'capacity_missing')).toEqual({
      code: 'capacity_missing',
      vi: 'Chưa nhập khả năng thu dung, điều trị: coi như đạt',
      en: 'Treatment capacity not entered: treated as met',
    });
  });

  it('does not raise without the ≥50 coverage, and lists every missing input in order', () => {
    const a = assess({ communityCases7d: 62, adultFirstDoseCoverage: null, over50FullCoverage: null, capacityMet: null });
    expect(a).toMatchObject({ code: '3', missing: ['adultFirstDoseCoverage', 'over50FullCoverage', 'capacityMet'] });
    expect(reasonCodes(a)).toContain('over50_missing');
    expect(reasonCodes(a)).not.toContain('over50_raise');
  });
});

describe('regime B: people ≥50 fully vaccinated below the cut', () => {
  it('raises the level by one', () => {
    const a = assess({ communityCases7d: 62, over50FullCoverage: 0.62 });
    expect(a).toMatchObject({ code: '3', rank: 3 });
    expect(reason(a, 'over50_raise')).toEqual({
      code: 'over50_raise',
      vi: 'Nâng 1 cấp: 62% người ≥50 tuổi tiêm đủ liều (dưới 80%)',
      en: 'Raised one level: 62% of people ≥50 fully vaccinated (below 80%)',
    });
  });

  it('does not raise at exactly the cut', () => {
    expect(assess({ communityCases7d: 62, over50FullCoverage: 0.8 }).code).toBe('2');
  });

  it('does not raise a unit already at level 4', () => {
    const a = assess({ communityCases7d: 200, adultFirstDoseCoverage: 0.5, over50FullCoverage: 0.5 });
    expect(a.code).toBe('4');
    expect(reason(a, 'over50_at_top')?.vi).toBe('50% người ≥50 tuổi tiêm đủ liều (dưới 80%): không nâng, đã ở cấp 4');
  });

  it('does not raise a unit with no cases in 7 days, but does when its cases were all in quarantine', () => {
    const none = assess({ over50FullCoverage: 0.5 });
    expect(none.code).toBe('1');
    expect(reason(none, 'over50_no_cases')?.vi).toBe('50% người ≥50 tuổi tiêm đủ liều (dưới 80%): không nâng, không có ca mắc trong 7 ngày');
    expect(assess({ over50FullCoverage: 0.5, totalCases7d: 3 }).code).toBe('2');
  });
});

describe('regime B: a level is not lowered while criteria 2 and 3 are unmet', () => {
  const was = (code: string) => ({ previous: { code } });

  it('keeps the previous level when coverage is not met', () => {
    const a = assess({ communityCases7d: 5, adultFirstDoseCoverage: 0.5 }, was('3'));
    expect(a).toMatchObject({ code: '3', rank: 3 });
    expect(a.reasons.at(-1)).toEqual({ code: 'kept', vi: 'Giữ cấp 3: chưa đạt tiêu chí 2', en: 'Kept at level 3: criterion 2 not met' });
  });

  it('keeps it when capacity is not met, naming both criteria when both are unmet', () => {
    expect(assess({ communityCases7d: 5, capacityMet: false }, was('4')).reasons.at(-1)?.vi).toBe('Giữ cấp 4: chưa đạt tiêu chí 3');
    const both = assess({ communityCases7d: 5, capacityMet: false, adultFirstDoseCoverage: 0.1 }, was('4'));
    expect(both.code).toBe('4');
    expect(both.reasons.at(-1)).toMatchObject({ vi: 'Giữ cấp 4: chưa đạt tiêu chí 2, 3', en: 'Kept at level 4: criteria 2, 3 not met' });
  });

  it('keeps it when coverage is not entered (counted as not met)', () => {
    expect(assess({ communityCases7d: 5, adultFirstDoseCoverage: null }, was('3')).code).toBe('3');
  });

  it('lowers it once criteria 2 and 3 are met', () => {
    const a = assess({ communityCases7d: 5 }, was('3'));
    expect(a.code).toBe('1');
    expect(reasonCodes(a)).not.toContain('kept');
  });

  it('raises above a lower previous level as the figures say', () => {
    expect(assess({ communityCases7d: 62, adultFirstDoseCoverage: 0.5 }, was('1')).code).toBe('3');
  });

  it('ignores a previous level of another regime', () => {
    expect(assess({ communityCases7d: 5, adultFirstDoseCoverage: 0.5 }, was('VERY_HIGH')).code).toBe('1');
  });
});
