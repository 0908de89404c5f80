import { formatDate } from '@domain/format';
import { addDays, vnDay } from '@domain/dates';
import { frequencyFor, roundsOf, type Frequency } from '@domain/campaign-rounds';
import type { Unit } from '../geography/directory';
import { uuidv7 } from '@domain/uuid';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { CampaignsContext } from './context';
import { progressOf } from './progress';
import * as repo from './repo';
import * as groupRepo from './repo/groups';
import { checkedFrequency } from './frequency-check';
import { groupRows, groupViews } from './groups';
import type { CampaignDetail, CampaignInput, CampaignView, LabCapacityInput, TeamCapacityInput } from './schemas';

/** Campaigns: their communes' targets and rounds from the testing rules, progress, and team and lab capacity. */
export class CampaignsService {
  constructor(private readonly ctx: CampaignsContext) {}

  async create(actor: Actor, input: CampaignInput): Promise<CampaignView> {
    const { db, units, src } = this.ctx;
    if (input.endsOn < input.startsOn) throw new AppError('campaigns.period_invalid', 400, {}, 'endsOn');
    const rules = await this.ctx.rulesOn(input.startsOn);
    const seen = new Set<string>();
    const communes: {
      unit: Unit;
      level: { regime: { kind: string }; level: string } | null;
      f: Frequency;
      everyDays: number;
      method: 'rt_pcr_pooled' | 'rapid_antigen';
      index: number;
    }[] = [];
    for (const [i, c] of input.communes.entries()) {
      const unit = units.require(c.code, `communes.${i}.code`, { level: 'commune', day: input.startsOn });
      if (!units.unitInScope(actor.scope, unit.code)) throw new AppError('validation.unit_out_of_scope', 400, { code: unit.code }, `communes.${i}.code`);
      if (seen.has(unit.code)) throw new AppError('campaigns.commune_repeated', 400, { commune: unit.name }, `communes.${i}.code`);
      seen.add(unit.code);
      const level = await src.levelOf(unit.code, input.startsOn);
      const f = frequencyFor(rules.payload, level?.regime.kind ?? null, level?.level ?? null);
      if (!f) throw new AppError('campaigns.no_rules', 404, { day: formatDate(input.startsOn) }, `communes.${i}.code`);
      const { everyDays, method } = checkedFrequency(f, c, input, unit.name, `communes.${i}`);
      communes.push({ unit, level, f, everyDays, method, index: i });
    }
    const [clash] = await repo.overlapping(db, [...seen], input.startsOn, input.endsOn);
    if (clash) {
      const at = communes.find((c) => c.unit.code === clash.commune_code)!;
      throw new AppError(
        'campaigns.overlap',
        409,
        { commune: at.unit.name, name: clash.name, from: formatDate(clash.starts_on), to: formatDate(clash.ends_on) },
        `communes.${at.index}.code`,
      );
    }
    const id = uuidv7();
    const groups = await groupRows(this.ctx, actor, id, input, rules.payload);
    const totals = await src.totalsIn([...seen]);
    // each household's last sampling before the start, within the longest interval any population may wait
    const lookback = Math.max(...rules.payload.frequencies.map((f) => f.everyDaysMax));
    const prior = await src.testing.lastHouseholdSamplings([...seen], addDays(input.startsOn, -lookback), input.startsOn);
    const province = units.placeOf(communes[0].unit.code).province_code;
    await db.transaction().execute(async (trx) => {
      await repo.insertCampaign(trx, {
        id,
        province_code: province,
        name: input.name,
        legal_basis: input.legalBasis,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        rule_set_id: rules.id,
        rule_version: rules.version,
        created_by: actor.id,
      });
      const place = (code: string) => units.placeOf(code);
      await repo.insertCommunes(
        trx,
        communes.map((c) => ({
          campaign_id: id,
          commune_code: c.unit.code,
          province_code: place(c.unit.code).province_code,
          district_code: place(c.unit.code).district_code,
          regime_kind: c.level?.regime.kind ?? null,
          level: c.level?.level ?? null,
          population: c.f.population,
          every_days: c.everyDays,
          method: c.method,
          households_target: totals.get(c.unit.code)?.households ?? 0,
          persons_target: totals.get(c.unit.code)?.persons ?? 0,
        })),
      );
      await repo.insertRounds(
        trx,
        communes.flatMap((c) =>
          roundsOf(input.startsOn, input.endsOn, c.everyDays).map((r) => ({
            campaign_id: id,
            commune_code: c.unit.code,
            round_no: r.no,
            province_code: place(c.unit.code).province_code,
            district_code: place(c.unit.code).district_code,
            starts_on: r.startsOn,
            due_on: r.dueOn,
          })),
        ),
      );
      await repo.insertPriorSampling(trx, id, prior);
      await groupRepo.insertGroups(
        trx,
        groups.map(({ members: _, ...g }) => g),
      );
      for (const g of groups) await groupRepo.insertMembers(trx, g.id, g.members);
      await this.ctx.audit.record(trx, actor, {
        action: 'create',
        entity: 'campaign',
        entityId: id,
        fields: Object.keys(input),
        detail: { communes: [...seen] },
      });
    });
    return (await this.list(actor)).find((c) => c.id === id)!;
  }

  async list(actor: Actor): Promise<CampaignView[]> {
    const { db, units } = this.ctx;
    const all = await repo.campaignsWith(db, null);
    const communes = await repo.communesOf(
      db,
      all.map((c) => c.id),
    );
    const rounds = await repo.roundsOf(
      db,
      all.map((c) => c.id),
    );
    const today = this.today();
    const out: CampaignView[] = [];
    for (const c of all) {
      const mine = communes.filter((x) => x.campaign_id === c.id && units.unitInScope(actor.scope, x.commune_code));
      if (!mine.length) continue;
      const codes = new Set(mine.map((m) => m.commune_code));
      const target = new Map(mine.map((m) => [m.commune_code, m.households_target]));
      out.push({
        ...this.brief(c),
        communes: mine.length,
        householdsTarget: mine.reduce((n, m) => n + m.households_target, 0),
        overdueRounds: rounds.filter(
          (r) => r.campaign_id === c.id && codes.has(r.commune_code) && r.due_on < today && r.households_covered < target.get(r.commune_code)!,
        ).length,
      });
    }
    return out;
  }

  async detail(actor: Actor, id: string): Promise<CampaignDetail> {
    const { campaign, communes } = await this.ctx.campaignFor(actor, id);
    const [progress, groups] = await Promise.all([
      progressOf(this.ctx, campaign, communes, this.today(), this.brief(campaign)),
      groupViews(this.ctx, actor, campaign, this.today()),
    ]);
    return { ...progress, groups };
  }

  async setTeam(actor: Actor, id: string, input: TeamCapacityInput): Promise<CampaignDetail> {
    const campaign = await this.ctx.campaignToPlan(actor, id);
    const [team] = await this.ctx.src.testing.teamsByIds([input.teamId]);
    if (!team || !this.ctx.units.unitInScope(actor.scope, team.commune_code)) throw new AppError('campaigns.team_not_found', 404, {}, 'teamId');
    const communes = (await repo.communesOf(this.ctx.db, [id])).map((c) => c.commune_code);
    if (!communes.includes(team.commune_code)) throw new AppError('campaigns.team_outside', 400, { team: team.name }, 'teamId');
    for (const [i, h] of (input.hamlets ?? []).entries()) {
      if (this.ctx.units.get(h)?.parent_code !== team.commune_code) throw new AppError('campaigns.hamlet_outside', 400, { hamlet: h }, `hamlets.${i}`);
    }
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.upsertTeam(trx, {
        campaign_id: campaign.id,
        team_id: team.id,
        province_code: team.province_code,
        district_code: team.district_code,
        commune_code: team.commune_code,
        pooled_per_day: input.pooledPerDay,
        antigen_per_day: input.antigenPerDay,
        hamlets: input.hamlets?.length ? input.hamlets : null,
      });
      await this.ctx.audit.record(trx, actor, { action: 'update', entity: 'campaign', entityId: campaign.id, fields: ['teams'], detail: { ...input } });
    });
    return this.detail(actor, id);
  }

  async setLab(actor: Actor, id: string, input: LabCapacityInput): Promise<CampaignDetail> {
    const campaign = await this.ctx.campaignToPlan(actor, id);
    const [lab] = await this.ctx.src.testing.labsByIds([input.labId]);
    if (!lab || lab.province_code !== campaign.province_code) throw new AppError('campaigns.lab_not_found', 404, {}, 'labId');
    const districts = new Set((await repo.communesOf(this.ctx.db, [id])).map((c) => c.district_code));
    for (const [i, d] of (input.districts ?? []).entries()) {
      if (!districts.has(d)) throw new AppError('campaigns.district_outside', 400, { district: this.ctx.nameOf(d) || d }, `districts.${i}`);
    }
    await this.ctx.db.transaction().execute(async (trx) => {
      await repo.upsertLab(trx, {
        campaign_id: campaign.id,
        lab_id: lab.id,
        province_code: lab.province_code,
        pooled_per_day: input.pooledPerDay,
        single_per_day: input.singlePerDay,
        district_codes: input.districts?.length ? input.districts : null,
      });
      await this.ctx.audit.record(trx, actor, { action: 'update', entity: 'campaign', entityId: campaign.id, fields: ['labs'], detail: { ...input } });
    });
    return this.detail(actor, id);
  }

  private brief(c: {
    id: string;
    province_code: string;
    name: string;
    legal_basis: string;
    starts_on: string;
    ends_on: string;
    status: 'active' | 'closed';
    rule_version: number;
  }) {
    return {
      id: c.id,
      provinceCode: c.province_code,
      name: c.name,
      legalBasis: c.legal_basis,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      status: c.status,
      ruleVersion: c.rule_version,
    };
  }

  private today() {
    return vnDay(this.ctx.now());
  }
}
