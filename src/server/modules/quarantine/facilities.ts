import { addDays, vnDay } from '@domain/dates';
import { capacityMet, supplyNeeds, type QuarantineOperations } from '@domain/quarantine';
import { uuidv7 } from '@domain/uuid';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { FacilityRow, QuarantineContext } from './context';
import { presentFacility, presentRoom, presentStay, presentTask } from './present';
import * as repo from './repo';
import type { BoardView, DeliveryInput, FacilityDetail, FacilityInput, FacilityPatch, FacilityView, RoomInput, SuppliesView } from './schemas';

const FORECAST_DAYS = 7;

/**
 * Quarantine sites and treatment facilities: their rooms and beds, staff, the occupancy board (read from the counters the
 * writes keep: a facility row and its day counts, never a scan of stays) and the supplies they need.
 */
export class FacilitiesService {
  constructor(private readonly ctx: QuarantineContext) {}

  private tierName(ops: QuarantineOperations, code: string) {
    return ops.tiers.find((t) => t.code === code)?.nameVi ?? code;
  }

  async create(actor: Actor, input: FacilityInput): Promise<FacilityView> {
    const { units, db, audit } = this.ctx;
    const commune = units.require(input.communeCode, 'communeCode', { level: 'commune' });
    if (!units.unitInScope(actor.scope, commune.code)) throw new AppError('validation.unit_out_of_scope', 400, { code: commune.code }, 'communeCode');
    const { ops } = await this.ctx.rulesOn(vnDay(this.ctx.now()));
    const tier = ops.tiers.find((t) => t.code === input.tier);
    if (!tier) throw new AppError('quarantine.tier_unknown', 400, { field: 'tier', tier: input.tier }, 'tier');
    if (tier.kind !== input.kind)
      throw new AppError('quarantine.tier_kind', 400, { tier: tier.nameVi, kind: tier.kind === 'quarantine' ? 'cách ly' : 'điều trị' }, 'tier');
    assertRoomCodes(input.rooms);
    const row = await db.transaction().execute(async (trx) => {
      const f = await repo.insertFacility(trx, {
        id: uuidv7(),
        province_code: commune.province_code,
        district_code: commune.parent_code!,
        commune_code: commune.code,
        name: input.name,
        kind: input.kind,
        tier: input.tier,
        managing_agency: input.managingAgency,
        address: input.address,
        icu_beds: input.icuBeds,
        oxygen_points: input.oxygenPoints,
        beds: input.rooms.reduce((n, r) => n + r.beds, 0),
        created_by: actor.id,
      });
      await repo.insertRooms(
        trx,
        input.rooms.map((r) => ({ id: uuidv7(), facility_id: f.id, area: r.area, code: r.code, beds: r.beds })),
      );
      await audit.record(trx, actor, {
        action: 'create',
        entity: 'quarantine_facility',
        entityId: f.id,
        detail: { name: f.name, rooms: input.rooms.length, beds: f.beds },
      });
      return f;
    });
    return presentFacility(row, units, tier.nameVi);
  }

  /** Adds rooms to a facility; its bed counter grows with them. */
  async addRooms(actor: Actor, id: string, rooms: RoomInput[]): Promise<FacilityDetail> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const f = await this.ctx.facilityFor(actor, id, trx, true);
      const existing = await repo.roomsOf(trx, f.id);
      assertRoomCodes([...existing, ...rooms], existing.length);
      await repo.insertRooms(
        trx,
        rooms.map((r) => ({ id: uuidv7(), facility_id: f.id, area: r.area, code: r.code, beds: r.beds })),
      );
      await repo.bumpFacility(trx, f.id, { beds: rooms.reduce((n, r) => n + r.beds, 0) });
      await this.ctx.audit.record(trx, actor, {
        action: 'update',
        entity: 'quarantine_facility',
        entityId: f.id,
        detail: { roomsAdded: rooms.map((r) => r.code) },
      });
    });
    return this.detail(actor, id);
  }

  async patch(actor: Actor, id: string, p: FacilityPatch): Promise<FacilityView> {
    const row = await this.ctx.db.transaction().execute(async (trx) => {
      await this.ctx.facilityFor(actor, id, trx, true);
      const f = await repo.updateFacility(trx, id, {
        status: p.status,
        icu_beds: p.icuBeds,
        oxygen_points: p.oxygenPoints,
        icu_used: p.icuUsed,
        oxygen_used: p.oxygenUsed,
        managing_agency: p.managingAgency,
      });
      if (f.icu_used > f.icu_beds)
        throw new AppError('quarantine.vital_range', 400, { field: 'icuUsed', value: f.icu_used, min: 0, max: f.icu_beds }, 'icuUsed');
      if (f.oxygen_used > f.oxygen_points)
        throw new AppError('quarantine.vital_range', 400, { field: 'oxygenUsed', value: f.oxygen_used, min: 0, max: f.oxygen_points }, 'oxygenUsed');
      await this.ctx.audit.record(trx, actor, { action: 'update', entity: 'quarantine_facility', entityId: id, fields: Object.keys(p) });
      return f;
    });
    const { ops } = await this.ctx.rulesOn(vnDay(this.ctx.now()));
    return presentFacility(row, this.ctx.units, this.tierName(ops, row.tier));
  }

  async setStaff(actor: Actor, id: string, userIds: string[]): Promise<{ userIds: string[] }> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await this.ctx.facilityFor(actor, id, trx, true);
      await repo.setStaff(trx, id, [...new Set(userIds)]);
      await this.ctx.audit.record(trx, actor, { action: 'update', entity: 'quarantine_facility', entityId: id, detail: { staff: userIds.length } });
    });
    return { userIds: await repo.staffOf(this.ctx.db, id) };
  }

  async list(actor: Actor): Promise<FacilityView[]> {
    const v = await this.ctx.visibleFacilities(actor);
    const rows = (await repo.facilities(this.ctx.db, v.provinces, v.only)).filter((f) => v.only || this.visible(actor, f));
    const { ops } = await this.ctx.rulesOn(vnDay(this.ctx.now()));
    return rows.map((f) => presentFacility(f, this.ctx.units, this.tierName(ops, f.tier)));
  }

  /** A facility's rooms with their cohorts, the persons in it, today's admissions and releases, its open tasks. */
  async detail(actor: Actor, id: string, day = vnDay(this.ctx.now())): Promise<FacilityDetail> {
    const { db, units, src, audit } = this.ctx;
    const f = await this.ctx.facilityFor(actor, id);
    const [rooms, stays, tasks, { ops }] = await Promise.all([
      repo.roomsOf(db, f.id),
      repo.staysOfFacility(db, f.id, day),
      repo.openTasks(db, { facilityId: f.id }, addDays(day, 1)),
      this.ctx.rulesOn(day),
    ]);
    const who = new Map((await src.identitiesOf([...new Set([...stays, ...tasks].map((s) => s.person_id))])).map((p) => [p.id, p]));
    const roomCode = new Map(rooms.map((r) => [r.id, r.code]));
    audit.read(actor, { action: 'read', entity: 'quarantine_facility', entityId: f.id, detail: { persons: [...who.keys()] } });
    return {
      facility: presentFacility(f, units, this.tierName(ops, f.tier)),
      rooms: rooms.map(presentRoom),
      stays: stays.map((s) => presentStay(s, who.get(s.person_id), { facility: f.name, room: s.room_id ? roomCode.get(s.room_id) : undefined })),
      tasks: tasks.map((t) => presentTask(t, who.get(t.person_id)?.full_name ?? '', roomCodeOfTask(stays, roomCode, t.stay_id))),
      admittedToday: stays.filter((s) => s.admitted_on === day).length,
      releasedToday: stays.filter((s) => s.ended_on === day && s.status === 'released').length,
      day,
    };
  }

  /**
   * The occupancy board: per facility, per tier and for the city, beds, occupied, free, ICU and oxygen, arrivals and
   * releases today and the releases due in the next 7 days. Two reads whatever the number of stays.
   */
  async board(actor: Actor, day = vnDay(this.ctx.now())): Promise<BoardView> {
    const v = await this.ctx.visibleFacilities(actor);
    const rows = (await repo.facilities(this.ctx.db, v.provinces, v.only)).filter((f) => v.only || this.visible(actor, f));
    return this.boardOf(rows, day);
  }

  private async boardOf(rows: FacilityRow[], day: string): Promise<BoardView> {
    const { ops } = await this.ctx.rulesOn(day);
    const counts = await repo.dayCounts(
      this.ctx.db,
      rows.map((f) => f.id),
      day,
      addDays(day, FORECAST_DAYS),
    );
    const countOf = new Map(counts.map((c) => [`${c.facility_id}|${c.day}`, c]));
    const figures = (id: string, d: string) => {
      const c = countOf.get(`${id}|${d}`);
      return { day: d, arrivals: c?.arrivals ?? 0, releases: c?.releases ?? 0, releasesDue: c?.releases_due ?? 0 };
    };
    const facilities = rows.map((f) => ({
      ...presentFacility(f, this.ctx.units, this.tierName(ops, f.tier)),
      today: figures(f.id, day),
      forecast: Array.from({ length: FORECAST_DAYS }, (_, i) => figures(f.id, addDays(day, i + 1))),
    }));
    const total = (key: string, name: string, of: typeof facilities) => ({
      key,
      name,
      facilities: of.length,
      beds: sum(of, (f) => f.beds),
      occupied: sum(of, (f) => f.occupied),
      free: sum(of, (f) => f.free),
      icuBeds: sum(of, (f) => f.icuBeds),
      icuUsed: sum(of, (f) => f.icuUsed),
      oxygenPoints: sum(of, (f) => f.oxygenPoints),
      oxygenUsed: sum(of, (f) => f.oxygenUsed),
      arrivalsToday: sum(of, (f) => f.today.arrivals),
      releasesToday: sum(of, (f) => f.today.releases),
      releasesDue7: sum(of, (f) => f.forecast.reduce((n, x) => n + x.releasesDue, 0)),
    });
    const treatment = facilities.filter((f) => f.kind === 'treatment' && f.status !== 'closed');
    return {
      day,
      facilities,
      tiers: ops.tiers.map((t) =>
        total(
          t.code,
          t.nameVi,
          facilities.filter((f) => f.tier === t.code),
        ),
      ),
      city: total('city', 'Toàn thành phố', facilities),
      treatmentCapacityMet: capacityMet(
        ops,
        sum(treatment, (f) => f.beds),
        sum(treatment, (f) => f.occupied),
      ),
    };
  }

  /**
   * For the zones module (NQ 128 criterion 3): whether the province's treatment facilities have room, from the
   * counters; null when the province has no treatment facility (the criterion stays an entered input).
   */
  async treatmentCapacity(provinceCode: string, day: string): Promise<{ met: boolean; beds: number; occupied: number } | null> {
    const rows = (await repo.facilities(this.ctx.db, [provinceCode])).filter((f) => f.kind === 'treatment' && f.status !== 'closed');
    if (!rows.length) return null;
    const { ops } = await this.ctx.rulesOn(day);
    const beds = sum(rows, (f) => f.beds);
    const occupied = sum(rows, (f) => f.occupied);
    return { met: capacityMet(ops, beds, occupied), beds, occupied };
  }

  /** What a facility needs on a day (per person present, per test due) and what was delivered. */
  async supplies(actor: Actor, id: string, day = vnDay(this.ctx.now())): Promise<SuppliesView> {
    const f = await this.ctx.facilityFor(actor, id);
    const [{ ops }, testsDue, delivered] = await Promise.all([
      this.ctx.rulesOn(day),
      repo.testsDueOn(this.ctx.db, f.id, day),
      repo.deliveriesOn(this.ctx.db, f.id, day),
    ]);
    const got = new Map(delivered.map((d) => [d.item, Number(d.quantity)]));
    return {
      day,
      present: f.occupied,
      testsDue,
      items: supplyNeeds(ops, f.occupied, testsDue).map((n) => ({ code: n.code, nameVi: n.nameVi, needed: n.quantity, delivered: got.get(n.code) ?? 0 })),
    };
  }

  async deliver(actor: Actor, id: string, input: DeliveryInput): Promise<SuppliesView> {
    const today = vnDay(this.ctx.now());
    this.ctx.notFuture('day', input.day, today);
    const { ops } = await this.ctx.rulesOn(input.day);
    if (!ops.supplies.some((s) => s.code === input.item)) throw new AppError('validation.invalid', 400, {}, 'item');
    await this.ctx.db.transaction().execute(async (trx) => {
      const f = await this.ctx.facilityFor(actor, id, trx);
      await repo.insertDelivery(trx, { id: uuidv7(), facility_id: f.id, day: input.day, item: input.item, quantity: input.quantity, recorded_by: actor.id });
      await this.ctx.audit.record(trx, actor, { action: 'create', entity: 'quarantine_delivery', entityId: f.id, detail: { ...input } });
    });
    return this.supplies(actor, id, input.day);
  }

  async rules(day = vnDay(this.ctx.now())) {
    const { ops } = await this.ctx.rulesOn(day);
    return { tiers: ops.tiers, warningSigns: ops.warningSigns, symptoms: ops.symptoms, vitals: ops.vitals };
  }

  private visible(actor: Actor, f: FacilityRow) {
    return this.ctx.units.unitInScope(actor.scope, f.commune_code);
  }
}

const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

function roomCodeOfTask(stays: { id: string; room_id: string | null }[], roomCode: Map<string, string>, stayId: string) {
  const room = stays.find((s) => s.id === stayId)?.room_id;
  return room ? (roomCode.get(room) ?? null) : null;
}

function assertRoomCodes(rooms: { code: string }[], from = 0) {
  const seen = new Set<string>();
  rooms.forEach((r, i) => {
    if (seen.has(r.code)) throw new AppError('quarantine.room_code_taken', 400, { code: r.code }, `rooms.${i - from}.code`);
    seen.add(r.code);
  });
}
