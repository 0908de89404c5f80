import type { Permission } from '@domain/access';
import { MODULES } from '@web/modules';
import type { Messages } from './i18n/messages';
import type { MenuEntry } from './web-module';

/** Every module's menu entries, in menu order; each shows only for users with its permission. */
export const MENU: readonly MenuEntry[] = MODULES.flatMap((m): readonly MenuEntry[] => m.menu).sort((a, b) => a.order - b.order);

export function allowedMenu(can: (p: Permission) => boolean): MenuEntry[] {
  return MENU.filter((e) => can(e.permission));
}

/** The start page: the first module of the menu the user may use. */
export function firstAllowedPath(can: (p: Permission) => boolean): string | null {
  return allowedMenu(can)[0]?.path ?? null;
}

/** The text at a dotted key ('menu.people'). */
export function menuLabel(m: Messages, label: string): string {
  const text = label.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], m);
  return typeof text === 'string' ? text : label;
}

const under = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(prefix + '/');

/** The menu entry a URL belongs to (longest path prefix, then the entries' other prefixes). */
export function activeMenuKey(pathname: string): string | null {
  const hit = MENU.filter((e) => under(pathname, e.path));
  if (hit.length) return hit.sort((a, b) => b.path.length - a.path.length)[0].key;
  return MENU.find((e) => e.activeUnder?.some((p) => under(pathname, p)))?.key ?? null;
}
