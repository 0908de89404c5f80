import { describe, expect, it } from 'vitest';
import { RULE_SET_KINDS } from './rule-sets/kinds';
import { assessUnit, isRiskRegimeKind, levelsOf, RISK_REGIMES } from './risk-assessment';
import { anInput as input, regimeA, regimeB, seeded } from './risk-regimes/builders';

describe('risk regimes', () => {
  it('knows the two 2021 regimes and nothing else', () => {
    expect(Object.keys(RISK_REGIMES)).toEqual(['risk_level_2686', 'risk_level_4800']);
    expect(isRiskRegimeKind('risk_level_2686')).toBe(true);
    expect(isRiskRegimeKind('risk_level_4800')).toBe(true);
    expect(isRiskRegimeKind('quarantine')).toBe(false);
    expect(isRiskRegimeKind('toString')).toBe(false);
  });

  it('throws on a kind that is not a risk regime, and on a payload that does not fit the kind', () => {
    expect(() => assessUnit('quarantine', seeded('quarantine'), input())).toThrow('not a risk regime: "quarantine"');
    expect(() => assessUnit('risk_level_218', {}, input())).toThrow('not a risk regime');
    expect(() => levelsOf('nope', {})).toThrow('not a risk regime');
    expect(() => assessUnit('risk_level_4800', { ...regimeB, matrix: [] }, input())).toThrow();
  });

  it('lists the levels lowest rank first, with hex colours and both names', () => {
    expect(levelsOf('risk_level_2686', seeded('risk_level_2686'))).toEqual([
      { code: 'NEW_NORMAL', rank: 1, nameVi: 'Bình thường mới', nameEn: 'New normal', colour: '#389e0d' },
      { code: 'RISK', rank: 2, nameVi: 'Nguy cơ', nameEn: 'At risk', colour: '#d4b106' },
      { code: 'HIGH', rank: 3, nameVi: 'Nguy cơ cao', nameEn: 'High risk', colour: '#d46b08' },
      { code: 'VERY_HIGH', rank: 4, nameVi: 'Nguy cơ rất cao', nameEn: 'Very high risk', colour: '#cf1322' },
    ]);
    expect(levelsOf('risk_level_4800', seeded('risk_level_4800')).map((l) => [l.code, l.rank, l.nameVi, l.colour])).toEqual([
      ['1', 1, 'Nguy cơ thấp (bình thường mới)', '#389e0d'],
      ['2', 2, 'Nguy cơ trung bình', '#d4b106'],
      ['3', 3, 'Nguy cơ cao', '#d46b08'],
      ['4', 4, 'Nguy cơ rất cao', '#cf1322'],
    ]);
  });

  it('reads a stored 2686 payload without the district HIGH thresholds with their defaults', () => {
    const { districtHighShareOfHighCommunes, districtHighShareOfRiskCommunes, districtHighIfAnyVeryHigh, ...stored } = regimeA;
    expect([districtHighShareOfHighCommunes, districtHighShareOfRiskCommunes, districtHighIfAnyVeryHigh]).toEqual([0.3, 0.5, true]);
    expect(RULE_SET_KINDS.risk_level_2686.parse(stored)).toEqual(regimeA);
  });
});
