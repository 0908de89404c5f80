import type { Selectable } from 'kysely';
import type { ClassificationsTable } from '../../db/tables';
import type { ClassificationView } from './schemas';

export function presentClassification(c: Selectable<ClassificationsTable>): ClassificationView {
  return {
    personId: c.person_id,
    class: c.class,
    generation: c.generation,
    viaExposureId: c.via_exposure_id,
    rootCasePersonId: c.root_case_person_id,
    exposedAt: c.exposed_at ? new Date(c.exposed_at).toISOString() : null,
    ruleVersion: c.rule_version,
    quarantineSituation: c.quarantine_situation,
    quarantineUntil: c.quarantine_until,
    testDays: c.test_days,
  };
}
