import type { Kysely, Selectable, Transaction } from 'kysely';
import type { QuarantineOperations, QuarantineRules } from '@domain/quarantine';
import type { Database } from '../../db/tables';
import type { QuarantineFacilitiesTable } from '../../db/quarantine-tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { UnitDirectory } from '../geography/directory';
import type { RuleSetsService } from '../rule-sets/service';
import * as repo from './repo';

export type Q = Kysely<Database> | Transaction<Database>;
export type FacilityRow = Selectable<QuarantineFacilitiesTable>;

export interface Identity {
  id: string;
  full_name: string;
  birth_year: number;
  national_id: string | null;
  address: string | null;
  province_code: string;
  district_code: string;
  commune_code: string;
  merged_into: string | null;
}

/** What the quarantine module reads and writes in other modules, through their services (bound in services.ts). */
export interface QuarantineSources {
  identitiesOf(ids: string[], db?: Q): Promise<Identity[]>;
  /** The person's classification and tracing plan (F1: the last exposure). */
  planOf(personId: string, db?: Q): Promise<{ class: string; exposed_at: Date | string | null; test_days: string[]; tests_done: string[] } | undefined>;
  /** The stay's plan becomes the tracing plan too. */
  adoptPlanInTx(
    trx: Transaction<Database>,
    personId: string,
    plan: { situation: string; until: string; testDays: string[]; testsDone: string[] },
  ): Promise<unknown>;
}

/** What every part of the module shares: the database, units, audit, rules and sources, and the clock. */
export class QuarantineContext {
  constructor(
    readonly db: Kysely<Database>,
    readonly units: UnitDirectory,
    readonly audit: AuditLog,
    private readonly ruleSets: RuleSetsService,
    readonly src: QuarantineSources,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** The rules in force on `day`; `db`: the caller's transaction when it is in one. */
  async rulesOn(day: string, db: Q = this.db): Promise<{ quarantine: QuarantineRules & { ruleSetId: string; version: number }; ops: QuarantineOperations }> {
    const [q, o] = await Promise.all([this.ruleSets.inForce('quarantine', day, db), this.ruleSets.inForce('quarantine_operations', day, db)]);
    return { quarantine: { ...(q.payload as QuarantineRules), ruleSetId: q.id, version: q.version }, ops: o.payload as QuarantineOperations };
  }

  /**
   * The facilities an actor may see: those they are staff of when they are staff anywhere, otherwise those in the
   * units of their scope (a commune officer sees facilities placed in their commune; the command center all).
   */
  async visibleFacilities(actor: Actor, db: Q = this.db): Promise<{ only?: string[]; provinces: string[] }> {
    const only = await repo.facilitiesOfStaff(db, actor.id);
    return { only: only.length ? only : undefined, provinces: actor.scope.provinces.length ? actor.scope.provinces : this.provincesOf(actor) };
  }

  private provincesOf(actor: Actor): string[] {
    return [...new Set([...actor.scope.districts, ...actor.scope.communes].map((c) => this.units.get(c)?.province_code ?? ''))].filter(Boolean);
  }

  /** Whether the actor may act on this facility (its staff, or a user whose scope holds its place). */
  async canUseFacility(actor: Actor, f: FacilityRow, db: Q = this.db): Promise<boolean> {
    const only = await repo.facilitiesOfStaff(db, actor.id);
    return only.length ? only.includes(f.id) : this.units.unitInScope(actor.scope, f.commune_code);
  }

  async facilityFor(actor: Actor, id: string, db: Q = this.db, lock = false): Promise<FacilityRow> {
    const f = await repo.facilityById(db, id, lock);
    if (!f || !(await this.canUseFacility(actor, f, db))) throw new AppError('quarantine.facility_not_found', 404);
    return f;
  }

  /** A stay the actor may act on: in a facility they may use, or at home in their scope. */
  async stayFor(actor: Actor, id: string, db: Q = this.db, lock = false) {
    const s = await repo.stayById(db, id, lock);
    if (!s) throw new AppError('quarantine.stay_not_found', 404);
    const ok = s.facility_id
      ? await this.canUseFacility(actor, (await repo.facilityById(db, s.facility_id))!, db)
      : this.units.unitInScope(actor.scope, s.commune_code);
    if (!ok) throw new AppError('quarantine.stay_not_found', 404);
    return s;
  }

  notFuture(field: string, day: string, today: string) {
    if (day > today) throw new AppError('quarantine.future_day', 400, { field, day }, field);
  }
}
