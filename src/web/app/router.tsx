import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import type { Permission } from '@domain/access';
import { PageSpinner } from '@web/ui/PageSpinner';
import { HomeRedirect } from './HomeRedirect';
import { lazyPage, type LazyPage } from './lazy-page';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth, RequirePermission } from './RequireAuth';

const AppLayout = lazyPage(() => import('./AppLayout'), (m) => m.AppLayout);
const LoginPage = lazyPage(() => import('./LoginPage'), (m) => m.LoginPage);
const GeographyPage = lazyPage(() => import('@web/modules/geography/pages/GeographyPage'), (m) => m.GeographyPage);
const PeopleSearchPage = lazyPage(() => import('@web/modules/people/pages/PeopleSearchPage'), (m) => m.PeopleSearchPage);
const PersonDetailPage = lazyPage(() => import('@web/modules/people/pages/PersonDetailPage'), (m) => m.PersonDetailPage);
const PersonCreatePage = lazyPage(() => import('@web/modules/people/pages/PersonCreatePage'), (m) => m.PersonCreatePage);
const PersonEditPage = lazyPage(() => import('@web/modules/people/pages/PersonEditPage'), (m) => m.PersonEditPage);
const HouseholdCreatePage = lazyPage(() => import('@web/modules/people/pages/HouseholdCreatePage'), (m) => m.HouseholdCreatePage);
const HouseholdPage = lazyPage(() => import('@web/modules/people/pages/HouseholdPage'), (m) => m.HouseholdPage);
const UsersPage = lazyPage(() => import('@web/modules/users/pages/UsersPage'), (m) => m.UsersPage);
const RuleSetsPage = lazyPage(() => import('@web/modules/rule-sets/pages/RuleSetsPage'), (m) => m.RuleSetsPage);
const RuleSetPage = lazyPage(() => import('@web/modules/rule-sets/pages/RuleSetPage'), (m) => m.RuleSetPage);
const AuditPage = lazyPage(() => import('@web/modules/audit/pages/AuditPage'), (m) => m.AuditPage);

interface Handle {
  page: LazyPage;
}

/** A page behind a permission; `handle.page` lets start-up fetch its chunk early. */
function guarded(path: string, permission: Permission, Page: LazyPage): RouteObject {
  return { path, handle: { page: Page } satisfies Handle, element: <RequirePermission permission={permission}><Page /></RequirePermission> };
}

function suspended(node: ReactNode) {
  return <Suspense fallback={<PageSpinner />}>{node}</Suspense>;
}

export const routes: RouteObject[] = [
  { path: '/dang-nhap', handle: { page: LoginPage } satisfies Handle, element: suspended(<LoginPage />) },
  {
    path: '/',
    handle: { page: AppLayout } satisfies Handle,
    element: <RequireAuth>{suspended(<AppLayout />)}</RequireAuth>,
    children: [
      { index: true, element: <HomeRedirect /> },
      guarded('dia-ban', 'geography.read', GeographyPage),
      guarded('dia-ban/:code', 'geography.read', GeographyPage),
      guarded('nguoi-dan', 'people.read', PeopleSearchPage),
      guarded('nguoi-dan/them', 'people.write', PersonCreatePage),
      guarded('nguoi-dan/:id', 'people.read', PersonDetailPage),
      guarded('nguoi-dan/:id/sua', 'people.write', PersonEditPage),
      guarded('ho-gia-dinh/them', 'people.write', HouseholdCreatePage),
      guarded('ho-gia-dinh/:id', 'people.read', HouseholdPage),
      guarded('quan-tri/nguoi-dung', 'users.manage', UsersPage),
      guarded('quan-tri/bo-quy-tac', 'rules.read', RuleSetsPage),
      guarded('quan-tri/bo-quy-tac/:id', 'rules.read', RuleSetPage),
      guarded('quan-tri/nhat-ky', 'audit.read', AuditPage),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Starts fetching the chunks of the pages a URL opens (the layout and the page), in parallel. */
export function preloadRoute(pathname: string) {
  for (const match of matchRoutes(routes, pathname) ?? []) void (match.route.handle as Handle | undefined)?.page.preload();
}

export const router = createBrowserRouter(routes);
