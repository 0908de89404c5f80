import type { Selectable } from 'kysely';
import { levelsOf } from '@domain/risk-assessment';
import type { RiskAssessmentsTable, RiskDecisionsTable, RiskInputsTable } from '../../db/zones-tables';
import type { RuleSetView } from '../rule-sets/schemas';
import type { DecisionView, ProposalView, RegimeView, RiskInputView } from './schemas';

const iso = (at: Date | string) => (at instanceof Date ? at : new Date(at)).toISOString();

export function presentProposal(a: Selectable<RiskAssessmentsTable>): ProposalView {
  return {
    day: a.day,
    level: a.level,
    rank: a.rank,
    ruleKind: a.rule_kind,
    ruleVersion: a.rule_version,
    reasons: a.reasons as ProposalView['reasons'],
    missing: a.missing,
    figures: a.figures as ProposalView['figures'],
    computedAt: iso(a.computed_at),
  };
}

export function presentDecision(d: Selectable<RiskDecisionsTable>): DecisionView {
  return {
    id: d.id,
    unitCode: d.unit_code,
    ruleKind: d.rule_kind,
    level: d.level,
    rank: d.rank,
    assessmentDay: d.assessment_day,
    proposedLevel: d.proposed_level,
    overridesProposal: d.level !== d.proposed_level,
    decisionNumber: d.decision_number,
    decidedOn: d.decided_on,
    effectiveFrom: d.effective_from,
    signer: d.signer,
    reason: d.reason,
    createdAt: iso(d.created_at),
  };
}

export function presentInput(r: Selectable<RiskInputsTable>): RiskInputView {
  return { id: r.id, unitCode: r.unit_code, input: r.input, value: Number(r.value), asOf: r.as_of, source: r.source, enteredAt: iso(r.entered_at) };
}

export function presentRegime(v: RuleSetView): RegimeView {
  return {
    ruleSetId: v.id,
    kind: v.kind,
    version: v.version,
    legalBasis: v.legalBasis,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    levels: levelsOf(v.kind, v.payload),
  };
}
