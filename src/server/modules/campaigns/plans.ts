import { addDays, vnDay } from '@domain/dates';
import { formatDate } from '@domain/format';
import { planDay, type PlanResult } from '@domain/campaign-plan';
import { uuidv7 } from '@domain/uuid';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { CampaignRow, CampaignsContext } from './context';
import { planInputOf, readPlanInputs } from './plan-input';
import { PlanViews } from './plan-views';
import * as repo from './repo';
import type { PlanEdit, PlanView } from './schemas';

export type PlanSummary = Pick<PlanResult, 'shortfalls' | 'labs' | 'teams' | 'whatIf'> & { kept: number };

/**
 * Tomorrow's plan: made from the campaign's rounds and coverage, the lockdown zones, every household's size, team and
 * lab capacity and each commune's pool size (docs/campaign-planner.md); edited (a hamlet moved to another team),
 * approved (the sampling sessions open in the testing module), and re-made mid-day keeping what was sampled.
 */
export class PlansService {
  readonly views: PlanViews;

  constructor(private readonly ctx: CampaignsContext) {
    this.views = new PlanViews(ctx);
  }

  async make(actor: Actor, campaignId: string, day?: string): Promise<PlanView> {
    const campaign = await this.ctx.campaignToPlan(actor, campaignId);
    const today = vnDay(this.ctx.now());
    const planDayOn = day ?? addDays(today, 1);
    if ((planDayOn !== today && planDayOn !== addDays(today, 1)) || planDayOn < campaign.starts_on || planDayOn > campaign.ends_on) {
      throw new AppError('campaigns.plan_day_invalid', 400, { from: formatDate(campaign.starts_on), to: formatDate(campaign.ends_on) }, 'day');
    }
    const { result, kept } = await this.compute(campaign, planDayOn);
    const id = uuidv7();
    const summary: PlanSummary = { shortfalls: result.shortfalls, labs: result.labs, teams: result.teams, whatIf: result.whatIf, kept };
    await this.ctx.db.transaction().execute(async (trx) => {
      const drafts = (await repo.plansInForce(trx, campaign.id, planDayOn)).filter((p) => p.status === 'draft');
      await repo.supersede(
        trx,
        drafts.map((p) => p.id),
      );
      await repo.insertPlan(trx, {
        id,
        province_code: campaign.province_code,
        campaign_id: campaign.id,
        day: planDayOn,
        candidates: result.candidates,
        covered: result.covered,
        bound: result.bound,
        summary: JSON.stringify(summary),
        created_by: actor.id,
      });
      await repo.insertItems(trx, id, result.items);
      await this.ctx.audit.record(trx, actor, {
        action: 'create',
        entity: 'campaign_plan',
        entityId: id,
        detail: { campaignId: campaign.id, day: planDayOn, covered: result.covered, candidates: result.candidates, bound: result.bound },
      });
    });
    return this.views.view(actor, id);
  }

  /** The planner's inputs for a day, read in one pass per source, and its result. */
  async compute(campaign: CampaignRow, day: string): Promise<{ result: PlanResult; kept: number }> {
    const { input, kept } = planInputOf(await readPlanInputs(this.ctx, campaign, day));
    return { result: planDay(input), kept };
  }

  async edit(actor: Actor, planId: string, input: PlanEdit): Promise<PlanView> {
    const plan = await this.views.planFor(actor, planId);
    const campaign = await this.ctx.campaignToPlan(actor, plan.campaign_id);
    await this.assertDraft(plan);
    if (plan.version !== input.version) throw new AppError('campaigns.plan_changed', 409, {}, 'version');
    const teams = await repo.teamsOf(this.ctx.db, campaign.id);
    await this.ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.planById(trx, planId, true);
      if (!locked || locked.version !== input.version) throw new AppError('campaigns.plan_changed', 409, {}, 'version');
      for (const [i, m] of input.moves.entries()) {
        const hamlet = this.ctx.units.get(m.hamlet);
        if (!hamlet || hamlet.level !== 'hamlet') throw new AppError('campaigns.hamlet_not_planned', 400, { hamlet: m.hamlet }, `moves.${i}.hamlet`);
        const team = teams.find((t) => t.team_id === m.toTeamId);
        if (!team || team.commune_code !== hamlet.parent_code) throw new AppError('campaigns.team_outside', 400, { team: m.toTeamId }, `moves.${i}.toTeamId`);
        const moved = await repo.moveHamlet(trx, planId, hamlet.parent_code!, hamlet.code, team.team_id);
        if (!Number(moved.numUpdatedRows)) throw new AppError('campaigns.hamlet_not_planned', 400, { hamlet: hamlet.name }, `moves.${i}.hamlet`);
      }
      const summary = locked.summary as PlanSummary;
      const counts = new Map<string, number>();
      for (const t of await repo.itemTotals(trx, planId)) counts.set(t.team_id, (counts.get(t.team_id) ?? 0) + t.n);
      summary.teams = summary.teams.map((t) => ({ ...t, households: counts.get(t.teamId) ?? 0 }));
      await repo.bumpPlan(trx, planId, JSON.stringify(summary));
      await this.ctx.audit.record(trx, actor, {
        action: 'update',
        entity: 'campaign_plan',
        entityId: planId,
        fields: ['moves'],
        detail: { moves: input.moves },
      });
    });
    return this.views.view(actor, planId);
  }

  /**
   * Approves a draft: the day's earlier approved plan (if any) is superseded and its sessions kept; every team of the
   * plan without a session on the day gets one (door to door, in its commune), opened in the testing module.
   */
  async approve(actor: Actor, planId: string): Promise<PlanView> {
    const plan = await this.views.planFor(actor, planId);
    const campaign = await this.ctx.campaignToPlan(actor, plan.campaign_id);
    await this.assertDraft(plan);
    await this.ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.planById(trx, planId, true);
      if (!locked || locked.status !== 'draft') throw new AppError('campaigns.plan_approved', 409, { day: formatDate(plan.day) });
      const earlier = (await repo.plansInForce(trx, campaign.id, plan.day)).filter((p) => p.status === 'approved');
      await repo.supersede(
        trx,
        earlier.map((p) => p.id),
      );
      const have = new Set((await repo.sessionsOn(trx, campaign.id, plan.day)).map((s) => s.team_id));
      const teams = [...new Set((await repo.itemTotals(trx, planId)).map((t) => t.team_id))].filter((t) => !have.has(t)).sort();
      const opened = await this.ctx.src.testing.openSessionsInTx(
        trx,
        actor,
        teams.map((teamId) => ({ teamId, day: plan.day, placeName: `${campaign.name} — ${formatDate(plan.day)}` })),
      );
      await repo.insertSessions(
        trx,
        opened.map((o) => ({ campaign_id: campaign.id, day: plan.day, team_id: o.teamId, session_id: o.sessionId })),
      );
      await repo.approve(trx, planId, actor.id, this.ctx.now());
      await this.ctx.audit.record(trx, actor, {
        action: 'update',
        entity: 'campaign_plan',
        entityId: planId,
        fields: ['status'],
        detail: { sessions: opened.length },
      });
    });
    return this.views.view(actor, planId);
  }

  private async assertDraft(plan: { status: string; day: string; campaign_id: string }) {
    if (plan.status === 'superseded') throw new AppError('campaigns.plan_superseded', 409);
    if (plan.status !== 'approved') return;
    const sessions = await repo.sessionsOn(this.ctx.db, plan.campaign_id, plan.day);
    const started = await this.ctx.src.testing.samplesInSessions(sessions.map((s) => s.session_id));
    throw new AppError(started ? 'campaigns.plan_started' : 'campaigns.plan_approved', 409, { day: formatDate(plan.day) });
  }
}
