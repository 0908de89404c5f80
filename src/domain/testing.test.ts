import { describe, expect, it } from 'vitest';
import { normalizeBarcode, parseCt, parseLabTime, parseResult, splitPool, turnaround } from './testing';

describe('splitPool', () => {
  it('keeps a household within the maximum in one tube', () => {
    expect(splitPool([1, 2, 3], 10)).toEqual([[1, 2, 3]]);
  });
  it('splits a large household as evenly as possible', () => {
    const sizes = (n: number, max: number) =>
      splitPool(
        Array.from({ length: n }, (_, i) => i),
        max,
      ).map((t) => t.length);
    expect(sizes(12, 10)).toEqual([6, 6]);
    expect(sizes(11, 5)).toEqual([4, 4, 3]);
    expect(sizes(10, 10)).toEqual([10]);
    expect(sizes(21, 10)).toEqual([7, 7, 7]);
  });
  it('keeps every member exactly once, in order', () => {
    const members = Array.from({ length: 23 }, (_, i) => `p${i}`);
    expect(splitPool(members, 4).flat()).toEqual(members);
    expect(Math.max(...splitPool(members, 4).map((t) => t.length))).toBeLessThanOrEqual(4);
  });
  it('returns no tube for no member and refuses a zero maximum', () => {
    expect(splitPool([], 10)).toEqual([]);
    expect(() => splitPool([1], 0)).toThrow(RangeError);
  });
});

describe('lab values', () => {
  it('reads results in Vietnamese with or without diacritics and in English', () => {
    expect(parseResult('Âm tính')).toBe('negative');
    expect(parseResult(' DUONG  TINH ')).toBe('positive');
    expect(parseResult('Dương tính')).toBe('positive');
    expect(parseResult('invalid')).toBe('invalid');
    expect(parseResult('maybe')).toBeNull();
  });
  it('reads Ct values with a decimal comma and rejects implausible ones', () => {
    expect(parseCt('23,45')).toBe(23.5);
    expect(parseCt('31.2')).toBe(31.2);
    expect(parseCt('')).toBeNull();
    expect(parseCt('0')).toBeNaN();
    expect(parseCt('abc')).toBeNaN();
    expect(parseCt('55')).toBeNaN();
  });
  it('normalises barcodes', () => {
    expect(normalizeBarcode(' ct-2021-0001 ')).toBe('CT-2021-0001');
    expect(normalizeBarcode('ab')).toBeNull();
    expect(normalizeBarcode('CT 0001')).toBeNull();
  });
});

describe('parseLabTime', () => {
  it('reads Vietnamese wall-clock times in both orders', () => {
    expect(parseLabTime('10/09/2021 14:30')?.toISOString()).toBe('2021-09-10T07:30:00.000Z');
    expect(parseLabTime('2021-09-10 14:30:15')?.toISOString()).toBe('2021-09-10T07:30:15.000Z');
  });
  it('honours an explicit offset', () => {
    expect(parseLabTime('2021-09-10T14:30:00+07:00')?.toISOString()).toBe('2021-09-10T07:30:00.000Z');
    expect(parseLabTime('2021-09-10T07:30:00Z')?.toISOString()).toBe('2021-09-10T07:30:00.000Z');
  });
  it('reads Excel serial date-times as Vietnam time', () => {
    // 44449 = 10/09/2021; .5 = noon
    expect(parseLabTime('44449.5')?.toISOString()).toBe('2021-09-10T05:00:00.000Z');
  });
  it('rejects impossible dates and dates without a time', () => {
    expect(parseLabTime('31/02/2021 10:00')).toBeNull();
    expect(parseLabTime('10/09/2021')).toBeNull();
    expect(parseLabTime('44449')).toBeNull();
    expect(parseLabTime('10/09/2021 25:00')).toBeNull();
  });
});

describe('turnaround', () => {
  it('counts a result just after midnight in Vietnam as the next day', () => {
    // collected 23:30 on 10/09 (Vietnam), reported 00:30 on 11/09: one hour, not the same day
    const t = turnaround(new Date('2021-09-10T16:30:00Z'), new Date('2021-09-10T17:30:00Z'));
    expect(t).toEqual({ minutes: 60, bucket: 'le6h', sameDay: false });
  });
  it('counts a result before midnight in Vietnam as the same day even when UTC changed date', () => {
    // collected 06:00 on 10/09 Vietnam (= 9/9 23:00 UTC), reported 22:00 the same Vietnam day
    const t = turnaround(new Date('2021-09-09T23:00:00Z'), new Date('2021-09-10T15:00:00Z'));
    expect(t).toEqual({ minutes: 960, bucket: 'le24h', sameDay: true });
  });
});
