import { daysBetween, vnDay } from '@domain/dates';
import { formatDate } from '@domain/format';
import { vitalsRefusal, warningsOf } from '@domain/quarantine';
import { uuidv7 } from '@domain/uuid';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { QuarantineContext } from './context';
import { stayEvent } from './placement';
import { presentCheck, presentStay } from './present';
import * as repo from './repo';
import type { QuarantineResults } from './results';
import type { CheckInput, CheckView, HomeList } from './schemas';

/**
 * Home quarantine and home care of F0 (from Nov 2021): the commune team's list of persons at home with their last
 * check and the days missed, the daily check (by the team or the family), a warning sign making an urgent transfer
 * task; and the persons released still in their monitoring days.
 */
export class HomeCareService {
  constructor(
    private readonly ctx: QuarantineContext,
    private readonly results: QuarantineResults,
  ) {}

  async list(actor: Actor, q: { commune?: string; day?: string }): Promise<HomeList> {
    const { ctx } = this;
    const day = q.day ?? vnDay(ctx.now());
    if (q.commune && !ctx.units.unitInScope(actor.scope, q.commune)) return { day, stays: [], monitoring: [] };
    const communes = q.commune ? [q.commune] : this.communesOf(actor);
    const [stays, monitoring] = await Promise.all([repo.homeStays(ctx.db, communes), repo.monitoringStays(ctx.db, communes, day)]);
    const ids = stays.map((s) => s.id);
    const [summary, tasks] = await Promise.all([repo.checkSummary(ctx.db, ids), repo.tasksOfStays(ctx.db, ids)]);
    const last = new Map(
      (
        await repo.checksByIds(
          ctx.db,
          summary.map((s) => s.last_id),
        )
      ).map((c) => [c.stay_id, c]),
    );
    const daysChecked = new Map(summary.map((s) => [s.stay_id, Number(s.days)]));
    const who = new Map((await ctx.src.identitiesOf([...new Set([...stays, ...monitoring].map((s) => s.person_id))])).map((p) => [p.id, p]));
    if (who.size) ctx.audit.read(actor, { action: 'read', entity: 'person', detail: { purpose: 'home_care', shown: [...who.keys()] } });
    return {
      day,
      stays: stays.map((s) => {
        const lastCheck = last.get(s.id);
        const due = Math.max(0, daysBetween(s.admitted_on, day));
        return {
          ...presentStay(s, who.get(s.person_id), {}),
          lastCheck: lastCheck ? presentCheck(lastCheck) : null,
          checkedToday: lastCheck?.day === day,
          missedDays: Math.max(0, due - ((daysChecked.get(s.id) ?? 0) - (lastCheck?.day === day ? 1 : 0))),
          urgent: tasks.some((t) => t.stay_id === s.id && t.kind === 'urgent_transfer' && t.status === 'open'),
        };
      }),
      monitoring: monitoring.map((s) => presentStay(s, who.get(s.person_id), {})),
    };
  }

  /** Records a daily check; values outside what the instruments give are refused; a warning makes an urgent transfer task. */
  async check(actor: Actor, stayId: string, input: CheckInput): Promise<CheckView> {
    const { ctx } = this;
    const today = vnDay(ctx.now());
    ctx.notFuture('day', input.day, today);
    const { ops } = await ctx.rulesOn(input.day);
    const refusal = vitalsRefusal(ops, input);
    if (refusal?.field === 'warningSigns') throw new AppError('quarantine.sign_unknown', 400, { code: refusal.code }, 'warningSigns');
    if (refusal)
      throw new AppError(
        'quarantine.vital_range',
        400,
        { field: refusal.field, value: input[refusal.field], min: refusal.min, max: refusal.max },
        refusal.field,
      );
    const known = new Set(ops.symptoms.map((s) => s.code));
    const unknownSymptom = input.symptoms.findIndex((s) => !known.has(s));
    if (unknownSymptom >= 0) throw new AppError('validation.invalid', 400, {}, `symptoms.${unknownSymptom}`);
    return ctx.db.transaction().execute(async (trx) => {
      const s = await ctx.stayFor(actor, stayId, trx, true);
      if (s.setting !== 'home') throw new AppError('quarantine.not_home', 400);
      if (s.status !== 'open') throw new AppError('quarantine.stay_closed', 409, { day: formatDate(s.ended_on) });
      if (input.day < s.admitted_on)
        throw new AppError('quarantine.before_start', 400, { field: 'day', day: formatDate(input.day), start: formatDate(s.admitted_on) }, 'day');
      const row = await repo.insertCheck(trx, {
        id: uuidv7(),
        stay_id: s.id,
        day: input.day,
        temperature: input.temperature,
        spo2: input.spo2,
        symptoms: input.symptoms,
        warning_signs: input.warningSigns,
        reported_by: input.reportedBy,
        recorded_by: actor.id,
      });
      const warnings = warningsOf(ops, input);
      let urgent: string | null = null;
      if (warnings.length) {
        const names = warnings.map((w) => ops.warningSigns.find((x) => x.code === w)?.nameVi ?? `SpO2 ${input.spo2}%`);
        const why = `Dấu hiệu cảnh báo ngày ${formatDate(input.day)}: ${names.join(', ')}; chuyển trong ${ops.urgentTransferWithinHours} giờ`;
        [{ id: urgent }] = await this.results.transferTask(trx, s, today, 'urgent_transfer', why);
        await stayEvent(ctx, trx, actor, { stayId: s.id, kind: 'warning', day: input.day, detail: { warnings }, audit: false });
      }
      await ctx.audit.record(trx, actor, { action: 'create', entity: 'quarantine_check', entityId: row.id, detail: { stay: s.id, day: input.day, warnings } });
      return presentCheck(row, urgent);
    });
  }

  private communesOf(actor: Actor): string[] {
    const { units } = this.ctx;
    const day = vnDay(this.ctx.now());
    const out = new Set(actor.scope.communes);
    const districts = [...actor.scope.districts, ...actor.scope.provinces.flatMap((p) => units.childrenOf(p, day).map((d) => d.code))];
    for (const d of districts) for (const c of units.childrenOf(d, day)) out.add(c.code);
    return [...out];
  }
}
