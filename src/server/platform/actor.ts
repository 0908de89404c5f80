import type { Role } from '@domain/access';

/** Units a user may see, expanded from their scope_units by level. */
export interface Scope {
  provinces: string[];
  districts: string[];
  communes: string[];
}

/** Who is calling: the logged-in user, their role and resolved scope, and where from. */
export interface Actor {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  scopeUnits: string[];
  scope: Scope;
  agency: string | null;
  ip: string;
}
