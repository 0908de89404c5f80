import type { Insertable, Kysely } from 'kysely';
import { addDays } from '@domain/dates';
import { ruleInForce } from '@domain/rule-sets/in-force';
import type { RuleSetKind } from '@domain/rule-sets/kinds';
import { assessUnit, RISK_REGIMES, type Assessment, type ChildLevel, type UnitFigures, type UnitTier } from '@domain/risk-assessment';
import { CaseCounts, sumFigures, weightedShare, type AssessedCase } from '@domain/risk-figures';
import type { Database } from '../../db/tables';
import type { RiskAssessmentsTable, RiskInputsTable } from '../../db/zones-tables';
import type { UnitDirectory, Unit } from '../geography/directory';
import type { RuleSetView } from '../rule-sets/schemas';
import * as repo from './repo';

/** What the assessment reads from other modules, through their services (bound in services.ts). */
export interface AssessmentSources {
  casesForAssessment(from: string, to: string): Promise<{ personId: string; communeCode: string; confirmedOn: string; detectedIn: string }[]>;
  lastCommunityCasesBefore(day: string): Promise<Map<string, string>>;
  infectionSourcesOf(personIds: string[]): Promise<Map<string, { highContact: boolean }>>;
  populationsOn(codes: string[], day: string): Promise<Map<string, number>>;
  ruleSets(kind: RuleSetKind): Promise<RuleSetView[]>;
  /**
   * NQ 128 criterion 3 computed by the quarantine module from its bed counters: whether the province's treatment
   * facilities have room on `day` (live counters, so only for today; null for other days or without facilities).
   * An entered capacity input of a unit takes precedence.
   */
  treatmentCapacityMet(provinceCode: string, day: string): Promise<boolean | null>;
}

export const REGIME_KINDS = Object.keys(RISK_REGIMES) as (keyof typeof RISK_REGIMES & RuleSetKind)[];

/** The regime in force on a day: of the risk-level kinds with a version in force, the one that came into force last. */
export function regimeOn(versions: readonly RuleSetView[], day: string): RuleSetView | null {
  let best: RuleSetView | null = null;
  for (const kind of REGIME_KINDS) {
    const v = ruleInForce(
      versions.filter((r) => r.kind === kind),
      day,
    );
    if (v && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
}

type InputRow = Pick<RiskInputsTable, 'unit_code' | 'input' | 'value' | 'as_of'>;
type Inputs = Pick<UnitFigures, 'adultFirstDoseCoverage' | 'over50FullCoverage' | 'capacityMet'>;

/** The inputs entered for a unit in force on a day (the latest as_of on or before it; rows come oldest first). */
function inputsOf(rows: readonly InputRow[], unitCode: string, day: string): Inputs {
  const out: Inputs = { adultFirstDoseCoverage: null, over50FullCoverage: null, capacityMet: null };
  for (const r of rows) {
    if (r.unit_code !== unitCode || r.as_of > day) continue;
    if (r.input === 'adult_first_dose_coverage') out.adultFirstDoseCoverage = Number(r.value);
    else if (r.input === 'over50_full_coverage') out.over50FullCoverage = Number(r.value);
    else out.capacityMet = Number(r.value) === 1;
  }
  return out;
}

export interface AssessedUnit {
  unit: Unit;
  tier: UnitTier;
  figures: UnitFigures;
  result: Assessment;
}

/**
 * Assesses every commune, district and province valid on each day of [from, to], in day order, and stores the
 * proposals (replacing those of the same days). Cases are read once for the whole span and counted per day in
 * memory (CaseCounts), so a year costs days × units, not days × cases. The unit's previous level (for "not lowered
 * while criteria 2–3 are unmet") is the decision in force the day before, else the proposal of the day before.
 */
export async function assessSpan(
  db: Kysely<Database>,
  units: UnitDirectory,
  src: AssessmentSources,
  from: string,
  to: string,
): Promise<{ days: { day: string; regime: RuleSetView | null; units: AssessedUnit[] }[] }> {
  const versions = (await Promise.all(REGIME_KINDS.map((k) => src.ruleSets(k)))).flat();
  const first = addDays(from, -13);
  const [caseRows, lastBefore, inputRows, decisions, before] = await Promise.all([
    src.casesForAssessment(first, to),
    src.lastCommunityCasesBefore(first),
    repo.allInputsUpTo(db, to),
    repo.decisionsUpTo(db, to),
    repo.assessmentsOn(db, addDays(from, -1)),
  ]);
  const sources = await src.infectionSourcesOf([...new Set(caseRows.map((c) => c.personId))]);
  const cases: AssessedCase[] = caseRows.map((c) => {
    const s = sources.get(c.personId);
    return { communeCode: c.communeCode, confirmedOn: c.confirmedOn, detectedIn: c.detectedIn, knownSource: Boolean(s), highContact: s?.highContact ?? false };
  });
  const counts = new CaseCounts(cases, lastBefore);
  const decisionsOf = new Map<string, typeof decisions>();
  for (const d of decisions) decisionsOf.set(d.unit_code, [...(decisionsOf.get(d.unit_code) ?? []), d]);
  let previousProposals = new Map(before.map((a) => [a.unit_code, a.level]));
  const out: { day: string; regime: RuleSetView | null; units: AssessedUnit[] }[] = [];

  for (let day = from; day <= to; day = addDays(day, 1)) {
    const regime = regimeOn(versions, day);
    if (!regime) {
      out.push({ day, regime: null, units: [] });
      previousProposals = new Map();
      continue;
    }
    const yesterday = addDays(day, -1);
    const previousOf = (code: string): { code: string } | null => {
      let decided: string | null = null;
      for (const d of decisionsOf.get(code) ?? []) if (d.effective_from <= yesterday && d.rule_kind === regime.kind) decided = d.level;
      const level = decided ?? previousProposals.get(code) ?? null;
      return level === null ? null : { code: level };
    };
    const assessed: AssessedUnit[] = [];
    const assess = (unit: Unit, tier: UnitTier, figures: UnitFigures, children: ChildLevel[]) => {
      const result = assessUnit(regime.kind, regime.payload, { tier, figures, children, previous: previousOf(unit.code) });
      const a = { unit, tier, figures, result };
      assessed.push(a);
      return a;
    };
    const provinces = units.provinces(day);
    const tree = provinces.map((p) => ({ p, districts: units.childrenOf(p.code, day).map((d) => ({ d, communes: units.childrenOf(d.code, day) })) }));
    const codes = tree.flatMap(({ p, districts }) => [p.code, ...districts.flatMap(({ d, communes }) => [d.code, ...communes.map((c) => c.code)])]);
    const population = await src.populationsOn(codes, day);

    for (const { p, districts } of tree) {
      const computed = await src.treatmentCapacityMet(p.code, day);
      const inputs = (code: string) => {
        const own = inputsOf(inputRows, code, day);
        return { ...own, capacityMet: own.capacityMet ?? computed };
      };
      const districtResults: AssessedUnit[] = [];
      for (const { d, communes } of districts) {
        const communeResults = communes.map((c) =>
          assess(c, 'commune', { population: population.get(c.code) ?? 0, ...counts.figuresOf(c.code, day), ...inputs(c.code) }, []),
        );
        districtResults.push(assess(d, 'district', rolledUp(communeResults, population, inputs(d.code), d.code), childLevels(communeResults)));
      }
      assess(p, 'province', rolledUp(districtResults, population, inputs(p.code), p.code), childLevels(districtResults));
    }
    out.push({ day, regime, units: assessed });
    previousProposals = new Map(assessed.map((a) => [a.unit.code, a.result.code]));
  }

  const rows: Insertable<RiskAssessmentsTable>[] = out.flatMap(({ day, regime, units: list }) =>
    list.map((a) => ({
      unit_code: a.unit.code,
      day,
      province_code: a.unit.province_code,
      tier: a.tier,
      rule_set_id: regime!.id,
      rule_kind: regime!.kind,
      rule_version: regime!.version,
      level: a.result.code,
      rank: a.result.rank,
      figures: JSON.stringify(a.figures),
      reasons: JSON.stringify(a.result.reasons),
      missing: a.result.missing,
    })),
  );
  await db.transaction().execute((trx) =>
    repo.replaceAssessments(
      trx,
      out.map((d) => d.day),
      rows,
    ),
  );
  return { days: out };
}

const childLevels = (list: readonly AssessedUnit[]): ChildLevel[] => list.map((a) => ({ unitCode: a.unit.code, code: a.result.code }));

/** A district's or province's figures: the sums of its parts; coverage its own entry, else its parts' weighted by population. */
function rolledUp(parts: readonly AssessedUnit[], population: Map<string, number>, own: Inputs, code: string): UnitFigures {
  const share = (k: 'adultFirstDoseCoverage' | 'over50FullCoverage') =>
    own[k] ?? weightedShare(parts.map((p) => ({ population: p.figures.population, share: p.figures[k] })));
  const figures = sumFigures(
    parts.map((p) => p.figures),
    { adultFirstDoseCoverage: share('adultFirstDoseCoverage'), over50FullCoverage: share('over50FullCoverage'), capacityMet: own.capacityMet },
  );
  // a unit's own count stands in when some of its parts have none
  const ownCount = population.get(code);
  if (ownCount !== undefined && parts.some((p) => !population.has(p.unit.code))) figures.population = ownCount;
  return figures;
}
