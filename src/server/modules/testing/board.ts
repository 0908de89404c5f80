import { addDays, vnDay } from '@domain/dates';
import type { TestType } from '@domain/testing';
import type { Actor } from '../../platform/actor';
import { statusOf } from './present';
import { NIL_UUID } from './repo/rollup';
import * as repo from './repo/board';
import type { OverdueBoard, PendingStage, TestingFigures, TestingSummary } from './views';
import type { TestingService } from './service';

type Counts = repo.Counts;
const COUNTERS = repo.COUNTERS;

const zero = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;
const add = (a: Counts, b: Partial<Counts>) => {
  for (const c of COUNTERS) a[c] += Number(b[c] ?? 0);
  return a;
};

/** Ratios for the board: positivity, same-day share, mean turnaround (hours) of final results. */
function figures(c: Counts): TestingFigures {
  return {
    samples: c.samples,
    persons: c.persons,
    pools: c.pools,
    received: c.received,
    resulted: c.resulted,
    positive: c.positive,
    negative: c.negative,
    invalid: c.invalid,
    sameDay: c.same_day,
    positivity: c.resulted ? c.positive / c.resulted : null,
    sameDayShare: c.resulted ? c.same_day / c.resulted : null,
    meanTatHours: c.resulted ? c.tat_minutes_sum / c.resulted / 60 : null,
    tat: { le6h: c.tat_le6h, le12h: c.tat_le12h, le24h: c.tat_le24h, le48h: c.tat_le48h, gt48h: c.tat_gt48h },
  };
}

/**
 * The day's testing summary for the command center, read from the daily rollup (a few hundred rows a day, kept
 * current by the writes) and summed in SQL — the day by test type, lab, team, commune and district, and the
 * week by day, a few hundred rows in all — plus the live backlog per lab (tubes without a final result), from
 * counters the database keeps per commune and lab. Its cost does not grow with the samples stored nor with the
 * day's volume.
 */
export async function testingSummary(svc: TestingService, actor: Actor, q: { day?: string; districtCode?: string }): Promise<TestingSummary> {
  const day = q.day ?? vnDay(svc.now());
  const k = svc.db.kysely;
  const from = addDays(day, -6);
  const [groups, week, backlog, labs, teams, rules] = await Promise.all([
    repo.dayByGroup(k, actor, day, q.districtCode),
    repo.daysBetween(k, actor, from, day, q.districtCode),
    repo.backlogByLab(k, actor, q.districtCode),
    repo.labNames(k),
    repo.teamsInScope(k, actor),
    svc.testingRules(day),
  ]);
  const counts = (r: Partial<Counts>) => add(zero(), r);
  const of = (g: repo.DayGroup['g']) => groups.filter((r) => r.g === g);
  const labName = new Map(labs.map((l) => [l.id, l]));
  const teamName = new Map(teams.map((t) => [t.id, t]));
  const trend = new Map(week.map((r) => [r.day, counts(r)]));
  const backlogByLab = new Map(backlog.map((b) => [b.lab_id ?? NIL_UUID, b]));
  return {
    day,
    ruleVersion: rules.version,
    sameDayRequired: rules.payload.resultsSameDay,
    totals: figures(counts(of('total')[0] ?? {})),
    byTestType: of('test_type').map((r) => ({ testType: r.test_type!, ...figures(counts(r)) })),
    byLab: of('lab')
      .filter((r) => r.lab_id !== NIL_UUID)
      .map((r) => {
        const id = r.lab_id!;
        const b = backlogByLab.get(id);
        return {
          labId: id,
          name: labName.get(id)?.name ?? id,
          capacity: labName.get(id)?.daily_capacity ?? {},
          ...figures(counts(r)),
          backlog: { inTransit: b?.in_transit ?? 0, awaitingResult: b?.received ?? 0, oldestCollectedAt: b?.oldest ? new Date(b.oldest).toISOString() : null },
        };
      }),
    backlog: backlog
      .filter((b) => b.lab_id)
      .map((b) => ({
        labId: b.lab_id!,
        name: labName.get(b.lab_id!)?.name ?? b.lab_id!,
        inTransit: b.in_transit,
        awaitingResult: b.received,
        oldestCollectedAt: b.oldest ? new Date(b.oldest).toISOString() : null,
      })),
    byTeam: of('team')
      .filter((r) => r.team_id !== NIL_UUID)
      .map((r) => ({
        teamId: r.team_id!,
        name: teamName.get(r.team_id!)?.name ?? '',
        communeCode: teamName.get(r.team_id!)?.commune_code ?? null,
        ...figures(counts(r)),
      })),
    byCommune: of('commune').map((r) => ({ communeCode: r.commune_code!, ...figures(counts(r)) })),
    byDistrict: of('district').map((r) => ({ districtCode: r.district_code!, ...figures(counts(r)) })),
    trend: [...Array(7).keys()].map((i) => addDays(from, i)).map((d) => ({ day: d, ...figures(trend.get(d) ?? zero()) })),
  };
}

/**
 * The live board of overdue tubes: collected, no final result, and older than the threshold of the rule set in
 * force. Read from the pending tubes (migration 0015), oldest first.
 */
export async function overdueSamples(svc: TestingService, actor: Actor, q: { labId?: string; communeCode?: string; limit: number }): Promise<OverdueBoard> {
  const now = svc.now();
  const rules = await svc.testingRules(vnDay(now));
  const threshold = new Date(now.getTime() - rules.payload.overdueAfterHours * 3_600_000);
  const rows = await repo.overdueRows(svc.db.kysely, actor, threshold, q);
  svc.audit.read(actor, { action: 'search', entity: 'sample', detail: { view: 'overdue', ...q, returned: rows.map((r) => r.id) } });
  return {
    thresholdHours: rules.payload.overdueAfterHours,
    ruleVersion: rules.version,
    samples: rows.map((r) => ({
      id: r.id,
      barcode: r.barcode,
      testType: r.test_type as TestType /* a test_types code */,
      kind: r.kind,
      communeCode: r.commune_code,
      districtCode: r.district_code,
      membersCount: r.members_count,
      collectedAt: new Date(r.collected_at).toISOString(),
      hoursSinceCollection: Math.floor((now.getTime() - new Date(r.collected_at).getTime()) / 3_600_000),
      stage: statusOf(r) as PendingStage, // a pending tube has no final result
      labId: r.lab_id,
      labName: r.lab_name,
      teamName: r.team_name,
    })),
  };
}
