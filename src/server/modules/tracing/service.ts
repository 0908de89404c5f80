import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { placeInScope } from '../../platform/scope';
import type { UnitDirectory } from '../geography/directory';
import type { PeopleService } from '../people/service';
import type { RuleSetsService } from '../rule-sets/service';
import type { UsersService } from '../users/service';
import { reclassifyAround, type ActiveCasesInTx, type ClassificationRuleSets } from './classification';
import { chainGraph } from './chain';
import { saveContactLines } from './contact-import';
import { presentClassification } from './present';
import * as repo from './repo';
import type { ClassificationView, ContactView, ExposureInput, ExposureSetting, FollowUpItem, ReclassifyReport } from './schemas';

/** What tracing reads of cases, through the cases module's service (CasesService implements it). */
export interface CaseReader {
  /** The case, when in the caller's scope; else 404 cases.not_found on `field`. */
  caseInScope(
    actor: Actor,
    caseId: string,
    field?: string,
  ): Promise<{ id: string; person_id: string; confirmed_on: string; province_code: string; district_code: string; commune_code: string }>;
  activeCasesOfInTx: ActiveCasesInTx;
  activeCasesOf(personIds: string[]): Promise<{ person_id: string; case_code: string; confirmed_on: string }[]>;
  casesByIds(ids: string[]): Promise<{ id: string; person_id: string; case_code: string; confirmed_on: string }[]>;
}

/** Contact tracing: exposures, F0/F1/F2 classification, follow-up lists, contact lists and import, chains. */
export class TracingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly people: PeopleService,
    private readonly ruleSets: RuleSetsService,
    private readonly users: Pick<UsersService, 'tracersOf'>,
    private readonly cases: CaseReader,
  ) {}

  /**
   * Records an exposure (source → exposed). The source must be in the investigator's scope; the exposed
   * person may live anywhere in the same province (contacts cross commune lines) — that access is audited.
   */
  async addExposure(actor: Actor, input: ExposureInput): Promise<{ exposureId: string; reclassified: ReclassifyReport }> {
    const [source, exposed] = await Promise.all([this.people.placeOfPerson(input.sourcePersonId), this.people.placeOfPerson(input.exposedPersonId)]);
    if (!source || !placeInScope(actor.scope, source)) throw new AppError('people.person_not_found', 404, {}, 'sourcePersonId');
    if (!exposed || exposed.province_code !== source.province_code) throw new AppError('people.person_not_found', 404, {}, 'exposedPersonId');
    const rules = await this.classificationRulesOn(vnDay(new Date(input.startAt)));
    const types = (rules.classification.payload as { contactTypes: { code: string }[] }).contactTypes.map((c) => c.code);
    if (!types.includes(input.contactType)) throw new AppError('cases.contact_type', 400, { contactType: input.contactType }, 'contactType');
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.insertExposure(trx, {
        id: input.id ?? uuidv7(),
        province_code: exposed.province_code,
        district_code: exposed.district_code,
        commune_code: exposed.commune_code,
        source_person_id: input.sourcePersonId,
        exposed_person_id: input.exposedPersonId,
        start_at: input.startAt,
        end_at: input.endAt,
        contact_type: input.contactType,
        setting: input.setting,
        place_name: input.placeName ?? null,
      });
      if (!row) throw new AppError('cases.exposure_duplicate', 409, {}, 'exposedPersonId');
      const reclassified = await this.reclassifyAroundInTx(trx, [input.sourcePersonId], rules);
      await this.audit.record(trx, actor, {
        action: 'create',
        entity: 'exposure',
        entityId: row.id,
        fields: Object.keys(input),
        detail: { sourcePersonId: input.sourcePersonId, exposedPersonId: input.exposedPersonId, exposedOutsideScope: !placeInScope(actor.scope, exposed) },
      });
      return { exposureId: row.id, reclassified };
    });
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
  async followUp(actor: Actor, communeCode: string, day = vnDay()): Promise<FollowUpItem[]> {
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
  async contactsOf(actor: Actor, caseId: string): Promise<ContactView[]> {
    const kase = await this.cases.caseInScope(actor, caseId);
    const edges = await repo.exposuresFrom(this.db, kase.person_id);
    const cards = await this.people.cardsOf(
      actor,
      edges.map((e) => e.exposed_person_id),
      'contact_list',
    );
    const outside = [...cards.values()].filter((c) => !c.inScope).map((c) => c.communeCode);
    const teams = await this.users.tracersOf(outside);
    const classes = new Map(
      (
        await repo.classificationsOf(
          this.db,
          edges.map((e) => e.exposed_person_id),
        )
      ).map((c) => [c.person_id, c]),
    );
    return edges.map((e) => ({
      exposureId: e.id,
      personId: e.exposed_person_id,
      ...cards.get(e.exposed_person_id),
      handOffTo: cards.get(e.exposed_person_id)?.inScope === false ? (teams.get(cards.get(e.exposed_person_id)!.communeCode) ?? []) : null,
      class: classes.get(e.exposed_person_id)?.class ?? null,
      quarantineUntil: classes.get(e.exposed_person_id)?.quarantine_until ?? null,
      startAt: new Date(e.start_at).toISOString(),
      endAt: new Date(e.end_at).toISOString(),
      // the column's check constraint holds it to exposureSetting
      contactType: e.contact_type,
      setting: e.setting as ExposureSetting,
      placeName: e.place_name,
    }));
  }

  /** Saves a pasted or typed line list of contacts, all rows or none. */
  contactLines(actor: Actor, caseId: string, rows: unknown[]) {
    return saveContactLines(
      { db: this.db, people: this.people, audit: this.audit, cases: this.cases, rules: (day) => this.classificationRulesOn(day) },
      actor,
      caseId,
      rows,
    );
  }

  /** The transmission chain around a case (see chainGraph). */
  async chain(actor: Actor, caseId: string, today: string) {
    const graph = await chainGraph({ db: this.db, people: this.people, cases: this.cases }, actor, await this.cases.caseInScope(actor, caseId), today);
    this.audit.read(actor, { action: 'read', entity: 'case_chain', entityId: caseId, detail: { persons: graph.nodes.length } });
    return graph;
  }

  /** Recomputes F0/F1/F2 around changed persons in the caller's transaction (a case opened, changed or withdrawn). */
  reclassifyAroundInTx(trx: Transaction<Database>, changed: string[], rules: ClassificationRuleSets): Promise<ReclassifyReport> {
    return reclassifyAround(trx, changed, rules, this.cases.activeCasesOfInTx);
  }

  /** A person's class, last exposure and quarantine plan (the quarantine module starts a stay from it). */
  planOf(personId: string, db: Kysely<Database> | Transaction<Database> = this.db) {
    return repo.planOf(db, personId);
  }

  /**
   * A quarantine stay's plan becomes the person's plan here too, in the caller's transaction: one plan, the stay's,
   * whatever page shows it (admission to a facility, a restart after a positive in the room).
   */
  adoptPlanInTx(trx: Transaction<Database>, personId: string, plan: { situation: string; until: string; testDays: string[]; testsDone: string[] }) {
    return repo.adoptPlan(trx, personId, plan);
  }

  /** A person's class and quarantine situation, in the caller's transaction; undefined when unclassified. */
  classOfInTx(trx: Transaction<Database>, personId: string) {
    return repo.classOf(trx, personId);
  }

  /**
   * Negative samples satisfy the quarantine test days they were taken for (see repo.satisfyTestDays).
   * Still takes the testing module's query of (person_id, day) pairs, as before the split; see docs/DECISIONS.md.
   */
  personsWithTestDaysInTx(trx: Transaction<Database>): Promise<string[]> {
    return repo.personsWithTestDays(trx);
  }

  satisfyTestDaysInTx(trx: Transaction<Database>, negatives: { personIds: string[]; days: string[] }, toleranceDays: number): Promise<number> {
    return repo.satisfyTestDays(trx, negatives, toleranceDays);
  }

  /** The rule sets classification needs on a day (load them before opening a transaction). */
  /** For the zones module: which of these persons have a known source of infection (an exposure into them), and whether it was in a high-contact place. */
  async infectionSourcesOf(personIds: string[]): Promise<Map<string, { highContact: boolean }>> {
    if (!personIds.length) return new Map();
    const rows = await repo.infectionSourcesOf(this.db, personIds);
    return new Map(rows.map((r) => [r.exposed_person_id, { highContact: r.high_contact }]));
  }

  async classificationRulesOn(day: string): Promise<ClassificationRuleSets> {
    const [classification, quarantine] = await Promise.all([this.ruleSets.inForce('exposure_classification', day), this.ruleSets.inForce('quarantine', day)]);
    return { classification, quarantine };
  }
}
