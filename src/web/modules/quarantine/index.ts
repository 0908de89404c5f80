import { HomeOutlined, InsertRowAboveOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import { boardQuery } from './hooks/useQuarantine';
import * as messages from './messages';

/** Quarantine and treatment: the occupancy board, a facility's rooms and cohorts, admission, home care, the public certificate check. */
export const quarantine = defineModule({
  name: 'quarantine',
  pages: [
    {
      path: paths.quarantine,
      permission: 'quarantine.read',
      prefetch: (qc) => void qc.prefetchQuery(boardQuery()),
      page: lazyPage(
        () => import('./pages/BoardPage'),
        (m) => m.BoardPage,
      ),
    },
    {
      path: '/cach-ly/co-so/:id',
      permission: 'quarantine.stays',
      page: lazyPage(
        () => import('./pages/FacilityPage'),
        (m) => m.FacilityPage,
      ),
    },
    {
      path: '/cach-ly/tiep-nhan',
      permission: 'quarantine.stays',
      page: lazyPage(
        () => import('./pages/AdmissionPage'),
        (m) => m.AdmissionPage,
      ),
    },
    {
      path: paths.homeCare,
      permission: 'quarantine.stays',
      page: lazyPage(
        () => import('./pages/HomeCarePage'),
        (m) => m.HomeCarePage,
      ),
    },
    // Whoever holds a certificate's paper checks it from its QR code, without an account.
    {
      path: '/xac-minh-giay/:token',
      permission: 'public',
      page: lazyPage(
        () => import('./pages/CertificateCheckPage'),
        (m) => m.CertificateCheckPage,
      ),
    },
  ],
  menu: [
    {
      key: 'quarantine',
      label: 'menu.quarantine',
      icon: InsertRowAboveOutlined,
      path: paths.quarantine,
      permission: 'quarantine.read',
      order: 62,
      group: 'main',
    },
    { key: 'homeCare', label: 'menu.homeCare', icon: HomeOutlined, path: paths.homeCare, permission: 'quarantine.stays', order: 64, group: 'main' },
  ],
  messages,
});
