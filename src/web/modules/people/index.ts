import { TeamOutlined } from '@ant-design/icons';
import { defineModule } from '@web/app/web-module';
import { lazyPage } from '@web/app/lazy-page';
import { paths } from '@web/app/paths';
import { personSearchQuery, searchParamsOf } from './hooks/usePeople';
import * as messages from './messages';

export const people = defineModule({
  name: 'people',
  pages: [
    {
      path: paths.people,
      permission: 'people.read',
      page: lazyPage(
        () => import('./pages/PeopleSearchPage'),
        (m) => m.PeopleSearchPage,
      ),
      prefetch: (qc, search) => void qc.prefetchQuery(personSearchQuery(searchParamsOf(search))),
    },
    {
      path: paths.newPerson,
      permission: 'people.write',
      page: lazyPage(
        () => import('./pages/PersonCreatePage'),
        (m) => m.PersonCreatePage,
      ),
    },
    {
      path: '/nguoi-dan/:id',
      permission: 'people.read',
      page: lazyPage(
        () => import('./pages/PersonDetailPage'),
        (m) => m.PersonDetailPage,
      ),
    },
    {
      path: '/nguoi-dan/:id/sua',
      permission: 'people.write',
      page: lazyPage(
        () => import('./pages/PersonEditPage'),
        (m) => m.PersonEditPage,
      ),
    },
    {
      path: paths.newHousehold,
      permission: 'people.write',
      page: lazyPage(
        () => import('./pages/HouseholdCreatePage'),
        (m) => m.HouseholdCreatePage,
      ),
    },
    {
      path: '/ho-gia-dinh/:id',
      permission: 'people.read',
      page: lazyPage(
        () => import('./pages/HouseholdPage'),
        (m) => m.HouseholdPage,
      ),
    },
  ],
  menu: [
    {
      key: 'people',
      label: 'menu.people',
      icon: TeamOutlined,
      path: paths.people,
      permission: 'people.read',
      order: 20,
      group: 'main',
      activeUnder: ['/ho-gia-dinh'],
    },
  ],
  messages,
});
