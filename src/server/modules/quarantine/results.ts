import type { Transaction } from 'kysely';
import { vnDay } from '@domain/dates';
import { formatDate } from '@domain/format';
import { restartedPlan } from '@domain/quarantine';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { QuarantineContext } from './context';
import { addTestTasks, stayEvent } from './placement';
import * as repo from './repo';
import type { StayRow } from './present';

type Trx = Transaction<Database>;

/**
 * What a test result does to quarantine, inside the testing module's transaction (bound in services.ts): a positive
 * marks the stay, asks for the person's transfer to treatment, and exposes the room's cohort (their quarantine restarts
 * from the exposure and they get re-test tasks); negatives answer the test days they were taken for.
 */
export class QuarantineResults {
  constructor(private readonly ctx: QuarantineContext) {}

  async positiveInTx(trx: Trx, actor: Actor, r: { personId: string; collectedOn: string }): Promise<{ exposed: number; tasks: number }> {
    const stay = await repo.openStayOf(trx, r.personId);
    if (!stay || stay.positive_on) return { exposed: 0, tasks: 0 };
    const day = vnDay(this.ctx.now());
    const { ops } = await this.ctx.rulesOn(day, trx);
    await repo.updateStay(trx, stay.id, { positive_on: r.collectedOn });
    await repo.cancelTestTasks(trx, stay.id);
    let tasks = (await this.transferTask(trx, stay, day, 'transfer')).length;
    await stayEvent(this.ctx, trx, actor, { stayId: stay.id, kind: 'positive', day, detail: { collectedOn: r.collectedOn } });
    if (!stay.room_id || stay.reason === 'f0_treatment' || !ops.restartOnExposure) return { exposed: 0, tasks };
    await repo.updateRoom(trx, stay.room_id, { exposed_on: r.collectedOn });
    const members = (await repo.openStaysOfRoom(trx, stay.room_id, true)).filter((s) => s.id !== stay.id && !s.positive_on);
    for (const m of members) tasks += await this.restart(trx, actor, m, r.collectedOn, day);
    return { exposed: members.length, tasks };
  }

  /** A cohort member's plan restarts from the exposure (when that ends later), with a re-test today and the new test days. */
  private async restart(trx: Trx, actor: Actor, m: StayRow, exposedOn: string, day: string): Promise<number> {
    const { quarantine } = await this.ctx.rulesOn(m.started_on, trx);
    const situation = quarantine.situations.find((s) => s.code === m.situation);
    const plan = situation ? restartedPlan(situation, { lastDay: m.last_day }, exposedOn) : null;
    await repo.cancelTestTasks(trx, m.id);
    const note = `Tiếp xúc trong phòng với người dương tính (mẫu ngày ${formatDate(exposedOn)})`;
    let n = (await addTestTasks(trx, m, [day], 'retest', note)).length;
    if (plan) {
      const testDays = plan.testDates.filter((d) => d > day);
      await repo.updateStay(trx, m.id, {
        last_day: plan.lastDay,
        monitoring_until: plan.monitoringUntil,
        test_days: [...new Set([...m.tests_done, day, ...testDays])].sort(),
      });
      await repo.bumpDay(trx, m.facility_id!, m.last_day, { releasesDue: -1 });
      await repo.bumpDay(trx, m.facility_id!, plan.lastDay, { releasesDue: 1 });
      n += (await addTestTasks(trx, m, testDays, 'test')).length;
      await this.ctx.src.adoptPlanInTx(trx, m.person_id, {
        situation: m.situation,
        until: plan.lastDay,
        testDays: [...new Set([day, ...testDays])].sort(),
        testsDone: m.tests_done,
      });
    }
    await stayEvent(this.ctx, trx, actor, {
      stayId: m.id,
      kind: 'exposed',
      day,
      detail: { exposedOn, previousLastDay: m.last_day, lastDay: plan?.lastDay ?? m.last_day },
    });
    return n;
  }

  /** A transfer task: where treatment beds are free in the province, or that none is (the facility arranges it). */
  async transferTask(trx: Trx, stay: StayRow, day: string, kind: 'transfer' | 'urgent_transfer', why = '') {
    const free = (await repo.facilities(trx, [stay.province_code])).filter((f) => f.kind === 'treatment' && f.status === 'open' && f.beds > f.occupied);
    const where = free.length
      ? `Giường trống: ${free
          .slice(0, 3)
          .map((f) => `${f.name} (${f.beds - f.occupied})`)
          .join('; ')}`
      : 'Không còn giường trống ở cơ sở điều trị nào: báo Ban Chỉ đạo';
    return repo.insertTasks(trx, [
      {
        id: uuidv7(),
        stay_id: stay.id,
        person_id: stay.person_id,
        facility_id: stay.facility_id,
        province_code: stay.province_code,
        district_code: stay.district_code,
        commune_code: stay.commune_code,
        kind,
        due_on: day,
        note: [why, where].filter(Boolean).join('. '),
      },
    ]);
  }

  /** Negatives answer the test days of open stays (up to `toleranceDays` early) and close their tasks. */
  async negativesInTx(trx: Trx, negatives: { personIds: string[]; days: string[] }, toleranceDays: number): Promise<number> {
    const answered = await repo.satisfyTestDays(trx, negatives, toleranceDays);
    for (const a of answered) await repo.closeTestTasks(trx, a.id, a.days, this.ctx.now());
    return answered.length;
  }
}
