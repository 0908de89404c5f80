/**
 * Roles and what each may do. Scope (which units a user sees) is separate: a permission
 * says what kind of action, the scope says on whose data.
 */
export const ROLES = [
  'system_admin', 'command_center', 'district_officer', 'commune_officer',
  'health_staff', 'lab_staff', 'police', 'social_affairs', 'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'people.read', 'people.write', 'people.merge',
  'geography.read', 'geography.import',
  'users.manage', 'rules.read', 'rules.manage', 'audit.read',
  'testing.read', 'testing.collect', 'testing.lab', 'testing.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = [...PERMISSIONS];
const FIELD: Permission[] = ['people.read', 'people.write', 'geography.read', 'rules.read', 'testing.read'];
/** Sampling teams: sessions, tubes, rapid antigen results on the spot, shipments. */
const SAMPLING: Permission[] = ['testing.collect'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: ALL,
  command_center: ['people.read', 'people.write', 'people.merge', 'geography.read', 'geography.import', 'rules.read', 'audit.read', 'testing.read', 'testing.collect', 'testing.lab', 'testing.manage'],
  district_officer: [...FIELD, ...SAMPLING, 'people.merge', 'geography.import'],
  commune_officer: [...FIELD, ...SAMPLING, 'geography.import'],
  health_staff: [...FIELD, ...SAMPLING],
  lab_staff: ['people.read', 'geography.read', 'rules.read', 'testing.read', 'testing.lab'],
  police: ['people.read', 'geography.read', 'rules.read'],
  social_affairs: FIELD,
  viewer: ['geography.read', 'rules.read', 'testing.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
