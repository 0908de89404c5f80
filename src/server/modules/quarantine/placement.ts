import type { Transaction } from 'kysely';
import { addDays, vnDay } from '@domain/dates';
import { formatDate as fmt } from '@domain/format';
import { cohortCheck, type Situation, type StayClass } from '@domain/quarantine';
import { quarantinePlan } from '@domain/quarantine-plan';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../db/tables';
import type { StayReason } from '../../db/quarantine-tables';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { FacilityRow, Identity, QuarantineContext } from './context';
import * as repo from './repo';
import type { StayRow } from './present';

type Trx = Transaction<Database>;
type RoomRow = NonNullable<Awaited<ReturnType<typeof repo.roomById>>>;

export const CLASS_OF: Record<StayReason, StayClass> = { f1: 'F1', arrival: 'arrival', f0_treatment: 'F0', f0_home: 'F0' };

const COHORT_ERROR = { class: 'quarantine.cohort_class', window: 'quarantine.cohort_window', exposed: 'quarantine.cohort_exposed' } as const;

/**
 * Puts a person in a room of a facility without mixing cohorts: the room is locked, the cohort rule checked (a refusal is
 * an error unless the actor may override and gives a reason), the bed checked or the first free one taken.
 * Returns the bed and whether the cohort rule was overridden.
 */
export async function placeInRoom(
  ctx: QuarantineContext,
  trx: Trx,
  actor: Actor,
  p: { facility: FacilityRow; roomId: string; bed?: string | null; cls: string; day: string; overrideReason?: string | null; windowDays: number },
): Promise<{ room: RoomRow; bed: string; overridden: boolean }> {
  const room = await repo.roomById(trx, p.roomId, true);
  if (!room || room.facility_id !== p.facility.id) throw new AppError('quarantine.room_not_found', 404, {}, 'roomId');
  if (p.facility.status === 'closed') throw new AppError('quarantine.facility_closed', 409, { name: p.facility.name }, 'roomId');
  const check = cohortCheck(
    {
      beds: room.beds,
      occupied: room.occupied,
      cohortClass: room.cohort_class,
      cohortFrom: room.cohort_from,
      cohortTo: room.cohort_to,
      exposedOn: room.exposed_on,
    },
    p.cls,
    p.day,
    p.windowDays,
  );
  let overridden = false;
  if (!check.ok) {
    if (check.reason === 'full') throw new AppError('quarantine.room_full', 409, { room: room.code, beds: room.beds }, 'roomId');
    if (!p.overrideReason) {
      const params = {
        room: room.code,
        cohort: room.cohort_class,
        cls: p.cls,
        from: fmt(room.cohort_from),
        to: fmt(room.cohort_to),
        day: fmt(check.reason === 'exposed' ? room.exposed_on : p.day),
      };
      throw new AppError(COHORT_ERROR[check.reason], 409, params, 'roomId');
    }
    if (!actor.permissions.includes('quarantine.override')) throw new AppError('quarantine.override_forbidden', 403, {}, 'overrideReason');
    overridden = true;
  } else if (room.occupied === 0) {
    await repo.updateRoom(trx, room.id, { cohort_class: check.cohort.cls, cohort_from: check.cohort.from, cohort_to: check.cohort.to, exposed_on: null });
  }
  const bed = p.bed ?? (await firstFreeBed(trx, room));
  const n = Number(bed);
  if (!Number.isInteger(n) || n < 1 || n > room.beds) throw new AppError('quarantine.bed_unknown', 400, { room: room.code, bed, beds: room.beds }, 'bed');
  if (await repo.bedTaken(trx, room.id, bed)) throw new AppError('quarantine.bed_taken', 409, { room: room.code, bed }, 'bed');
  await repo.bumpRoom(trx, room.id, 1);
  return { room, bed, overridden };
}

async function firstFreeBed(trx: Trx, room: RoomRow): Promise<string> {
  const taken = new Set((await repo.openStaysOfRoom(trx, room.id)).map((s) => s.bed));
  for (let b = 1; b <= room.beds; b++) if (!taken.has(String(b))) return String(b);
  throw new AppError('quarantine.room_full', 409, { room: room.code, beds: room.beds }, 'roomId');
}

export interface OpenStay {
  person: Identity;
  reason: StayReason;
  cls: StayClass;
  vaccination: 'full' | 'partial' | 'none';
  situation: Situation;
  rule: { ruleSetId: string; version: number };
  startOn: string;
  admittedOn: string;
  testsDone: string[];
  place: { facility: FacilityRow; roomId: string; bed: string } | null;
  overrideReason: string | null;
  previousStayId: string | null;
  /** what the admission event records (tracing's plan it came from, a transfer's origin) */
  detail: Record<string, unknown>;
}

/**
 * Writes a stay with its plan, the counters it moves (facility occupancy, arrivals, releases due), its test tasks and
 * its events, and makes its plan the tracing plan. The caller placed the person in the room.
 */
export async function openStay(ctx: QuarantineContext, trx: Trx, actor: Actor, o: OpenStay): Promise<StayRow> {
  const plan = quarantinePlan(o.situation, o.startOn);
  const done = o.testsDone.filter((d) => plan.testDates.includes(d));
  const stay = await repo.insertStay(trx, {
    id: uuidv7(),
    person_id: o.person.id,
    province_code: o.person.province_code,
    district_code: o.person.district_code,
    commune_code: o.person.commune_code,
    setting: o.place ? 'facility' : 'home',
    facility_id: o.place?.facility.id ?? null,
    room_id: o.place?.roomId ?? null,
    bed: o.place?.bed ?? null,
    reason: o.reason,
    exposure_class: o.cls,
    vaccination: o.vaccination,
    situation: plan.situation,
    rule_set_id: o.rule.ruleSetId,
    rule_version: o.rule.version,
    started_on: plan.startDay,
    last_day: plan.lastDay,
    monitoring_until: plan.monitoringUntil,
    test_days: plan.testDates,
    tests_done: done,
    admitted_on: o.admittedOn,
    override_reason: o.overrideReason,
    previous_stay_id: o.previousStayId,
    created_by: actor.id,
  });
  if (o.place) {
    await repo.bumpFacility(trx, o.place.facility.id, { occupied: 1 });
    await repo.bumpDay(trx, o.place.facility.id, o.admittedOn, { arrivals: 1 });
    await repo.bumpDay(trx, o.place.facility.id, plan.lastDay, { releasesDue: 1 });
  }
  await addTestTasks(
    trx,
    stay,
    plan.testDates.filter((d) => !done.includes(d)),
    'test',
  );
  const day = vnDay(ctx.now());
  await repo.insertEvents(trx, [
    { id: uuidv7(), stay_id: stay.id, kind: 'admit', day: o.admittedOn, detail: JSON.stringify(o.detail), recorded_by: actor.id },
    ...(o.overrideReason
      ? [{ id: uuidv7(), stay_id: stay.id, kind: 'override' as const, day, detail: JSON.stringify({ reason: o.overrideReason }), recorded_by: actor.id }]
      : []),
  ]);
  await ctx.src.adoptPlanInTx(trx, o.person.id, { situation: plan.situation, until: plan.lastDay, testDays: plan.testDates, testsDone: done });
  return stay;
}

type EventKind = Database['quarantine_events']['kind'];

/**
 * What happened to a stay, in the writing transaction: the stay's event (its history on the facility page) and the
 * audit row naming who did it. `audit: false` for an event that rides on an action audited on its own.
 */
export async function stayEvent(
  ctx: QuarantineContext,
  trx: Trx,
  actor: Actor,
  e: { stayId: string; kind: EventKind; day: string; detail: Record<string, unknown>; audit?: boolean },
) {
  await repo.insertEvents(trx, [{ id: uuidv7(), stay_id: e.stayId, kind: e.kind, day: e.day, detail: JSON.stringify(e.detail), recorded_by: actor.id }]);
  if (e.audit !== false)
    await ctx.audit.record(trx, actor, { action: 'update', entity: 'quarantine_stay', entityId: e.stayId, detail: { event: e.kind, day: e.day, ...e.detail } });
}

export function addTestTasks(trx: Trx, stay: StayRow, days: string[], kind: 'test' | 'retest', note = '') {
  return repo.insertTasks(
    trx,
    days.map((d) => ({
      id: uuidv7(),
      stay_id: stay.id,
      person_id: stay.person_id,
      facility_id: stay.facility_id,
      province_code: stay.province_code,
      district_code: stay.district_code,
      commune_code: stay.commune_code,
      kind,
      due_on: d,
      note,
    })),
  );
}

/** Frees what an ending stay held: its bed, the facility's occupancy, the release it was due for; counts a release. */
export async function vacate(trx: Trx, stay: StayRow, day: string, released: boolean) {
  if (!stay.facility_id) return;
  await repo.bumpRoom(trx, stay.room_id!, -1);
  await repo.bumpFacility(trx, stay.facility_id, { occupied: -1 });
  await repo.bumpDay(trx, stay.facility_id, stay.last_day, { releasesDue: -1 });
  if (released) await repo.bumpDay(trx, stay.facility_id, day, { releases: 1 });
}

export const nextDay = (d: string) => addDays(d, 1);
