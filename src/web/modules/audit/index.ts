import { AuditOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import * as messages from './messages';

export const audit = defineModule({
  name: 'audit',
  pages: [
    {
      path: paths.audit,
      permission: 'audit.read',
      page: lazyPage(
        () => import('./pages/AuditPage'),
        (m) => m.AuditPage,
      ),
    },
  ],
  menu: [{ key: 'audit', label: 'menu.audit', icon: AuditOutlined, path: paths.audit, permission: 'audit.read', order: 240, group: 'admin' }],
  messages,
});
