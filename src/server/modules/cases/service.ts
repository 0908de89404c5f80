import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertInScope, placeInScope } from '../../platform/scope';
import type { UnitDirectory } from '../geography/directory';
import type { PeopleService } from '../people/service';
import type { ClassificationRuleSets } from '../tracing/classification';
import type { TracingService } from '../tracing/service';
import { presentCase } from './present';
import * as repo from './repo';
import { casesWorkbook } from './export';
import type { CaseChanged, CaseInput, CaseListView, CaseView } from './schemas';

/** The zones module's answer to "is this person inside an active lockdown zone" (bound in services.ts). */
export interface Containment {
  /** Read in the caller's transaction (the case is being opened in it). */
  activeZoneOfPerson(trx: Transaction<Database>, personId: string): Promise<{ id: string; name: string } | null>;
  /** The person's open quarantine stay (quarantine module), in the caller's transaction. */
  openStayOfPerson(trx: Transaction<Database>, personId: string): Promise<{ setting: 'facility' | 'home' } | null>;
}

export class CasesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly people: PeopleService,
    private readonly tracing: TracingService,
    private readonly containment: Containment = { activeZoneOfPerson: async () => null, openStayOfPerson: async () => null },
  ) {}

  /** For the reports module: cases per commune, day and place of detection over [from, to] (the rollup, no personal data). */
  dailyIn(communes: string[], from: string, to: string) {
    return repo.dailyIn(this.db, communes, from, to).then((rows) => rows.map((r) => ({ ...r, day: String(r.day) })));
  }

  /**
   * Where a case is found when the officer does not say: during a quarantine stay (quarantine module: a facility or
   * home), inside an active lockdown zone (zones module), in quarantine as a traced F1/F2 (facility or home, from the
   * classification's plan), else the community.
   */
  private async detectedInFor(trx: Transaction<Database>, personId: string): Promise<NonNullable<CaseInput['detectedIn']>> {
    const stay = await this.containment.openStayOfPerson(trx, personId);
    if (stay) return stay.setting === 'facility' ? 'quarantine_facility' : 'home_quarantine';
    if (await this.containment.activeZoneOfPerson(trx, personId)) return 'lockdown_zone';
    const cls = await this.tracing.classOfInTx(trx, personId);
    if (cls?.class === 'F1' || cls?.class === 'F2') return cls.quarantine_situation?.endsWith('_facility') ? 'quarantine_facility' : 'home_quarantine';
    return 'community';
  }

  /** Opens a case (F0) and reclassifies the person's neighbourhood, in one transaction. */
  async create(actor: Actor, input: CaseInput): Promise<CaseChanged> {
    const person = await this.people.placeOfPerson(input.personId);
    if (!person || !placeInScope(actor.scope, person)) throw new AppError('people.person_not_found', 404, {}, 'personId');
    const rules = await this.rulesOn(input.confirmedOn);
    return this.db.transaction().execute(async (trx) => {
      const result = await this.confirmInTx(trx, actor, input, person, rules);
      return { case: presentCase(result.row), reclassified: result.reclassified };
    });
  }

  /**
   * The case-opening step in the caller's transaction: the testing module calls this when a confirming
   * result arrives, so the result, the case and the reclassification commit together.
   */
  async confirmInTx(
    trx: Transaction<Database>,
    actor: Actor,
    input: CaseInput,
    person: { province_code: string; district_code: string; commune_code: string },
    rules: ClassificationRuleSets,
  ) {
    const existing = await repo.activeCaseOf(trx, input.personId);
    if (existing)
      throw new AppError('cases.person_has_case', 409, { caseCode: existing.case_code }, 'personId', undefined, {
        existing: { id: existing.id, caseCode: existing.case_code },
      });
    const year = Number(input.confirmedOn.slice(0, 4));
    const serial = await repo.nextCaseSerial(trx, person.province_code, year);
    const row = await repo.insertCase(trx, {
      id: uuidv7(),
      province_code: person.province_code,
      district_code: person.district_code,
      commune_code: person.commune_code,
      person_id: input.personId,
      case_code: `${person.province_code}-${year}-${String(serial).padStart(6, '0')}`,
      confirmed_on: input.confirmedOn,
      confirming_test: input.confirmingTest,
      detected_in: input.detectedIn ?? (await this.detectedInFor(trx, input.personId)),
      onset_on: input.onsetOn ?? null,
      sampled_on: input.sampledOn,
      isolated_at: input.isolatedAt ?? null,
      clinical_status: input.clinicalStatus,
      treatment_place: input.treatmentPlace,
    });
    const reclassified = await this.tracing.reclassifyAroundInTx(trx, [input.personId], rules);
    await this.audit.record(trx, actor, {
      action: 'create',
      entity: 'case',
      entityId: row.id,
      fields: Object.keys(input),
      detail: { personId: input.personId, caseCode: row.case_code, reclassified },
    });
    return { row, reclassified };
  }

  /** Records the course of a case; a change of isolation time reclassifies (it ends the infectious window). */
  async update(
    actor: Actor,
    id: string,
    patch: {
      version: number;
      clinicalStatus?: string;
      treatmentPlace?: string;
      isolatedAt?: string | null;
      outcome?: string | null;
      outcomeOn?: string | null;
    },
  ): Promise<CaseView> {
    const current = await repo.caseById(this.db, id);
    if (!current) throw new AppError('cases.not_found', 404);
    assertInScope(actor, current, 'cases.not_found');
    const rules = await this.rulesOn(current.confirmed_on);
    return this.db.transaction().execute(async (trx) => {
      const { version, ...fields } = patch;
      const changes = Object.fromEntries(
        Object.entries({
          clinical_status: fields.clinicalStatus,
          treatment_place: fields.treatmentPlace,
          isolated_at: fields.isolatedAt,
          outcome: fields.outcome,
          outcome_on: fields.outcomeOn,
        }).filter(([, v]) => v !== undefined),
      );
      const row = await repo.updateCase(trx, id, version, changes);
      if (!row) throw new AppError(current.status === 'withdrawn' ? 'cases.already_withdrawn' : 'people.version_conflict', 409, {}, 'version');
      if (fields.isolatedAt !== undefined) await this.tracing.reclassifyAroundInTx(trx, [row.person_id], rules);
      await this.audit.record(trx, actor, { action: 'update', entity: 'case', entityId: id, fields: Object.keys(fields) });
      return presentCase(row);
    });
  }

  /** Withdraws a case (false positive): the classes it gave roll back. */
  async withdraw(actor: Actor, id: string, reason: string, version: number): Promise<CaseChanged> {
    const current = await repo.caseById(this.db, id);
    if (!current) throw new AppError('cases.not_found', 404);
    assertInScope(actor, current, 'cases.not_found');
    if (current.status === 'withdrawn') throw new AppError('cases.already_withdrawn', 409);
    const rules = await this.rulesOn(current.confirmed_on);
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.withdrawCase(trx, id, version, reason);
      if (!row) throw new AppError('people.version_conflict', 409, {}, 'version');
      const reclassified = await this.tracing.reclassifyAroundInTx(trx, [row.person_id], rules);
      await this.audit.record(trx, actor, { action: 'update', entity: 'case', entityId: id, fields: ['status', 'withdrawnReason'], detail: { reclassified } });
      return { case: presentCase(row), reclassified };
    });
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    const row = await repo.caseById(this.db, id);
    if (!row) throw new AppError('cases.not_found', 404);
    assertInScope(actor, row, 'cases.not_found');
    this.audit.read(actor, { action: 'read', entity: 'case', entityId: id });
    return presentCase(row);
  }

  async list(
    actor: Actor,
    q: { unit?: string; from?: string; to?: string; detectedIn?: string; status?: string; page: number; pageSize: number },
  ): Promise<CaseListView> {
    const unit = q.unit ? this.units.placeFilter(q.unit, 'unit') : undefined;
    const { items, total } = await repo.listCases(this.db, actor, { ...q, unit }, (q.page - 1) * q.pageSize, q.pageSize);
    this.audit.read(actor, { action: 'search', entity: 'case', detail: { ...q, returned: items.map((c) => c.id) } });
    return { items: items.map(presentCase), total };
  }

  /** The filtered case list (up to 50,000 rows) as an Excel workbook; the export is audited. */
  async exportXlsx(actor: Actor, q: { unit?: string; from?: string; to?: string; detectedIn?: string; status?: string }): Promise<Buffer> {
    const unit = q.unit ? this.units.placeFilter(q.unit, 'unit') : undefined;
    const { items } = await repo.listCases(this.db, actor, { ...q, unit }, 0, 50_000);
    const cards = await this.people.cardsOf(
      actor,
      items.map((c) => c.person_id),
      'case_export',
    );
    const rows = items.map((c) => ({
      ...presentCase(c),
      fullName: cards.get(c.person_id)?.fullName ?? null,
      birthYear: cards.get(c.person_id)?.birthYear ?? null,
      communeName: this.units.get(c.commune_code)?.name ?? c.commune_code,
      districtName: this.units.get(c.district_code)?.name ?? c.district_code,
    }));
    await this.db.transaction().execute((trx) => this.audit.record(trx, actor, { action: 'export', entity: 'case', detail: { ...q, rows: rows.length } }));
    return casesWorkbook(rows);
  }

  /** The case, when in the caller's scope (tracing's CaseReader); else 404 cases.not_found on `field`. */
  async caseInScope(actor: Actor, caseId: string, field?: string) {
    const kase = await repo.caseById(this.db, caseId);
    if (!kase) throw new AppError('cases.not_found', 404, {}, field);
    assertInScope(actor, kase, 'cases.not_found');
    return kase;
  }

  /** Active cases of these persons in the caller's transaction (tracing's classification graph). */
  activeCasesOfInTx = (trx: Transaction<Database>, personIds: string[]) => repo.activeCasesOf(trx, personIds);

  /** Active cases of these persons (tracing's chain figures). */
  activeCasesOf = (personIds: string[]) => (personIds.length ? repo.activeCasesOf(this.db, personIds) : Promise.resolve([]));

  /** Index cases of clusters: code, person and confirmation day, by id. */
  casesByIds = (ids: string[]) => (ids.length ? repo.casesByIds(this.db, ids) : Promise.resolve([]));

  /**
   * A confirming test result arrived (testing module, inside its transaction): opens the person's case unless one
   * is active. Where the person was found follows their current class (an F1 in quarantine) or the sampling.
   * Rules must be loaded before the transaction (classificationRulesOn): on PGlite a second query outside the
   * open transaction would wait for it.
   */
  async confirmFromResultInTx(
    trx: Transaction<Database>,
    actor: Actor,
    result: {
      personId: string;
      barcode: string;
      sampledOn: string;
      confirmedOn: string;
      symptomatic: boolean;
      place: { province_code: string; district_code: string; commune_code: string };
    },
    rules: ClassificationRuleSets,
  ): Promise<{ caseId: string; caseCode: string; created: boolean }> {
    const existing = await repo.activeCaseOf(trx, result.personId);
    if (existing) return { caseId: existing.id, caseCode: existing.case_code, created: false };
    const { row } = await this.confirmInTx(
      trx,
      actor,
      {
        personId: result.personId,
        confirmedOn: result.confirmedOn,
        confirmingTest: result.barcode,
        sampledOn: result.sampledOn,
        onsetOn: null,
        clinicalStatus: result.symptomatic ? 'mild' : 'asymptomatic',
        treatmentPlace: 'home',
      },
      result.place,
      rules,
    );
    return { caseId: row.id, caseCode: row.case_code, created: true };
  }

  /** For the zones module: active cases confirmed in [from, to] (person, commune, day, where detected). */
  async casesForAssessment(from: string, to: string): Promise<{ personId: string; communeCode: string; confirmedOn: string; detectedIn: string }[]> {
    const rows = await repo.casesForAssessment(this.db, from, to);
    return rows.map((r) => ({ personId: r.person_id, communeCode: r.commune_code, confirmedOn: r.confirmed_on, detectedIn: r.detected_in }));
  }

  /** For the zones module: the day of each commune's last community case before `day`. */
  async lastCommunityCasesBefore(day: string): Promise<Map<string, string>> {
    return new Map((await repo.lastCommunityCasesBefore(this.db, day)).map((r) => [r.commune_code, r.last_on]));
  }

  /** For the testing module, which reaches tracing through CasesService: a person's class (antigen policy). */
  classOfInTx(trx: Transaction<Database>, personId: string) {
    return this.tracing.classOfInTx(trx, personId);
  }

  /** For the testing module: persons with quarantine test days. */
  personsWithTestDaysInTx(trx: Transaction<Database>): Promise<string[]> {
    return this.tracing.personsWithTestDaysInTx(trx);
  }

  /** Kept for the testing module, which calls it on CasesService; it belongs to tracing (TracingService.satisfyTestDaysInTx). */
  satisfyTestDaysInTx(trx: Transaction<Database>, negatives: { personIds: string[]; days: string[] }, toleranceDays: number): Promise<number> {
    return this.tracing.satisfyTestDaysInTx(trx, negatives, toleranceDays);
  }

  /** The rule sets opening a case needs on a day, for its reclassification (load them before opening a transaction). */
  classificationRulesOn(day: string): Promise<ClassificationRuleSets> {
    return this.tracing.classificationRulesOn(day);
  }

  private rulesOn(day: string): Promise<ClassificationRuleSets> {
    return this.tracing.classificationRulesOn(day);
  }
}
