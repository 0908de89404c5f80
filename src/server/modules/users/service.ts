import type { Kysely, Selectable, Updateable } from 'kysely';
import type { z } from 'zod';
import { ROLE_PERMISSIONS, ROLES, type Role } from '@domain/access';
import { uuidv7 } from '@domain/uuid';
import type { Database, UsersTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { generatePassword, hashPassword } from '../../platform/passwords';
import type { AuthService } from '../auth/service';
import type { UnitDirectory } from '../geography/directory';
import * as repo from './repo';
import type { userCreate, UserCreated, userPatch, UserView } from './schemas';

/** What an API token needs of the account that issued it. */
export interface Issuer {
  id: string;
  username: string;
  role: string;
  scopeUnits: string[];
  disabled: boolean;
  agency: string | null;
}

export class UsersService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly units: UnitDirectory,
    private readonly audit: AuditLog,
    private readonly auth: AuthService,
  ) {}

  async list(): Promise<UserView[]> {
    const rows = await repo.listUsers(this.db);
    return rows.map((r) => this.present(r));
  }

  /**
   * The team to hand a contact to, per commune: active accounts that trace contacts whose scope is that
   * commune, else its district (nearest first, five at most). Names and agency only.
   */
  async tracersOf(communeCodes: string[]): Promise<Map<string, { fullName: string; agency: string | null; unitCode: string }[]>> {
    const tracers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('tracing.write') && !ROLE_PERMISSIONS[r].includes('users.manage'));
    const communes = [...new Set(communeCodes)];
    const wanted = new Map(communes.map((c) => [c, [c, this.units.placeOf(c).district_code]]));
    const codes = [...new Set([...wanted.values()].flat())];
    const rows = codes.length === 0 ? [] : await repo.activeUsersScopedTo(this.db, tracers, codes);
    return new Map(
      communes.map((c) => [
        c,
        wanted
          .get(c)!
          .flatMap((unitCode) => rows.filter((r) => r.scope_units.includes(unitCode)).map((r) => ({ fullName: r.full_name, agency: r.agency, unitCode })))
          .slice(0, 5),
      ]),
    );
  }

  /** Creates a user; returns the password once when it was generated. */
  async create(actor: Actor | null, input: z.infer<typeof userCreate>): Promise<UserCreated> {
    input.scopeUnits.forEach((code, i) => this.requireScopeUnit(code, `scopeUnits.${i}`));
    const password = input.password ?? generatePassword();
    const hash = await hashPassword(password);
    const user = await this.db.transaction().execute(async (trx) => {
      const taken = await repo.accountByUsername(trx, input.username);
      if (taken) throw new AppError('users.username_taken', 409, { username: input.username }, 'username');
      const row = await repo.insertUser(trx, {
        id: uuidv7(),
        username: input.username,
        full_name: input.fullName,
        password_hash: hash,
        role: input.role,
        scope_units: input.scopeUnits,
        agency: input.agency ?? null,
      });
      if (actor) await this.audit.record(trx, actor, { action: 'create', entity: 'user', entityId: row.id, fields: ['username', 'role', 'scopeUnits'] });
      return row;
    });
    return { user: this.present(user), ...(input.password ? {} : { password }) };
  }

  async update(actor: Actor, id: string, patch: z.infer<typeof userPatch>): Promise<UserView> {
    patch.scopeUnits?.forEach((code, i) => this.requireScopeUnit(code, `scopeUnits.${i}`));
    return this.db.transaction().execute(async (trx) => {
      // the administrators, locked: two changes at once cannot both remove "the other" last one
      await repo.lockAdmins(trx);
      const changes: Updateable<UsersTable> = {};
      if (patch.fullName !== undefined) changes.full_name = patch.fullName;
      if (patch.role !== undefined) changes.role = patch.role;
      if (patch.scopeUnits !== undefined) changes.scope_units = patch.scopeUnits;
      if (patch.agency !== undefined) changes.agency = patch.agency;
      if (patch.disabled !== undefined) changes.disabled = patch.disabled;
      const row = await repo.updateUser(trx, id, changes);
      if (!row) throw new AppError('users.not_found', 404);
      if ((await repo.countActiveAdmins(trx)) === 0) throw new AppError('users.last_admin', 409, {}, patch.role !== undefined ? 'role' : 'disabled');
      if (patch.role !== undefined || patch.scopeUnits !== undefined || patch.disabled) await this.auth.endSessionsOf(id, trx);
      await this.audit.record(trx, actor, { action: 'update', entity: 'user', entityId: id, fields: Object.keys(patch) });
      return this.present(row);
    });
  }

  /** Sets a new generated password, clears the failure count and ends its sessions; returns the password once. */
  async resetPassword(actor: Actor, id: string): Promise<{ password: string }> {
    const password = generatePassword();
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.setPassword(trx, id, hash))) throw new AppError('users.not_found', 404);
      await this.auth.endSessionsOf(id, trx);
      await this.audit.record(trx, actor, { action: 'update', entity: 'user', entityId: id, fields: ['password'] });
    });
    return { password };
  }

  async count(): Promise<number> {
    return repo.countUsers(this.db);
  }

  /** The accounts that issued these API tokens, by id (whether disabled, their role and scope now). */
  async issuers(ids: string[]): Promise<Map<string, Issuer>> {
    const rows = ids.length === 0 ? [] : await repo.issuersByIds(this.db, [...new Set(ids)]);
    return new Map(
      rows.map((r) => [r.id, { id: r.id, username: r.username, role: r.role, scopeUnits: r.scope_units, disabled: r.disabled, agency: r.agency }]),
    );
  }

  private requireScopeUnit(code: string, field: string) {
    const unit = this.units.require(code, field);
    if (unit.level === 'hamlet') throw new AppError('validation.unit_level', 400, { code, level: 'tỉnh/huyện/xã' }, field);
  }

  private present(r: Selectable<UsersTable>): UserView {
    return {
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      role: r.role as Role,
      agency: r.agency,
      disabled: r.disabled,
      scopeUnits: r.scope_units.map((code) => ({ code, name: this.units.get(code)?.name ?? code })),
      failedLogins: r.failed_logins,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}
