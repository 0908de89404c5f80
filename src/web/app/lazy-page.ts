import { lazy, type ComponentType } from 'react';

export type LazyPage = ReturnType<typeof lazy<ComponentType>> & { preload(): Promise<unknown> };

/**
 * A route's page in its own chunk (React.lazy), with `preload()` so the chunk for the URL being
 * opened can be fetched at start-up, alongside the session check, instead of after it.
 * @example const PeoplePage = lazyPage(() => import('./PeoplePage'), (m) => m.PeoplePage)
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  let loading: Promise<{ default: ComponentType }> | null = null;
  const preload = () => (loading ??= load().then((module) => ({ default: pick(module) })));
  return Object.assign(lazy(preload), { preload });
}
