import { Suspense, type ReactNode } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { Permission } from '@domain/access';
import { personSearchQuery, searchParamsOf } from '@web/modules/people/hooks/usePeople';
import { PageSpinner } from '@web/ui/PageSpinner';
import { AppLayout } from './AppLayout';
import { meQuery } from './AuthProvider';
import { HomeRedirect } from './HomeRedirect';
import { lazyPage, type LazyPage } from './lazy-page';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth, RequirePermission } from './RequireAuth';

const LoginPage = lazyPage(() => import('./LoginPage'), (m) => m.LoginPage);
const GeographyPage = lazyPage(() => import('@web/modules/geography/pages/GeographyPage'), (m) => m.GeographyPage);
const PeopleSearchPage = lazyPage(() => import('@web/modules/people/pages/PeopleSearchPage'), (m) => m.PeopleSearchPage);
const PersonDetailPage = lazyPage(() => import('@web/modules/people/pages/PersonDetailPage'), (m) => m.PersonDetailPage);
const PersonCreatePage = lazyPage(() => import('@web/modules/people/pages/PersonCreatePage'), (m) => m.PersonCreatePage);
const PersonEditPage = lazyPage(() => import('@web/modules/people/pages/PersonEditPage'), (m) => m.PersonEditPage);
const HouseholdCreatePage = lazyPage(() => import('@web/modules/people/pages/HouseholdCreatePage'), (m) => m.HouseholdCreatePage);
const HouseholdPage = lazyPage(() => import('@web/modules/people/pages/HouseholdPage'), (m) => m.HouseholdPage);
const CasesPage = lazyPage(() => import('@web/modules/cases/pages/CasesPage'), (m) => m.CasesPage);
const CaseCreatePage = lazyPage(() => import('@web/modules/cases/pages/CaseCreatePage'), (m) => m.CaseCreatePage);
const CasePage = lazyPage(() => import('@web/modules/cases/pages/CasePage'), (m) => m.CasePage);
const FollowUpPage = lazyPage(() => import('@web/modules/cases/pages/FollowUpPage'), (m) => m.FollowUpPage);
const ClustersPage = lazyPage(() => import('@web/modules/cases/pages/ClustersPage'), (m) => m.ClustersPage);
const ClusterPage = lazyPage(() => import('@web/modules/cases/pages/ClusterPage'), (m) => m.ClusterPage);
const InvestigationQualityPage = lazyPage(() => import('@web/modules/cases/pages/InvestigationQualityPage'), (m) => m.InvestigationQualityPage);
const SessionsPage = lazyPage(() => import('@web/modules/testing/pages/SessionsPage'), (m) => m.SessionsPage);
const SessionPage = lazyPage(() => import('@web/modules/testing/pages/SessionPage'), (m) => m.SessionPage);
const TasksPage = lazyPage(() => import('@web/modules/testing/pages/TasksPage'), (m) => m.TasksPage);
const LabPage = lazyPage(() => import('@web/modules/testing/pages/LabPage'), (m) => m.LabPage);
const LabsPage = lazyPage(() => import('@web/modules/testing/pages/LabsPage'), (m) => m.LabsPage);
const TestingSummaryPage = lazyPage(() => import('@web/modules/testing/pages/TestingSummaryPage'), (m) => m.TestingSummaryPage);
const OverdueSamplesPage = lazyPage(() => import('@web/modules/testing/pages/OverdueSamplesPage'), (m) => m.OverdueSamplesPage);
const ResultImportPage = lazyPage(() => import('@web/modules/testing/pages/ResultImportPage'), (m) => m.ResultImportPage);
const ResultConflictsPage = lazyPage(() => import('@web/modules/testing/pages/ResultConflictsPage'), (m) => m.ResultConflictsPage);
const ResultLookupPage = lazyPage(() => import('@web/modules/testing/pages/ResultLookupPage'), (m) => m.ResultLookupPage);
const UsersPage = lazyPage(() => import('@web/modules/users/pages/UsersPage'), (m) => m.UsersPage);
const TokensPage = lazyPage(() => import('@web/modules/tokens/pages/TokensPage'), (m) => m.TokensPage);
const RuleSetsPage = lazyPage(() => import('@web/modules/rule-sets/pages/RuleSetsPage'), (m) => m.RuleSetsPage);
const RuleSetPage = lazyPage(() => import('@web/modules/rule-sets/pages/RuleSetPage'), (m) => m.RuleSetPage);
const AuditPage = lazyPage(() => import('@web/modules/audit/pages/AuditPage'), (m) => m.AuditPage);

interface Handle {
  page: LazyPage;
  /** The data the page asks for first, fetched at start-up in parallel with its chunk. */
  prefetch?(qc: QueryClient, search: URLSearchParams): void;
}

/** A page behind a permission; `handle` lets start-up fetch its chunk (and first data) early. */
function guarded(path: string, permission: Permission, Page: LazyPage, prefetch?: Handle['prefetch']): RouteObject {
  return { path, handle: { page: Page, prefetch } satisfies Handle, element: <RequirePermission permission={permission}><Page /></RequirePermission> };
}

function suspended(node: ReactNode) {
  return <Suspense fallback={<PageSpinner />}>{node}</Suspense>;
}

export const routes: RouteObject[] = [
  { path: '/dang-nhap', handle: { page: LoginPage } satisfies Handle, element: suspended(<LoginPage />) },
  // Public: a person looks up their own result without an account.
  { path: '/tra-cuu-ket-qua', handle: { page: ResultLookupPage } satisfies Handle, element: suspended(<ResultLookupPage />) },
  {
    // The shell is in the entry chunk: every page after login needs it, so it downloads with the entry.
    path: '/',
    element: <RequireAuth><AppLayout /></RequireAuth>,
    children: [
      { index: true, element: <HomeRedirect /> },
      guarded('dia-ban', 'geography.read', GeographyPage),
      guarded('dia-ban/:code', 'geography.read', GeographyPage),
      guarded('nguoi-dan', 'people.read', PeopleSearchPage, (qc, search) => void qc.prefetchQuery(personSearchQuery(searchParamsOf(search)))),
      guarded('nguoi-dan/them', 'people.write', PersonCreatePage),
      guarded('nguoi-dan/:id', 'people.read', PersonDetailPage),
      guarded('nguoi-dan/:id/sua', 'people.write', PersonEditPage),
      guarded('ho-gia-dinh/them', 'people.write', HouseholdCreatePage),
      guarded('ho-gia-dinh/:id', 'people.read', HouseholdPage),
      guarded('ca-benh', 'cases.read', CasesPage),
      guarded('ca-benh/them', 'cases.write', CaseCreatePage),
      guarded('ca-benh/:id', 'cases.read', CasePage),
      guarded('theo-doi', 'tracing.read', FollowUpPage),
      guarded('o-dich', 'tracing.read', ClustersPage),
      guarded('o-dich/:id', 'tracing.read', ClusterPage),
      guarded('chat-luong-dieu-tra', 'cases.read', InvestigationQualityPage),
      guarded('xet-nghiem/lay-mau', 'testing.read', SessionsPage),
      guarded('xet-nghiem/lay-mau/:id', 'testing.read', SessionPage),
      guarded('xet-nghiem/nhiem-vu', 'testing.read', TasksPage),
      guarded('xet-nghiem/phong-xet-nghiem', 'testing.lab', LabPage),
      guarded('xet-nghiem/phong-xet-nghiem/danh-muc', 'testing.manage', LabsPage),
      guarded('xet-nghiem/tong-hop', 'testing.summary', TestingSummaryPage),
      guarded('xet-nghiem/qua-han', 'testing.read', OverdueSamplesPage),
      guarded('xet-nghiem/nhap-ket-qua', 'testing.lab', ResultImportPage),
      guarded('xet-nghiem/ket-qua-khac-nhau', 'testing.lab', ResultConflictsPage),
      guarded('quan-tri/nguoi-dung', 'users.manage', UsersPage),
      guarded('quan-tri/khoa-api', 'tokens.manage', TokensPage),
      guarded('quan-tri/bo-quy-tac', 'rules.read', RuleSetsPage),
      guarded('quan-tri/bo-quy-tac/:id', 'rules.read', RuleSetPage),
      guarded('quan-tri/nhat-ky', 'audit.read', AuditPage),
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
