import { defineModule } from '../../platform/module';
import { peopleContract } from './contract';
import { peopleRoutes } from './routes';

/** The population register: persons and households, search, duplicates and merge, history. */
export const peopleModule = defineModule({
  contract: peopleContract,
  tables: ['persons', 'households'],
  routes: (s) => peopleRoutes(s.people),
  scope: {
    'POST /api/persons': {
      body: (ids) => ({
        fullName: 'Người Ngoài Phạm Vi',
        birthYear: 1990,
        sex: 'male',
        communeCode: ids.commune,
        phone: null,
        occupation: null,
        workplace: null,
        address: null,
      }),
    },
    'POST /api/persons/duplicates': { body: (ids) => ({ fullName: 'Trương Văn Bí Mật', birthYear: 1961, communeCode: ids.commune }) },
    'POST /api/persons/merge': { body: (ids) => ({ keepId: ids.person, mergeId: ids.other }) },
    'GET /api/persons/:id': { url: (ids) => `/api/persons/${ids.person}` },
    'GET /api/persons/:id/history': { url: (ids) => `/api/persons/${ids.person}/history` },
    'PATCH /api/persons/:id': { url: (ids) => `/api/persons/${ids.person}`, body: () => ({ version: 1, phone: '0912000111' }) },
    'POST /api/households': { body: (ids) => ({ address: '7 Lý Tự Trọng', communeCode: ids.commune, members: [] }) },
    'GET /api/households/:id': { url: (ids) => `/api/households/${ids.household}` },
    'PATCH /api/households/:id': { url: (ids) => `/api/households/${ids.household}`, body: () => ({ version: 1, address: 'Địa chỉ mới' }) },
  },
});
