import { randomBytes } from 'node:crypto';
import { vnDay } from '@domain/dates';
import { formatDate as fmt } from '@domain/format';
import { releaseRefusal, situationFor } from '@domain/quarantine';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { Identity, QuarantineContext } from './context';
import { CLASS_OF, openStay, placeInRoom, stayEvent, vacate } from './placement';
import { presentCheck, presentStay, presentTask, type StayRow } from './present';
import * as repo from './repo';
import type { AbsenceInput, AdmitInput, ReleaseInput, StayDetail, StayView, TaskView, TransferInput } from './schemas';

const SETTING_VI = { facility: 'cách ly tập trung', home: 'tại nhà' } as const;

/**
 * Stays: admission (cohort rule, bed, plan from the rule in force, test tasks, audit), transfer, release with its
 * certificate, absence. One person has at most one open stay (a unique index holds it under concurrency too).
 */
export class StaysService {
  constructor(private readonly ctx: QuarantineContext) {}

  async admit(actor: Actor, input: AdmitInput): Promise<StayView> {
    const { ctx } = this;
    const today = vnDay(ctx.now());
    ctx.notFuture('admittedOn', input.admittedOn, today);
    if (input.exposedOn) ctx.notFuture('exposedOn', input.exposedOn, today);
    const cls = CLASS_OF[input.reason];
    const setting = input.reason === 'f0_home' ? 'home' : input.reason === 'f0_treatment' ? 'facility' : input.setting;
    const [person] = await ctx.src.identitiesOf([input.personId]);
    if (!person || person.merged_into) throw new AppError('people.person_not_found', 404, {}, 'personId');
    if (setting === 'home') {
      if (!ctx.units.unitInScope(actor.scope, person.commune_code)) throw new AppError('people.person_not_found', 404, {}, 'personId');
      if (cls !== 'F0' && !input.homeQualifies) throw new AppError('quarantine.home_not_qualified', 400, {}, 'homeQualifies');
    } else if (!input.roomId) throw new AppError('validation.required', 400, {}, 'roomId');
    const tracing = cls === 'F1' ? await ctx.src.planOf(person.id) : undefined;
    const exposedOn = input.exposedOn ?? (tracing?.exposed_at ? vnDay(new Date(tracing.exposed_at)) : null);
    const startOn = cls === 'F1' && exposedOn && exposedOn < input.admittedOn ? exposedOn : input.admittedOn;
    const { quarantine, ops } = await ctx.rulesOn(startOn);
    const situation = situationFor(quarantine, cls, setting, input.vaccination);
    if (!situation)
      throw new AppError('quarantine.no_situation', 400, { day: startOn, cls, setting: SETTING_VI[setting], vaccination: input.vaccination }, 'vaccination');
    const stay = await ctx.db.transaction().execute(async (trx) => {
      await this.assertNoOpenStay(trx, person.id);
      let place = null;
      let overridden = false;
      if (setting === 'facility') {
        const facility = await ctx.facilityFor(actor, (await repo.roomById(trx, input.roomId!))?.facility_id ?? input.roomId!, trx, true).catch(() => {
          throw new AppError('quarantine.room_not_found', 404, {}, 'roomId');
        });
        assertKind(facility, cls);
        const placed = await placeInRoom(ctx, trx, actor, {
          facility,
          roomId: input.roomId!,
          bed: input.bed,
          cls,
          day: input.admittedOn,
          overrideReason: input.overrideReason,
          windowDays: ops.cohortWindowDays,
        });
        place = { facility, roomId: placed.room.id, bed: placed.bed };
        overridden = placed.overridden;
      }
      const row = await openStay(ctx, trx, actor, {
        person,
        reason: input.reason,
        cls,
        vaccination: input.vaccination,
        situation,
        rule: quarantine,
        startOn,
        admittedOn: input.admittedOn,
        testsDone: tracing?.tests_done ?? [],
        place,
        overrideReason: overridden ? input.overrideReason! : null,
        previousStayId: null,
        detail: { exposedOn, fromTracing: !!tracing, homeQualifies: input.homeQualifies },
      });
      await ctx.audit.record(trx, actor, {
        action: 'create',
        entity: 'quarantine_stay',
        entityId: row.id,
        detail: {
          person: person.id,
          reason: input.reason,
          situation: row.situation,
          room: input.roomId ?? null,
          override: overridden ? input.overrideReason : undefined,
        },
      });
      return row;
    });
    return this.view(stay, person);
  }

  /**
   * Moves a person to another room or facility. A person who tested positive goes to treatment: a treatment facility,
   * a new F0 stay from the day of the positive sample. Anyone else keeps the plan they had.
   */
  async transfer(actor: Actor, id: string, input: TransferInput): Promise<StayView> {
    const { ctx } = this;
    ctx.notFuture('day', input.day, vnDay(ctx.now()));
    const stay = await this.openStayFor(actor, id);
    const [person] = await ctx.src.identitiesOf([stay.person_id]);
    const toTreatment = !!stay.positive_on && stay.reason !== 'f0_treatment';
    const cls = toTreatment ? 'F0' : stay.exposure_class;
    const startOn = toTreatment ? stay.positive_on! : stay.started_on;
    const { quarantine, ops } = await ctx.rulesOn(startOn);
    const situation = toTreatment ? situationFor(quarantine, 'F0', 'facility', stay.vaccination) : quarantine.situations.find((s) => s.code === stay.situation);
    if (!situation)
      throw new AppError('quarantine.no_situation', 400, { day: startOn, cls, setting: SETTING_VI.facility, vaccination: stay.vaccination }, 'roomId');
    const row = await ctx.db.transaction().execute(async (trx) => {
      const locked = await this.openStayFor(actor, id, trx);
      if (input.day < locked.admitted_on)
        throw new AppError('quarantine.before_start', 400, { field: 'day', day: input.day, start: locked.admitted_on }, 'day');
      const room = await repo.roomById(trx, input.roomId);
      if (!room) throw new AppError('quarantine.room_not_found', 404, {}, 'roomId');
      const facility = await ctx.facilityFor(actor, room.facility_id, trx, true);
      assertKind(facility, cls);
      await repo.updateStay(trx, locked.id, { status: 'transferred', ended_on: input.day });
      await vacate(trx, locked, input.day, false);
      const placed = await placeInRoom(ctx, trx, actor, {
        facility,
        roomId: room.id,
        bed: input.bed,
        cls,
        day: input.day,
        overrideReason: input.overrideReason,
        windowDays: ops.cohortWindowDays,
      });
      await repo.closeTasksOfKind(trx, locked.id, ['transfer', 'urgent_transfer'], ctx.now(), actor.id);
      await repo.cancelTestTasks(trx, locked.id);
      const next = await openStay(ctx, trx, actor, {
        person,
        reason: toTreatment ? 'f0_treatment' : locked.reason,
        cls,
        vaccination: locked.vaccination,
        situation,
        rule: toTreatment ? quarantine : { ruleSetId: locked.rule_set_id, version: locked.rule_version },
        startOn,
        admittedOn: input.day,
        testsDone: toTreatment ? [] : locked.tests_done,
        place: { facility, roomId: room.id, bed: placed.bed },
        overrideReason: placed.overridden ? input.overrideReason! : null,
        previousStayId: locked.id,
        detail: { from: locked.facility_id, fromRoom: locked.room_id, note: input.note ?? null },
      });
      await stayEvent(ctx, trx, actor, { stayId: locked.id, kind: 'transfer', day: input.day, detail: { to: facility.id, room: room.id, stay: next.id } });
      return next;
    });
    return this.view(row, person);
  }

  /** Release when the last day is reached and every test day has its negative; issues the certificate number and code. */
  async release(actor: Actor, id: string, input: ReleaseInput): Promise<StayView> {
    const { ctx } = this;
    ctx.notFuture('day', input.day, vnDay(ctx.now()));
    const row = await ctx.db.transaction().execute(async (trx) => {
      const s = await this.openStayFor(actor, id, trx);
      if (s.positive_on) throw new AppError('quarantine.release_positive', 409, { day: fmt(s.positive_on) });
      const refusal = releaseRefusal({ lastDay: s.last_day, testDays: s.test_days, testsDone: s.tests_done }, input.day);
      if (refusal?.reason === 'before_end') throw new AppError('quarantine.release_before_end', 409, { lastDay: fmt(refusal.lastDay) }, 'day');
      if (refusal) throw new AppError('quarantine.release_test_missing', 409, { day: fmt(refusal.day) });
      const released = await repo.updateStay(trx, s.id, {
        status: 'released',
        ended_on: input.day,
        certificate_no: await repo.nextCertificateNo(trx, input.day.slice(0, 4)),
        certificate_token: randomBytes(16).toString('hex'),
        signer: `${input.signerTitle}|${input.signer}`,
        released_by: actor.id,
      });
      await vacate(trx, s, input.day, true);
      await repo.cancelTestTasks(trx, s.id);
      await stayEvent(ctx, trx, actor, { stayId: s.id, kind: 'release', day: input.day, detail: { certificate: released.certificate_no } });
      return released;
    });
    return this.view(row);
  }

  /** An absence or escape: recorded; a person who did not come back ends the stay (the bed frees, the commune is told by the list). */
  async absent(actor: Actor, id: string, input: AbsenceInput): Promise<StayView> {
    const { ctx } = this;
    ctx.notFuture('day', input.day, vnDay(ctx.now()));
    const row = await ctx.db.transaction().execute(async (trx) => {
      const s = await this.openStayFor(actor, id, trx);
      if (input.day < s.admitted_on) throw new AppError('quarantine.before_start', 400, { field: 'day', day: input.day, start: s.admitted_on }, 'day');
      await stayEvent(ctx, trx, actor, { stayId: s.id, kind: 'absent', day: input.day, detail: { note: input.note, returned: input.returned } });
      if (input.returned) return s;
      await vacate(trx, s, input.day, false);
      await repo.cancelTestTasks(trx, s.id);
      return repo.updateStay(trx, s.id, { status: 'absent', ended_on: input.day });
    });
    return this.view(row);
  }

  async detail(actor: Actor, id: string): Promise<StayDetail> {
    const s = await this.ctx.stayFor(actor, id);
    const [checks, tasks, events] = await Promise.all([
      repo.checksOf(this.ctx.db, s.id),
      repo.tasksOfStays(this.ctx.db, [s.id]),
      repo.eventsOf(this.ctx.db, s.id),
    ]);
    const stay = await this.view(s, undefined, actor);
    return {
      stay,
      checks: checks.map((c) => presentCheck(c)),
      tasks: tasks.map((t) => presentTask(t, stay.personName, stay.roomCode)),
      events: events.map((e) => ({ kind: e.kind, day: e.day, detail: (e.detail ?? {}) as Record<string, unknown> })),
    };
  }

  /** Marks a task done (a transfer arranged, a sample taken outside the testing module's flow). */
  async closeTask(actor: Actor, taskId: string): Promise<TaskView> {
    const t = await repo.taskById(this.ctx.db, taskId);
    if (!t) throw new AppError('quarantine.task_not_found', 404);
    const s = await this.ctx.stayFor(actor, t.stay_id).catch(() => {
      throw new AppError('quarantine.task_not_found', 404);
    });
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.closeTask(trx, t.id, this.ctx.now(), actor.id);
      await this.ctx.audit.record(trx, actor, { action: 'update', entity: 'quarantine_task', entityId: t.id, detail: { done: true } });
    });
    const [who] = await this.ctx.src.identitiesOf([s.person_id]);
    return presentTask({ ...t, status: 'done' }, who?.full_name ?? '', null);
  }

  /** For the cases module (where a case was found): the person's open stay, in the caller's transaction. */
  async openStayOfPerson(trx: Parameters<typeof repo.openStayOf>[0], personId: string): Promise<{ setting: 'facility' | 'home' } | null> {
    const s = await repo.openStayOf(trx, personId);
    return s ? { setting: s.setting } : null;
  }

  private async assertNoOpenStay(trx: Parameters<typeof repo.openStayOf>[0], personId: string) {
    const open = await repo.openStayOf(trx, personId);
    if (!open) return;
    const place = open.facility_id ? ((await repo.facilityById(trx, open.facility_id))?.name ?? '') : 'nhà';
    throw new AppError('quarantine.open_stay', 409, { place, day: fmt(open.admitted_on) }, 'personId');
  }

  private async openStayFor(actor: Actor, id: string, db: Parameters<typeof repo.stayById>[0] = this.ctx.db) {
    const s = await this.ctx.stayFor(actor, id, db, db !== this.ctx.db);
    if (s.status !== 'open') throw new AppError('quarantine.stay_closed', 409, { day: fmt(s.ended_on) });
    return s;
  }

  async view(s: StayRow, person?: Identity, actor?: Actor): Promise<StayView> {
    const who = person ?? (await this.ctx.src.identitiesOf([s.person_id]))[0];
    if (actor) this.ctx.audit.read(actor, { action: 'read', entity: 'quarantine_stay', entityId: s.id, detail: { person: s.person_id } });
    const facility = s.facility_id ? await repo.facilityById(this.ctx.db, s.facility_id) : undefined;
    const room = s.room_id ? await repo.roomById(this.ctx.db, s.room_id) : undefined;
    return presentStay(s, who, { facility: facility?.name, room: room?.code });
  }
}

function assertKind(f: { name: string; kind: 'quarantine' | 'treatment' }, cls: string) {
  const expected = cls === 'F0' ? 'treatment' : 'quarantine';
  if (f.kind !== expected) {
    const vi = { quarantine: 'khu cách ly tập trung', treatment: 'cơ sở điều trị' };
    throw new AppError(
      'quarantine.facility_kind',
      400,
      { name: f.name, kind: vi[f.kind], reason: cls === 'F0' ? 'người mắc (F0)' : `người ${cls}`, expected: vi[expected] },
      'roomId',
    );
  }
}
