import { foldVietnamese } from '@domain/vn-text';
import { roundsOf } from '@domain/campaign-rounds';
import { uuidv7 } from '@domain/uuid';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { CampaignRow, CampaignRules, CampaignsContext } from './context';
import { checkedFrequency } from './frequency-check';
import * as groups from './repo/groups';
import type { CampaignInput, GroupView } from './schemas';

/** The rule set's population for groups of workers (market workers, delivery staff, factories, essential services). */
const GROUP_POPULATION = 'essential_workers';

export type GroupRow = Parameters<typeof groups.insertGroups>[1][number] & { members: string[] };

/**
 * A campaign's groups checked against the rules and made into rows with their members: the persons of the commune
 * whose occupation holds one of the group's words (diacritics and case ignored), fixed as the group's target.
 */
export async function groupRows(ctx: CampaignsContext, actor: Actor, campaignId: string, input: CampaignInput, rules: CampaignRules): Promise<GroupRow[]> {
  const f = rules.frequencies.find((x) => x.population === GROUP_POPULATION);
  const out: GroupRow[] = [];
  for (const [i, g] of (input.groups ?? []).entries()) {
    if (!f) throw new AppError('campaigns.no_group_rule', 400, {}, `groups.${i}`);
    const unit = ctx.units.require(g.communeCode, `groups.${i}.communeCode`, { level: 'commune', day: input.startsOn });
    if (!ctx.units.unitInScope(actor.scope, unit.code)) throw new AppError('validation.unit_out_of_scope', 400, { code: unit.code }, `groups.${i}.communeCode`);
    const { everyDays, method } = checkedFrequency(f, g, input, g.name, `groups.${i}`);
    const members = await ctx.src.personsWithOccupation(unit.code, g.occupations);
    if (!members.length) throw new AppError('campaigns.group_empty', 400, { group: g.name, commune: unit.name }, `groups.${i}.occupations`);
    const place = ctx.units.placeOf(unit.code);
    out.push({
      id: uuidv7(),
      campaign_id: campaignId,
      name: g.name,
      province_code: place.province_code,
      district_code: place.district_code,
      commune_code: unit.code,
      population: f.population,
      occupations: g.occupations.map((w) => foldVietnamese(w).trim()),
      every_days: everyDays,
      method,
      persons_target: members.length,
      members,
    });
  }
  return out;
}

/** The groups of a campaign the actor sees (by commune), with persons covered per round. */
export async function groupViews(ctx: CampaignsContext, actor: Actor, campaign: CampaignRow, today: string): Promise<GroupView[]> {
  const rows = (await groups.groupsOf(ctx.db, campaign.id)).filter((g) => ctx.units.unitInScope(actor.scope, g.commune_code));
  const covered = await groups.groupCoverage(
    ctx.db,
    rows.map((g) => g.id),
  );
  return rows.map((g) => ({
    id: g.id,
    name: g.name,
    communeCode: g.commune_code,
    communeName: ctx.nameOf(g.commune_code),
    occupations: g.occupations,
    everyDays: g.every_days,
    method: g.method,
    personsTarget: g.persons_target,
    rounds: roundsOf(campaign.starts_on, campaign.ends_on, g.every_days).map((r) => {
      const persons = covered.find((c) => c.group_id === g.id && c.round_no === r.no)?.persons ?? 0;
      return {
        no: r.no,
        startsOn: r.startsOn,
        dueOn: r.dueOn,
        personsCovered: persons,
        status: r.startsOn > today ? 'upcoming' : persons >= g.persons_target ? 'done' : r.dueOn < today ? 'overdue' : 'open',
      };
    }),
  }));
}
