import type { Selectable } from 'kysely';
import type { Priority } from '@domain/campaign-plan';
import type { CampaignPlansTable } from '../../db/campaigns-tables';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { CampaignsContext } from './context';
import type { PlanSummary } from './plans';
import * as repo from './repo';
import type { PlanView, WorkList } from './schemas';

type PlanRow = Selectable<CampaignPlansTable>;
const zero = (): Record<Priority, number> => ({ lockdown: 0, overdue: 0, due: 0 });

/** A plan as the command center reads it (totals per team, hamlet and lab; shortfalls), and a team's work list. */
export class PlanViews {
  constructor(private readonly ctx: CampaignsContext) {}

  /** The plan, when the actor sees a commune of its campaign. */
  async planFor(actor: Actor, id: string): Promise<PlanRow & { communes: string[]; campaignName: string }> {
    const plan = await repo.planById(this.ctx.db, id);
    if (!plan) throw new AppError('campaigns.plan_not_found', 404);
    const { campaign, communes } = await this.ctx.campaignFor(actor, plan.campaign_id).catch(() => {
      throw new AppError('campaigns.plan_not_found', 404);
    });
    return { ...plan, day: String(plan.day), communes, campaignName: campaign.name };
  }

  async view(actor: Actor, id: string): Promise<PlanView> {
    const plan = await this.planFor(actor, id);
    const seen = new Set(plan.communes);
    const summary = plan.summary as PlanSummary;
    const [totals, teams, sessions] = await Promise.all([
      repo.itemTotals(this.ctx.db, id),
      repo.teamsOf(this.ctx.db, plan.campaign_id),
      plan.status === 'superseded' ? Promise.resolve([]) : repo.sessionsOn(this.ctx.db, plan.campaign_id, plan.day),
    ]);
    const [teamRows, labRows] = await Promise.all([
      this.ctx.src.testing.teamsByIds(teams.map((t) => t.team_id)),
      this.ctx.src.testing.labsByIds(summary.labs.map((l) => l.labId)),
    ]);
    const started = plan.status === 'approved' && (await this.ctx.src.testing.samplesInSessions(sessions.map((s) => s.session_id))) > 0;
    const teamOf = new Map(teams.map((t) => [t.team_id, t]));
    const shownTeams = summary.teams.filter((t) => seen.has(teamOf.get(t.teamId)?.commune_code ?? ''));
    return {
      id: plan.id,
      campaignId: plan.campaign_id,
      campaignName: plan.campaignName,
      day: plan.day,
      status: plan.status,
      version: plan.version,
      candidates: plan.candidates,
      covered: plan.covered,
      bound: plan.bound,
      coverageOfBound: plan.bound > 0 ? plan.covered / plan.bound : 1,
      kept: summary.kept,
      approvedAt: plan.approved_at ? new Date(plan.approved_at).toISOString() : null,
      started,
      shortfalls: summary.shortfalls
        .filter((s) => seen.has(s.commune))
        .map((s) => ({ communeCode: s.commune, communeName: this.ctx.nameOf(s.commune), priority: s.priority, teamShort: s.teamShort, labShort: s.labShort })),
      labs: summary.labs.map((l) => ({ ...l, name: labRows.find((r) => r.id === l.labId)?.name ?? '' })),
      teams: shownTeams.map((t) => {
        const own = totals.filter((x) => x.team_id === t.teamId);
        const hamlets = new Map<string | null, { households: number; priority: Record<Priority, number> }>();
        const labs = new Map<string | null, number>();
        for (const x of own) {
          const h = hamlets.get(x.hamlet_code) ?? { households: 0, priority: zero() };
          h.households += x.n;
          h.priority[x.priority] += x.n;
          hamlets.set(x.hamlet_code, h);
          labs.set(x.lab_id, (labs.get(x.lab_id) ?? 0) + x.n);
        }
        const commune = teamOf.get(t.teamId)!.commune_code;
        return {
          teamId: t.teamId,
          name: teamRows.find((r) => r.id === t.teamId)?.name ?? '',
          communeCode: commune,
          communeName: this.ctx.nameOf(commune),
          households: own.reduce((n, x) => n + x.n, 0),
          capacity: t.capacity,
          sessionId: sessions.find((s) => s.team_id === t.teamId)?.session_id ?? null,
          hamlets: [...hamlets]
            .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
            .map(([code, h]) => ({ code, name: code ? this.ctx.nameOf(code) : 'Chưa rõ ấp/khu vực', ...h })),
          labs: [...labs].map(([labId, households]) => ({ labId, households })),
        };
      }),
      whatIf: summary.whatIf,
    };
  }

  /** A team's households for the day on a phone: hamlets in route order, members, done or left. Audited as read. */
  async workList(actor: Actor, planId: string, teamId: string): Promise<WorkList> {
    const plan = await this.planFor(actor, planId);
    const [team] = await this.ctx.src.testing.teamsByIds([teamId]);
    if (!team || !this.ctx.units.unitInScope(actor.scope, team.commune_code)) throw new AppError('campaigns.team_not_found', 404);
    const items = await repo.itemsOfTeam(this.ctx.db, planId, teamId);
    const ids = items.map((i) => i.household_id);
    const [households, residents, done, sessions, labs] = await Promise.all([
      this.ctx.src.householdsByIds(ids),
      this.ctx.src.residentsOf(actor, ids, 'campaign_work_list'),
      repo.coveredOn(this.ctx.db, plan.campaign_id, plan.day, ids),
      repo.sessionsOn(this.ctx.db, plan.campaign_id, plan.day),
      this.ctx.src.testing.labsByIds([...new Set(items.map((i) => i.lab_id).filter((l): l is string => Boolean(l)))]),
    ]);
    const doneSet = new Set(done.map((d) => d.household_id));
    const address = new Map(households.map((h) => [h.id, h.address]));
    const hamlets: WorkList['hamlets'] = [];
    for (const it of items) {
      let h = hamlets.at(-1);
      if (!h || h.code !== it.hamlet_code)
        hamlets.push((h = { code: it.hamlet_code, name: it.hamlet_code ? this.ctx.nameOf(it.hamlet_code) : 'Chưa rõ ấp/khu vực', households: [] }));
      h.households.push({
        householdId: it.household_id,
        address: address.get(it.household_id) ?? '',
        priority: it.priority,
        lastSampledOn: it.last_sampled_on ? String(it.last_sampled_on) : null,
        labId: it.lab_id,
        labName: labs.find((l) => l.id === it.lab_id)?.name ?? null,
        done: doneSet.has(it.household_id),
        members: residents.persons
          .filter((p) => p.householdId === it.household_id)
          .map((p) => ({ personId: p.id, fullName: p.fullName, birthYear: p.birthYear })),
      });
    }
    return {
      planId,
      day: plan.day,
      teamId,
      teamName: team.name,
      sessionId: sessions.find((s) => s.team_id === teamId)?.session_id ?? null,
      done: items.filter((i) => doneSet.has(i.household_id)).length,
      left: items.filter((i) => !doneSet.has(i.household_id)).length,
      hamlets,
    };
  }
}
