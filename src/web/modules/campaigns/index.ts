import { ExperimentOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

/** Mass-testing campaigns: the list, a campaign's rounds and progress, a day's plan, a team's work list on a phone. */
export const campaigns = defineModule({
  name: 'campaigns',
  pages: [
    {
      path: paths.campaigns,
      permission: 'campaigns.read',
      page: lazyPage(
        () => import('./pages/CampaignsPage'),
        (m) => m.CampaignsPage,
      ),
    },
    {
      path: '/chien-dich/:id',
      permission: 'campaigns.read',
      page: lazyPage(
        () => import('./pages/CampaignPage'),
        (m) => m.CampaignPage,
      ),
    },
    {
      path: '/chien-dich/ke-hoach/:id',
      permission: 'campaigns.read',
      page: lazyPage(
        () => import('./pages/PlanPage'),
        (m) => m.PlanPage,
      ),
    },
    {
      path: '/chien-dich/ke-hoach/:id/to/:teamId',
      permission: 'campaigns.work',
      page: lazyPage(
        () => import('./pages/WorkListPage'),
        (m) => m.WorkListPage,
      ),
    },
  ],
  menu: [
    { key: 'campaigns', label: 'menu.campaigns', icon: ExperimentOutlined, path: paths.campaigns, permission: 'campaigns.read', order: 66, group: 'main' },
  ],
  messages,
});
