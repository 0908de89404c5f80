import type { Transaction, Insertable } from 'kysely';
import { classify, type ClassificationRules, type ExposureClass } from '@domain/exposure-class';
import { quarantinePlan, type QuarantineSituation } from '@domain/quarantine-plan';
import { vnDay } from '@domain/dates';
import type { Database, ClassificationsTable } from '../../db/tables';
import type { RuleSetView } from '../rule-sets/schemas';
import type { RuleSetsService } from '../rule-sets/service';
import * as repo from './repo';
import type { ReclassifyReport } from './schemas';

export interface ClassificationRuleSets {
  classification: RuleSetView;
  quarantine: RuleSetView;
}

/** Active cases of these persons, inside the caller's transaction (CasesService.activeCasesOfInTx). */
export type ActiveCasesInTx = (trx: Transaction<Database>, personIds: string[]) => Promise<GraphCase[]>;

/** A case as classification needs it. */
export interface GraphCase {
  person_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  confirmed_on: string;
  onset_on: string | null;
  sampled_on: string;
  isolated_at: string | Date | null;
}

/** An exposure as classification needs it (place columns: where the exposed person lives). */
export interface GraphExposure {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  source_person_id: string;
  exposed_person_id: string;
  start_at: string | Date;
  end_at: string | Date;
  contact_type: string;
}

export interface ClassificationRow {
  person_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  class: ExposureClass;
  generation: number;
  via_exposure_id: string | null;
  root_case_person_id: string;
  exposed_at: string | null;
  rule_set_id: string;
  rule_version: number;
  quarantine_situation: string | null;
  quarantine_until: string | null;
  test_days: string[];
}

/** The rule sets of both kinds in force on `day`. */
export async function rulesInForce(ruleSets: RuleSetsService, day: string): Promise<ClassificationRuleSets> {
  const [classification, quarantine] = await Promise.all([ruleSets.inForce('exposure_classification', day), ruleSets.inForce('quarantine', day)]);
  return { classification, quarantine };
}

/** The classification engine's rules from the rule-set payload. */
export function engineRules(rules: ClassificationRuleSets): ClassificationRules {
  const payload = rules.classification.payload as {
    infectiousDaysBefore: number;
    maxGeneration: number;
    contactTypes: { code: string; qualifiesF1: boolean }[];
  };
  return {
    version: rules.classification.version,
    infectiousDaysBefore: payload.infectiousDaysBefore,
    maxGeneration: payload.maxGeneration,
    qualifyingContactTypes: payload.contactTypes.filter((c) => c.qualifiesF1).map((c) => c.code),
  };
}

const iso = (v: string | Date) => (typeof v === 'string' && v.endsWith('Z') && v.length === 24 ? v : new Date(v).toISOString());

/**
 * Classifies a graph with classify() and turns the result into classification rows with the quarantine plan
 * of the rule set (home situation first). Used for a neighbourhood (reclassifyAround) and for a whole
 * generated outbreak. The graph must be closed: every case and exposure that can reach its persons in two hops.
 */
export function classificationRows(cases: GraphCase[], exposures: GraphExposure[], rules: ClassificationRuleSets): ClassificationRow[] {
  const er = engineRules(rules);
  const result = classify(
    cases.map((c) => ({
      personId: c.person_id,
      onsetAt: `${c.onset_on ?? c.sampled_on}T00:00:00+07:00`,
      isolatedAt: c.isolated_at ? iso(c.isolated_at) : null,
    })),
    exposures.map((e) => ({
      id: e.id,
      sourceId: e.source_person_id,
      exposedId: e.exposed_person_id,
      startAt: iso(e.start_at),
      endAt: iso(e.end_at),
      contactType: e.contact_type,
    })),
    er,
  );
  const placeOf = new Map<string, { province_code: string; district_code: string; commune_code: string }>();
  for (const e of exposures) placeOf.set(e.exposed_person_id, e);
  for (const c of cases) placeOf.set(c.person_id, c);
  const caseOf = new Map(cases.map((c) => [c.person_id, c]));
  const situations = (rules.quarantine.payload as { situations: (QuarantineSituation & { exposureClass: string; setting: string })[] }).situations;
  const situationOf = new Map<string, QuarantineSituation | undefined>();
  for (const cls of ['F0', 'F1', 'F2'])
    situationOf.set(cls, situations.find((s) => s.exposureClass === cls && s.setting === 'home') ?? situations.find((s) => s.exposureClass === cls));
  const plans = new Map<string, ReturnType<typeof quarantinePlan>>();
  const rows: ClassificationRow[] = [];
  for (const [personId, c] of result) {
    const place = placeOf.get(personId)!;
    const situation = situationOf.get(c.class);
    const start = c.class === 'F0' ? caseOf.get(personId)!.confirmed_on : vnDay(new Date(c.exposedAt!));
    let plan = situation ? plans.get(`${c.class}|${start}`) : undefined;
    if (situation && !plan) plans.set(`${c.class}|${start}`, (plan = quarantinePlan(situation, start)));
    rows.push({
      person_id: personId,
      province_code: place.province_code,
      district_code: place.district_code,
      commune_code: place.commune_code,
      class: c.class,
      generation: c.generation,
      via_exposure_id: c.viaExposureId,
      root_case_person_id: c.rootCaseId,
      exposed_at: c.exposedAt,
      rule_set_id: rules.classification.id,
      rule_version: er.version,
      quarantine_situation: plan?.situation ?? null,
      quarantine_until: plan?.lastDay ?? null,
      test_days: plan?.testDates ?? [],
    });
  }
  return rows;
}

/**
 * Recomputes F0/F1/F2 around changed persons, in the caller's transaction. Only the neighbourhood is
 * read and written: D = the changed persons and two hops downstream; their classes depend only on
 * cases and exposures up to two hops upstream of D. Cost grows with the neighbourhood, not the graph.
 */
export async function reclassifyAround(
  trx: Transaction<Database>,
  changed: string[],
  rules: ClassificationRuleSets,
  activeCasesOf: ActiveCasesInTx,
): Promise<ReclassifyReport> {
  const out1 = await repo.downstream(trx, changed);
  const out2 = await repo.downstream(trx, out1);
  const affected = [...new Set([...changed, ...out1, ...out2])];
  // Into the affected: every exposure. Into their sources: only exposures from cases — a source
  // passes it on only as an F0 or as an F1, and an F1 is made by a case.
  const intoAffected = await repo.exposuresInto(trx, affected);
  const in1 = [...new Set(intoAffected.map((e) => e.source_person_id))];
  // Exposures into the sources, kept when their source has an active case (the cases module says which).
  const intoIn1 = await repo.exposuresInto(trx, in1);
  const cases = await activeCasesOf(trx, [...new Set([...affected, ...in1, ...intoIn1.map((e) => e.source_person_id)])]);
  const withCase = new Set(cases.map((c) => c.person_id));
  const intoSources = intoIn1.filter((e) => withCase.has(e.source_person_id));
  const edges = [...new Map([...intoAffected, ...intoSources].map((e) => [e.id, e])).values()];
  const stored = await repo.classificationsOf(trx, affected);

  const computed = new Map(classificationRows(cases, edges, rules).map((r) => [r.person_id, r]));
  const storedBy = new Map(stored.map((s) => [s.person_id, s]));
  const rows: Insertable<ClassificationsTable>[] = [];
  const gone: string[] = [];
  for (const personId of affected) {
    const row = computed.get(personId);
    const prev = storedBy.get(personId);
    if (!row) {
      if (prev) gone.push(personId);
      continue;
    }
    if (
      prev &&
      prev.class === row.class &&
      prev.via_exposure_id === row.via_exposure_id &&
      prev.root_case_person_id === row.root_case_person_id &&
      prev.rule_version === row.rule_version
    )
      continue;
    rows.push(row);
  }
  await repo.deleteClassifications(trx, gone);
  await repo.upsertClassifications(trx, rows);
  return { considered: affected.length, rowsTouched: rows.length + gone.length };
}
