import { BorderOuterOutlined, FileProtectOutlined, HeatMapOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import { vnDay } from '@domain/dates';
import { levelsBoardQuery } from './hooks/useLevels';
import * as messages from './messages';

/** Risk levels (board, map, decisions, a unit's history and inputs) and the measures in force. */
export const zones = defineModule({
  name: 'zones',
  pages: [
    {
      path: paths.levels,
      permission: 'zones.read',
      prefetch: (qc, search) => void qc.prefetchQuery(levelsBoardQuery(search.get('day') ?? vnDay())),
      page: lazyPage(
        () => import('./pages/LevelsPage'),
        (m) => m.LevelsPage,
      ),
    },
    {
      path: '/cap-do-dich/:code',
      permission: 'zones.read',
      page: lazyPage(
        () => import('./pages/UnitLevelPage'),
        (m) => m.UnitLevelPage,
      ),
    },
    {
      path: paths.measures,
      permission: 'zones.read',
      page: lazyPage(
        () => import('./pages/MeasuresPage'),
        (m) => m.MeasuresPage,
      ),
    },
    {
      path: paths.zones,
      permission: 'zones.lockdown',
      page: lazyPage(
        () => import('./pages/ZonesPage'),
        (m) => m.ZonesPage,
      ),
    },
    {
      path: '/vung-phong-toa/:id',
      permission: 'zones.lockdown',
      page: lazyPage(
        () => import('./pages/ZonePage'),
        (m) => m.ZonePage,
      ),
    },
  ],
  menu: [
    { key: 'levels', label: 'menu.levels', icon: HeatMapOutlined, path: paths.levels, permission: 'zones.read', order: 12, group: 'main' },
    { key: 'zones', label: 'menu.zones', icon: BorderOuterOutlined, path: paths.zones, permission: 'zones.lockdown', order: 16, group: 'main' },
    { key: 'measures', label: 'menu.measures', icon: FileProtectOutlined, path: paths.measures, permission: 'zones.read', order: 14, group: 'main' },
  ],
  messages,
});
