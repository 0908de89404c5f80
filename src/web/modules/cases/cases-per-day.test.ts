import { describe, expect, it } from 'vitest';
import { casesPerDay } from './cases-per-day';

describe('casesPerDay', () => {
  it('counts cases by confirmation day and fills the days between with zero', () => {
    const nodes = [{ confirmedOn: '2021-09-07' }, { confirmedOn: null }, { confirmedOn: '2021-09-04' }, { confirmedOn: '2021-09-07' }];
    expect(casesPerDay(nodes)).toEqual([
      { day: '2021-09-04', cases: 1 },
      { day: '2021-09-05', cases: 0 },
      { day: '2021-09-06', cases: 0 },
      { day: '2021-09-07', cases: 2 },
    ]);
  });

  it('is empty when no node is a case', () => {
    expect(casesPerDay([{ confirmedOn: null }])).toEqual([]);
  });
});
