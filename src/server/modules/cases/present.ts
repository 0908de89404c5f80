import type { Selectable } from 'kysely';
import type { CasesTable } from '../../db/tables';
import type { CaseView } from './schemas';

export function presentCase(c: Selectable<CasesTable>): CaseView {
  return {
    id: c.id,
    caseCode: c.case_code,
    personId: c.person_id,
    provinceCode: c.province_code,
    districtCode: c.district_code,
    communeCode: c.commune_code,
    confirmedOn: c.confirmed_on,
    confirmingTest: c.confirming_test,
    detectedIn: c.detected_in,
    onsetOn: c.onset_on,
    sampledOn: c.sampled_on,
    isolatedAt: c.isolated_at ? new Date(c.isolated_at).toISOString() : null,
    clinicalStatus: c.clinical_status,
    treatmentPlace: c.treatment_place,
    // the column's check constraint holds outcome to caseOutcome
    outcome: c.outcome as CaseView['outcome'],
    outcomeOn: c.outcome_on,
    status: c.status,
    withdrawnReason: c.withdrawn_reason,
    version: c.version,
  };
}
