import { ROLE_PERMISSIONS, type Permission, type Role } from '@domain/access';

/** Units a user may see, expanded from their scope_units by level. */
export interface Scope {
  provinces: string[];
  districts: string[];
  communes: string[];
}

/**
 * Who is calling: the logged-in user (or the system holding an API token, acting for the administrator who
 * issued it), what they may do, their resolved scope, and where from.
 */
export interface Actor {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  /** the role's permissions; for a token, its own set narrowed to what the issuer may still do */
  permissions: readonly Permission[];
  /** set when the call carries an API token */
  tokenId?: string;
  scopeUnits: string[];
  scope: Scope;
  agency: string | null;
  ip: string;
}

/** The actor a script or test acts as: a user of `role` with the role's permissions, from this machine. */
export function scriptActor(user: { id: string; username: string; fullName: string }, role: Role, scopeUnits: string[], scope: Scope): Actor {
  return { ...user, role, permissions: ROLE_PERMISSIONS[role], scopeUnits, scope, agency: null, ip: '127.0.0.1' };
}
