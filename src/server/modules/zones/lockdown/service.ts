import type { Kysely } from 'kysely';
import { vnDay } from '@domain/dates';
import { formatDate } from '@domain/format';
import { liftEligibility, zoneRounds } from '@domain/lockdown';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../../db/tables';
import type { LockdownZonesTable } from '../../../db/lockdown-tables';
import type { Actor } from '../../../platform/actor';
import type { AuditLog } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import type { UnitDirectory } from '../../geography/directory';
import type { HouseholdRow } from '../../people/present';
import type { PersonView } from '../../people/schemas';
import type { RuleSetsService } from '../../rule-sets/service';
import * as repo from './repo';
import type { LiftInput, SupplyInput, SupplyView, ZoneDetail, ZoneInput, ZoneResidents, ZoneView } from './schemas';
import type { Selectable } from 'kysely';

/** What lockdown zones read from other modules, through their services (bound in services.ts). */
export interface LockdownSources {
  householdsByIds(ids: string[]): Promise<HouseholdRow[]>;
  householdIdsIn(unitCode: string): Promise<string[]>;
  residentIdsOf(householdIds: string[]): Promise<{ id: string; householdId: string }[]>;
  residentsOf(actor: Actor, householdIds: string[], purpose: string): Promise<{ persons: PersonView[]; hidden: number; total: number }>;
  samplesOfPersons(personIds: string[], from: string, to: string): Promise<{ personId: string; collectedOn: string; result: string | null }[]>;
  activeCasesOf(personIds: string[]): Promise<{ person_id: string; confirmed_on: string }[]>;
  casesByIds(ids: string[]): Promise<{ id: string }[]>;
}

interface TestingFrequency {
  population: string;
  everyDaysMax: number;
}

/**
 * Lockdown zones: drawn on households (listed, a hamlet's or a commune's), each household in at most one active zone;
 * testing rounds on the cadence of the testing rule set; supplies; the lift rule of the quarantine rule set, lifted by
 * a decision. A commune officer sees the zones of their own commune only.
 */
export class LockdownService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly ruleSets: RuleSetsService,
    private readonly src: LockdownSources,
  ) {}

  async list(actor: Actor, q: { commune?: string; status?: 'active' | 'lifted' }): Promise<ZoneView[]> {
    const communes = q.commune ? [q.commune] : this.scopeCommunes(actor);
    if (q.commune && !this.units.unitInScope(actor.scope, q.commune)) return [];
    const rows = await repo.zonesIn(this.db, communes, q.status);
    const counts = new Map(
      (rows.length
        ? await repo.householdCounts(
            this.db,
            rows.map((r) => r.id),
          )
        : []
      ).map((c) => [c.zone_id, c.n]),
    );
    return rows.filter((r) => this.units.unitInScope(actor.scope, r.commune_code)).map((r) => this.present(r, counts.get(r.id) ?? 0));
  }

  /** Draws a zone; every household must lie in the commune and in no other active zone. Nothing is stored on a refusal. */
  async create(actor: Actor, input: ZoneInput): Promise<ZoneView> {
    const commune = this.units.require(input.communeCode, 'communeCode', { level: 'commune', day: input.startedOn });
    if (!this.units.unitInScope(actor.scope, commune.code)) throw new AppError('validation.unit_out_of_scope', 400, { code: commune.code }, 'communeCode');
    let householdIds = [...new Set(input.householdIds)];
    if (input.scopeKind === 'hamlet') {
      const hamlet = this.units.require(input.hamletCode!, 'hamletCode', { level: 'hamlet' });
      if (hamlet.parent_code !== commune.code)
        throw new AppError('zones.hamlet_outside_commune', 400, { hamlet: hamlet.name, commune: commune.name }, 'hamletCode');
      householdIds = await this.src.householdIdsIn(hamlet.code);
    } else if (input.scopeKind === 'commune') householdIds = await this.src.householdIdsIn(commune.code);
    if (!householdIds.length) throw new AppError('zones.zone_no_households', 400, {}, input.scopeKind === 'hamlet' ? 'hamletCode' : 'householdIds');
    if (input.scopeKind === 'households') {
      const found = new Map((await this.src.householdsByIds(householdIds)).map((h) => [h.id, h]));
      householdIds.forEach((id, i) => {
        if (found.get(id)?.commune_code !== commune.code)
          throw new AppError(
            'zones.household_outside_commune',
            400,
            { household: id, commune: commune.name },
            `householdIds.${input.householdIds.indexOf(id) ?? i}`,
          );
      });
    }
    if (input.caseIds.length) {
      const known = new Set((await this.src.casesByIds(input.caseIds)).map((c) => c.id));
      const missing = input.caseIds.findIndex((id) => !known.has(id));
      if (missing >= 0) throw new AppError('zones.case_unknown', 400, { caseId: input.caseIds[missing] }, `caseIds.${missing}`);
    }
    const row = await this.db.transaction().execute(async (trx) => {
      await this.assertNotInZone(trx, input, householdIds);
      const zone = await repo.insertZone(trx, {
        id: uuidv7(),
        province_code: commune.province_code,
        district_code: commune.parent_code!,
        commune_code: commune.code,
        name: input.name,
        scope_kind: input.scopeKind,
        hamlet_code: input.scopeKind === 'hamlet' ? input.hamletCode! : null,
        reason: input.reason,
        case_ids: input.caseIds,
        started_on: input.startedOn,
        created_by: actor.id,
      });
      await repo.insertZoneHouseholds(trx, zone.id, householdIds);
      await this.audit.record(trx, actor, {
        action: 'create',
        entity: 'lockdown_zone',
        entityId: zone.id,
        detail: { commune: commune.code, scopeKind: input.scopeKind, households: householdIds.length, startedOn: input.startedOn },
      });
      return zone;
    });
    return this.present(row, householdIds.length);
  }

  /** The zone with its households, resident count, testing rounds, supplies and whether it may be lifted on `now`'s Vietnam day. */
  async detail(actor: Actor, id: string, now: Date = new Date()): Promise<ZoneDetail> {
    const zone = await this.zoneInScope(actor, id);
    this.audit.read(actor, { action: 'read', entity: 'lockdown_zone', entityId: id });
    const today = vnDay(now);
    const householdIds = (await repo.householdsOfZone(this.db, id)).map((h) => h.household_id);
    const [households, residents, supplies, everyDays, daysWithoutCase] = await Promise.all([
      this.src.householdsByIds(householdIds),
      this.src.residentIdsOf(householdIds),
      repo.suppliesOf(this.db, id),
      this.everyDays(zone.started_on),
      this.daysWithoutCase(zone.started_on),
    ]);
    const householdOf = new Map(residents.map((r) => [r.id, r.householdId]));
    const until = zone.lifted_on ?? today;
    const [samples, cases] = await Promise.all([
      this.src.samplesOfPersons(
        residents.map((r) => r.id),
        zone.started_on,
        until,
      ),
      this.src.activeCasesOf(residents.map((r) => r.id)),
    ]);
    const rounds = zoneRounds({
      startedOn: zone.started_on,
      everyDays,
      today,
      until: zone.lifted_on,
      households: householdIds,
      samples: samples.map((s) => ({ householdId: householdOf.get(s.personId)!, collectedOn: s.collectedOn, result: s.result })),
    });
    const lastCaseOn = cases.reduce<string | null>((last, c) => (c.confirmed_on <= until && (!last || c.confirmed_on > last) ? c.confirmed_on : last), null);
    const lift = liftEligibility({ startedOn: zone.started_on, today, lastCaseOn, daysWithoutCase, rounds });
    const perHousehold = new Map<string, number>();
    for (const r of residents) perHousehold.set(r.householdId, (perHousehold.get(r.householdId) ?? 0) + 1);
    const addressOf = new Map(households.map((h) => [h.id, h]));
    return {
      ...this.present(zone, householdIds.length),
      residents: residents.length,
      householdList: householdIds.map((h) => ({
        id: h,
        address: addressOf.get(h)?.address ?? null,
        hamletCode: addressOf.get(h)?.hamlet_code ?? null,
        residents: perHousehold.get(h) ?? 0,
      })),
      everyDays,
      rounds,
      lift: { ...lift, eligible: zone.status === 'active' && lift.eligible, daysWithoutCase },
      supplies: supplies.map((s) => presentSupply(s, addressOf.get(s.household_id ?? '')?.address ?? null)),
    };
  }

  /** The persons living in the zone's households that the caller may see (audited by the people module). */
  async residents(actor: Actor, id: string): Promise<ZoneResidents> {
    await this.zoneInScope(actor, id);
    const householdIds = (await repo.householdsOfZone(this.db, id)).map((h) => h.household_id);
    return this.src.residentsOf(actor, householdIds, 'lockdown_zone');
  }

  async addSupply(actor: Actor, id: string, input: SupplyInput): Promise<SupplyView> {
    const zone = await this.zoneInScope(actor, id);
    if (zone.status !== 'active') throw new AppError('zones.zone_lifted', 409, { day: formatDate(zone.lifted_on) });
    if (input.householdId) {
      const inZone = (await repo.householdsOfZone(this.db, id)).some((h) => h.household_id === input.householdId);
      if (!inZone) throw new AppError('zones.supply_household', 400, {}, 'householdId');
    }
    const row = await this.db.transaction().execute(async (trx) => {
      const supply = await repo.insertSupply(trx, {
        id: uuidv7(),
        zone_id: id,
        household_id: input.householdId ?? null,
        delivered_on: input.deliveredOn,
        items: input.items,
        delivered_by: input.deliveredBy,
        recorded_by: actor.id,
      });
      await this.audit.record(trx, actor, {
        action: 'create',
        entity: 'lockdown_supply',
        entityId: supply.id,
        detail: { zone: id, householdId: input.householdId ?? null },
      });
      return supply;
    });
    const household = input.householdId ? (await this.src.householdsByIds([input.householdId]))[0] : undefined;
    return presentSupply(row, household?.address ?? null);
  }

  /** Lifts the zone by a decision, once the lift rule holds on the lift day (not a day to come); its households are free for a new zone. */
  async lift(actor: Actor, id: string, input: LiftInput, now: Date = new Date()): Promise<ZoneDetail> {
    const zone = await this.zoneInScope(actor, id);
    if (zone.status !== 'active') throw new AppError('zones.zone_lifted', 409, { day: formatDate(zone.lifted_on) });
    if (input.liftedOn < zone.started_on) throw new AppError('zones.lift_before_start', 400, { day: formatDate(zone.started_on) }, 'liftedOn');
    if (input.liftedOn > vnDay(now)) throw new AppError('validation.date_future', 400, {}, 'liftedOn');
    // the rule must hold on the day the zone is lifted
    const state = await this.detail(actor, id, new Date(`${input.liftedOn}T12:00:00+07:00`));
    if (!state.lift.eligible)
      throw new AppError('zones.not_eligible', 409, { reasons: state.lift.reasons.map((r) => r.vi).join('; ') }, 'liftedOn', undefined, {
        reasons: state.lift.reasons,
      });
    await this.db.transaction().execute(async (trx) => {
      const lifted = await repo.liftZone(trx, id, zone.version, {
        status: 'lifted',
        lifted_on: input.liftedOn,
        lift_decision_number: input.decisionNumber,
        lift_signer: input.signer,
        lifted_by: actor.id,
      });
      if (!lifted) throw new AppError('zones.zone_lifted', 409, { day: formatDate(input.liftedOn) });
      await repo.releaseHouseholds(trx, id);
      await this.audit.record(trx, actor, {
        action: 'update',
        entity: 'lockdown_zone',
        entityId: id,
        fields: ['status', 'lifted_on', 'lift_decision_number', 'lift_signer'],
        detail: { decisionNumber: input.decisionNumber, signer: input.signer, liftedOn: input.liftedOn, note: input.note },
      });
    });
    return this.detail(actor, id, now);
  }

  /** For the cases module: the active zone a household is in, if any (a case found there is detected in a lockdown zone). */
  async activeZoneOfHousehold(householdId: string, db: Kysely<Database> = this.db): Promise<{ id: string; name: string } | null> {
    const [hit] = await repo.activeZonesOfHouseholds(db, [householdId]);
    return hit ? { id: hit.id, name: hit.name } : null;
  }

  /** For the campaigns module: the households of the active zones of these communes (sampled first, every 2–3 days). */
  async lockedHouseholdsIn(communes: string[]): Promise<Set<string>> {
    return new Set(communes.length ? (await repo.lockedHouseholdsIn(this.db, communes)).map((r) => r.household_id) : []);
  }

  private async assertNotInZone(trx: Kysely<Database>, input: ZoneInput, householdIds: string[]) {
    const [taken] = await repo.activeZonesOfHouseholds(trx, householdIds);
    if (!taken) return;
    const i = input.householdIds.indexOf(taken.household_id);
    throw new AppError(
      'zones.household_in_zone',
      409,
      { household: taken.household_id, zone: taken.name, day: formatDate(taken.started_on) },
      i >= 0 ? `householdIds.${i}` : 'householdIds',
    );
  }

  private async zoneInScope(actor: Actor, id: string) {
    const zone = await repo.zoneById(this.db, id);
    if (!zone || !this.units.unitInScope(actor.scope, zone.commune_code)) throw new AppError('zones.zone_not_found', 404);
    return zone;
  }

  /** Every N days: the lockdown-zone frequency of the testing rule set in force at the zone's start. */
  private async everyDays(day: string): Promise<number> {
    const rs = await this.ruleSets.inForce('testing', day);
    const f = (rs.payload.frequencies as TestingFrequency[]).find((x) => x.population === 'lockdown_zone');
    return f?.everyDaysMax ?? 3;
  }

  private async daysWithoutCase(day: string): Promise<number> {
    const rs = await this.ruleSets.inForce('quarantine', day);
    return rs.payload.lockdownLiftDaysWithoutCase as number;
  }

  private scopeCommunes(actor: Actor): string[] | null {
    if (actor.scope.provinces.length || actor.scope.districts.length) return null;
    return actor.scope.communes;
  }

  private present(r: Selectable<LockdownZonesTable>, households: number): ZoneView {
    return {
      id: r.id,
      communeCode: r.commune_code,
      communeName: this.units.get(r.commune_code)?.name ?? r.commune_code,
      name: r.name,
      scopeKind: r.scope_kind,
      hamletCode: r.hamlet_code,
      reason: r.reason,
      caseIds: r.case_ids,
      startedOn: r.started_on,
      status: r.status,
      liftedOn: r.lifted_on,
      liftDecisionNumber: r.lift_decision_number,
      liftSigner: r.lift_signer,
      households,
      createdAt: new Date(r.created_at).toISOString(),
      version: r.version,
    };
  }
}

function presentSupply(
  s: { id: string; household_id: string | null; delivered_on: string; items: string; delivered_by: string; created_at: Date | string },
  address: string | null,
): SupplyView {
  return {
    id: s.id,
    householdId: s.household_id,
    householdAddress: address,
    deliveredOn: s.delivered_on,
    items: s.items,
    deliveredBy: s.delivered_by,
    createdAt: new Date(s.created_at).toISOString(),
  };
}
