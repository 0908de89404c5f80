import type { Messages } from './contract';
import { CONTRACTS } from '../server/modules/contracts';

/**
 * Every error code the platform can answer with, and its message in Vietnamese and English: the union of the
 * modules' contracts (src/server/modules/<module>/contract.ts; validation and HTTP codes in
 * src/server/platform/contract.ts).
 * Field validators put a code from here into the zod issue message; the server and the web
 * translate it with `messageFor`. {name} placeholders come from the error's params.
 */
type Contract = (typeof CONTRACTS)[number];
/** Every error code, from every module's contract: a closed union. */
export type ErrorCode = Contract extends infer C ? (C extends { errors: Readonly<Record<infer E, Messages>> } ? E : never) : never;

export const ERROR_CATALOG: Readonly<Record<ErrorCode, Messages>> = Object.assign({}, ...CONTRACTS.map((c) => c.errors));

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOG, value);
}

export function messageFor(code: ErrorCode, locale: 'vi' | 'en' = 'vi', params: Record<string, unknown> = {}): string {
  return ERROR_CATALOG[code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
