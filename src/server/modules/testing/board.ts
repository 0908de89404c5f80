import { sql } from 'kysely';
import { addDays, vnDay } from '@domain/dates';
import type { Actor } from '../../platform/actor';
import { inScope, scopeSql } from '../../platform/scope';
import { NIL_UUID } from './rollup';
import type { TestingService } from './service';

const COUNTERS = ['samples', 'persons', 'pools', 'received', 'resulted', 'positive', 'negative', 'invalid', 'same_day', 'tat_minutes_sum',
  'tat_le6h', 'tat_le12h', 'tat_le24h', 'tat_le48h', 'tat_gt48h'] as const;
type Counter = (typeof COUNTERS)[number];
type Counts = Record<Counter, number>;

const zero = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;
const add = (a: Counts, b: Partial<Counts>) => { for (const c of COUNTERS) a[c] += Number(b[c] ?? 0); return a; };

/** Ratios for the board: positivity, same-day share, mean turnaround (hours) of final results. */
function figures(c: Counts) {
  return {
    samples: c.samples, persons: c.persons, pools: c.pools, received: c.received, resulted: c.resulted,
    positive: c.positive, negative: c.negative, invalid: c.invalid, sameDay: c.same_day,
    positivity: c.resulted ? c.positive / c.resulted : null,
    sameDayShare: c.resulted ? c.same_day / c.resulted : null,
    meanTatHours: c.resulted ? c.tat_minutes_sum / c.resulted / 60 : null,
    tat: { le6h: c.tat_le6h, le12h: c.tat_le12h, le24h: c.tat_le24h, le48h: c.tat_le48h, gt48h: c.tat_gt48h },
  };
}

/**
 * The day's testing summary for the command center, read from the daily rollup (a few hundred rows a day, kept
 * current by the writes) plus the live backlog per lab (tubes without a final result: bounded by the days'
 * volume, read through the partial index of pending tubes). Its cost does not grow with the samples stored.
 */
export async function testingSummary(svc: TestingService, actor: Actor, q: { day?: string; districtCode?: string }) {
  const day = q.day ?? vnDay(svc.now());
  const k = svc.db.kysely;
  const from = addDays(day, -6);
  let rows = k.selectFrom('testing_daily').selectAll().where('day', '>=', from).where('day', '<=', day).where((eb) => inScope(eb, actor, 'testing_daily'));
  if (q.districtCode) rows = rows.where('district_code', '=', q.districtCode);
  const [daily, backlog, labs, teams, rules] = await Promise.all([
    rows.execute(),
    sql<{ lab_id: string | null; in_transit: number; received: number; oldest: Date | null }>`
      select lab_id, count(*) filter (where received_at is null)::int as in_transit, count(*) filter (where received_at is not null)::int as received, min(collected_at) as oldest
        from samples s
       where (result is null or result = 'invalid') and lab_id is not null and ${scopeSql(actor, 's')}
         ${q.districtCode ? sql`and district_code = ${q.districtCode}` : sql``}
       group by lab_id`.execute(k),
    k.selectFrom('labs').select(['id', 'name', 'daily_capacity']).execute(),
    k.selectFrom('sampling_teams').select(['id', 'name', 'commune_code']).where((eb) => inScope(eb, actor, 'sampling_teams')).execute(),
    svc.testingRules(day),
  ]);
  const today = daily.filter((r) => r.day === day);
  const group = (key: (r: (typeof daily)[number]) => string | null) => {
    const m = new Map<string, Counts>();
    for (const r of today) {
      const k2 = key(r);
      if (k2 === null) continue;
      add(m.get(k2) ?? m.set(k2, zero()).get(k2)!, r);
    }
    return m;
  };
  const labName = new Map(labs.map((l) => [l.id, l]));
  const teamName = new Map(teams.map((t) => [t.id, t]));
  const byType = group((r) => r.test_type);
  const trend = new Map<string, Counts>();
  for (const r of daily) add(trend.get(r.day) ?? trend.set(r.day, zero()).get(r.day)!, r);
  const backlogByLab = new Map(backlog.rows.map((b) => [b.lab_id ?? NIL_UUID, b]));
  return {
    day,
    ruleVersion: rules.version,
    sameDayRequired: rules.payload.resultsSameDay,
    totals: figures(today.reduce((a, r) => add(a, r), zero())),
    byTestType: [...byType].map(([testType, c]) => ({ testType, ...figures(c) })),
    byLab: [...group((r) => (r.lab_id === NIL_UUID ? null : r.lab_id))].map(([id, c]) => ({
      labId: id, name: labName.get(id)?.name ?? id, capacity: labName.get(id)?.daily_capacity ?? {}, ...figures(c),
      backlog: { inTransit: backlogByLab.get(id)?.in_transit ?? 0, awaitingResult: backlogByLab.get(id)?.received ?? 0, oldestCollectedAt: backlogByLab.get(id)?.oldest ? new Date(backlogByLab.get(id)!.oldest!).toISOString() : null },
    })),
    backlog: backlog.rows.filter((b) => b.lab_id).map((b) => ({ labId: b.lab_id!, name: labName.get(b.lab_id!)?.name ?? b.lab_id!, inTransit: b.in_transit, awaitingResult: b.received, oldestCollectedAt: b.oldest ? new Date(b.oldest).toISOString() : null })),
    byTeam: [...group((r) => (r.team_id === NIL_UUID ? null : r.team_id))].map(([id, c]) => ({ teamId: id, name: teamName.get(id)?.name ?? '', communeCode: teamName.get(id)?.commune_code ?? null, ...figures(c) })),
    byCommune: [...group((r) => r.commune_code)].map(([communeCode, c]) => ({ communeCode, ...figures(c) })),
    byDistrict: [...group((r) => r.district_code)].map(([districtCode, c]) => ({ districtCode, ...figures(c) })),
    trend: [...Array(7).keys()].map((i) => addDays(from, i)).map((d) => ({ day: d, ...figures(trend.get(d) ?? zero()) })),
  };
}

/**
 * The live board of overdue tubes: collected, no final result, and older than the threshold of the rule set in
 * force. Read through the partial index of pending tubes, oldest first.
 */
export async function overdueSamples(svc: TestingService, actor: Actor, q: { labId?: string; communeCode?: string; limit: number }) {
  const now = svc.now();
  const rules = await svc.testingRules(vnDay(now));
  const threshold = new Date(now.getTime() - rules.payload.overdueAfterHours * 3_600_000);
  let query = svc.db.kysely.selectFrom('samples as s')
    .leftJoin('labs as l', 'l.id', 's.lab_id').leftJoin('sampling_teams as t', 't.id', 's.team_id')
    .select(['s.id', 's.barcode', 's.test_type', 's.kind', 's.commune_code', 's.district_code', 's.members_count', 's.collected_at', 's.shipment_id', 's.received_at', 's.result', 's.lab_id', 'l.name as lab_name', 't.name as team_name'])
    .where((eb) => eb.or([eb('s.result', 'is', null), eb('s.result', '=', 'invalid')]))
    .where('s.collected_at', '<', threshold).where((eb) => inScope(eb, actor, 's' as 'samples'));
  if (q.labId) query = query.where('s.lab_id', '=', q.labId);
  if (q.communeCode) query = query.where('s.commune_code', '=', q.communeCode);
  const rows = await query.orderBy('s.collected_at').limit(q.limit).execute();
  return {
    thresholdHours: rules.payload.overdueAfterHours,
    ruleVersion: rules.version,
    samples: rows.map((r) => ({
      id: r.id, barcode: r.barcode, testType: r.test_type, kind: r.kind, communeCode: r.commune_code, districtCode: r.district_code, membersCount: r.members_count,
      collectedAt: new Date(r.collected_at).toISOString(), hoursSinceCollection: Math.floor((now.getTime() - new Date(r.collected_at).getTime()) / 3_600_000),
      stage: r.result === 'invalid' ? 'retest' : r.received_at ? 'received' : r.shipment_id ? 'in_transit' : 'collected',
      labId: r.lab_id, labName: r.lab_name, teamName: r.team_name,
    })),
  };
}
