import type { SamplingListener } from './campaign-api';
import type { Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import type { TestType } from '@domain/testing';
import { poolPlanOf } from './pool-size';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertInScope, placeInScope } from '../../platform/scope';
import type { CasesService } from '../cases/service';
import type { UnitDirectory } from '../geography/directory';
import type { PeopleService } from '../people/service';
import type { RuleSetsService } from '../rule-sets/service';
import * as repo from './repo/sampling';
import { membersOfSamples } from './repo/merge';
import { finishImport, mergeStaged, unrollResult, type MergeContext, type MergeReport, type ResultListener, type TestingRules } from './results';
import type { CollectInput, ImportProgress, ResultInput, SessionInput, TeamInput } from './schemas';
import type {
  CollectedView,
  ConflictResolved,
  ImportRowError,
  ImportStatusView,
  PoolPlanView,
  ResultConflict,
  ResultEnteredView,
  SampleView,
  SessionListItem,
  SessionView,
  TaskView,
  TeamView,
  TestTypeView,
  TubeView,
} from './views';
import * as present from './present';
import * as intake from './repo/intake';
import { collectSample } from './collect';

export interface TestingOptions {
  /** The clock (tests move it across midnight). */
  now?: () => Date;
}

/**
 * Sampling, transport, lab intake and results. Results from every source (rapid antigen on the spot, a lab
 * technician's entry, a lab's file or system) go through one mechanism: staged rows merged by mergeStaged.
 */
export class TestingService {
  readonly now: () => Date;
  /**
   * Imports running in this process, by id: their stage as the import code reaches it. The progress route reads
   * it first — inside the merge transaction the database row still says "checking", and on PGlite (one
   * connection) a read would wait for the transaction to end.
   */
  readonly running = new Map<string, ImportProgress>();

  /** Modules told of results inside the merge (see ResultListener); added by the composition root. */
  readonly listeners: ResultListener[] = [];
  /** Told of household collections (campaigns' round coverage), registered by the composition root. */
  readonly samplingListeners: SamplingListener[] = [];

  constructor(
    readonly db: Db,
    private readonly units: UnitDirectory,
    /** The import and public-lookup code of this module uses these too. */
    readonly audit: AuditLog,
    /** Collection registers members on the spot through it (collect.ts). */
    readonly people: PeopleService,
    readonly cases: CasesService,
    private readonly ruleSets: RuleSetsService,
    opts: TestingOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  private get k() {
    return this.db.kysely;
  }

  // ---- reference data -------------------------------------------------------------------------------------

  testTypes(): Promise<TestTypeView[]> {
    return repo.testTypes(this.k).then((rows) => rows.map(present.testType));
  }

  async teams(actor: Actor, communeCode?: string): Promise<TeamView[]> {
    const rows = await repo.teamsOf(this.k, actor, communeCode);
    this.audit.read(actor, { action: 'search', entity: 'sampling_team', detail: { communeCode: communeCode ?? null, returned: rows.map((r) => r.id) } });
    return rows.map(present.team);
  }

  async saveTeam(actor: Actor, input: TeamInput, id?: string): Promise<TeamView> {
    const commune = this.units.require(input.communeCode, 'communeCode', { level: 'commune' });
    const { province_code, district_code, commune_code } = this.units.placeOf(commune.code);
    const place = { province_code, district_code, commune_code };
    if (!placeInScope(actor.scope, place)) throw new AppError('validation.unit_out_of_scope', 400, { code: commune.code }, 'communeCode');
    return this.k.transaction().execute(async (trx) => {
      const clash = await repo.teamNamed(trx, input.name, commune.code);
      if (clash && clash.id !== id) throw new AppError('testing.team_name_taken', 409, { name: input.name }, 'name');
      const values = { ...place, name: input.name, members: JSON.stringify(input.members), active: input.active };
      const row = id ? await repo.updateTeam(trx, actor, id, values) : await repo.insertTeam(trx, { id: uuidv7(), ...values });
      if (!row) throw new AppError('testing.team_not_found', 404);
      await this.audit.record(trx, actor, { action: id ? 'update' : 'create', entity: 'sampling_team', entityId: row.id, fields: Object.keys(input) });
      return present.team(row);
    });
  }

  // ---- sampling ---------------------------------------------------------------------------------------------

  async createSession(actor: Actor, input: SessionInput): Promise<SessionView> {
    const team = await intake.teamById(this.k, input.teamId);
    if (!team || !placeInScope(actor.scope, team)) throw new AppError('testing.team_not_found', 404, {}, 'teamId');
    return this.k.transaction().execute(async (trx) => {
      const row = await repo.insertSession(trx, {
        id: uuidv7(),
        province_code: team.province_code,
        district_code: team.district_code,
        commune_code: team.commune_code,
        team_id: team.id,
        session_date: input.sessionDate,
        mode: input.mode,
        place_name: input.placeName,
        created_by: actor.id,
      });
      await this.audit.record(trx, actor, { action: 'create', entity: 'sampling_session', entityId: row.id, fields: Object.keys(input) });
      return present.session(row, team.name, []);
    });
  }

  async sessions(actor: Actor, q: { communeCode?: string; day?: string }): Promise<SessionListItem[]> {
    const rows = await repo.sessionsOf(this.k, actor, q);
    this.audit.read(actor, { action: 'search', entity: 'sampling_session', detail: { ...q, returned: rows.map((r) => r.id) } });
    return rows.map((r) => ({ ...present.session(r, r.team_name, []), samples: Number(r.samples ?? 0) }));
  }

  async session(actor: Actor, id: string): Promise<SessionView> {
    const s = await repo.sessionWithTeam(this.k, id);
    if (!s) throw new AppError('testing.session_not_found', 404);
    assertInScope(actor, s, 'testing.session_not_found');
    const samples = await repo.samplesOfSession(this.k, id);
    const tubes = await this.withMembers(actor, samples);
    this.audit.read(actor, {
      action: 'read',
      entity: 'sampling_session',
      entityId: id,
      detail: { persons: tubes.flatMap((t) => t.members.map((m) => m.personId)) },
    });
    return present.session(s, s.team_name, tubes);
  }

  /** How a household would be split into tubes under the max pool size in force today. */
  poolPlan(actor: Actor, householdId: string): Promise<PoolPlanView> {
    return poolPlanOf(this, actor, householdId);
  }

  /**
   * Collects one sample (one tube, or the tubes of a household split by the max pool size in force), adding
   * persons not yet registered to the household on the spot; a rapid antigen result read on the spot is merged in
   * the same transaction (collect.ts).
   */
  collect(actor: Actor, sessionId: string, input: CollectInput): Promise<CollectedView> {
    return collectSample(this, actor, sessionId, input);
  }

  // ---- results ----------------------------------------------------------------------------------------------

  /** A lab technician enters one tube's result. */
  async enterResult(actor: Actor, barcode: string, input: ResultInput): Promise<ResultEnteredView> {
    const sample = await this.sampleByBarcode(actor, barcode);
    const rules = await this.mergeRules(vnDay(this.now()));
    const report = await this.k.transaction().execute((trx) =>
      this.stageAndMerge(trx, actor, { provinceCode: sample.province_code, labId: null, source: 'manual', rules, fileName: `nhập tay ${barcode}` }, [
        {
          barcode: sample.barcode,
          result: input.result,
          ct_value: input.ctValue ?? null,
          resulted_at: input.resultedAt ? new Date(input.resultedAt) : this.now(),
        },
      ]),
    );
    return { ...report, sample: await this.sample(actor, barcode) };
  }

  /**
   * Stages rows and merges them, inside the caller's transaction; a rejected row aborts (the first error names
   * the field), so a single entry behaves like a one-row file.
   */
  async stageAndMerge(
    trx: Transaction<Database>,
    actor: Actor,
    opts: { provinceCode: string; labId: string | null; source: MergeContext['source']; rules: MergeContext['rules']; fileName: string },
    rows: { barcode: string; result: 'negative' | 'positive' | 'invalid'; ct_value: number | null; resulted_at: Date }[],
  ): Promise<MergeReport> {
    const importId = uuidv7();
    await repo.stageEntry(
      trx,
      {
        id: importId,
        province_code: opts.provinceCode,
        lab_id: opts.labId,
        file_name: opts.fileName,
        sha256: importId,
        format: opts.source === 'on_site' ? 'on_site' : 'manual',
        status: 'loading',
        created_by: actor.id,
      },
      rows.map((r, i) => ({ import_id: importId, line: i + 1, ...r })),
    );
    const report = await mergeStaged(trx, {
      importId,
      provinceCode: opts.provinceCode,
      labId: opts.labId,
      source: opts.source,
      actor,
      now: this.now(),
      rules: opts.rules,
      cases: this.cases,
      listeners: this.listeners,
      workMem: this.db.largeWorkMem,
    });
    if (report.errors.length) {
      const e = report.errors[0];
      throw new AppError(e.code, e.code === 'testing.sample_not_found' ? 404 : 409, e.params, e.column === 'ct' ? 'ctValue' : e.column);
    }
    await finishImport(trx, importId, report, this.now());
    await this.audit.record(trx, actor, {
      action: 'update',
      entity: 'sample',
      entityId: importId,
      fields: ['result'],
      detail: { barcodes: rows.map((r) => r.barcode), casesOpened: report.casesOpened },
    });
    return report;
  }

  /** A reviewed conflict: accept replaces the tube's result (rollup and consequences follow), reject keeps it. */
  async resolveConflict(actor: Actor, id: string, decision: 'accept' | 'reject'): Promise<ConflictResolved> {
    const c = await repo.conflictById(this.k, id);
    if (!c || !placeInScope(actor.scope, c)) throw new AppError('testing.conflict_not_found', 404);
    if (c.status !== 'open') throw new AppError('testing.conflict_resolved', 409);
    const rules = await this.mergeRules(vnDay(this.now()));
    return this.k.transaction().execute(async (trx) => {
      let report: MergeReport | null = null;
      if (decision === 'accept') {
        await unrollResult(trx, c.sample_id);
        const s = await repo.clearResult(trx, c.sample_id);
        report = await this.stageAndMerge(
          trx,
          actor,
          { provinceCode: c.province_code, labId: s.lab_id, source: 'manual', rules, fileName: `xử lý kết quả khác nhau ${c.barcode}` },
          [{ barcode: c.barcode, result: c.proposed_result as 'negative', ct_value: c.proposed_ct, resulted_at: new Date(c.proposed_resulted_at) }],
        );
      }
      await repo.resolveConflict(trx, id, decision === 'accept' ? 'accepted' : 'rejected', actor.id, this.now());
      await this.audit.record(trx, actor, {
        action: 'update',
        entity: 'result_conflict',
        entityId: id,
        fields: ['status'],
        detail: { decision, barcode: c.barcode },
      });
      return { id, decision, casesOpened: report?.casesOpened ?? [] };
    });
  }

  /** Progress of an import (the page polls it while a large file is staged and merged). */
  async importStatus(actor: Actor, id: string): Promise<ImportStatusView> {
    const live = this.running.get(id);
    if (live && this.provincesOf(actor).includes(live.provinceCode)) {
      this.audit.read(actor, { action: 'read', entity: 'result_import', entityId: id });
      return {
        id,
        labId: live.labId,
        fileName: live.fileName,
        format: live.format,
        status: 'loading' as const,
        stage: live.stage,
        rowsStaged: live.rowsStaged,
        total: live.total,
        applied: 0,
        unchanged: 0,
        conflicts: 0,
        rejected: 0,
        errors: null,
        createdAt: live.startedAt.toISOString(),
        finishedAt: null,
      };
    }
    const r = await repo.importById(this.k, id, this.provincesOf(actor));
    if (!r) throw new AppError('http.not_found', 404);
    this.audit.read(actor, { action: 'read', entity: 'result_import', entityId: id });
    return {
      id: r.id,
      labId: r.lab_id,
      fileName: r.file_name,
      format: r.format,
      status: r.status,
      stage: r.stage,
      rowsStaged: r.rows_staged,
      total: r.rows_total,
      applied: r.rows_applied,
      unchanged: r.rows_unchanged,
      conflicts: r.rows_conflict,
      rejected: r.rows_rejected,
      errors: r.errors as ImportRowError[] /* the kept row errors (repo/imports.ts rejectImport) */,
      createdAt: new Date(r.created_at).toISOString(),
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    };
  }

  async conflicts(actor: Actor): Promise<ResultConflict[]> {
    const rows = await repo.openConflicts(this.k, actor);
    this.audit.read(actor, { action: 'search', entity: 'result_conflict', detail: { returned: rows.map((r) => r.id) } });
    return rows.map(present.conflict);
  }

  // ---- reads ------------------------------------------------------------------------------------------------

  async sample(actor: Actor, barcode: string): Promise<SampleView> {
    const s = await this.sampleByBarcode(actor, barcode);
    const [withMembers] = await this.withMembers(actor, [s]);
    const tasks = await repo.tasksFromSample(this.k, s.id);
    this.audit.read(actor, { action: 'read', entity: 'sample', entityId: s.id, detail: { persons: withMembers.members.map((m) => m.personId) } });
    return { ...withMembers, tasks: tasks.map(present.task) };
  }

  /** Open deconvolution, retest and confirmation tasks (whom to re-collect today), with names for the team. */
  async tasks(actor: Actor, q: { communeCode?: string; status: 'open' | 'done' }): Promise<TaskView[]> {
    const rows = await repo.tasksOf(this.k, actor, q);
    const cards = await this.people.cardsOf(actor, [...new Set(rows.map((r) => r.person_id))], 'testing_tasks');
    this.audit.read(actor, { action: 'search', entity: 'testing_task', detail: { persons: rows.map((r) => r.person_id) } });
    return rows.map((r) => ({
      ...present.task(r),
      sourceBarcode: r.source_barcode,
      sourceTestType: r.source_test_type as TestType /* a test_types code */,
      collectedBarcode: r.collected_barcode ?? null,
      person: cards.get(r.person_id) ?? null,
    }));
  }

  async sampleByBarcode(actor: Actor, barcode: string) {
    const s = await repo.sampleByBarcode(this.k, actor, barcode);
    if (!s) throw new AppError('testing.sample_not_found', 404, { barcode }, 'barcode');
    return s;
  }

  private async withMembers(actor: Actor, samples: Awaited<ReturnType<TestingService['sampleByBarcode']>>[]): Promise<TubeView[]> {
    if (!samples.length) return [];
    const members = await membersOfSamples(
      this.k,
      samples.map((s) => s.id),
    );
    const cards = await this.people.cardsOf(actor, [...new Set(members.map((m) => m.person_id))], 'sample_members');
    const open = members.length
      ? await repo.openTaskPersons(
          this.k,
          members.map((m) => m.person_id),
        )
      : [];
    const suspected = new Set(open.map((o) => o.person_id));
    return samples.map((s) => ({
      ...present.sampleBrief(s),
      members: members
        .filter((m) => m.sample_id === s.id)
        .map((m) => ({ personId: m.person_id, fullName: cards.get(m.person_id)?.fullName ?? null, suspected: suspected.has(m.person_id) })),
    }));
  }

  /** For the zones module: what was collected for these persons in [from, to] — day and result (null while pending). */
  async samplesOfPersons(personIds: string[], from: string, to: string): Promise<{ personId: string; collectedOn: string; result: string | null }[]> {
    if (!personIds.length) return [];
    const rows = await repo.samplesOfPersons(this.db.kysely, personIds, from, to);
    return rows.map((r) => ({ personId: r.person_id, collectedOn: r.collected_on, result: r.result }));
  }

  // ---- rules ------------------------------------------------------------------------------------------------

  async testingRules(day: string) {
    const rs = await this.ruleSets.inForce('testing', day);
    return { version: rs.version, payload: rs.payload as TestingRules };
  }

  /** Everything a merge needs, loaded before its transaction opens. */
  async mergeRules(day: string): Promise<MergeContext['rules']> {
    const [t, classification] = await Promise.all([this.testingRules(day), this.cases.classificationRulesOn(day)]);
    return { testing: t.payload, testingVersion: t.version, classification };
  }

  /** The provinces of the caller's scope (labs are province-wide). */
  provincesOf(actor: Actor): string[] {
    const codes = [...actor.scope.provinces, ...actor.scope.districts, ...actor.scope.communes];
    return [...new Set(codes.map((c) => this.units.get(c)?.province_code ?? c))];
  }
}
