import type { Permission } from '@domain/access';
import type { Messages } from './i18n/vi';
import { paths } from './paths';

export type MenuKey = 'geography' | 'people' | 'cases' | 'followUp' | 'clusters' | 'investigationQuality' | 'testingSummary' | 'overdueSamples' | 'resultImport' | 'resultConflicts' | 'sampling' | 'testingTasks' | 'lab' | 'labs' | 'users' | 'tokens' | 'ruleSets' | 'audit';

export interface MenuEntry {
  key: MenuKey;
  path: string;
  permission: Permission;
  group: 'main' | 'admin';
}

/** The modules that exist, in menu order; each shows only for users with its permission. */
export const MENU: readonly MenuEntry[] = [
  { key: 'geography', path: paths.geography, permission: 'geography.read', group: 'main' },
  { key: 'people', path: paths.people, permission: 'people.read', group: 'main' },
  { key: 'cases', path: paths.cases, permission: 'cases.read', group: 'main' },
  { key: 'followUp', path: paths.followUp, permission: 'tracing.read', group: 'main' },
  { key: 'clusters', path: paths.clusters, permission: 'tracing.read', group: 'main' },
  { key: 'investigationQuality', path: paths.investigationQuality, permission: 'cases.read', group: 'main' },
  { key: 'sampling', path: paths.sampling, permission: 'testing.read', group: 'main' },
  { key: 'testingTasks', path: paths.testingTasks, permission: 'testing.read', group: 'main' },
  { key: 'lab', path: paths.lab, permission: 'testing.lab', group: 'main' },
  { key: 'testingSummary', path: paths.testingSummary, permission: 'testing.summary', group: 'main' },
  { key: 'overdueSamples', path: paths.overdueSamples, permission: 'testing.read', group: 'main' },
  { key: 'resultImport', path: paths.resultImport, permission: 'testing.lab', group: 'main' },
  { key: 'resultConflicts', path: paths.resultConflicts, permission: 'testing.lab', group: 'main' },
  { key: 'users', path: paths.users, permission: 'users.manage', group: 'admin' },
  { key: 'tokens', path: paths.tokens, permission: 'tokens.manage', group: 'admin' },
  { key: 'ruleSets', path: paths.ruleSets, permission: 'rules.read', group: 'admin' },
  { key: 'labs', path: paths.labs, permission: 'testing.manage', group: 'admin' },
  { key: 'audit', path: paths.audit, permission: 'audit.read', group: 'admin' },
];

export function allowedMenu(can: (p: Permission) => boolean): MenuEntry[] {
  return MENU.filter((e) => can(e.permission));
}

/** The start page: the first module of the menu the user may use. */
export function firstAllowedPath(can: (p: Permission) => boolean): string | null {
  return allowedMenu(can)[0]?.path ?? null;
}

export function menuLabel(m: Messages, key: MenuKey): string {
  return m.menu[key];
}

/** The menu entry a URL belongs to (longest path prefix). */
export function activeMenuKey(pathname: string): MenuKey | null {
  const hit = MENU.filter((e) => pathname === e.path || pathname.startsWith(e.path + '/'));
  if (hit.length) return hit.sort((a, b) => b.path.length - a.path.length)[0].key;
  if (pathname.startsWith('/ho-gia-dinh')) return 'people';
  return null;
}
