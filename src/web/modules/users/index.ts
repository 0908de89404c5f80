import { UserOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

export const users = defineModule({
  name: 'users',
  pages: [
    {
      path: paths.users,
      permission: 'users.manage',
      page: lazyPage(
        () => import('./pages/UsersPage'),
        (m) => m.UsersPage,
      ),
    },
  ],
  menu: [{ key: 'users', label: 'menu.users', icon: UserOutlined, path: paths.users, permission: 'users.manage', order: 200, group: 'admin' }],
  messages,
});
