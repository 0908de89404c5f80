import { addDays } from './dates';

/** One situation of the quarantine rule set (domain-vn.md §2.2). */
export interface QuarantineSituation {
  code: string;
  quarantineDays: number;
  monitoringDays: number;
  /** Day 1 = the day quarantine starts. */
  testDays: number[];
}

export interface QuarantinePlan {
  situation: string;
  startDay: string;
  /** Last day of quarantine (inclusive). */
  lastDay: string;
  /** Last day of health monitoring after quarantine (inclusive); equals lastDay when there is none. */
  monitoringUntil: string;
  testDates: string[];
}

/**
 * Quarantine end and test dates from the rule in force.
 * @example quarantinePlan({ code: 'f1_home', quarantineDays: 14, monitoringDays: 14, testDays: [1, 7, 14] }, '2021-09-07')
 *   // lastDay '2021-09-20', testDates ['2021-09-07', '2021-09-13', '2021-09-20']
 */
export function quarantinePlan(s: QuarantineSituation, startDay: string): QuarantinePlan {
  const lastDay = addDays(startDay, Math.max(s.quarantineDays, 1) - 1);
  return {
    situation: s.code,
    startDay,
    lastDay,
    monitoringUntil: addDays(lastDay, s.monitoringDays),
    testDates: s.testDays.map((d) => addDays(startDay, d - 1)),
  };
}
