import { addDays, vnDay } from '@domain/dates';
import { COMMUNITY_DETECTED_IN } from '@domain/risk-figures';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { Unit, UnitDirectory } from '../geography/directory';
import type { DashboardQuery, DashboardView } from './schemas';

/** Days of the epidemic curve on the dashboard. */
const CURVE_DAYS = 30;

/** What the dashboard reads of other modules, through their services (bound in services.ts): daily rollups only. */
export interface ReportSources {
  casesDaily(
    communes: string[],
    from: string,
    to: string,
  ): Promise<{ day: string; commune_code: string; detected_in: string; new_cases: number; recovered: number; died: number }[]>;
  testingDaily(
    communes: string[],
    from: string,
    to: string,
  ): Promise<{ day: string; commune_code: string; samples: number; positive: number; resulted: number; same_day: number }[]>;
  levelsOn(
    day: string,
  ): Promise<{ regime: string | null; units: { unitCode: string; tier: string; level: string | null; proposed: string | null; rose: boolean }[] }>;
  /** each lab's tubes without a final result in the actor's scope, the oldest one's collection, the rules' overdue age */
  labBacklog(actor: Actor, day: string): Promise<{ overdueAfterHours: number; labs: { labId: string; name: string; waiting: number; oldest: Date | null }[] }>;
  /** the facilities the actor sees with their beds and occupied beds, and the share above which one is alerted on */
  facilitiesOf(
    actor: Actor,
    day: string,
  ): Promise<{ alertAbove: number | null; facilities: { name: string; communeCode: string; beds: number; occupied: number }[] }>;
}

/**
 * The command dashboard (issue #16): the day against the day before and the seven days before it, for the actor's
 * scope or one unit inside it — new cases by where they were detected, recoveries and deaths, samples, positives
 * and same-day results, the levels in force, the epidemic curve and a table by district — read from the daily
 * rollups per commune the writes keep, so its cost grows with the communes and days shown, not with the data.
 */
export class DashboardService {
  constructor(
    private readonly units: UnitDirectory,
    private readonly src: ReportSources,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async dashboard(actor: Actor, q: DashboardQuery): Promise<DashboardView> {
    const today = vnDay(this.now());
    const day = q.day ?? today;
    if (day > today) throw new AppError('reports.day_future', 400, { day }, 'day');
    const unit = q.unit ? this.units.require(q.unit, 'unit', { day }) : null;
    if (unit && !this.units.unitInScope(actor.scope, unit.code)) throw new AppError('validation.unit_out_of_scope', 400, { code: unit.code }, 'unit');
    const communes = this.communesOf(actor, unit, day);
    const codes = communes.map((c) => c.code);
    const from = addDays(day, -(CURVE_DAYS + 5));
    const [cases, tests, levels, facilities, backlog] = await Promise.all([
      this.src.casesDaily(codes, from, day),
      this.src.testingDaily(codes, addDays(day, -7), day),
      this.src.levelsOn(day),
      this.src.facilitiesOf(actor, day),
      this.src.labBacklog(actor, day),
    ]);
    const inScope = new Set(codes);
    const shown = unit ? facilities.facilities.filter((f) => inScope.has(f.communeCode)) : facilities.facilities;
    const threshold = facilities.alertAbove;
    const alerts: DashboardView['alerts'] =
      threshold === null
        ? []
        : shown
            .filter((f) => f.beds > 0 && f.occupied / f.beds > threshold)
            .map((f) => ({ kind: 'facility_full' as const, name: f.name, communeCode: f.communeCode, share: f.occupied / f.beds, threshold }));

    const community = new Set<string>(COMMUNITY_DETECTED_IN);
    const casesOn = (d: string) => {
      const rows = cases.filter((r) => r.day === d);
      const byPlace: Record<string, number> = {};
      for (const r of rows) byPlace[r.detected_in] = (byPlace[r.detected_in] ?? 0) + r.new_cases;
      const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
      return {
        total: sum((r) => r.new_cases),
        community: sum((r) => (community.has(r.detected_in) ? r.new_cases : 0)),
        byPlace,
        recovered: sum((r) => r.recovered),
        died: sum((r) => r.died),
      };
    };
    const testsOn = (d: string) => {
      const rows = tests.filter((r) => r.day === d);
      const sum = (k: 'samples' | 'positive' | 'resulted' | 'same_day') => rows.reduce((n, r) => n + r[k], 0);
      return { samples: sum('samples'), positive: sum('positive'), resulted: sum('resulted'), sameDay: sum('same_day') };
    };
    const week = Array.from({ length: 7 }, (_, i) => addDays(day, -(i + 1)));
    const weekCases = week.map(casesOn);
    const weekTests = week.map(testsOn);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

    const daily = new Map<string, { cases: number; community: number }>();
    for (let i = CURVE_DAYS + 5; i >= 0; i--) daily.set(addDays(day, -i), { cases: 0, community: 0 });
    for (const r of cases) {
      const d = daily.get(r.day);
      if (!d) continue;
      d.cases += r.new_cases;
      if (community.has(r.detected_in)) d.community += r.new_cases;
    }
    const series = [...daily];
    const curve = series
      .slice(6)
      .map(([d, v], i) => ({ day: d, cases: v.cases, community: v.community, avg7: avg(series.slice(i, i + 7).map(([, x]) => x.cases)) }));

    const counts: Record<string, number> = {};
    let none = 0;
    // the backlog is of now: shown for today only
    if (day === today)
      for (const l of backlog.labs) {
        const hours = l.oldest ? (this.now().getTime() - l.oldest.getTime()) / 3_600_000 : 0;
        if (hours > backlog.overdueAfterHours)
          alerts.push({ kind: 'lab_backlog', name: l.name, labId: l.labId, waiting: l.waiting, oldestHours: hours, threshold: backlog.overdueAfterHours });
      }
    for (const u of levels.units) {
      if (u.tier !== 'commune' || !inScope.has(u.unitCode)) continue;
      if (u.level) counts[u.level] = (counts[u.level] ?? 0) + 1;
      else none++;
    }

    for (const u of levels.units)
      if (u.tier === 'commune' && u.rose && u.proposed && inScope.has(u.unitCode))
        alerts.push({ kind: 'level_up', name: this.units.get(u.unitCode)?.name ?? u.unitCode, communeCode: u.unitCode, level: u.proposed });

    const districtOf = new Map(communes.map((c) => [c.code, c.parent_code!]));
    const districts = new Map<string, DashboardView['districts'][number]>();
    const districtRow = (code: string) => {
      let row = districts.get(code);
      if (!row) districts.set(code, (row = { code, name: this.units.get(code)?.name ?? code, casesToday: 0, cases7: 0, samplesToday: 0, positiveToday: 0 }));
      return row;
    };
    for (const c of communes) districtRow(c.parent_code!);
    for (const r of cases) {
      const row = districtRow(districtOf.get(r.commune_code)!);
      if (r.day === day) row.casesToday += r.new_cases;
      if (r.day > addDays(day, -7)) row.cases7 += r.new_cases;
    }
    for (const r of tests) {
      if (r.day !== day) continue;
      const row = districtRow(districtOf.get(r.commune_code)!);
      row.samplesToday += r.samples;
      row.positiveToday += r.positive;
    }

    return {
      day,
      unit: unit ? { code: unit.code, name: unit.name } : null,
      communes: codes.length,
      cases: { today: casesOn(day), yesterday: casesOn(addDays(day, -1)) },
      testing: { today: testsOn(day), yesterday: testsOn(addDays(day, -1)) },
      mean7: {
        cases: avg(weekCases.map((c) => c.total)),
        community: avg(weekCases.map((c) => c.community)),
        samples: avg(weekTests.map((t) => t.samples)),
        positive: avg(weekTests.map((t) => t.positive)),
      },
      levels: { regime: levels.regime, counts, none },
      curve,
      districts: [...districts.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
      facilities: { count: shown.length, beds: shown.reduce((n, f) => n + f.beds, 0), occupied: shown.reduce((n, f) => n + f.occupied, 0) },
      alerts,
    };
  }

  /** The communes of the unit asked for, else of the actor's scope, on the day. */
  private communesOf(actor: Actor, unit: Unit | null, day: string): Unit[] {
    const roots = unit
      ? [unit]
      : [...actor.scope.provinces, ...actor.scope.districts, ...actor.scope.communes].map((c) => this.units.get(c)).filter((u): u is Unit => Boolean(u));
    const out = new Map<string, Unit>();
    const walk = (u: Unit) => {
      if (u.level === 'commune') out.set(u.code, u);
      else if (u.level === 'province' || u.level === 'district') for (const c of this.units.childrenOf(u.code, day)) walk(c);
    };
    roots.forEach(walk);
    return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  }
}
