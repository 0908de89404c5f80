import type { ColumnType } from 'kysely';
import type { BoundaryTables } from './boundary-tables';
import type { LockdownTables } from './lockdown-tables';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The zones module's tables (migrations 0020…): risk-level inputs, assessments and decisions. */
export interface RiskInputsTable {
  id: string;
  unit_code: string;
  province_code: string;
  input: 'adult_first_dose_coverage' | 'over50_full_coverage' | 'capacity_met';
  /** a share 0..1, or 0/1 for capacity_met (numeric, parsed to a number by db/connect.ts) */
  value: number;
  as_of: string;
  source: string;
  entered_by: string;
  entered_at: DefaultTimestamp;
}

export interface RiskAssessmentsTable {
  unit_code: string;
  day: string;
  province_code: string;
  tier: 'commune' | 'district' | 'province';
  rule_set_id: string;
  rule_kind: string;
  rule_version: number;
  level: string;
  rank: number;
  figures: ColumnType<unknown, string, string>;
  reasons: ColumnType<unknown, string, string>;
  missing: string[];
  computed_at: DefaultTimestamp;
}

export interface RiskDecisionsTable {
  id: string;
  unit_code: string;
  province_code: string;
  rule_kind: string;
  level: string;
  rank: number;
  assessment_day: string;
  proposed_level: string;
  decision_number: string;
  decided_on: string;
  effective_from: string;
  signer: string;
  reason: string | null;
  decided_by: string;
  created_at: DefaultTimestamp;
}

export interface ZonesTables extends BoundaryTables, LockdownTables {
  risk_inputs: RiskInputsTable;
  risk_assessments: RiskAssessmentsTable;
  risk_decisions: RiskDecisionsTable;
}
