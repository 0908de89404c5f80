import { describe, expect, it } from 'vitest';
import seed from '../../data/rule-sets-2021.json';
import {
  capacityMet,
  cohortCheck,
  releaseRefusal,
  restartedPlan,
  situationFor,
  supplyNeeds,
  vitalsRefusal,
  warningsOf,
  type QuarantineOperations,
  type QuarantineRules,
} from './quarantine';

const rule = (kind: string, version: number) => seed.find((r) => r.kind === kind && r.version === version)!.payload as unknown;
const v1 = rule('quarantine', 1) as QuarantineRules;
const v2 = rule('quarantine', 2) as QuarantineRules;
const ops = rule('quarantine_operations', 1) as QuarantineOperations;
const room = { beds: 4, occupied: 2, cohortClass: 'F1', cohortFrom: '2021-09-06', cohortTo: '2021-09-07', exposedOn: null };

describe('situationFor', () => {
  it('picks the situation by class, setting and vaccination, exact before "any"', () => {
    expect(situationFor(v2, 'F1', 'facility', 'none')?.code).toBe('f1_facility');
    expect(situationFor(v2, 'F1', 'home', 'full')?.code).toBe('f1_home');
    expect(situationFor(v2, 'arrival', 'home', 'full')?.code).toBe('arrival_full');
    expect(situationFor(v2, 'arrival', 'home', 'partial')?.code).toBe('arrival_partial');
    expect(situationFor(v2, 'arrival', 'facility', 'partial')).toBeUndefined();
    expect(situationFor(v1, 'F1', 'home', 'none')).toBeUndefined();
    expect(situationFor(v1, 'F1', 'facility', 'none')?.quarantineDays).toBe(21);
    expect(situationFor(v2, 'F0', 'facility', 'none')?.code).toBe('f0_home');
  });
});

describe('cohortCheck', () => {
  it('an empty room starts a cohort; an occupied one takes its class inside its window only, nobody once exposed, never over its beds', () => {
    expect(cohortCheck({ ...room, occupied: 0, cohortClass: null }, 'arrival', '2021-09-10', 1)).toEqual({
      ok: true,
      cohort: { cls: 'arrival', from: '2021-09-10', to: '2021-09-11' },
    });
    expect(cohortCheck(room, 'F1', '2021-09-07', 1)).toMatchObject({ ok: true });
    expect(cohortCheck(room, 'F1', '2021-09-08', 1)).toEqual({ ok: false, reason: 'window' });
    expect(cohortCheck(room, 'arrival', '2021-09-07', 1)).toEqual({ ok: false, reason: 'class' });
    expect(cohortCheck({ ...room, exposedOn: '2021-09-07' }, 'F1', '2021-09-07', 1)).toEqual({ ok: false, reason: 'exposed' });
    expect(cohortCheck({ ...room, occupied: 4 }, 'F1', '2021-09-07', 1)).toEqual({ ok: false, reason: 'full' });
  });
});

describe('restart, release, checks, supplies, capacity', () => {
  const f1 = situationFor(v2, 'F1', 'facility', 'none')!;
  it('restarts from the exposure only when that ends later', () => {
    expect(restartedPlan(f1, { lastDay: '2021-09-19' }, '2021-09-10')?.lastDay).toBe('2021-09-23');
    expect(restartedPlan(f1, { lastDay: '2021-09-30' }, '2021-09-10')).toBeNull();
  });
  it('release needs the last day and every test day answered', () => {
    const stay = { lastDay: '2021-09-19', testDays: ['2021-09-06', '2021-09-12', '2021-09-19'], testsDone: ['2021-09-06', '2021-09-19'] };
    expect(releaseRefusal(stay, '2021-09-18')).toEqual({ reason: 'before_end', lastDay: '2021-09-19' });
    expect(releaseRefusal(stay, '2021-09-19')).toEqual({ reason: 'test_missing', day: '2021-09-12' });
    expect(releaseRefusal({ ...stay, testsDone: stay.testDays }, '2021-09-19')).toBeNull();
  });
  it('refuses impossible vitals and unknown signs; a low SpO2 is a warning on its own', () => {
    expect(vitalsRefusal(ops, { temperature: 37, spo2: 101, warningSigns: [] })).toEqual({ field: 'spo2', min: 50, max: 100 });
    expect(vitalsRefusal(ops, { temperature: 44, spo2: 98, warningSigns: [] })).toMatchObject({ field: 'temperature' });
    expect(vitalsRefusal(ops, { temperature: 37, spo2: 98, warningSigns: ['x'] })).toEqual({ field: 'warningSigns', code: 'x' });
    expect(warningsOf(ops, { temperature: 37, spo2: 98, warningSigns: [] })).toEqual([]);
    expect(warningsOf(ops, { temperature: 37, spo2: 95, warningSigns: ['dyspnea'] })).toEqual(['dyspnea', 'spo2_95']);
  });
  it('needs per person-day and per test; capacity met up to the rule share', () => {
    expect(supplyNeeds(ops, 10, 4).map((n) => n.quantity)).toEqual([30, 20, 4]);
    expect(capacityMet(ops, 100, 80)).toBe(true);
    expect(capacityMet(ops, 100, 81)).toBe(false);
    expect(capacityMet(ops, 0, 0)).toBe(false);
  });
});
