import { DashboardOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

/** The command dashboard: the first page of everyone who may read it (the menu's first entry). */
export const reports = defineModule({
  name: 'reports',
  pages: [
    {
      path: paths.dashboard,
      permission: 'reports.read',
      page: lazyPage(
        () => import('./pages/DashboardPage'),
        (m) => m.DashboardPage,
      ),
    },
  ],
  menu: [{ key: 'dashboard', label: 'menu.dashboard', icon: DashboardOutlined, path: paths.dashboard, permission: 'reports.read', order: 5, group: 'main' }],
  messages,
});
