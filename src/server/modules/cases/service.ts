import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertInScope, placeInScope } from '../../platform/scope';
import type { UnitDirectory } from '../geography/directory';
import type { PeopleService } from '../people/service';
import type { RuleSetsService } from '../rule-sets/service';
import { reclassifyAround, type ClassificationRuleSets, type ReclassifyReport } from './classification';
import { presentCase, presentClassification } from './present';
import * as repo from './repo';
import type { UsersService } from '../users/service';
import { chainGraph } from './cluster';
import { saveContactLines } from './line-list';
import { casesWorkbook } from './export';
import type { CaseInput, CaseView, ClassificationView, ExposureInput } from './schemas';

export class CasesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly people: PeopleService,
    private readonly ruleSets: RuleSetsService,
    private readonly users: Pick<UsersService, 'tracersOf'>,
  ) {}

  /** Opens a case (F0) and reclassifies the person's neighbourhood, in one transaction. */
  async create(actor: Actor, input: CaseInput): Promise<{ case: CaseView; reclassified: ReclassifyReport }> {
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
  async confirmInTx(trx: Transaction<Database>, actor: Actor, input: CaseInput, person: { province_code: string; district_code: string; commune_code: string }, rules: ClassificationRuleSets) {
    const existing = await repo.activeCaseOf(trx, input.personId);
    if (existing) throw new AppError('cases.person_has_case', 409, { caseCode: existing.case_code }, 'personId', undefined, { existing: { id: existing.id, caseCode: existing.case_code } });
    const year = Number(input.confirmedOn.slice(0, 4));
    const serial = await repo.nextCaseSerial(trx, person.province_code, year);
    const row = await repo.insertCase(trx, {
      id: uuidv7(), province_code: person.province_code, district_code: person.district_code, commune_code: person.commune_code,
      person_id: input.personId, case_code: `${person.province_code}-${year}-${String(serial).padStart(6, '0')}`,
      confirmed_on: input.confirmedOn, confirming_test: input.confirmingTest, detected_in: input.detectedIn, onset_on: input.onsetOn ?? null,
      sampled_on: input.sampledOn, isolated_at: input.isolatedAt ?? null, clinical_status: input.clinicalStatus, treatment_place: input.treatmentPlace,
    });
    const reclassified = await reclassifyAround(trx, [input.personId], rules);
    await this.audit.record(trx, actor, { action: 'create', entity: 'case', entityId: row.id, fields: Object.keys(input), detail: { personId: input.personId, caseCode: row.case_code, reclassified } });
    return { row, reclassified };
  }

  /** Records the course of a case; a change of isolation time reclassifies (it ends the infectious window). */
  async update(actor: Actor, id: string, patch: { version: number; clinicalStatus?: string; treatmentPlace?: string; isolatedAt?: string | null; outcome?: string | null; outcomeOn?: string | null }): Promise<CaseView> {
    const current = await repo.caseById(this.db, id);
    if (!current) throw new AppError('cases.not_found', 404);
    assertInScope(actor, current, 'cases.not_found');
    const rules = await this.rulesOn(current.confirmed_on);
    return this.db.transaction().execute(async (trx) => {
      const { version, ...fields } = patch;
      const changes = Object.fromEntries(Object.entries({
        clinical_status: fields.clinicalStatus, treatment_place: fields.treatmentPlace, isolated_at: fields.isolatedAt, outcome: fields.outcome, outcome_on: fields.outcomeOn,
      }).filter(([, v]) => v !== undefined));
      const row = await repo.updateCase(trx, id, version, changes);
      if (!row) throw new AppError(current.status === 'withdrawn' ? 'cases.already_withdrawn' : 'people.version_conflict', 409, {}, 'version');
      if (fields.isolatedAt !== undefined) await reclassifyAround(trx, [row.person_id], rules);
      await this.audit.record(trx, actor, { action: 'update', entity: 'case', entityId: id, fields: Object.keys(fields) });
      return presentCase(row);
    });
  }

  /** Withdraws a case (false positive): the classes it gave roll back. */
  async withdraw(actor: Actor, id: string, reason: string, version: number): Promise<{ case: CaseView; reclassified: ReclassifyReport }> {
    const current = await repo.caseById(this.db, id);
    if (!current) throw new AppError('cases.not_found', 404);
    assertInScope(actor, current, 'cases.not_found');
    if (current.status === 'withdrawn') throw new AppError('cases.already_withdrawn', 409);
    const rules = await this.rulesOn(current.confirmed_on);
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.withdrawCase(trx, id, version, reason);
      if (!row) throw new AppError('people.version_conflict', 409, {}, 'version');
      const reclassified = await reclassifyAround(trx, [row.person_id], rules);
      await this.audit.record(trx, actor, { action: 'update', entity: 'case', entityId: id, fields: ['status', 'withdrawnReason'], detail: { reclassified } });
      return { case: presentCase(row), reclassified };
    });
  }

  /**
   * Records an exposure (source → exposed). The source must be in the investigator's scope; the exposed
   * person may live anywhere in the same province (contacts cross commune lines) — that access is audited.
   */
  async addExposure(actor: Actor, input: ExposureInput): Promise<{ exposureId: string; reclassified: ReclassifyReport }> {
    const [source, exposed] = await Promise.all([this.people.placeOfPerson(input.sourcePersonId), this.people.placeOfPerson(input.exposedPersonId)]);
    if (!source || !placeInScope(actor.scope, source)) throw new AppError('people.person_not_found', 404, {}, 'sourcePersonId');
    if (!exposed || exposed.province_code !== source.province_code) throw new AppError('people.person_not_found', 404, {}, 'exposedPersonId');
    const rules = await this.rulesOn(vnDay(new Date(input.startAt)));
    const types = (rules.classification.payload as { contactTypes: { code: string }[] }).contactTypes.map((c) => c.code);
    if (!types.includes(input.contactType)) throw new AppError('cases.contact_type', 400, { contactType: input.contactType }, 'contactType');
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.insertExposure(trx, {
        id: input.id ?? uuidv7(), province_code: exposed.province_code, district_code: exposed.district_code, commune_code: exposed.commune_code,
        source_person_id: input.sourcePersonId, exposed_person_id: input.exposedPersonId, start_at: input.startAt, end_at: input.endAt,
        contact_type: input.contactType, setting: input.setting, place_name: input.placeName ?? null,
      });
      if (!row) throw new AppError('cases.exposure_duplicate', 409, {}, 'exposedPersonId');
      const reclassified = await reclassifyAround(trx, [input.sourcePersonId], rules);
      await this.audit.record(trx, actor, {
        action: 'create', entity: 'exposure', entityId: row.id, fields: Object.keys(input),
        detail: { sourcePersonId: input.sourcePersonId, exposedPersonId: input.exposedPersonId, exposedOutsideScope: !placeInScope(actor.scope, exposed) },
      });
      return { exposureId: row.id, reclassified };
    });
  }

  async get(actor: Actor, id: string): Promise<CaseView> {
    const row = await repo.caseById(this.db, id);
    if (!row) throw new AppError('cases.not_found', 404);
    assertInScope(actor, row, 'cases.not_found');
    this.audit.read(actor, { action: 'read', entity: 'case', entityId: id });
    return presentCase(row);
  }

  async list(actor: Actor, q: { unit?: string; from?: string; to?: string; detectedIn?: string; status?: string; page: number; pageSize: number }) {
    const unit = q.unit ? this.units.placeFilter(q.unit, 'unit') : undefined;
    const { items, total } = await repo.listCases(this.db, actor, { ...q, unit }, (q.page - 1) * q.pageSize, q.pageSize);
    this.audit.read(actor, { action: 'search', entity: 'case', detail: { ...q, returned: items.map((c) => c.id) } });
    return { items: items.map(presentCase), total };
  }

  /** The filtered case list (up to 50,000 rows) as an Excel workbook; the export is audited. */
  async exportXlsx(actor: Actor, q: { unit?: string; from?: string; to?: string; detectedIn?: string; status?: string }): Promise<Buffer> {
    const unit = q.unit ? this.units.placeFilter(q.unit, 'unit') : undefined;
    const { items } = await repo.listCases(this.db, actor, { ...q, unit }, 0, 50_000);
    const cards = await this.people.cardsOf(actor, items.map((c) => c.person_id), 'case_export');
    const rows = items.map((c) => ({
      ...presentCase(c), fullName: cards.get(c.person_id)?.fullName ?? null, birthYear: cards.get(c.person_id)?.birthYear ?? null,
      communeName: this.units.get(c.commune_code)?.name ?? c.commune_code, districtName: this.units.get(c.district_code)?.name ?? c.district_code,
    }));
    await this.db.transaction().execute((trx) => this.audit.record(trx, actor, { action: 'export', entity: 'case', detail: { ...q, rows: rows.length } }));
    return casesWorkbook(rows);
  }

  /** A person's current class (F0/F1/F2) with its quarantine plan; null when unclassified. */
  async classificationOf(actor: Actor, personId: string): Promise<ClassificationView | null> {
    const person = await this.people.placeOfPerson(personId);
    if (!person || !placeInScope(actor.scope, person)) throw new AppError('people.person_not_found', 404);
    const row = await repo.classificationOf(this.db, personId);
    this.audit.read(actor, { action: 'read', entity: 'classification', entityId: personId });
    return row ? presentClassification(row) : null;
  }

  /** The commune team's list for a day: F1/F2 in quarantine, with today's tests and overdue ones. */
  async followUp(actor: Actor, communeCode: string, day = vnDay()) {
    this.units.require(communeCode, 'commune', { level: 'commune' });
    const rows = await repo.followUpOf(this.db, actor, communeCode, day);
    this.audit.read(actor, { action: 'search', entity: 'classification', detail: { communeCode, day, returned: rows.map((r) => r.person_id) } });
    return rows.map((r) => ({
      ...presentClassification(r),
      // a test day a negative result already satisfied is no longer due
      testToday: r.test_days.includes(day) && !r.tests_done.includes(day),
      testsDue: r.test_days.filter((d) => d <= day && !r.tests_done.includes(d)),
      testsDone: r.tests_done,
      releaseToday: r.quarantine_until === day,
    }));
  }

  /**
   * The contacts of a case for the investigator calling them, each by the one rule of personCard: a contact
   * living outside the caller's scope shows only their commune and the team there to hand them to.
   */
  async contactsOf(actor: Actor, caseId: string) {
    const kase = await repo.caseById(this.db, caseId);
    if (!kase) throw new AppError('cases.not_found', 404);
    assertInScope(actor, kase, 'cases.not_found');
    const edges = await this.db.selectFrom('exposures').selectAll().where('source_person_id', '=', kase.person_id).orderBy('start_at').execute();
    const cards = await this.people.cardsOf(actor, edges.map((e) => e.exposed_person_id), 'contact_list');
    const outside = [...cards.values()].filter((c) => !c.inScope).map((c) => c.communeCode);
    const teams = await this.users.tracersOf(outside);
    const classes = new Map((await repo.classificationsOf(this.db, edges.map((e) => e.exposed_person_id))).map((c) => [c.person_id, c]));
    return edges.map((e) => ({
      exposureId: e.id, personId: e.exposed_person_id, ...cards.get(e.exposed_person_id),
      handOffTo: cards.get(e.exposed_person_id)?.inScope === false ? teams.get(cards.get(e.exposed_person_id)!.communeCode) ?? [] : null, class: classes.get(e.exposed_person_id)?.class ?? null,
      quarantineUntil: classes.get(e.exposed_person_id)?.quarantine_until ?? null, startAt: new Date(e.start_at).toISOString(), endAt: new Date(e.end_at).toISOString(),
      contactType: e.contact_type, setting: e.setting, placeName: e.place_name,
    }));
  }

  /** Saves a pasted or typed line list of contacts, all rows or none. */
  contactLines(actor: Actor, caseId: string, rows: unknown[]) {
    return saveContactLines({ db: this.db, people: this.people, audit: this.audit, rules: (day) => this.rulesOn(day) }, actor, caseId, rows);
  }

  /** The transmission chain around a case (see chainGraph). */
  async chain(actor: Actor, caseId: string, today: string) {
    const graph = await chainGraph(this.db, actor, caseId, today);
    this.audit.read(actor, { action: 'read', entity: 'case_chain', entityId: caseId, detail: { persons: graph.nodes.length } });
    return graph;
  }

  /**
   * A confirming test result arrived (testing module, inside its transaction): opens the person's case unless one
   * is active. Where the person was found follows their current class (an F1 in quarantine) or the sampling.
   * Rules must be loaded before the transaction (classificationRulesOn): on PGlite a second query outside the
   * open transaction would wait for it.
   */
  async confirmFromResultInTx(
    trx: Transaction<Database>, actor: Actor,
    result: { personId: string; barcode: string; sampledOn: string; confirmedOn: string; symptomatic: boolean; place: { province_code: string; district_code: string; commune_code: string } },
    rules: ClassificationRuleSets,
  ): Promise<{ caseId: string; caseCode: string; created: boolean }> {
    const existing = await repo.activeCaseOf(trx, result.personId);
    if (existing) return { caseId: existing.id, caseCode: existing.case_code, created: false };
    const cls = await trx.selectFrom('classifications').select(['class', 'quarantine_situation']).where('person_id', '=', result.personId).executeTakeFirst();
    const detectedIn = cls?.class === 'F1' || cls?.class === 'F2'
      ? (cls.quarantine_situation === 'facility' ? 'quarantine_facility' : 'home_quarantine')
      : 'community';
    const { row } = await this.confirmInTx(trx, actor, {
      personId: result.personId, confirmedOn: result.confirmedOn, confirmingTest: result.barcode, detectedIn,
      sampledOn: result.sampledOn, onsetOn: null, clinicalStatus: result.symptomatic ? 'mild' : 'asymptomatic', treatmentPlace: 'home',
    }, result.place, rules);
    return { caseId: row.id, caseCode: row.case_code, created: true };
  }

  /**
   * Negative samples satisfy the quarantine test days they were taken for: `negatives` is a query yielding
   * (person_id, day) pairs; a test day counts as done when a negative was collected on it or up to
   * `toleranceDays` before. Set-based, so a million-row import costs one statement.
   */
  async satisfyTestDaysInTx(trx: Transaction<Database>, negatives: RawBuilder<unknown>, toleranceDays: number): Promise<number> {
    const { numAffectedRows } = await sql`
      update classifications c set tests_done = (
          select array(select distinct d from unnest(c.tests_done || n.days) d order by d))
        from (select x.person_id, array_agg(distinct t.day) as days
                from (${negatives}) x(person_id, day)
                join classifications k on k.person_id = x.person_id
                cross join lateral unnest(k.test_days) t(day)
               where x.day between t.day - ${toleranceDays}::int and t.day
               group by x.person_id) n
       where c.person_id = n.person_id and not (c.tests_done @> n.days)`.execute(trx);
    return Number(numAffectedRows ?? 0);
  }

  /** The rule sets classification needs on a day (load them before opening a transaction). */
  classificationRulesOn(day: string): Promise<ClassificationRuleSets> {
    return this.rulesOn(day);
  }

  private async rulesOn(day: string): Promise<ClassificationRuleSets> {
    const [classification, quarantine] = await Promise.all([this.ruleSets.inForce('exposure_classification', day), this.ruleSets.inForce('quarantine', day)]);
    return { classification, quarantine };
  }
}
