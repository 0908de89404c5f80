import { addDays, daysBetween } from './dates';
import type { UnitFigures } from './risk-assessment';

/** A case as the risk-level assessment counts it. */
export interface AssessedCase {
  communeCode: string;
  confirmedOn: string;
  detectedIn: string;
  /** An infecting exposure is recorded (the source is known). */
  knownSource: boolean;
  /** That exposure happened in a high-contact place (market, school, hospital…). */
  highContact: boolean;
}

/** Where a case was found, as both regimes read it: community cases spread; contained ones were already isolated. */
export const COMMUNITY_DETECTED_IN: readonly string[] = ['community', 'screening_at_facility'];
export const CONTAINED_DETECTED_IN: readonly string[] = ['quarantine_facility', 'lockdown_zone', 'home_quarantine', 'arrival'];

export type CaseCountFigures = Pick<
  UnitFigures,
  'communityCases7d' | 'communityCases14d' | 'unknownSourceCases14d' | 'highContactCases14d' | 'containedCases14d' | 'totalCases7d' | 'daysSinceCommunityCase'
>;

type DayCounts = { community: number; unknown: number; highContact: number; contained: number; total: number };

/**
 * The case counts of every commune on any day, from the cases loaded once for a span of days: a day's figures
 * read the 14 days ending on it (14 map lookups per commune), so assessing N days costs N × communes × 14,
 * not N × cases. `lastCommunityBefore` gives each commune's last community case before the loaded span.
 */
export class CaseCounts {
  private byCommune = new Map<string, Map<string, DayCounts>>();
  private communityDays = new Map<string, string[]>();

  constructor(
    cases: readonly AssessedCase[],
    private readonly lastCommunityBefore: ReadonlyMap<string, string>,
  ) {
    for (const c of cases) {
      let days = this.byCommune.get(c.communeCode);
      if (!days) this.byCommune.set(c.communeCode, (days = new Map()));
      let d = days.get(c.confirmedOn);
      if (!d) days.set(c.confirmedOn, (d = { community: 0, unknown: 0, highContact: 0, contained: 0, total: 0 }));
      d.total++;
      if (COMMUNITY_DETECTED_IN.includes(c.detectedIn)) {
        d.community++;
        if (!c.knownSource) d.unknown++;
        else if (c.highContact) d.highContact++;
        const list = this.communityDays.get(c.communeCode) ?? [];
        list.push(c.confirmedOn);
        this.communityDays.set(c.communeCode, list);
      } else if (CONTAINED_DETECTED_IN.includes(c.detectedIn)) d.contained++;
    }
    for (const list of this.communityDays.values()) list.sort();
  }

  figuresOf(communeCode: string, day: string): CaseCountFigures {
    const days = this.byCommune.get(communeCode);
    const f: CaseCountFigures = {
      communityCases7d: 0,
      communityCases14d: 0,
      unknownSourceCases14d: 0,
      highContactCases14d: 0,
      containedCases14d: 0,
      totalCases7d: 0,
      daysSinceCommunityCase: null,
    };
    if (days) {
      for (let back = 0; back < 14; back++) {
        const d = days.get(addDays(day, -back));
        if (!d) continue;
        f.communityCases14d += d.community;
        f.unknownSourceCases14d += d.unknown;
        f.highContactCases14d += d.highContact;
        f.containedCases14d += d.contained;
        if (back < 7) {
          f.communityCases7d += d.community;
          f.totalCases7d += d.total;
        }
      }
    }
    const last = this.lastCommunityOnOrBefore(communeCode, day);
    f.daysSinceCommunityCase = last === null ? null : daysBetween(last, day);
    return f;
  }

  private lastCommunityOnOrBefore(communeCode: string, day: string): string | null {
    const list = this.communityDays.get(communeCode) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : (this.lastCommunityBefore.get(communeCode) ?? null);
  }
}

/** A district's or the city's figures: the sums of its communes' (days since a community case: the most recent). */
export function sumFigures(
  parts: readonly UnitFigures[],
  inputs: Pick<UnitFigures, 'adultFirstDoseCoverage' | 'over50FullCoverage' | 'capacityMet'>,
): UnitFigures {
  const sum = (k: keyof CaseCountFigures | 'population') => parts.reduce((n, p) => n + ((p[k] as number | null) ?? 0), 0);
  const since = parts.map((p) => p.daysSinceCommunityCase).filter((d): d is number => d !== null);
  return {
    population: sum('population'),
    communityCases7d: sum('communityCases7d'),
    communityCases14d: sum('communityCases14d'),
    unknownSourceCases14d: sum('unknownSourceCases14d'),
    highContactCases14d: sum('highContactCases14d'),
    containedCases14d: sum('containedCases14d'),
    totalCases7d: sum('totalCases7d'),
    daysSinceCommunityCase: since.length ? Math.min(...since) : null,
    ...inputs,
  };
}

/** A coverage share for a unit without its own entry: its parts' shares weighted by population, when every part has one. */
export function weightedShare(parts: readonly { population: number; share: number | null }[]): number | null {
  if (!parts.length || parts.some((p) => p.share === null)) return null;
  const people = parts.reduce((n, p) => n + p.population, 0);
  if (people === 0) return null;
  return parts.reduce((n, p) => n + p.population * (p.share as number), 0) / people;
}
