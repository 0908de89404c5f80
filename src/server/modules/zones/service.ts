import type { Kysely } from 'kysely';
import { formatDate } from '@domain/format';
import { addDays, vnDay } from '@domain/dates';
import { levelsOf, measuresFor } from '@domain/risk-assessment';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { UnitDirectory, Unit } from '../geography/directory';
import type { RuleSetsService } from '../rule-sets/service';
import type { RuleSetView } from '../rule-sets/schemas';
import { assessSpan, regimeOn, REGIME_KINDS, type AssessmentSources } from './assess';
import { presentDecision, presentInput, presentProposal, presentRegime } from './present';
import * as repo from './repo';
import type { AssessReport, DecisionBody, DecisionView, LevelRow, LevelsBoard, MeasuresView, RiskInputBody, RiskInputView, UnitHistory } from './schemas';

const TIERS = { commune: 'commune', district: 'district', province: 'province' } as const;

/**
 * Risk levels: daily proposals from the rule set in force (assess.ts), officials' decisions, the level in force
 * for every unit (the decision, else the proposal), and the measures that apply there. Levels and measures are
 * public to every user of the product (no personal data); decisions and inputs are audited writes.
 */
export class ZonesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly ruleSets: RuleSetsService,
    private readonly sources: AssessmentSources,
  ) {}

  /** Proposes a level for every unit on each day of [from, to] (the daily job: one day; a replay: many). */
  async assess(actor: Actor | null, from: string, to: string = from): Promise<AssessReport[]> {
    const { days } = await assessSpan(this.db, this.units, this.sources, from, to);
    if (actor) {
      await this.db.transaction().execute((trx) =>
        this.audit.record(trx, actor, {
          action: 'create',
          entity: 'risk_assessment',
          detail: { from, to, units: days.reduce((n, d) => n + d.units.length, 0) },
        }),
      );
    }
    return days.map((d) => ({ day: d.day, ruleKind: d.regime?.kind ?? '', ruleVersion: d.regime?.version ?? 0, units: d.units.length }));
  }

  /** Assesses one day on demand; a day no regime covers is refused, naming it. */
  async assessDay(actor: Actor | null, day: string): Promise<AssessReport> {
    const [report] = await this.assess(actor, day);
    if (!report.ruleKind) throw new AppError('zones.no_regime', 400, { day: formatDate(day) }, 'day');
    return report;
  }

  /** The board of a day: every commune, district and province with its proposal, the decision in force and the trend. */
  async board(day: string = vnDay()): Promise<LevelsBoard> {
    const versions = await this.regimeVersions();
    const regime = regimeOn(versions, day);
    const [assessments, decisions, weekAgo] = await Promise.all([
      repo.assessmentsOn(this.db, day),
      repo.decisionsInForce(this.db, day),
      repo.ranksOn(this.db, addDays(day, -7)),
    ]);
    const proposalOf = new Map(assessments.map((a) => [a.unit_code, a]));
    const decisionOf = new Map(decisions.filter((d) => !regime || d.rule_kind === regime.kind).map((d) => [d.unit_code, d]));
    const rankBefore = new Map(weekAgo.map((r) => [r.unit_code, r.rank]));
    const rows: LevelRow[] = this.unitsOn(day).map((unit) => {
      const a = proposalOf.get(unit.code);
      const d = decisionOf.get(unit.code);
      const before = rankBefore.get(unit.code);
      return {
        unitCode: unit.code,
        name: unit.name,
        tier: TIERS[unit.level as keyof typeof TIERS],
        parentCode: unit.parent_code,
        proposal: a ? presentProposal(a) : null,
        decision: d ? presentDecision(d) : null,
        inForce: d ? { level: d.level, rank: d.rank, source: 'decision' } : a ? { level: a.level, rank: a.rank, source: 'proposal' } : null,
        trend: a && before !== undefined ? (a.rank > before ? 'up' : a.rank < before ? 'down' : 'same') : null,
      };
    });
    const computed = assessments.map((a) => new Date(a.computed_at).getTime());
    return {
      day,
      regime: regime ? presentRegime(regime) : null,
      lastRegimeDay: regime ? null : lastDayInForce(versions, day),
      assessedAt: computed.length ? new Date(Math.max(...computed)).toISOString() : null,
      units: rows,
    };
  }

  async history(code: string): Promise<UnitHistory> {
    const unit = this.assessable(code, 'code');
    const [proposals, decisions] = await Promise.all([repo.assessmentsOf(this.db, code, 400), repo.decisionsOf(this.db, code)]);
    return {
      unitCode: code,
      name: unit.name,
      tier: TIERS[unit.level as keyof typeof TIERS],
      proposals: proposals.map(presentProposal),
      decisions: decisions.map(presentDecision),
    };
  }

  /** An official confirms or overrides the proposal of a day with a decision number, signer and effective date. */
  async decide(actor: Actor, code: string, body: DecisionBody): Promise<DecisionView> {
    const unit = this.assessable(code, 'code');
    if (!this.units.unitInScope(actor.scope, code)) throw new AppError('validation.unit_out_of_scope', 400, { code: unit.code }, 'code');
    const assessment = await repo.assessmentOf(this.db, code, body.assessmentDay);
    if (!assessment) throw new AppError('zones.unit_not_assessed', 400, { unit: unit.name, day: formatDate(body.assessmentDay) }, 'assessmentDay');
    const version = (await this.regimeVersions()).find((v) => v.id === assessment.rule_set_id);
    const level = version && levelsOf(version.kind, version.payload).find((l) => l.code === body.level);
    if (!level) throw new AppError('zones.level_outside_regime', 400, { level: body.level, regime: version?.legalBasis ?? assessment.rule_kind }, 'level');
    if (body.effectiveFrom < body.assessmentDay)
      throw new AppError('zones.effective_before_assessment', 400, { day: formatDate(body.assessmentDay) }, 'effectiveFrom');
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await repo.insertDecision(trx, {
        id: uuidv7(),
        unit_code: code,
        province_code: unit.province_code,
        rule_kind: assessment.rule_kind,
        level: level.code,
        rank: level.rank,
        assessment_day: body.assessmentDay,
        proposed_level: assessment.level,
        decision_number: body.decisionNumber,
        decided_on: body.decidedOn,
        effective_from: body.effectiveFrom,
        signer: body.signer,
        reason: body.reason,
        decided_by: actor.id,
      });
      await this.audit.record(trx, actor, {
        action: 'create',
        entity: 'risk_decision',
        entityId: inserted.id,
        detail: { unit: code, level: level.code, proposed: assessment.level, decisionNumber: body.decisionNumber, effectiveFrom: body.effectiveFrom },
      });
      return inserted;
    });
    return presentDecision(row);
  }

  async inputs(code: string): Promise<RiskInputView[]> {
    this.assessable(code, 'unit');
    return (await repo.inputsOf(this.db, code)).map(presentInput);
  }

  /** Records a value the product does not compute yet (coverage, capacity) for a unit from a day, with its source. */
  async addInput(actor: Actor, body: RiskInputBody): Promise<RiskInputView> {
    const unit = this.assessable(body.unitCode, 'unitCode');
    if (!this.units.unitInScope(actor.scope, body.unitCode)) throw new AppError('validation.unit_out_of_scope', 400, { code: unit.code }, 'unitCode');
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await repo.insertInput(trx, {
        id: uuidv7(),
        unit_code: body.unitCode,
        province_code: unit.province_code,
        input: body.input,
        value: body.value,
        as_of: body.asOf,
        source: body.source,
        entered_by: actor.id,
      });
      await this.audit.record(trx, actor, {
        action: 'create',
        entity: 'risk_input',
        entityId: inserted.id,
        detail: { unit: body.unitCode, input: body.input, value: body.value, asOf: body.asOf },
      });
      return inserted;
    });
    return presentInput(row);
  }

  /** What applies in a unit on a day: the measures of the regime for the level in force there (decided, else proposed). */
  async measures(code: string, day: string = vnDay()): Promise<MeasuresView> {
    const unit = this.assessable(code, 'unit');
    const board = await this.levelOf(code, day);
    const base = { unitCode: code, name: unit.name, day };
    if (!board) return { ...base, level: null, levelSource: null, regimeKind: null, ruleSet: null, items: [] };
    const { regime, level, source } = board;
    const info = levelsOf(regime.kind, regime.payload).find((l) => l.code === level) ?? null;
    const catalogue = await this.ruleSets.inForce('measures', day).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 404) return null;
      throw e;
    });
    return {
      ...base,
      level: info,
      levelSource: source,
      regimeKind: regime.kind,
      ruleSet: catalogue ? { id: catalogue.id, version: catalogue.version, legalBasis: catalogue.legalBasis } : null,
      items: catalogue ? measuresFor(catalogue.payload, regime.kind, level, false) : [],
    };
  }

  /** The level in force for a unit on a day — decided, else proposed — with the regime it belongs to; null when there is none. */
  async levelOf(code: string, day: string): Promise<{ regime: RuleSetView; level: string; source: 'decision' | 'proposal' } | null> {
    const regime = regimeOn(await this.regimeVersions(), day);
    if (!regime) return null;
    const decision = await repo.decisionInForceOf(this.db, code, day);
    if (decision && decision.rule_kind === regime.kind) return { regime, level: decision.level, source: 'decision' };
    const proposal = await repo.assessmentOf(this.db, code, day);
    return proposal && proposal.rule_kind === regime.kind ? { regime, level: proposal.level, source: 'proposal' } : null;
  }

  private async regimeVersions(): Promise<RuleSetView[]> {
    return (await Promise.all(REGIME_KINDS.map((k) => this.ruleSets.list(k)))).flat();
  }

  private unitsOn(day: string): Unit[] {
    const out: Unit[] = [];
    for (const p of this.units.provinces(day)) {
      out.push(p);
      for (const d of this.units.childrenOf(p.code, day)) out.push(d, ...this.units.childrenOf(d.code, day));
    }
    return out;
  }

  private assessable(code: string, field: string): Unit {
    const unit = this.units.require(code, field);
    if (!(unit.level in TIERS)) throw new AppError('zones.unit_level', 400, { unit: unit.name }, field);
    return unit;
  }
}

/** The last day before `day` on which some regime version was in force (versions end on their exclusive effectiveTo). */
function lastDayInForce(versions: readonly RuleSetView[], day: string): string | null {
  let last: string | null = null;
  for (const v of versions) {
    if (v.status !== 'active' || v.effectiveFrom > day) continue;
    const end = v.effectiveTo === null ? day : addDays(v.effectiveTo, -1);
    const candidate = end < day ? end : null;
    if (candidate && (!last || candidate > last)) last = candidate;
  }
  return last;
}
