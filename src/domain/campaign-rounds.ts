import { addDays, daysBetween } from './dates';

/**
 * Campaign targets from the testing rule set: which frequency a commune falls under (by the level in force and the
 * regime it belongs to), and the rounds that frequency gives over a campaign's period.
 */
export interface Frequency {
  population: string;
  nameVi: string;
  everyDaysMin: number;
  everyDaysMax: number;
  minRounds: number | null;
  /** test types the rule allows for this population, the first being the default */
  methods?: string[];
}

/** testing rule set: regime kind → level code → frequency population, e.g. risk_level_4800 → "4" → very_high_high_risk_area */
export type LevelPopulations = Record<string, Record<string, string>>;

/** The frequency for a commune at a level of a regime; the rule's "other_area" when the level is not listed or unknown. */
export function frequencyFor(
  rules: { frequencies: Frequency[]; levelPopulations?: LevelPopulations },
  regimeKind: string | null,
  level: string | null,
): Frequency | null {
  const population = (regimeKind && level && rules.levelPopulations?.[regimeKind]?.[level]) || 'other_area';
  return rules.frequencies.find((f) => f.population === population) ?? null;
}

export interface RoundDates {
  no: number;
  startsOn: string;
  /** the last day of the round's window */
  dueOn: string;
}

/** Rounds every `everyDays` from `startsOn`, as many whole windows as the period holds. */
export function roundsOf(startsOn: string, endsOn: string, everyDays: number): RoundDates[] {
  const n = Math.floor((daysBetween(startsOn, endsOn) + 1) / everyDays);
  return Array.from({ length: n }, (_, i) => ({ no: i + 1, startsOn: addDays(startsOn, i * everyDays), dueOn: addDays(startsOn, (i + 1) * everyDays - 1) }));
}

/** Why an interval is refused for a frequency over a period, or null: outside the rule's range, or too few rounds. */
export function intervalRefusal(
  f: Frequency,
  everyDays: number,
  startsOn: string,
  endsOn: string,
): { code: 'interval'; min: number; max: number } | { code: 'rounds'; rounds: number; min: number } | null {
  if (everyDays < f.everyDaysMin || everyDays > f.everyDaysMax) return { code: 'interval', min: f.everyDaysMin, max: f.everyDaysMax };
  const rounds = roundsOf(startsOn, endsOn, everyDays).length;
  const min = Math.max(1, f.minRounds ?? 1);
  return rounds < min ? { code: 'rounds', rounds, min } : null;
}

/** The round whose window holds `day`, or null outside the campaign. */
export function roundOn<R extends RoundDates>(rounds: readonly R[], day: string): R | null {
  return rounds.find((r) => r.startsOn <= day && day <= r.dueOn) ?? null;
}
