import { describe, expect, it } from 'vitest';
import { normalizeMobilePhone } from './phone';

describe('Vietnamese mobile phone', () => {
  it('normalises +84, spaces and dots to 0xxxxxxxxx', () => {
    expect(normalizeMobilePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizeMobilePhone('84912345678')).toBe('0912345678');
    expect(normalizeMobilePhone('0367.123.456')).toBe('0367123456');
    expect(normalizeMobilePhone('0707-123-456')).toBe('0707123456');
  });
  it('refuses landlines, old 11-digit numbers and unknown prefixes', () => {
    expect(normalizeMobilePhone('02923123456')).toBeNull();
    expect(normalizeMobilePhone('01212345678')).toBeNull();
    expect(normalizeMobilePhone('0312345678')).toBeNull();
    expect(normalizeMobilePhone('091234567')).toBeNull();
    expect(normalizeMobilePhone('abc')).toBeNull();
  });
});
