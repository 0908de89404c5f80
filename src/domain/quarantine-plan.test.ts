import { describe, expect, it } from 'vitest';
import { quarantinePlan } from './quarantine-plan';

describe('quarantine plan', () => {
  it('counts day 1 as the day of entry', () => {
    expect(quarantinePlan({ code: 'f1_home', quarantineDays: 14, monitoringDays: 14, testDays: [1, 7, 14] }, '2021-09-07')).toEqual({
      situation: 'f1_home',
      startDay: '2021-09-07',
      lastDay: '2021-09-20',
      monitoringUntil: '2021-10-04',
      testDates: ['2021-09-07', '2021-09-13', '2021-09-20'],
    });
  });
  it('crosses month ends', () => {
    expect(quarantinePlan({ code: 'f2_home', quarantineDays: 7, monitoringDays: 0, testDays: [] }, '2021-08-28').lastDay).toBe('2021-09-03');
  });
});
