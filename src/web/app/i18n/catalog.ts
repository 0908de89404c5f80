/** A catalog's type with every text widened to `string`, so the English one can be typed by the Vietnamese one. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

type Tree = { [key: string]: string | Tree };

/** Every text's dotted key: { menu: { people: '…' } } → ['menu.people']. */
export function messageKeys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : messageKeys(v as object, `${prefix}${k}.`)));
}

/**
 * One catalog from the shell's and every module's: namespaces they share (`menu`) are merged key by key.
 * @example mergeCatalogs([{ menu: { admin: 'Quản trị' } }, { menu: { people: 'Người dân' } }]) // { menu: { admin, people } }
 */
export function mergeCatalogs(catalogs: readonly object[]): object {
  const into = (target: Tree, source: Tree, path: string) => {
    for (const [k, v] of Object.entries(source)) {
      const at = target[k];
      if (typeof v === 'object' && typeof at === 'object') into(at, v, `${path}${k}.`);
      else if (at !== undefined) throw new Error(`message ${path}${k} is declared twice`);
      else target[k] = typeof v === 'object' ? into({}, v, `${path}${k}.`) : v;
    }
    return target;
  };
  return catalogs.reduce<Tree>((all, c) => into(all, c as Tree, ''), {});
}
