import { AlertOutlined, CheckSquareOutlined, ClusterOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

const ClusterPage = lazyPage(
  () => import('./pages/ClusterPage'),
  (m) => m.ClusterPage,
);

/** Cases and, until the web has its own tracing module, the tracing pages (follow-up, clusters). */
export const cases = defineModule({
  name: 'cases',
  pages: [
    {
      path: paths.cases,
      permission: 'cases.read',
      page: lazyPage(
        () => import('./pages/CasesPage'),
        (m) => m.CasesPage,
      ),
    },
    {
      path: '/ca-benh/them',
      permission: 'cases.write',
      page: lazyPage(
        () => import('./pages/CaseCreatePage'),
        (m) => m.CaseCreatePage,
      ),
    },
    {
      path: '/ca-benh/:id',
      permission: 'cases.read',
      page: lazyPage(
        () => import('./pages/CasePage'),
        (m) => m.CasePage,
      ),
    },
    {
      path: paths.followUp,
      permission: 'tracing.read',
      page: lazyPage(
        () => import('./pages/FollowUpPage'),
        (m) => m.FollowUpPage,
      ),
    },
    {
      path: paths.clusters,
      permission: 'tracing.read',
      page: lazyPage(
        () => import('./pages/ClustersPage'),
        (m) => m.ClustersPage,
      ),
    },
    { path: '/o-dich/:id', permission: 'tracing.read', page: ClusterPage },
    {
      path: paths.investigationQuality,
      permission: 'cases.read',
      page: lazyPage(
        () => import('./pages/InvestigationQualityPage'),
        (m) => m.InvestigationQualityPage,
      ),
    },
  ],
  menu: [
    { key: 'cases', label: 'menu.cases', icon: AlertOutlined, path: paths.cases, permission: 'cases.read', order: 30, group: 'main' },
    { key: 'followUp', label: 'menu.followUp', icon: FieldTimeOutlined, path: paths.followUp, permission: 'tracing.read', order: 40, group: 'main' },
    { key: 'clusters', label: 'menu.clusters', icon: ClusterOutlined, path: paths.clusters, permission: 'tracing.read', order: 50, group: 'main' },
    {
      key: 'investigationQuality',
      label: 'menu.investigationQuality',
      icon: CheckSquareOutlined,
      path: paths.investigationQuality,
      permission: 'cases.read',
      order: 60,
      group: 'main',
    },
  ],
  messages,
});
