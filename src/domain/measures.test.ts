import { describe, expect, it } from 'vitest';
import seed from '../../data/rule-sets-2021.json';
import { measuresFor, type MeasureItem } from './measures';
import { confidenceMap } from './rule-sets/confidence';
import { RULE_SET_KINDS } from './rule-sets/kinds';

const entry = seed.find((e) => e.kind === 'measures')!;
const catalogue = RULE_SET_KINDS.measures.parse(entry.payload);
const confidence = confidenceMap.parse(entry.confidence);
const item = (over: Partial<MeasureItem>): MeasureItem => ({
  code: 'gatherings',
  regime: 'risk_level_2686',
  level: 'HIGH',
  activityVi: 'Tụ tập đông người',
  activityEn: 'Gatherings',
  status: 'limited',
  ruleVi: 'Không quá 20 người',
  ruleEn: 'At most 20 people',
  ...over,
});
const issues = (items: MeasureItem[]) => {
  const r = RULE_SET_KINDS.measures.safeParse({ items });
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('measures by level', () => {
  it('gives the CT16 measures at VERY_HIGH under QĐ 2686', () => {
    const items = measuresFor(catalogue, 'risk_level_2686', 'VERY_HIGH', false);
    expect(items.map((i) => [i.code, i.status])).toEqual([
      ['gatherings', 'limited'],
      ['movement', 'restricted'],
      ['services', 'restricted'],
      ['distance', 'rule'],
    ]);
    expect(items[0].ruleVi).toBe('Chỉ thị 16: không tập trung quá 2 người ngoài công sở, trường học, bệnh viện');
  });

  it('puts a lockdown zone’s measures first and lets them replace the level’s measure of the same code', () => {
    const items = measuresFor(catalogue, 'risk_level_2686', 'HIGH', true);
    expect(items.map((i) => `${i.level}/${i.code}`)).toEqual([
      'LOCKDOWN_ZONE/movement',
      'LOCKDOWN_ZONE/household_supply',
      'LOCKDOWN_ZONE/testing',
      'HIGH/gatherings',
      'HIGH/services',
      'HIGH/distance',
    ]);
    expect(items[0]).toMatchObject({ status: 'stopped', ruleVi: 'Cách ly y tế vùng: không ai ra, vào; chỉ ra khỏi vùng khi cấp cứu y tế' });
  });

  it('gives the eleven NQ 128 activities at each level 1–4', () => {
    for (const level of ['1', '2', '3', '4']) expect(measuresFor(catalogue, 'risk_level_4800', level, false), level).toHaveLength(11);
    const status = (level: string, code: string) => measuresFor(catalogue, 'risk_level_4800', level, false).find((i) => i.code === code)?.status;
    expect(['1', '2', '3', '4'].map((l) => status(l, 'restaurants_markets'))).toEqual(['allowed', 'allowed', 'allowed', 'restricted']);
    expect(['1', '2', '3', '4'].map((l) => status(l, 'indoor_gatherings'))).toEqual(['allowed', 'limited', 'limited', 'not_organised']);
    expect(['1', '2', '3', '4'].map((l) => status(l, 'goods_transport'))).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
  });

  it('gives nothing for a level, or a regime, the catalogue does not have', () => {
    expect(measuresFor(catalogue, 'risk_level_4800', 'VERY_HIGH', false)).toEqual([]);
    expect(measuresFor(catalogue, 'risk_level_218', '1', false)).toEqual([]);
  });

  it('tags each row as domain-vn.md does: level 1 of NQ 128 verified, most of levels 2–4 from memory', () => {
    const tagOf = (regime: string, level: string, code: string) =>
      confidence[`/items/${catalogue.items.findIndex((i) => i.regime === regime && i.level === level && i.code === code)}`];
    expect(tagOf('risk_level_4800', '1', 'indoor_gatherings')).toBe('V');
    expect(tagOf('risk_level_4800', '2', 'indoor_gatherings')).toBe('M');
    expect(tagOf('risk_level_4800', '4', 'hotels_tourism')).toBe('V');
    expect(tagOf('risk_level_2686', 'LOCKDOWN_ZONE', 'testing')).toBe('M');
    expect(Object.keys(confidence)).toHaveLength(catalogue.items.length);
  });
});

describe('measures rule set', () => {
  it('accepts the level codes of each regime and LOCKDOWN_ZONE in both', () => {
    expect(
      issues([
        item({}),
        item({ regime: 'risk_level_4800', level: '4' }),
        item({ level: 'LOCKDOWN_ZONE' }),
        item({ regime: 'risk_level_4800', level: 'LOCKDOWN_ZONE' }),
      ]),
    ).toEqual([]);
  });

  it('refuses a level of the other regime, pointing at its field', () => {
    expect(issues([item({ regime: 'risk_level_4800', level: 'HIGH' }), item({ level: '3' })])).toEqual(['items.0.level', 'items.1.level']);
  });

  it('refuses a code twice at the same regime and level, and allows it at another level', () => {
    expect(issues([item({}), item({ level: 'RISK' }), item({ ruleVi: 'khác' })])).toEqual(['items.2.code']);
  });

  it('refuses a code that is not snake_case', () => {
    expect(issues([item({ code: 'Gatherings' })])).toEqual(['items.0.code']);
  });
});
