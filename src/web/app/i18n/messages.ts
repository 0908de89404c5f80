import { MODULES } from '@web/modules';
import { mergeCatalogs } from './catalog';
import { en } from './en';
import { vi, type ShellMessages } from './vi';

export type Language = 'vi' | 'en';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ModuleMessages = UnionToIntersection<(typeof MODULES)[number]['messages']['vi']>;

/** The whole UI text: the shell's and every module's (each module's in its messages.ts). */
export type Messages = ShellMessages & ModuleMessages;

export const CATALOGS: Record<Language, Messages> = {
  vi: mergeCatalogs([vi, ...MODULES.map((m) => m.messages.vi)]) as Messages,
  en: mergeCatalogs([en, ...MODULES.map((m) => m.messages.en)]) as Messages,
};
