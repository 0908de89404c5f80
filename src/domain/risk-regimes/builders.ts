import seed from '../../../data/rule-sets-2021.json';
import { RULE_SET_KINDS } from '../rule-sets/kinds';
import type { AssessInput, Assessment, ChildLevel, UnitFigures } from './common';

/** Test builders for the risk regimes: the seeded 2021 payloads and a unit's figures. */
export const seeded = (kind: string) => seed.find((e) => e.kind === kind)!.payload;
export const regimeA = RULE_SET_KINDS.risk_level_2686.parse(seeded('risk_level_2686'));
export const regimeB = RULE_SET_KINDS.risk_level_4800.parse(seeded('risk_level_4800'));

/** A unit of 100,000 people with no cases, vaccination above both cuts and capacity met. */
export const aUnit = (over: Partial<UnitFigures> = {}): UnitFigures => ({
  population: 100_000,
  communityCases7d: 0,
  communityCases14d: 0,
  unknownSourceCases14d: 0,
  highContactCases14d: 0,
  containedCases14d: 0,
  totalCases7d: 0,
  daysSinceCommunityCase: null,
  adultFirstDoseCoverage: 0.8,
  over50FullCoverage: 0.9,
  capacityMet: true,
  ...over,
});

export const anInput = (over: Partial<AssessInput> = {}): AssessInput => ({ tier: 'commune', figures: aUnit(), children: [], previous: null, ...over });

/** { VERY_HIGH: 3, NEW_NORMAL: 7 } → ten children u0…u9 with those levels. */
export const children = (spec: Record<string, number>): ChildLevel[] =>
  Object.entries(spec)
    .flatMap(([code, n]) => Array.from({ length: n }, () => code))
    .map((code, i) => ({ unitCode: `u${i}`, code }));

export const reasonCodes = (a: Assessment) => a.reasons.map((r) => r.code);
export const reasonsVi = (a: Assessment) => a.reasons.map((r) => r.vi);
