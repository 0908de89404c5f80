import type { Locale } from '../format';

/** What every risk regime shares: the engine's input and output, and the level palette. */
export type UnitTier = 'commune' | 'district' | 'province';

/** What the product knows about one unit on one day (the day itself counts). Counts are of cases whose status is active. */
export interface UnitFigures {
  population: number;
  /** detected_in = community, confirmed in the 7 days ending on the day. */
  communityCases7d: number;
  /** Same, 14 days. */
  communityCases14d: number;
  /** Of communityCases14d: no infecting exposure recorded. */
  unknownSourceCases14d: number;
  /** Of communityCases14d with a known source: the case's place is high-contact. */
  highContactCases14d: number;
  /** Detected in quarantine facility / lockdown zone / home quarantine, 14 days. */
  containedCases14d: number;
  /** Any detected_in, 7 days. */
  totalCases7d: number;
  /** null: no community case ever recorded. */
  daysSinceCommunityCase: number | null;
  /** Share 0..1 of people ≥18 with ≥1 dose; null = not entered. */
  adultFirstDoseCoverage: number | null;
  /** Share 0..1 of people ≥50 fully vaccinated; null = not entered. */
  over50FullCoverage: number | null;
  /** Treatment capacity (criterion 3); null = not entered. */
  capacityMet: boolean | null;
}

/** The level code of each direct child (district → its communes, province → its districts). */
export interface ChildLevel {
  unitCode: string;
  code: string;
}

export interface AssessInput {
  tier: UnitTier;
  figures: UnitFigures;
  children: ChildLevel[];
  /** The unit's level in force before this assessment. */
  previous: { code: string } | null;
}

/** One line of why, e.g. vi "62 ca cộng đồng/100.000 dân trong 7 ngày (mức 3: 50–<150)". */
export interface Reason {
  code: string;
  vi: string;
  en: string;
}

export type Rank = 1 | 2 | 3 | 4;

export interface LevelInfo {
  code: string;
  /** 1 = lowest risk (green) … 4 = highest (red). */
  rank: Rank;
  nameVi: string;
  nameEn: string;
  /** Hex: green #389e0d, yellow #d4b106, orange #d46b08, red #cf1322. */
  colour: string;
}

export interface Assessment {
  code: string;
  rank: Rank;
  reasons: Reason[];
  /** Inputs the rule needed but were null: 'adultFirstDoseCoverage' | 'over50FullCoverage' | 'capacityMet'. */
  missing: string[];
}

export interface Regime<P = unknown> {
  kind: string;
  /** The regime's levels, lowest rank first. */
  levels(payload: P): LevelInfo[];
  assess(payload: P, input: AssessInput): Assessment;
}

const HEX_BY_RANK = ['#389e0d', '#d4b106', '#d46b08', '#cf1322'] as const;
const HEX_BY_WORD: Record<string, string> = { xanh: HEX_BY_RANK[0], vàng: HEX_BY_RANK[1], cam: HEX_BY_RANK[2], đỏ: HEX_BY_RANK[3] };

/** The rule set names colours in Vietnamese ('đỏ'); a word it does not know takes the colour of the rank. */
export function levelColour(word: string, rank: Rank): string {
  return HEX_BY_WORD[word.normalize('NFC').trim().toLowerCase()] ?? HEX_BY_RANK[rank - 1];
}

/** Builds a reason from one function of the locale, so both texts carry the same figures. */
export function reason(code: string, text: (locale: Locale) => string): Reason {
  return { code, vi: text('vi'), en: text('en') };
}

/** The English plural ending: `${n} case${plural(n)}`. */
export function plural(n: number): string {
  return n === 1 ? '' : 's';
}

/** Cases per 100,000 population; 0 when the population is not known. */
export function per100k(cases: number, population: number): number {
  return population > 0 ? (cases / population) * 100_000 : 0;
}
