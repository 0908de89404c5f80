import { CONTRACTS } from '../server/modules/contracts';

/**
 * Roles and what each may do: the reviewed matrix (rendered in docs/ACCESS.md, enforced route by route
 * by src/server/platform/access-matrix.test.ts). Scope (which units a user sees) is separate: a
 * permission says what kind of action, the scope says on whose data.
 *
 * Rule for every module: it declares its own `<module>.read` / `.write` / `.manage`… in its contract.ts, and its routes
 * are guarded only by its own permissions — never by another module's.
 */
export const ROLES = [
  'system_admin',
  'command_center',
  'district_officer',
  'commune_officer',
  'health_staff',
  'lab_staff',
  'police',
  'social_affairs',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

type Contract = (typeof CONTRACTS)[number];
/** Every permission, from every module's contract (each module declares its own in its contract.ts). */
export type Permission = Contract extends infer C ? (C extends { permissions: Readonly<Record<infer P, string>> } ? P : never) : never;
/** What each permission allows (shown in docs/ACCESS.md), grouped by the module that owns it. */
export const PERMISSION_INFO: Readonly<Record<Permission, string>> = Object.assign({}, ...CONTRACTS.map((c) => c.permissions));
export const PERMISSIONS = Object.keys(PERMISSION_INFO) as Permission[];

const ALL = [...PERMISSIONS];
/** What every user may read: units, rules, and the risk levels and measures in force (public, no personal data). */
const REFERENCE: Permission[] = ['geography.read', 'rules.read', 'zones.read'];
/** Commune and district health work: persons, cases, tracing, individual tests. */
const FIELD: Permission[] = [
  ...REFERENCE,
  'people.read',
  'people.write',
  'cases.read',
  'cases.write',
  'tracing.read',
  'tracing.write',
  'testing.summary',
  'testing.read',
  'zones.lockdown',
  'quarantine.read',
  'quarantine.stays',
  'campaigns.read',
  'campaigns.work',
  'reports.read',
];
/** Sampling teams: sessions, tubes, rapid antigen results on the spot, shipments. */
const SAMPLING: Permission[] = ['testing.collect'];

/**
 * Who does what, from the sources: the command center runs everything but accounts and rules; field
 * officers and health staff trace and sample in their units; lab staff see tubes and results, not case
 * files, contacts or the population register; police have no personal data until the movement-permit
 * module grants what a checkpoint needs; social affairs see persons and households, not cases; viewers
 * see aggregates only. Everyone sees the risk levels and the measures in force; the district's People's Committee
 * decides its communes' levels (NQ 128), so district officers enter the inputs and decide within their scope.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: ALL,
  command_center: ALL.filter((p) => p !== 'users.manage' && p !== 'rules.manage' && p !== 'tokens.manage'),
  district_officer: [
    ...FIELD,
    ...SAMPLING,
    'people.merge',
    'geography.import',
    'zones.write',
    'zones.decide',
    'quarantine.manage',
    'quarantine.override',
    'campaigns.plan',
  ],
  commune_officer: [...FIELD, ...SAMPLING, 'geography.import'],
  health_staff: [...FIELD, ...SAMPLING],
  lab_staff: [...REFERENCE, 'testing.summary', 'testing.read', 'testing.lab'],
  police: REFERENCE,
  social_affairs: [...REFERENCE, 'people.read'],
  viewer: [...REFERENCE, 'testing.summary', 'quarantine.read', 'campaigns.read', 'reports.read'],
};

/** What no API token may carry, whoever issues it: managing accounts and tokens is for people. */
export const NOT_FOR_TOKENS: readonly Permission[] = ['users.manage', 'tokens.manage'];

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
