import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NOT_FOR_TOKENS, ROLE_PERMISSIONS, type Permission, type Role } from '@domain/access';
import { addDays, vnDay } from '@domain/dates';
import { uuidv7 } from '@domain/uuid';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { UnitDirectory } from '../geography/directory';
import type { UsersService } from '../users/service';
import * as repo from './repo';
import type { TokenIssue, TokenView } from './schemas';

const PREFIX = 'tcch_';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** last_used_at is written at most this often per token (every use is in the audit log regardless) */
const TOUCH_MS = 60_000;

/** The instant a token issued "until day D" stops working: the end of D, Vietnam time. */
const endOfVnDay = (day: string) => new Date(`${addDays(day, 1)}T00:00:00+07:00`);

/**
 * API tokens for systems. A token acts for the administrator who issued it and can never hold more than
 * they do: at issue its permissions and units must be the issuer's, and at every use they are narrowed to what
 * the issuer may still do (a demoted or disabled issuer takes their tokens down with them).
 */
export class TokensService {
  private touched = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly users: Pick<UsersService, 'issuers'>,
    private readonly now = () => new Date(),
  ) {}

  async issue(actor: Actor, input: TokenIssue): Promise<{ token: string; view: TokenView }> {
    input.permissions.forEach((p, i) => {
      if (!actor.permissions.includes(p) || NOT_FOR_TOKENS.includes(p))
        throw new AppError('tokens.permission_beyond_issuer', 400, { code: p }, `permissions.${i}`);
    });
    input.scopeUnits.forEach((code, i) => {
      const unit = this.units.require(code, `scopeUnits.${i}`);
      if (unit.level === 'hamlet') throw new AppError('validation.unit_level', 400, { code, level: 'tỉnh/huyện/xã' }, `scopeUnits.${i}`);
      if (!this.units.unitInScope(actor.scope, code)) throw new AppError('tokens.scope_beyond_issuer', 400, { code }, `scopeUnits.${i}`);
    });
    const today = vnDay(this.now());
    if (input.expiresOn <= today || input.expiresOn > addDays(today, 365)) throw new AppError('tokens.expiry_range', 400, {}, 'expiresOn');
    const token = PREFIX + randomBytes(32).toString('base64url');
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await repo.insertToken(trx, {
        id: uuidv7(),
        name: input.name,
        token_hash: sha256(token),
        prefix: token.slice(0, PREFIX.length + 6),
        permissions: [...new Set(input.permissions)],
        scope_units: [...new Set(input.scopeUnits)],
        issued_by: actor.id,
        expires_at: endOfVnDay(input.expiresOn),
      });
      await this.audit.record(trx, actor, {
        action: 'create',
        entity: 'api_token',
        entityId: created.id,
        fields: Object.keys(input),
        detail: { permissions: created.permissions, scopeUnits: created.scope_units },
      });
      return created;
    });
    return { token, view: this.present({ ...row, issuer_username: actor.username }) };
  }

  async list(): Promise<TokenView[]> {
    const rows = await repo.listTokens(this.db);
    const issuers = await this.users.issuers(rows.map((r) => r.issued_by));
    return rows.map((r) => this.present({ ...r, issuer_username: issuers.get(r.issued_by)?.username ?? r.issued_by }));
  }

  async revoke(actor: Actor, id: string): Promise<TokenView> {
    const row = await this.db.transaction().execute(async (trx) => {
      const revoked = await repo.revokeToken(trx, id, actor.id);
      if (!revoked) {
        if (!(await repo.tokenById(trx, id))) throw new AppError('tokens.not_found', 404);
        return null;
      }
      await this.audit.record(trx, actor, { action: 'update', entity: 'api_token', entityId: id, fields: ['revoked'] });
      return revoked;
    });
    const current = row ?? (await repo.tokenById(this.db, id))!;
    // the one who issued it, not the one revoking it
    const issuers = await this.users.issuers([current.issued_by]);
    return this.present({ ...current, issuer_username: issuers.get(current.issued_by)?.username ?? current.issued_by });
  }

  /** The actor a bearer token stands for; a token that is unknown, revoked, expired or whose issuer is disabled is refused. */
  async authenticate(bearer: string, ip: string): Promise<Actor> {
    const row = bearer.startsWith(PREFIX) ? await repo.tokenByHash(this.db, sha256(bearer)) : undefined;
    const issuer = row ? (await this.users.issuers([row.issued_by])).get(row.issued_by) : undefined;
    const now = this.now();
    if (!row || !issuer || row.revoked_at || new Date(row.expires_at) <= now || issuer.disabled) throw new AppError('auth.token_invalid', 401);
    const issuerRole = issuer.role as Role;
    const issuerScope = this.units.resolveScope(issuer.scopeUnits);
    const permissions = row.permissions.filter(
      (p): p is Permission => ROLE_PERMISSIONS[issuerRole].includes(p as Permission) && !NOT_FOR_TOKENS.includes(p as Permission),
    );
    const scopeUnits = row.scope_units.filter((code) => this.units.unitInScope(issuerScope, code));
    const actor: Actor = {
      id: row.issued_by,
      username: `${issuer.username}/${row.prefix}`,
      fullName: row.name,
      role: issuerRole,
      permissions,
      scopeUnits,
      scope: this.units.resolveScope(scopeUnits),
      agency: issuer.agency,
      ip,
      tokenId: row.id,
    };
    const last = this.touched.get(row.id) ?? 0;
    if (now.getTime() - last > TOUCH_MS) {
      this.touched.set(row.id, now.getTime());
      await repo.touchToken(this.db, row.id);
    }
    return actor;
  }

  /** Every call made with a token is in the audit log, whatever the route records itself. */
  recordUse(actor: Actor, method: string, url: string, status: number): void {
    this.audit.read(actor, { action: 'token_use', entity: 'api_token', entityId: actor.tokenId ?? null, detail: { method, url, status } });
  }

  private present(r: repo.TokenRow & { issuer_username: string }): TokenView {
    const now = this.now();
    const expiresAt = new Date(r.expires_at);
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      permissions: r.permissions,
      scopeUnits: r.scope_units.map((code) => ({ code, name: this.units.get(code)?.name ?? code })),
      issuedBy: r.issuer_username,
      createdAt: new Date(r.created_at).toISOString(),
      expiresOn: vnDay(new Date(expiresAt.getTime() - 1)),
      status: r.revoked_at ? 'revoked' : expiresAt <= now ? 'expired' : 'active',
      revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    };
  }
}
