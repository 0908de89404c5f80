/**
 * Growing delays for password guessing (OWASP ASVS 2.2.1), with the account never locked as a whole:
 * - one address that keeps failing on one account is shut out of that account for `baseMinutes`, then
 *   twice as long each further time, up to a day;
 * - every attempt on an account with many recent failures (from anywhere) waits a little before its password
 *   is checked, doubling per failure up to `maxDelayMs`: guessing from many addresses slows down, and the
 *   owner with the right password still gets in.
 */
export interface ThrottlePolicy {
  /** failures from one address before that address is shut out of the account */
  maxFailures: number;
  baseMinutes: number;
  maxDelayMs: number;
}

const DAY_MINUTES = 24 * 60;

/** How long an address is shut out of an account after its `lockouts`-th lockout (1, 2, …). */
export function lockoutMinutes(lockouts: number, policy: ThrottlePolicy): number {
  return Math.min(DAY_MINUTES, policy.baseMinutes * 2 ** Math.max(0, lockouts - 1));
}

/** The wait before checking a password for an account with `failures` failures since its last sign-in. */
export function accountDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  return Math.min(policy.maxDelayMs, 250 * 2 ** (failures - policy.maxFailures));
}
