import { addDays } from './dates';
import { quarantinePlan, type QuarantinePlan, type QuarantineSituation } from './quarantine-plan';
import type { quarantine, quarantineOperations } from './rule-sets/kinds';
import type { z } from 'zod';

/** Quarantine and isolation rules (domain-vn.md §2.2): which situation applies, cohorts, release, daily checks, supplies. */
export type QuarantineRules = z.infer<typeof quarantine>;
export type QuarantineOperations = z.infer<typeof quarantineOperations>;
export type Situation = QuarantineRules['situations'][number];
export type StayClass = Situation['exposureClass'];
export type Vaccination = 'full' | 'partial' | 'none';
export type Setting = 'facility' | 'home';

/**
 * The situation of the rule set for a person's class, vaccination status and setting: an exact setting beats 'any',
 * an exact vaccination status beats 'any'. F0 treated in a facility falls back to the F0 situation of another setting
 * (the rule sets of 2021 give only home care a duration; a facility discharges on the same count).
 * @example situationFor(v2, 'F1', 'facility', 'none')?.code // 'f1_facility'
 */
export function situationFor(rules: QuarantineRules, cls: StayClass, setting: Setting, vaccination: Vaccination): Situation | undefined {
  const score = (s: Situation, strictSetting: boolean) => {
    if (s.exposureClass !== cls) return -1;
    const v = s.vaccination === vaccination ? 2 : s.vaccination === 'any' ? 1 : -1;
    const st = s.setting === setting ? 2 : s.setting === 'any' ? 1 : strictSetting ? -1 : 0;
    return v < 0 || st < 0 ? -1 : st * 3 + v;
  };
  const best = (strict: boolean) =>
    rules.situations
      .map((s) => ({ s, n: score(s, strict) }))
      .filter((x) => x.n >= 0)
      .sort((a, b) => b.n - a.n)[0]?.s;
  return best(true) ?? (cls === 'F0' ? best(false) : undefined);
}

/** The plan of a stay: for an F1 its quarantine counts from the last exposure when known (CĐ 600), otherwise from entry. */
export function stayPlan(s: QuarantineSituation, startDay: string): QuarantinePlan {
  return quarantinePlan(s, startDay);
}

export interface RoomState {
  beds: number;
  occupied: number;
  cohortClass: string | null;
  cohortFrom: string | null;
  cohortTo: string | null;
  exposedOn: string | null;
}

export type CohortRefusal = 'full' | 'class' | 'window' | 'exposed';
export type CohortCheck = { ok: true; cohort: { cls: string; from: string; to: string } } | { ok: false; reason: CohortRefusal };

/**
 * Whether a room takes a person of class `cls` entering on `day` without mixing cohorts: an empty room starts a new
 * cohort (its entry window is `windowDays` from that day); an occupied one takes only its class, inside its window,
 * and nobody once a member has tested positive. A full room is never an override.
 */
export function cohortCheck(room: RoomState, cls: string, day: string, windowDays: number): CohortCheck {
  if (room.occupied >= room.beds) return { ok: false, reason: 'full' };
  if (room.occupied === 0 || !room.cohortClass) return { ok: true, cohort: { cls, from: day, to: addDays(day, windowDays) } };
  const cohort = { cls: room.cohortClass, from: room.cohortFrom!, to: room.cohortTo! };
  if (room.exposedOn) return { ok: false, reason: 'exposed' };
  if (room.cohortClass !== cls) return { ok: false, reason: 'class' };
  if (day < cohort.from || day > cohort.to) return { ok: false, reason: 'window' };
  return { ok: true, cohort };
}

/**
 * The plan of a cohort member after a positive in the room: quarantine restarts from the exposure day when that
 * ends later than the current plan (never earlier).
 */
export function restartedPlan(s: QuarantineSituation, current: { lastDay: string }, exposureDay: string): QuarantinePlan | null {
  const plan = quarantinePlan(s, exposureDay);
  return plan.lastDay > current.lastDay ? plan : null;
}

export type ReleaseRefusal = { reason: 'before_end'; lastDay: string } | { reason: 'test_missing'; day: string };

/** Release needs the last day reached and every test day up to it answered by a negative. */
export function releaseRefusal(stay: { lastDay: string; testDays: string[]; testsDone: string[] }, day: string): ReleaseRefusal | null {
  if (day < stay.lastDay) return { reason: 'before_end', lastDay: stay.lastDay };
  const done = new Set(stay.testsDone);
  const missing = stay.testDays.filter((d) => d <= stay.lastDay && !done.has(d)).sort()[0];
  return missing ? { reason: 'test_missing', day: missing } : null;
}

export interface DailyCheck {
  temperature: number;
  spo2: number;
  warningSigns: string[];
}

export type VitalsRefusal =
  { field: 'temperature'; min: number; max: number } | { field: 'spo2'; min: number; max: number } | { field: 'warningSigns'; code: string };

/** A check's values outside the ranges a thermometer and an oximeter give, or an unknown warning sign. */
export function vitalsRefusal(ops: QuarantineOperations, c: DailyCheck): VitalsRefusal | null {
  const v = ops.vitals;
  if (!(c.temperature >= v.temperatureMin && c.temperature <= v.temperatureMax)) return { field: 'temperature', min: v.temperatureMin, max: v.temperatureMax };
  if (!(c.spo2 >= v.spo2Min && c.spo2 <= 100)) return { field: 'spo2', min: v.spo2Min, max: 100 };
  const known = new Set(ops.warningSigns.map((w) => w.code));
  const unknown = c.warningSigns.find((w) => !known.has(w));
  return unknown ? { field: 'warningSigns', code: unknown } : null;
}

/** The warnings of a check: the signs ticked, and a low SpO2 on its own. Any warning means an urgent transfer. */
export function warningsOf(ops: QuarantineOperations, c: DailyCheck): string[] {
  return [...c.warningSigns, ...(c.spo2 <= ops.warningSpo2AtOrBelow ? [`spo2_${c.spo2}`] : [])];
}

/** What a facility needs for a day: per person present, and per test due that day. */
export function supplyNeeds(ops: QuarantineOperations, present: number, testsDue: number): { code: string; nameVi: string; quantity: number }[] {
  return ops.supplies.map((s) => ({ code: s.code, nameVi: s.nameVi, quantity: Math.ceil(s.quantity * (s.per === 'person_day' ? present : testsDue)) }));
}

/** NQ 128 criterion 3: treatment capacity is met while the occupied share of treatment beds stays at or below the rule's. */
export function capacityMet(ops: QuarantineOperations, beds: number, occupied: number): boolean {
  return beds > 0 && occupied / beds <= ops.capacityMetAtOrBelowOccupancy;
}
