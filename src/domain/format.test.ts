import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatHours, formatNumber, formatPercent, formatVnd, parseVnDate } from './format';
import { addDays, isCalendarDate, vnDay } from './dates';

describe('formatting', () => {
  it('shows dates as dd/MM/yyyy', () => expect(formatDate('2021-09-07')).toBe('07/09/2021'));
  it('shows instants in Vietnam time', () => expect(formatDateTime('2021-09-06T18:30:00Z')).toBe('07/09/2021 01:30'));
  it('groups thousands with dots in Vietnamese, commas in English', () => {
    expect(formatNumber(1235171)).toBe('1.235.171');
    expect(formatNumber(1235171, 'en')).toBe('1,235,171');
    expect(formatVnd(2_000_000)).toBe('2.000.000 ₫');
  });
  it('shows shares as percentages with one decimal', () => {
    expect(formatPercent(0.1234)).toBe('12,3%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(null)).toBe('');
  });
  it('shows hours with one decimal, and minutes as under a tenth rather than zero', () => {
    expect(formatHours(5.25)).toBe('5,3');
    expect(formatHours(2 / 60)).toBe('< 0,1');
    expect(formatHours(2 / 60, 'en')).toBe('< 0.1');
    expect(formatHours(0)).toBe('0');
    expect(formatHours(null)).toBe('');
  });
  it('parses dd/MM/yyyy and refuses impossible dates', () => {
    expect(parseVnDate('7/9/2021')).toBe('2021-09-07');
    expect(parseVnDate('30/02/2021')).toBeNull();
    expect(parseVnDate('2021-09-07')).toBeNull();
  });
});

describe('dates', () => {
  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2021-13-01')).toBe(false);
  });
  it('takes "today" in Asia/Ho_Chi_Minh', () => {
    expect(vnDay(new Date('2021-09-06T17:30:00Z'))).toBe('2021-09-07');
    expect(vnDay(new Date('2021-09-06T16:30:00Z'))).toBe('2021-09-06');
  });
  it('adds days across months', () => expect(addDays('2021-08-25', 14)).toBe('2021-09-08'));
});
