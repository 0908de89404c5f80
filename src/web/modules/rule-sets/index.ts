import { SolutionOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

export const ruleSets = defineModule({
  name: 'rule-sets',
  pages: [
    {
      path: paths.ruleSets,
      permission: 'rules.read',
      page: lazyPage(
        () => import('./pages/RuleSetsPage'),
        (m) => m.RuleSetsPage,
      ),
    },
    {
      path: '/quan-tri/bo-quy-tac/:id',
      permission: 'rules.read',
      page: lazyPage(
        () => import('./pages/RuleSetPage'),
        (m) => m.RuleSetPage,
      ),
    },
  ],
  menu: [{ key: 'ruleSets', label: 'menu.ruleSets', icon: SolutionOutlined, path: paths.ruleSets, permission: 'rules.read', order: 220, group: 'admin' }],
  messages,
});
