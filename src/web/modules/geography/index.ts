import { EnvironmentOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

const GeographyPage = lazyPage(
  () => import('./pages/GeographyPage'),
  (m) => m.GeographyPage,
);

export const geography = defineModule({
  name: 'geography',
  pages: [
    { path: paths.geography, permission: 'geography.read', page: GeographyPage },
    { path: '/dia-ban/:code', permission: 'geography.read', page: GeographyPage },
  ],
  menu: [
    { key: 'geography', label: 'menu.geography', icon: EnvironmentOutlined, path: paths.geography, permission: 'geography.read', order: 10, group: 'main' },
  ],
  messages,
});
