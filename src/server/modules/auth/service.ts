import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { ROLE_PERMISSIONS, type Role } from '@domain/access';
import { accountDelayMs, lockoutMinutes, type ThrottlePolicy } from '@domain/login-throttle';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { hashPassword, verifyPassword } from '../../platform/passwords';
import { RateLimiter } from '../../platform/rate-limit';
import type { UnitDirectory } from '../geography/directory';
import type { UserAccounts } from '../users/accounts';
import * as repo from './repo';
import type { Me } from './schemas';

export interface AuthOptions {
  sessionTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
  maxDelayMs: number;
  ratePerMinute: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Sessions are re-read from the database at most this often per process (disable and logout clear the cache here). */
const SESSION_CACHE_MS = 30_000;
/** Checked against when the username does not exist, so timing does not reveal which usernames exist. */
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

export class AuthService {
  private cache = new Map<string, { actor: Actor; csrf: string; userId: string; expiresAt: number; cachedAt: number }>();
  private limiter: RateLimiter;
  private readonly policy: ThrottlePolicy;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly accounts: UserAccounts,
    private readonly opts: AuthOptions,
  ) {
    this.limiter = new RateLimiter(opts.ratePerMinute, 60_000);
    this.policy = { maxFailures: opts.maxFailures, baseMinutes: opts.lockMinutes, maxDelayMs: opts.maxDelayMs };
  }

  /**
   * Checks the password (argon2id) and opens a session. Guessing is throttled per address (a fixed
   * window), per account and address (a growing lockout) and per account (a growing wait, never a refusal):
   * see @domain/login-throttle.
   */
  async login(username: string, password: string, ip: string): Promise<{ token: string; me: Me; expiresAt: Date }> {
    if (!this.limiter.hit(ip)) throw new AppError('auth.rate_limited', 429);
    const account = username.toLowerCase();
    const throttle = await repo.throttleOf(this.db, account, ip);
    if (throttle?.blocked_until && new Date(throttle.blocked_until) > new Date()) {
      throw new AppError('auth.locked', 423, { minutes: Math.ceil((new Date(throttle.blocked_until).getTime() - Date.now()) / 60_000) });
    }
    const user = await this.accounts.byUsername(account);
    const wait = accountDelayMs(user?.failed_logins ?? 0, this.policy);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await DUMMY_HASH, password), false);
    if (!user || !ok || user.disabled) {
      await this.db.transaction().execute(async (trx) => {
        if (user) await this.accounts.loginFailed(trx, user.id);
        await this.recordFailure(trx, account, ip);
        await this.audit.record(trx, { id: null, username, ip }, { action: 'login_failed', entity: 'user', entityId: user?.id ?? null });
      });
      throw new AppError('auth.invalid_credentials', 401);
    }
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.opts.sessionTtlHours * 3_600_000);
    await this.db.transaction().execute(async (trx) => {
      await this.accounts.loginSucceeded(trx, user.id);
      await repo.clearThrottle(trx, account, ip);
      await repo.openSession(trx, { token_hash: sha256(token), user_id: user.id, csrf_token: csrf, ip, expires_at: expiresAt });
      await this.audit.record(trx, { id: user.id, username: user.username, ip }, { action: 'login', entity: 'user', entityId: user.id });
    });
    const actor = this.actorOf(user, ip);
    return { token, me: this.meOf(actor, csrf), expiresAt };
  }

  /** One more failure from `address` on `account`; at the threshold the address is shut out for a growing time. */
  private async recordFailure(trx: Transaction<Database>, account: string, address: string): Promise<void> {
    const row = await repo.addThrottleFailure(trx, account, address);
    if (row.failures < this.policy.maxFailures) return;
    const lockouts = row.lockouts + 1;
    await repo.lockThrottle(trx, account, address, lockouts, new Date(Date.now() + lockoutMinutes(lockouts, this.policy) * 60_000));
    // rows of addresses that stopped trying a day ago are of no further use
    await repo.purgeThrottle(trx);
  }

  /** The actor behind a session token, or null when it is unknown, expired or the user is disabled. */
  async session(token: string | undefined, ip: string): Promise<{ actor: Actor; csrf: string } | null> {
    if (!token) return null;
    const key = sha256(token);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.cachedAt < SESSION_CACHE_MS && hit.expiresAt > now) return { actor: { ...hit.actor, ip }, csrf: hit.csrf };
    const row = await repo.sessionByHash(this.db, key);
    const user = row && new Date(row.expires_at).getTime() > now ? await this.accounts.ofSession(row.user_id) : undefined;
    if (!row || !user || user.disabled) {
      this.cache.delete(key);
      return null;
    }
    const actor = this.actorOf(user, ip);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { actor, csrf: row.csrf_token, userId: user.id, expiresAt: new Date(row.expires_at).getTime(), cachedAt: now });
    return { actor, csrf: row.csrf_token };
  }

  async logout(token: string | undefined, actor: Actor): Promise<void> {
    if (!token) return;
    const key = sha256(token);
    this.cache.delete(key);
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, key);
      await this.audit.record(trx, actor, { action: 'logout', entity: 'user', entityId: actor.id });
    });
  }

  /** Ends every session of a user (disabled, password reset, role or scope changed). */
  async endSessionsOf(userId: string, trx: Kysely<Database> = this.db): Promise<void> {
    for (const [key, v] of this.cache) if (v.userId === userId) this.cache.delete(key);
    await repo.deleteSessionsOf(trx, userId);
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    if (!(await verifyPassword(await this.accounts.passwordHash(actor.id), current))) throw new AppError('auth.wrong_password', 400, {}, 'currentPassword');
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await this.accounts.setPasswordHash(trx, actor.id, hash);
      await this.audit.record(trx, actor, { action: 'update', entity: 'user', entityId: actor.id, fields: ['password'] });
    });
  }

  meOf(actor: Actor, csrf: string): Me {
    return {
      id: actor.id,
      username: actor.username,
      fullName: actor.fullName,
      role: actor.role,
      agency: actor.agency,
      scopeUnits: actor.scopeUnits.map((code) => ({ code, name: this.units.get(code)?.name ?? code })),
      permissions: [...actor.permissions],
      csrfToken: csrf,
    };
  }

  private actorOf(u: { id: string; username: string; full_name: string; role: string; scope_units: string[]; agency: string | null }, ip: string): Actor {
    const role = u.role as Role;
    return {
      id: u.id,
      username: u.username,
      fullName: u.full_name,
      role,
      permissions: ROLE_PERMISSIONS[role],
      scopeUnits: u.scope_units,
      scope: this.units.resolveScope(u.scope_units),
      agency: u.agency,
      ip,
    };
  }
}
