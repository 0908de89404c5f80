import { describe, expect, it } from 'vitest';
import { cccdCenturySexDigit, checkNationalId } from './national-id';

describe('national ID', () => {
  it('accepts a 12-digit CCCD whose province and birth year agree', () => {
    expect(checkNationalId('092085001234', 1985)).toBeNull();
    expect(checkNationalId('092305001234', 2005)).toBeNull();
    expect(checkNationalId('092085001234')).toBeNull();
  });
  it('accepts a 9-digit CMND', () => expect(checkNationalId('361234567', 1970)).toBeNull());
  it('names the problem', () => {
    expect(checkNationalId('12345', null)).toBe('format');
    expect(checkNationalId('09208500123a', null)).toBe('format');
    expect(checkNationalId('099085001234', null)).toBe('province');
    expect(checkNationalId('000085001234', null)).toBe('province');
    expect(checkNationalId('092085001234', 1986)).toBe('birth_year');
  });
  it('encodes century and sex', () => {
    expect(cccdCenturySexDigit(1985, 'male')).toBe(0);
    expect(cccdCenturySexDigit(1985, 'female')).toBe(1);
    expect(cccdCenturySexDigit(2010, 'female')).toBe(3);
  });
});
