import { describe, expect, it } from 'vitest';
import { liftEligibility, zoneRounds, type ZoneSample } from './lockdown';

const households = ['h1', 'h2'];
const both = (day: string, result: string | null = 'negative'): ZoneSample[] => households.map((householdId) => ({ householdId, collectedOn: day, result }));

describe('lockdown zone rounds', () => {
  it('cuts rounds of everyDays from the start: done when every household was sampled, overdue when its last day passed without, and one upcoming', () => {
    const rounds = zoneRounds({
      startedOn: '2021-11-01',
      everyDays: 3,
      today: '2021-11-08',
      households,
      samples: [...both('2021-11-02'), { householdId: 'h1', collectedOn: '2021-11-05', result: 'negative' }],
    });
    expect(rounds.map((r) => [r.n, r.from, r.to, r.status])).toEqual([
      [1, '2021-11-01', '2021-11-03', 'done'],
      [2, '2021-11-04', '2021-11-06', 'overdue'],
      [3, '2021-11-07', '2021-11-09', 'open'],
      [4, '2021-11-10', '2021-11-12', 'upcoming'],
    ]);
    expect(rounds[0]).toMatchObject({ sampledHouseholds: 2, negative: true });
    expect(rounds[1]).toMatchObject({ sampledHouseholds: 1, negative: false });
  });

  it('a round with a pending or positive tube is not negative; samples of other households do not count', () => {
    const rounds = zoneRounds({
      startedOn: '2021-11-01',
      everyDays: 3,
      today: '2021-11-03',
      households,
      samples: [...both('2021-11-01', null), { householdId: 'other', collectedOn: '2021-11-01', result: 'positive' }],
    });
    expect(rounds[0]).toMatchObject({ status: 'done', pending: 2, positives: 0, negative: false });
  });

  it('stops at the day the zone was lifted, with no upcoming round', () => {
    const rounds = zoneRounds({ startedOn: '2021-11-01', everyDays: 3, today: '2021-12-01', until: '2021-11-05', households, samples: [] });
    expect(rounds.map((r) => r.n)).toEqual([1, 2]);
  });
});

describe('lockdown lift eligibility', () => {
  const rounds = (today: string) =>
    zoneRounds({ startedOn: '2021-11-01', everyDays: 3, today, households, samples: [...both('2021-11-04'), ...both('2021-11-16')] });

  it('is eligible 14 days after the last case with a negative round after it, and says why not before', () => {
    const early = liftEligibility({
      startedOn: '2021-11-01',
      today: '2021-11-14',
      lastCaseOn: '2021-11-03',
      daysWithoutCase: 14,
      rounds: rounds('2021-11-14'),
    });
    expect(early.eligible).toBe(false);
    expect(early.eligibleFrom).toBe('2021-11-17');
    expect(early.reasons.map((r) => r.code)).toEqual(['days_without_case']);
    expect(early.reasons[0].vi).toBe('Chưa đủ 14 ngày không có ca mới (ca gần nhất ngày 03/11/2021); còn 3 ngày, đủ điều kiện từ 17/11/2021');
    expect(
      liftEligibility({ startedOn: '2021-11-01', today: '2021-11-17', lastCaseOn: '2021-11-03', daysWithoutCase: 14, rounds: rounds('2021-11-17') }).eligible,
    ).toBe(true);
  });

  it('is not eligible without a complete round after the last case, or when that round is not all negative', () => {
    const noRound = liftEligibility({
      startedOn: '2021-11-01',
      today: '2021-11-30',
      lastCaseOn: '2021-11-16',
      daysWithoutCase: 14,
      rounds: rounds('2021-11-30'),
    });
    expect(noRound.reasons.map((r) => r.code)).toEqual(['no_complete_round']);
    const positive = zoneRounds({ startedOn: '2021-11-01', everyDays: 3, today: '2021-11-20', households, samples: both('2021-11-16', 'positive') });
    const e = liftEligibility({ startedOn: '2021-11-01', today: '2021-11-20', lastCaseOn: null, daysWithoutCase: 14, rounds: positive });
    expect(e.reasons.map((r) => r.code)).toEqual(['round_not_negative']);
    expect(e.reasons[0].vi).toContain('2 mẫu dương tính');
  });

  it('counts from the start when the zone has had no case since it began', () => {
    const e = liftEligibility({ startedOn: '2021-11-01', today: '2021-11-15', lastCaseOn: '2021-10-20', daysWithoutCase: 14, rounds: rounds('2021-11-15') });
    expect(e).toMatchObject({ eligible: true, eligibleFrom: '2021-11-15' });
  });
});
