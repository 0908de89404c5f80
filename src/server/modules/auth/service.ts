import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { ROLE_PERMISSIONS, type Role } from '@domain/access';
import type { Database } from '../../db/tables';
import { preparedFirst } from '../../db/prepared';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { hashPassword, verifyPassword } from '../../platform/passwords';
import { RateLimiter } from '../../platform/rate-limit';
import type { UnitDirectory } from '../geography/directory';
import type { Me } from './schemas';

export interface AuthOptions {
  sessionTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
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

  constructor(private readonly db: Kysely<Database>, private readonly units: UnitDirectory, private readonly audit: AuditLog, private readonly opts: AuthOptions) {
    this.limiter = new RateLimiter(opts.ratePerMinute, 60_000);
  }

  /** Checks the password (argon2id), locks the account after repeated failures, opens a session. */
  async login(username: string, password: string, ip: string): Promise<{ token: string; me: Me; expiresAt: Date }> {
    if (!this.limiter.hit(ip)) throw new AppError('auth.rate_limited', 429);
    const user = await this.db.selectFrom('users').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
    if (user?.locked_until && new Date(user.locked_until) > new Date()) {
      throw new AppError('auth.locked', 423, { minutes: Math.ceil((new Date(user.locked_until).getTime() - Date.now()) / 60_000) });
    }
    const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await DUMMY_HASH, password), false);
    if (!user || !ok || user.disabled) {
      await this.db.transaction().execute(async (trx) => {
        if (user) {
          const failures = user.failed_logins + 1;
          const lock = failures >= this.opts.maxFailures ? new Date(Date.now() + this.opts.lockMinutes * 60_000) : null;
          await trx.updateTable('users').set({ failed_logins: lock ? 0 : failures, locked_until: lock }).where('id', '=', user.id).execute();
        }
        await this.audit.record(trx, { id: null, username, ip }, { action: 'login_failed', entity: 'user', entityId: user?.id ?? null });
      });
      throw new AppError('auth.invalid_credentials', 401);
    }
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.opts.sessionTtlHours * 3_600_000);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
      await trx.insertInto('sessions').values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrf, ip, expires_at: expiresAt }).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<', new Date()).execute();
      await this.audit.record(trx, { id: user.id, username: user.username, ip }, { action: 'login', entity: 'user', entityId: user.id });
    });
    const actor = this.actorOf(user, ip);
    return { token, me: this.meOf(actor, csrf), expiresAt };
  }

  /** The actor behind a session token, or null when it is unknown, expired or the user is disabled. */
  async session(token: string | undefined, ip: string): Promise<{ actor: Actor; csrf: string } | null> {
    if (!token) return null;
    const key = sha256(token);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.cachedAt < SESSION_CACHE_MS && hit.expiresAt > now) return { actor: { ...hit.actor, ip }, csrf: hit.csrf };
    const row = await preparedFirst(this.db, 'session_by_token', this.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.username', 'users.full_name', 'users.role', 'users.scope_units', 'users.agency', 'users.disabled'])
      .where('sessions.token_hash', '=', key));
    if (!row || row.disabled || new Date(row.expires_at).getTime() <= now) {
      this.cache.delete(key);
      return null;
    }
    const actor = this.actorOf(row, ip);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { actor, csrf: row.csrf_token, userId: row.id, expiresAt: new Date(row.expires_at).getTime(), cachedAt: now });
    return { actor, csrf: row.csrf_token };
  }

  async logout(token: string | undefined, actor: Actor): Promise<void> {
    if (!token) return;
    const key = sha256(token);
    this.cache.delete(key);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('token_hash', '=', key).execute();
      await this.audit.record(trx, actor, { action: 'logout', entity: 'user', entityId: actor.id });
    });
  }

  /** Ends every session of a user (disabled, password reset, role or scope changed). */
  async endSessionsOf(userId: string, trx: Kysely<Database> = this.db): Promise<void> {
    for (const [key, v] of this.cache) if (v.userId === userId) this.cache.delete(key);
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = await this.db.selectFrom('users').select(['password_hash']).where('id', '=', actor.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, current))) throw new AppError('auth.wrong_password', 400, {}, 'currentPassword');
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', actor.id).execute();
      await this.audit.record(trx, actor, { action: 'update', entity: 'user', entityId: actor.id, fields: ['password'] });
    });
  }

  meOf(actor: Actor, csrf: string): Me {
    return {
      id: actor.id, username: actor.username, fullName: actor.fullName, role: actor.role, agency: actor.agency,
      scopeUnits: actor.scopeUnits.map((code) => ({ code, name: this.units.get(code)?.name ?? code })),
      permissions: [...ROLE_PERMISSIONS[actor.role]], csrfToken: csrf,
    };
  }

  private actorOf(u: { id: string; username: string; full_name: string; role: string; scope_units: string[]; agency: string | null }, ip: string): Actor {
    return { id: u.id, username: u.username, fullName: u.full_name, role: u.role as Role, scopeUnits: u.scope_units, scope: this.units.resolveScope(u.scope_units), agency: u.agency, ip };
  }
}
