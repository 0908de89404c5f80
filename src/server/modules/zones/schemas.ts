import { z } from 'zod';
import { isoDate, optionalText, unitCode } from '@domain/fields';

/** Request and response shapes of the zones module (risk levels, decisions, inputs, measures in force). */

export const dayQuery = z.object({ day: isoDate.optional() });
export const unitParams = z.object({ code: unitCode });
export const assessBody = z.object({ day: isoDate });

export const riskInputKind = z.enum(['adult_first_dose_coverage', 'over50_full_coverage', 'capacity_met']);
export const riskInputBody = z
  .object({
    unitCode,
    input: riskInputKind,
    /** A share 0..1 (coverage), or 0 / 1 (capacity met). */
    value: z.number().min(0, { message: 'zones.share' }).max(1, { message: 'zones.share' }),
    asOf: isoDate,
    source: z.string().trim().min(3).max(300),
  })
  .refine((b) => b.input !== 'capacity_met' || b.value === 0 || b.value === 1, { path: ['value'], message: 'zones.capacity_value' });
export type RiskInputBody = z.infer<typeof riskInputBody>;

export const decisionBody = z.object({
  /** The level decided: a level code of the regime of the assessment day ('1'…'4', or 'VERY_HIGH'…). */
  level: z.string().trim().min(1).max(20),
  /** The day of the assessment the decision answers. */
  assessmentDay: isoDate,
  /** Số/ký hiệu, e.g. "1234/QĐ-UBND". */
  decisionNumber: z.string().trim().min(2).max(60),
  decidedOn: isoDate,
  effectiveFrom: isoDate,
  signer: z.string().trim().min(2).max(120),
  reason: optionalText(1000),
});
export type DecisionBody = z.infer<typeof decisionBody>;

export const levelInfo = z.object({
  code: z.string(),
  rank: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  nameVi: z.string(),
  nameEn: z.string(),
  colour: z.string(),
});
export const regimeView = z.object({
  ruleSetId: z.string(),
  kind: z.string(),
  version: z.number().int(),
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  levels: z.array(levelInfo),
});
export type RegimeView = z.infer<typeof regimeView>;

export const reason = z.object({ code: z.string(), vi: z.string(), en: z.string() });
export const figuresView = z.object({
  population: z.number(),
  communityCases7d: z.number(),
  communityCases14d: z.number(),
  unknownSourceCases14d: z.number(),
  highContactCases14d: z.number(),
  containedCases14d: z.number(),
  totalCases7d: z.number(),
  daysSinceCommunityCase: z.number().nullable(),
  adultFirstDoseCoverage: z.number().nullable(),
  over50FullCoverage: z.number().nullable(),
  capacityMet: z.boolean().nullable(),
});
export const proposalView = z.object({
  day: z.string(),
  level: z.string(),
  rank: z.number().int(),
  ruleKind: z.string(),
  ruleVersion: z.number().int(),
  reasons: z.array(reason),
  missing: z.array(z.string()),
  figures: figuresView,
  computedAt: z.string(),
});
export type ProposalView = z.infer<typeof proposalView>;

export const decisionView = z.object({
  id: z.string(),
  unitCode: z.string(),
  ruleKind: z.string(),
  level: z.string(),
  rank: z.number().int(),
  assessmentDay: z.string(),
  proposedLevel: z.string(),
  /** The official chose another level than the one proposed. */
  overridesProposal: z.boolean(),
  decisionNumber: z.string(),
  decidedOn: z.string(),
  effectiveFrom: z.string(),
  signer: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type DecisionView = z.infer<typeof decisionView>;

export const levelRow = z.object({
  unitCode: z.string(),
  name: z.string(),
  tier: z.enum(['commune', 'district', 'province']),
  parentCode: z.string().nullable(),
  proposal: proposalView.nullable(),
  /** The decision in force on the day (latest effective on or before it). */
  decision: decisionView.nullable(),
  /** What the rest of the product uses: the decided level, or the proposal while nothing is decided. */
  inForce: z.object({ level: z.string(), rank: z.number().int(), source: z.enum(['decision', 'proposal']) }).nullable(),
  /** The proposal against the one seven days earlier. */
  trend: z.enum(['up', 'down', 'same']).nullable(),
});
export type LevelRow = z.infer<typeof levelRow>;

export const levelsBoard = z.object({
  day: z.string(),
  regime: regimeView.nullable(),
  /** When no regime is in force on the day: the last day one was, to go to. */
  lastRegimeDay: z.string().nullable(),
  assessedAt: z.string().nullable(),
  units: z.array(levelRow),
});
export type LevelsBoard = z.infer<typeof levelsBoard>;

export const assessReport = z.object({ day: z.string(), ruleKind: z.string(), ruleVersion: z.number().int(), units: z.number().int() });
export type AssessReport = z.infer<typeof assessReport>;

export const unitHistory = z.object({
  unitCode: z.string(),
  name: z.string(),
  tier: z.enum(['commune', 'district', 'province']),
  proposals: z.array(proposalView),
  decisions: z.array(decisionView),
});
export type UnitHistory = z.infer<typeof unitHistory>;

export const riskInputView = z.object({
  id: z.string(),
  unitCode: z.string(),
  input: riskInputKind,
  value: z.number(),
  asOf: z.string(),
  source: z.string(),
  enteredAt: z.string(),
});
export type RiskInputView = z.infer<typeof riskInputView>;
export const inputsQuery = z.object({ unit: unitCode });

export const measureItem = z.object({
  code: z.string(),
  activityVi: z.string(),
  activityEn: z.string(),
  status: z.enum(['allowed', 'limited', 'restricted', 'stopped', 'not_organised', 'rule']),
  ruleVi: z.string(),
  ruleEn: z.string(),
});
export const measuresView = z.object({
  unitCode: z.string(),
  name: z.string(),
  day: z.string(),
  level: levelInfo.nullable(),
  levelSource: z.enum(['decision', 'proposal']).nullable(),
  regimeKind: z.string().nullable(),
  ruleSet: z.object({ id: z.string(), version: z.number().int(), legalBasis: z.string() }).nullable(),
  items: z.array(measureItem),
});
export type MeasuresView = z.infer<typeof measuresView>;
export const measuresQuery = z.object({ unit: unitCode, day: isoDate.optional() });
