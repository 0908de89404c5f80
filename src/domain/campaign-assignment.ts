import type { BoundShares } from './campaign-bound';
import type { Load } from './campaign-load';
import type { PlanHousehold, PlanLab, PlanTeam, Priority } from './campaign-plan';

/** A household to plan: why (priority), its lab load, and its commune's and hamlet's indexes in code order. */
export interface Candidate {
  h: PlanHousehold;
  priority: Priority;
  load: Load;
  /** the commune's index in code order */
  ci: number;
  /** the hamlet's index in code order (set by inPriorityOrder) */
  hi: number;
}

/**
 * What is left of every team, lab and allocation share while households are placed, in arrays by index (commune in
 * code order, team, lab, hamlet): the placement loop runs once per candidate, hundreds of thousands of times.
 */
export class Assignment {
  readonly teamLeft: number[];
  readonly pooledLeft: number[];
  readonly singleLeft: number[];
  /** households the allocation still gives commune ci at lab li, at ci · labs + li */
  private readonly shareLeft: number[];
  /** what the commune's teams can still take: none left, no team is looked for */
  private readonly communeLeft: number[];
  private readonly teamsByCommune: number[][];
  private readonly labsByCommune: number[][];
  /** the team working each hamlet, or −1 */
  private readonly hamletTeam: number[];

  constructor(
    private readonly codes: readonly string[],
    districts: readonly string[],
    private readonly teams: readonly PlanTeam[],
    private readonly labs: readonly PlanLab[],
    shares: BoundShares,
    hamlets: number,
  ) {
    const ciOf = new Map(codes.map((c, i) => [c, i]));
    this.teamLeft = teams.map((t) => t.capacity);
    this.pooledLeft = labs.map((l) => l.pooled - (l.usedToday?.pooled ?? 0));
    this.singleLeft = labs.map((l) => l.single - (l.usedToday?.single ?? 0));
    this.teamsByCommune = codes.map(() => []);
    this.communeLeft = codes.map(() => 0);
    teams.forEach((t, ti) => {
      const ci = ciOf.get(t.commune);
      if (ci === undefined) return;
      this.teamsByCommune[ci].push(ti);
      this.communeLeft[ci] += Math.max(0, t.capacity);
    });
    this.labsByCommune = districts.map((d) => labs.flatMap((l, li) => (!l.districts || l.districts.includes(d) ? [li] : [])));
    this.shareLeft = Array.from({ length: codes.length * labs.length }, () => 0);
    const labOf = new Map(labs.map((l, li) => [l.id, li]));
    for (const [key, n] of Object.entries(shares)) {
      const [commune, lab] = key.split('|');
      const ci = ciOf.get(commune);
      const li = labOf.get(lab);
      if (ci !== undefined && li !== undefined) this.shareLeft[ci * labs.length + li] = n;
    }
    this.hamletTeam = Array.from({ length: hamlets }, () => -1);
  }

  /** The labs serving a candidate's district. */
  private labsFor(c: Candidate): number[] {
    return this.labsByCommune[c.ci];
  }

  teamsOf(commune: string): PlanTeam[] {
    const ci = this.codes.indexOf(commune);
    return ci < 0 ? [] : this.teamsByCommune[ci].map((ti) => this.teams[ti]);
  }

  /** The team already working the household's hamlet, else one assigned to it, else the first with room; −1: none. */
  teamFor(c: Candidate): number {
    if (this.communeLeft[c.ci] <= 0) return -1;
    const hamlet = c.h.hamlet;
    const working = hamlet === null ? -1 : this.hamletTeam[c.hi];
    let restricted = -1;
    let any = -1;
    for (const ti of this.teamsByCommune[c.ci]) {
      if (this.teamLeft[ti] <= 0) continue;
      const t = this.teams[ti];
      if (t.hamlets && (hamlet === null || !t.hamlets.includes(hamlet))) continue;
      if (ti === working) return ti;
      if (t.hamlets && restricted < 0) restricted = ti;
      if (any < 0) any = ti;
    }
    return restricted >= 0 ? restricted : any;
  }

  private fits(load: Load, li: number): boolean {
    return this.pooledLeft[li] + 1e-9 >= load.pooled && this.singleLeft[li] + 1e-9 >= load.single;
  }

  anyLabFits(c: Candidate): boolean {
    for (const li of this.labsFor(c)) if (this.fits(c.load, li)) return true;
    return false;
  }

  /**
   * A lab serving the district with room for the household's load: the one the allocation sends most of the commune
   * to (its remaining share) — only those with half a household or more left while `strict` (shares are fractional:
   * a household per share rounded to the nearest) — then the one with most pooled room; null when the household
   * needs no lab; undefined when none has room. The lab's room and the share are taken.
   */
  labFor(c: Candidate, strict: boolean): string | null | undefined {
    const { load } = c;
    if (load.pooled === 0 && load.single === 0) return null;
    let best = -1;
    let bestShare = -Infinity;
    let bestRoom = -Infinity;
    for (const li of this.labsFor(c)) {
      if (!this.fits(load, li)) continue;
      const share = this.shareLeft[c.ci * this.labs.length + li];
      if (strict && share < 0.5) continue;
      if (share > bestShare || (share === bestShare && this.pooledLeft[li] > bestRoom)) [best, bestShare, bestRoom] = [li, share, this.pooledLeft[li]];
    }
    if (best < 0) return undefined;
    this.pooledLeft[best] -= load.pooled;
    this.singleLeft[best] -= load.single;
    this.shareLeft[c.ci * this.labs.length + best] -= 1;
    return this.labs[best].id;
  }

  /** The household is the team's. */
  take(c: Candidate, team: number) {
    this.teamLeft[team]--;
    this.communeLeft[c.ci]--;
    if (c.h.hamlet !== null) this.hamletTeam[c.hi] = team;
  }
}
