import { describe, expect, it } from 'vitest';
import { assessUnit, type UnitFigures, type UnitTier } from '../risk-assessment';
import { aUnit, anInput, children, reasonCodes, reasonsVi, regimeA } from './builders';

describe('regime A (QĐ 2686): commune', () => {
  const commune = (over: Partial<UnitFigures>) => assessUnit('risk_level_2686', regimeA, anInput({ figures: aUnit(over) }));

  it('is VERY_HIGH with a case of unknown source, naming the count', () => {
    const a = commune({ communityCases14d: 2, unknownSourceCases14d: 2, daysSinceCommunityCase: 1 });
    expect(a).toEqual({
      code: 'VERY_HIGH',
      rank: 4,
      reasons: [{ code: 'unknown_source', vi: '2 ca F0 chưa rõ nguồn lây trong 14 ngày', en: '2 cases with an unknown source in 14 days' }],
      missing: [],
    });
  });

  it('is VERY_HIGH with a known-source case in a high-contact place, and gives both factors when both hold', () => {
    expect(commune({ communityCases14d: 1, highContactCases14d: 1 })).toMatchObject({ code: 'VERY_HIGH', reasons: [{ code: 'high_contact' }] });
    expect(reasonsVi(commune({ communityCases14d: 3, unknownSourceCases14d: 1, highContactCases14d: 1 }))).toEqual([
      '1 ca F0 chưa rõ nguồn lây trong 14 ngày',
      '1 ca F0 ở nơi tiếp xúc đông người (trường học, bệnh viện, chợ…) trong 14 ngày',
    ]);
  });

  it('is HIGH when known-source community cases exceed the rate per 100,000 in 14 days', () => {
    const a = commune({ population: 80_000, communityCases14d: 2, daysSinceCommunityCase: 3 });
    expect(a.code).toBe('HIGH');
    expect(a.rank).toBe(3);
    expect(a.reasons).toEqual([
      {
        code: 'incidence_above',
        vi: '2 ca F0 cộng đồng đã rõ nguồn lây trong 14 ngày: 2,5/100.000 dân (ngưỡng nguy cơ cao: trên 1)',
        en: '2 community cases with a known source in 14 days: 2.5 per 100,000 (high-risk threshold: above 1)',
      },
    ]);
  });

  it('is RISK, not HIGH, when the rate is exactly at the threshold', () => {
    const a = commune({ communityCases14d: 1, daysSinceCommunityCase: 2 });
    expect(a.code).toBe('RISK');
    expect(reasonsVi(a)).toEqual(['1 ca F0 cộng đồng đã rõ nguồn lây trong 14 ngày: 1/100.000 dân (không vượt ngưỡng 1)']);
  });

  it('is RISK when cases were found only in quarantine or lockdown', () => {
    const a = commune({ containedCases14d: 4, totalCases7d: 4, daysSinceCommunityCase: 30 });
    expect(a).toMatchObject({ code: 'RISK', rank: 2 });
    expect(reasonsVi(a)).toEqual(['4 ca F0 phát hiện trong khu cách ly, vùng phong tỏa hoặc khi cách ly tại nhà trong 14 ngày']);
  });

  it('is RISK until the days without a community case reach the rule set’s count, then NEW_NORMAL', () => {
    const recent = commune({ daysSinceCommunityCase: 13 });
    expect(recent.code).toBe('RISK');
    expect(recent.reasons[0].vi).toBe('Ca F0 cộng đồng gần nhất cách đây 13 ngày (chưa đủ 14 ngày)');
    const green = commune({ daysSinceCommunityCase: 14 });
    expect(green).toMatchObject({ code: 'NEW_NORMAL', rank: 1 });
    expect(green.reasons[0].vi).toBe('Không có ca F0 cộng đồng trong 14 ngày (ngưỡng 14 ngày)');
  });

  it('is NEW_NORMAL when no community case was ever recorded', () => {
    expect(commune({})).toEqual({
      code: 'NEW_NORMAL',
      rank: 1,
      reasons: [{ code: 'no_community_case', vi: 'Chưa ghi nhận ca F0 cộng đồng', en: 'No community case recorded' }],
      missing: [],
    });
  });

  it('counts the rate as 0 without a population, and says so', () => {
    const a = commune({ population: 0, communityCases14d: 5, daysSinceCommunityCase: 0 });
    expect(a.code).toBe('RISK');
    expect(reasonCodes(a)).toEqual(['population_zero', 'incidence_below']);
  });
});

describe('regime A (QĐ 2686): district and province from their children', () => {
  const rollUp = (spec: Record<string, number>, tier: UnitTier = 'district', payload: unknown = regimeA) =>
    assessUnit('risk_level_2686', payload, anInput({ tier, children: children(spec) }));

  it.each([
    [3, 10],
    [6, 20],
    [9, 30],
    [21, 70],
  ])('is VERY_HIGH with %i of %i communes VERY_HIGH (exactly 30 per cent)', (vh, total) => {
    expect(rollUp({ VERY_HIGH: vh, NEW_NORMAL: total - vh }).code).toBe('VERY_HIGH');
  });

  it('names the share: "3/10 xã (30%) ở mức nguy cơ rất cao"', () => {
    expect(rollUp({ VERY_HIGH: 3, NEW_NORMAL: 7 }).reasons).toEqual([
      {
        code: 'share_very_high',
        vi: '3/10 xã (30%) ở mức nguy cơ rất cao (ngưỡng từ 30%)',
        en: '3/10 communes (30%) at very high risk (threshold 30% or more)',
      },
    ]);
  });

  it('is HIGH, not VERY_HIGH, just below 30% VERY_HIGH, because one commune is VERY_HIGH', () => {
    const a = rollUp({ VERY_HIGH: 29, NEW_NORMAL: 71 });
    expect(a.code).toBe('HIGH');
    expect(a.reasons).toEqual([{ code: 'any_very_high', vi: '29/100 xã ở mức nguy cơ rất cao', en: '29 of 100 communes at very high risk' }]);
  });

  it('is VERY_HIGH with exactly 50% HIGH or above (VERY_HIGH counts as above HIGH)', () => {
    const a = rollUp({ VERY_HIGH: 2, HIGH: 3, NEW_NORMAL: 5 });
    expect(a.code).toBe('VERY_HIGH');
    expect(reasonsVi(a)).toEqual(['5/10 xã (50%) ở mức nguy cơ cao trở lên (ngưỡng từ 50%)']);
  });

  it('is HIGH just below 50% HIGH', () => {
    const a = rollUp({ HIGH: 49, NEW_NORMAL: 51 });
    expect(a.code).toBe('HIGH');
    expect(reasonCodes(a)).toEqual(['share_high']);
  });

  it('is HIGH with exactly 30% HIGH, and only RISK just below', () => {
    expect(rollUp({ HIGH: 3, NEW_NORMAL: 7 })).toMatchObject({ code: 'HIGH', reasons: [{ vi: '3/10 xã (30%) ở mức nguy cơ cao trở lên (ngưỡng từ 30%)' }] });
    const below = rollUp({ HIGH: 29, NEW_NORMAL: 71 });
    expect(below.code).toBe('RISK');
    expect(reasonsVi(below)).toEqual(['29/100 xã ở mức nguy cơ trở lên']);
  });

  it('is HIGH with exactly 50% RISK or above, and only RISK just below', () => {
    const half = rollUp({ RISK: 5, NEW_NORMAL: 5 });
    expect(half.code).toBe('HIGH');
    expect(reasonsVi(half)).toEqual(['5/10 xã (50%) ở mức nguy cơ trở lên (ngưỡng từ 50%)']);
    expect(rollUp({ RISK: 49, NEW_NORMAL: 51 }).code).toBe('RISK');
  });

  it('gives every HIGH factor that holds', () => {
    expect(reasonCodes(rollUp({ VERY_HIGH: 1, HIGH: 2, RISK: 2, NEW_NORMAL: 5 }))).toEqual(['share_high', 'share_risk', 'any_very_high']);
  });

  it('follows the rule set when one VERY_HIGH commune does not make the district HIGH', () => {
    expect(rollUp({ VERY_HIGH: 1, NEW_NORMAL: 9 }, 'district', { ...regimeA, districtHighIfAnyVeryHigh: false }).code).toBe('RISK');
  });

  it('is RISK with any commune at risk, NEW_NORMAL with none', () => {
    expect(rollUp({ RISK: 1, NEW_NORMAL: 9 }).code).toBe('RISK');
    expect(rollUp({ NEW_NORMAL: 9 })).toEqual({
      code: 'NEW_NORMAL',
      rank: 1,
      reasons: [{ code: 'none_at_risk', vi: 'Không xã nào ở mức nguy cơ trở lên (0/9)', en: 'None of 9 communes at risk or above' }],
      missing: [],
    });
  });

  it('is NEW_NORMAL, saying why, when no child has a level', () => {
    expect(rollUp({})).toMatchObject({ code: 'NEW_NORMAL', reasons: [{ code: 'no_children', vi: 'Chưa có mức của xã nào' }] });
  });

  it('rolls a province up from its districts with the same shares, and ignores the unit’s own figures', () => {
    const a = assessUnit('risk_level_2686', regimeA, {
      tier: 'province',
      figures: aUnit({ unknownSourceCases14d: 5, communityCases14d: 5 }),
      children: children({ HIGH: 3, NEW_NORMAL: 6 }),
      previous: null,
    });
    expect(a.code).toBe('HIGH');
    expect(reasonsVi(a)).toEqual(['3/9 huyện (33,3%) ở mức nguy cơ cao trở lên (ngưỡng từ 30%)']);
  });

  it('throws on a child level that is not of this regime', () => {
    expect(() => rollUp({ '3': 1 })).toThrow('unit u0 has level "3", not a level of this regime');
  });
});
