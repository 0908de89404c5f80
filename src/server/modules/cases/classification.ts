import type { Transaction, Insertable } from 'kysely';
import { classify, type ClassificationRules } from '@domain/exposure-class';
import { quarantinePlan, type QuarantineSituation } from '@domain/quarantine-plan';
import { vnDay } from '@domain/dates';
import type { Database, ClassificationsTable } from '../../db/tables';
import type { RuleSetView } from '../rule-sets/schemas';
import * as repo from './repo';

export interface ClassificationRuleSets {
  classification: RuleSetView;
  quarantine: RuleSetView;
}

export interface ReclassifyReport {
  /** Persons whose class was (re)computed: the changed persons and up to two hops downstream. */
  considered: number;
  /** Classification rows written or deleted. */
  rowsTouched: number;
}

/**
 * Recomputes F0/F1/F2 around changed persons, in the caller's transaction. Only the neighbourhood is
 * read and written: D = the changed persons and two hops downstream; their classes depend only on
 * cases and exposures up to two hops upstream of D. Cost grows with the neighbourhood, not the graph.
 */
export async function reclassifyAround(trx: Transaction<Database>, changed: string[], rules: ClassificationRuleSets): Promise<ReclassifyReport> {
  const out1 = await repo.downstream(trx, changed);
  const out2 = await repo.downstream(trx, out1);
  const affected = [...new Set([...changed, ...out1, ...out2])];
  // Into the affected: every exposure. Into their sources: only exposures from cases — a source
  // passes it on only as an F0 or as an F1, and an F1 is made by a case.
  const intoAffected = await repo.exposuresInto(trx, affected);
  const in1 = [...new Set(intoAffected.map((e) => e.source_person_id))];
  const intoSources = await repo.caseExposuresInto(trx, in1);
  const edges = [...new Map([...intoAffected, ...intoSources].map((e) => [e.id, e])).values()];
  const nodes = [...new Set([...affected, ...in1, ...intoSources.map((e) => e.source_person_id)])];
  const [cases, stored] = await Promise.all([repo.activeCasesOf(trx, nodes), repo.classificationsOf(trx, affected)]);
  const payload = rules.classification.payload as { infectiousDaysBefore: number; maxGeneration: number; contactTypes: { code: string; qualifiesF1: boolean }[] };
  const engineRules: ClassificationRules = {
    version: rules.classification.version,
    infectiousDaysBefore: payload.infectiousDaysBefore,
    maxGeneration: payload.maxGeneration,
    qualifyingContactTypes: payload.contactTypes.filter((c) => c.qualifiesF1).map((c) => c.code),
  };
  const result = classify(
    cases.map((c) => ({ personId: c.person_id, onsetAt: `${c.onset_on ?? c.sampled_on}T00:00:00+07:00`, isolatedAt: c.isolated_at ? new Date(c.isolated_at).toISOString() : null })),
    edges.map((e) => ({ id: e.id, sourceId: e.source_person_id, exposedId: e.exposed_person_id, startAt: new Date(e.start_at).toISOString(), endAt: new Date(e.end_at).toISOString(), contactType: e.contact_type })),
    engineRules,
  );
  const placeOf = new Map<string, { province_code: string; district_code: string; commune_code: string }>();
  for (const e of edges) placeOf.set(e.exposed_person_id, e);
  for (const c of cases) placeOf.set(c.person_id, c);
  const caseOf = new Map(cases.map((c) => [c.person_id, c]));
  const situations = (rules.quarantine.payload as { situations: (QuarantineSituation & { exposureClass: string; setting: string })[] }).situations;
  const situationFor = (cls: string) => situations.find((s) => s.exposureClass === cls && s.setting === 'home') ?? situations.find((s) => s.exposureClass === cls);

  const rows: Insertable<ClassificationsTable>[] = [];
  const gone: string[] = [];
  const storedBy = new Map(stored.map((s) => [s.person_id, s]));
  for (const personId of affected) {
    const c = result.get(personId);
    if (!c) {
      if (storedBy.has(personId)) gone.push(personId);
      continue;
    }
    const place = placeOf.get(personId)!;
    const situation = situationFor(c.class);
    const start = c.class === 'F0' ? caseOf.get(personId)!.confirmed_on : vnDay(new Date(c.exposedAt!));
    const plan = situation ? quarantinePlan(situation, start) : null;
    const prev = storedBy.get(personId);
    if (prev && prev.class === c.class && prev.via_exposure_id === c.viaExposureId && prev.root_case_person_id === c.rootCaseId && prev.rule_version === engineRules.version) continue;
    rows.push({
      person_id: personId, province_code: place.province_code, district_code: place.district_code, commune_code: place.commune_code,
      class: c.class, generation: c.generation, via_exposure_id: c.viaExposureId, root_case_person_id: c.rootCaseId,
      exposed_at: c.exposedAt, rule_set_id: rules.classification.id, rule_version: engineRules.version,
      quarantine_situation: plan?.situation ?? null, quarantine_until: plan?.lastDay ?? null, test_days: plan?.testDates ?? [],
    });
  }
  await repo.deleteClassifications(trx, gone);
  await repo.upsertClassifications(trx, rows);
  return { considered: affected.length, rowsTouched: rows.length + gone.length };
}
