import { ApiOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

export const tokens = defineModule({
  name: 'tokens',
  pages: [
    {
      path: paths.tokens,
      permission: 'tokens.manage',
      page: lazyPage(
        () => import('./pages/TokensPage'),
        (m) => m.TokensPage,
      ),
    },
  ],
  menu: [{ key: 'tokens', label: 'menu.tokens', icon: ApiOutlined, path: paths.tokens, permission: 'tokens.manage', order: 210, group: 'admin' }],
  messages,
});
