/**
 * The half of a module's manifest that the web shares: the permissions it defines (with what each allows, for
 * docs/ACCESS.md and the token form) and its error codes (a closed union, with the Vietnamese and English
 * message). Pure data, no imports: src/domain/access.ts and src/domain/error-catalog.ts merge every module's
 * contract from src/server/modules/contracts.ts, and the server manifest (index.ts) carries it with the rest.
 */
export interface Messages {
  vi: string;
  en: string;
}

export interface ModuleContract<N extends string = string, P extends string = string, E extends string = string> {
  /** The module's folder name. */
  name: N;
  permissions: Readonly<Record<P, string>>;
  errors: Readonly<Record<E, Messages>>;
}

export function defineContract<const N extends string, const P extends string = never, const E extends string = never>(contract: {
  name: N;
  permissions?: Record<P, string>;
  errors?: Record<E, Messages>;
}): ModuleContract<N, P, E> {
  return { name: contract.name, permissions: contract.permissions ?? ({} as Record<P, string>), errors: contract.errors ?? ({} as Record<E, Messages>) };
}
