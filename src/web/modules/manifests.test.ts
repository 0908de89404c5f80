import { describe, expect, it } from 'vitest';
import { messageKeys } from '@web/app/i18n/catalog';
import { en as shellEn } from '@web/app/i18n/en';
import { CATALOGS } from '@web/app/i18n/messages';
import { vi as shellVi } from '@web/app/i18n/vi';
import { MENU, menuLabel } from '@web/app/menu-items';
import { paths } from '@web/app/paths';
import { MODULES } from '.';

const pages = MODULES.flatMap((m) => m.pages.map((p) => ({ module: m.name, ...p })));

/** The values that occur more than once. */
const repeated = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

describe('web module manifests', () => {
  it.each(MODULES.map((m) => [m.name, m] as const))('%s: every menu entry opens one of its pages, for the same users', (_, m) => {
    for (const entry of m.menu) {
      const page = pages.find((p) => p.path === entry.path);
      expect(page, `${m.name} menu ${entry.key} → ${entry.path}`).toBeDefined();
      expect(page!.permission).toBe(entry.permission);
    }
  });

  it.each(MODULES.map((m) => [m.name, m] as const))('%s: the same message keys in Vietnamese and English', (_, m) => {
    expect(messageKeys(m.messages.en)).toEqual(messageKeys(m.messages.vi));
  });

  it('the shell has the same message keys in both languages too', () => {
    expect(messageKeys(shellEn)).toEqual(messageKeys(shellVi));
  });

  it('no two modules (or a module and the shell) declare the same path, menu key or message key', () => {
    expect(repeated(MODULES.map((m) => m.name))).toEqual([]);
    expect(repeated([paths.login, ...pages.map((p) => p.path)])).toEqual([]);
    expect(repeated(MODULES.flatMap((m) => m.menu.map((e) => e.key)))).toEqual([]);
    for (const lang of ['vi', 'en'] as const) {
      const shell = lang === 'vi' ? shellVi : shellEn;
      expect(repeated([...messageKeys(shell), ...MODULES.flatMap((m) => messageKeys(m.messages[lang]))]), lang).toEqual([]);
    }
  });

  it('every menu label is a text in both languages', () => {
    for (const entry of MENU) {
      for (const lang of ['vi', 'en'] as const) expect(menuLabel(CATALOGS[lang], entry.label), `${lang} ${entry.label}`).not.toBe(entry.label);
    }
  });
});
