import { RULE_SET_KINDS } from './rule-sets/kinds';
import { regime2686, type RiskLevel2686Payload } from './risk-regimes/2686';
import { regime4800, type RiskLevel4800Payload } from './risk-regimes/4800';
import type { AssessInput, Assessment, LevelInfo, Regime } from './risk-regimes/common';

/**
 * Risk-level assessment of one unit under the regime of the rule set in force (domain-vn.md §1). Pure: the caller
 * gathers the figures and the children's levels. A new regime (e.g. QĐ 218) is one more entry here and one kind in
 * rule-sets/kinds.ts.
 */
export type { AssessInput, Assessment, ChildLevel, LevelInfo, Reason, Regime, UnitFigures, UnitTier } from './risk-regimes/common';
export type { RiskLevel2686Payload } from './risk-regimes/2686';
export type { RiskLevel4800Payload } from './risk-regimes/4800';
export { measuresFor, type MeasureItem, type MeasuresPayload } from './measures';

export const RISK_REGIMES: { risk_level_2686: Regime<RiskLevel2686Payload>; risk_level_4800: Regime<RiskLevel4800Payload> } = {
  risk_level_2686: regime2686,
  risk_level_4800: regime4800,
};
export type RiskRegimeKind = keyof typeof RISK_REGIMES;

export function isRiskRegimeKind(kind: string): kind is RiskRegimeKind {
  return Object.hasOwn(RISK_REGIMES, kind);
}

function regimeOf(kind: string, payload: unknown): { regime: Regime; payload: unknown } {
  if (!isRiskRegimeKind(kind)) throw new Error(`not a risk regime: ${JSON.stringify(kind)}`);
  return { regime: RISK_REGIMES[kind], payload: RULE_SET_KINDS[kind].parse(payload) };
}

/** Parses the payload with the kind's zod schema from kinds.ts and dispatches; throws on an unknown kind. */
export function assessUnit(kind: string, payload: unknown, input: AssessInput): Assessment {
  const r = regimeOf(kind, payload);
  return r.regime.assess(r.payload, input);
}

/** The regime's levels, lowest rank first. */
export function levelsOf(kind: string, payload: unknown): LevelInfo[] {
  const r = regimeOf(kind, payload);
  return r.regime.levels(r.payload);
}
