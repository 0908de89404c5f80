import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Permission } from '@domain/access';
import type { LazyPage } from './lazy-page';

/** A routed page of a module. Its code is a lazy chunk, loaded when the URL is first opened. */
export interface ModulePage {
  /** The URL pattern, as react-router matches it: '/nguoi-dan/:id'. */
  path: string;
  page: LazyPage;
  /** What the user must be allowed to open it; a 'public' page is outside the shell and needs no login. */
  permission: Permission | 'public';
  /** The data the page asks for first, fetched at start-up in parallel with its chunk. */
  prefetch?(qc: QueryClient, search: URLSearchParams): void;
}

/** The dotted key of one text of a catalog: 'menu.people'. */
export type LabelKey<M> = { [N in keyof M & string]: M[N] extends string ? N : `${N}.${keyof M[N] & string}` }[keyof M & string];

/** One entry of the side menu. */
export interface MenuEntry {
  /** The menu item's key; the item is selected while the URL is under `path` (or under one of `activeUnder`). */
  key: string;
  /** The label's dotted key in the messages: 'menu.people'. */
  label: string;
  icon: ComponentType;
  path: string;
  permission: Permission;
  /** Place in the menu, smallest first, across all modules; the first one a user may open is their start page. */
  order: number;
  group: 'main' | 'admin';
  /** Other URL prefixes whose pages belong to this entry ('/ho-gia-dinh' under People). */
  activeUnder?: readonly string[];
}

/** A module's menu entry: its label is a key of the module's own messages. */
export interface ModuleMenuEntry<M> extends Omit<MenuEntry, 'label'> {
  label: LabelKey<M>;
}

/** What a web module adds to the app: its pages, its menu entries and its UI text in both languages. */
export interface WebModule<M extends object> {
  name: string;
  pages: readonly ModulePage[];
  menu: readonly ModuleMenuEntry<M>[];
  messages: { vi: M; en: NoInfer<M> };
}

/** Types a module's manifest (the label keys of its menu against its own messages). */
export function defineModule<M extends object>(module: WebModule<M>): WebModule<M> {
  return module;
}
