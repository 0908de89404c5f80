import type { CampaignsContext, CampaignRow } from './context';
import * as repo from './repo';
import type { CampaignDetail, CommuneProgress, RoundView } from './schemas';

type Brief = Pick<CampaignDetail, 'id' | 'provinceCode' | 'name' | 'legalBasis' | 'startsOn' | 'endsOn' | 'status' | 'ruleVersion'>;

/**
 * A campaign's progress for the communes an actor sees: each round's households and persons covered (the module's
 * counters, kept by the testing module's collection writes), its tubes, pools, positives and same-day results
 * (testing's daily rollup over the round's window), the households never reached, districts, the daily trend,
 * teams, labs and plans.
 */
export async function progressOf(
  ctx: CampaignsContext,
  campaign: CampaignRow,
  visible: string[],
  today: string,
  brief: Brief,
): Promise<Omit<CampaignDetail, 'groups'>> {
  const { db, src } = ctx;
  const shown = new Set(visible);
  const [communes, rounds, reached, byDay, teams, labs, plans] = await Promise.all([
    repo.communesOf(db, [campaign.id]).then((cs) => cs.filter((c) => shown.has(c.commune_code))),
    repo.roundsOf(db, [campaign.id]).then((rs) => rs.filter((r) => shown.has(r.commune_code))),
    repo.reachedByCommune(db, campaign.id),
    repo.coverageByDay(db, campaign.id),
    repo.teamsOf(db, campaign.id).then((ts) => ts.filter((t) => shown.has(t.commune_code))),
    repo.labsOf(db, campaign.id),
    repo.plansOf(db, campaign.id),
  ]);
  const until = today < campaign.ends_on ? today : campaign.ends_on;
  const daily = until >= campaign.starts_on ? await src.testing.daily(visible, campaign.starts_on, until) : [];
  const [teamRows, labRows] = await Promise.all([src.testing.teamsByIds(teams.map((t) => t.team_id)), src.testing.labsByIds(labs.map((l) => l.lab_id))]);
  const rules = await ctx.rulesOn(campaign.starts_on);
  const reachedOf = new Map(reached.map((r) => [r.commune_code, r.households]));

  const communeProgress: CommuneProgress[] = communes.map((c) => {
    const own = rounds.filter((r) => r.commune_code === c.commune_code);
    const views: RoundView[] = own.map((r) => {
      const days = daily.filter((d) => d.commune_code === c.commune_code && d.day >= r.starts_on && d.day <= r.due_on);
      const sum = (k: 'samples' | 'pools' | 'pools_positive' | 'positive' | 'resulted' | 'same_day') => days.reduce((n, d) => n + (d[k] ?? 0), 0);
      const complete = c.households_target > 0 && r.households_covered >= c.households_target;
      const status = today < r.starts_on ? 'upcoming' : complete ? 'done' : today <= r.due_on ? 'open' : 'overdue';
      return {
        no: r.round_no,
        startsOn: r.starts_on,
        dueOn: r.due_on,
        status,
        householdsCovered: r.households_covered,
        personsCovered: r.persons_covered,
        samples: sum('samples'),
        pools: sum('pools'),
        poolsPositive: sum('pools_positive'),
        positive: sum('positive'),
        resulted: sum('resulted'),
        sameDay: sum('same_day'),
      };
    });
    const current = own.find((r) => r.starts_on <= today && today <= r.due_on);
    return {
      code: c.commune_code,
      name: ctx.nameOf(c.commune_code),
      districtCode: c.district_code,
      districtName: ctx.nameOf(c.district_code),
      regimeKind: c.regime_kind,
      level: c.level,
      population: c.population,
      populationName: rules.payload.frequencies.find((f) => f.population === c.population)?.nameVi ?? c.population,
      everyDays: c.every_days,
      method: c.method,
      householdsTarget: c.households_target,
      personsTarget: c.persons_target,
      currentRound: current?.round_no ?? null,
      neverReached: Math.max(0, c.households_target - (reachedOf.get(c.commune_code) ?? 0)),
      rounds: views,
    };
  });

  const districts = new Map<string, CampaignDetail['districts'][number]>();
  for (const c of communeProgress) {
    const d = districts.get(c.districtCode) ?? {
      code: c.districtCode,
      name: c.districtName,
      householdsTarget: 0,
      householdsCovered: 0,
      personsCovered: 0,
      positive: 0,
      overdueRounds: 0,
    };
    const latest = [...c.rounds].reverse().find((r) => r.startsOn <= today);
    d.householdsTarget += c.householdsTarget;
    d.householdsCovered += latest?.householdsCovered ?? 0;
    d.personsCovered += latest?.personsCovered ?? 0;
    d.positive += c.rounds.reduce((n, r) => n + r.positive, 0);
    d.overdueRounds += c.rounds.filter((r) => r.status === 'overdue').length;
    districts.set(c.districtCode, d);
  }

  const days = [...new Set([...byDay.map((d) => d.sampled_on), ...daily.map((d) => d.day)])].sort();
  const trend = days.map((day) => {
    const cov = byDay.find((d) => d.sampled_on === day);
    const rows = daily.filter((d) => d.day === day);
    const sum = (k: 'samples' | 'positive' | 'resulted' | 'same_day') => rows.reduce((n, d) => n + (d[k] ?? 0), 0);
    return {
      day,
      households: cov?.households ?? 0,
      persons: cov?.persons ?? 0,
      samples: sum('samples'),
      positive: sum('positive'),
      resulted: sum('resulted'),
      sameDay: sum('same_day'),
    };
  });

  return {
    ...brief,
    communes: communeProgress.length,
    householdsTarget: communeProgress.reduce((n, c) => n + c.householdsTarget, 0),
    overdueRounds: communeProgress.reduce((n, c) => n + c.rounds.filter((r) => r.status === 'overdue').length, 0),
    communeProgress,
    districts: [...districts.values()],
    trend,
    teams: teams.map((t) => ({
      teamId: t.team_id,
      name: teamRows.find((r) => r.id === t.team_id)?.name ?? '',
      communeCode: t.commune_code,
      communeName: ctx.nameOf(t.commune_code),
      pooledPerDay: t.pooled_per_day,
      antigenPerDay: t.antigen_per_day,
      hamlets: t.hamlets,
    })),
    labs: labs.map((l) => ({
      labId: l.lab_id,
      name: labRows.find((r) => r.id === l.lab_id)?.name ?? '',
      pooledPerDay: l.pooled_per_day,
      singlePerDay: l.single_per_day,
      districts: l.district_codes,
    })),
    plans: plans.map((p) => ({ id: p.id, day: String(p.day), status: p.status, covered: p.covered, candidates: p.candidates })),
  };
}
