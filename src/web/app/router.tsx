import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { PageSpinner } from '@web/ui/PageSpinner';
import { MODULES } from '@web/modules';
import { AppLayout } from './AppLayout';
import { meQuery } from './AuthProvider';
import { HomeRedirect } from './HomeRedirect';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './NotFoundPage';
import { paths } from './paths';
import { RequireAuth, RequirePermission } from './RequireAuth';
import type { ModulePage } from './web-module';

const LoginPage = lazyPage(
  () => import('./LoginPage'),
  (m) => m.LoginPage,
);

type Handle = Pick<ModulePage, 'page' | 'prefetch'>;

function suspended(node: ReactNode) {
  return <Suspense fallback={<PageSpinner />}>{node}</Suspense>;
}

/** A module's page; `handle` lets start-up fetch its chunk (and first data) early. */
function route({ path, permission, page: Page, prefetch }: ModulePage): RouteObject {
  const handle = { page: Page, prefetch } satisfies Handle;
  if (permission === 'public') return { path, handle, element: suspended(<Page />) };
  return {
    path,
    handle,
    element: (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ),
  };
}

const pages = MODULES.flatMap((m): readonly ModulePage[] => m.pages);

export const routes: RouteObject[] = [
  { path: paths.login, handle: { page: LoginPage } satisfies Handle, element: suspended(<LoginPage />) },
  ...pages.filter((p) => p.permission === 'public').map(route),
  {
    // The shell is in the entry chunk: every page after login needs it, so it downloads with the entry.
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      ...pages.filter((p) => p.permission !== 'public').map(route),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * Starts everything the URL being opened needs at once: the session, the chunks of the layout and the
 * page, and the page's first data, instead of one after the other as React would ask for them.
 */
export function preloadRoute(qc: QueryClient, location: { pathname: string; search: string }) {
  void qc.prefetchQuery(meQuery);
  const search = new URLSearchParams(location.search);
  for (const match of matchRoutes(routes, location.pathname) ?? []) {
    const handle = match.route.handle as Handle | undefined;
    void handle?.page.preload();
    handle?.prefetch?.(qc, search);
  }
}

export const router = createBrowserRouter(routes);
