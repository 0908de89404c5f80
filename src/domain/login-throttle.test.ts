import { describe, expect, it } from 'vitest';
import { accountDelayMs, lockoutMinutes } from './login-throttle';

const policy = { maxFailures: 5, baseMinutes: 15, maxDelayMs: 4000 };

describe('login throttle', () => {
  it('shuts an address out for longer each time, never more than a day', () => {
    expect([1, 2, 3, 4].map((n) => lockoutMinutes(n, policy))).toEqual([15, 30, 60, 120]);
    expect(lockoutMinutes(20, policy)).toBe(1440);
  });

  it('slows an account under attack without refusing it: no wait below the threshold, then doubling to the cap', () => {
    expect(accountDelayMs(4, policy)).toBe(0);
    expect([5, 6, 7, 8, 9].map((n) => accountDelayMs(n, policy))).toEqual([250, 500, 1000, 2000, 4000]);
    expect(accountDelayMs(500, policy)).toBe(4000);
  });
});
