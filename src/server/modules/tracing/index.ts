import { defineModule } from '../../platform/module';
import { tracingContract } from './contract';
import { tracingRoutes } from './routes';

const exposure = { startAt: '2021-09-05T08:00:00+07:00', endAt: '2021-09-05T09:00:00+07:00', contactType: 'unmasked', setting: 'household' };

/** Contact tracing: exposures, F0/F1/F2 classification, follow-up lists, contact lists and import, chains, places and clusters. */
export const tracingModule = defineModule({
  contract: tracingContract,
  tables: ['exposures', 'classifications', 'places', 'clusters'],
  routes: (s) => tracingRoutes(s.tracing, s.clusters),
  scope: {
    'POST /api/exposures': { body: (ids) => ({ sourcePersonId: ids.person, exposedPersonId: ids.other, ...exposure }) },
    'GET /api/persons/:id/classification': { url: (ids) => `/api/persons/${ids.person}/classification` },
    'GET /api/follow-up': { url: (ids) => `/api/follow-up?commune=${ids.commune}&date=2021-09-07` },
    'POST /api/cases/:id/contacts': {
      url: (ids) => `/api/cases/${ids.case}/contacts`,
      body: (ids) => ({ rows: [{ fullName: 'Người Lạ', birthYear: 1990, sex: 'male', communeCode: ids.commune, ...exposure }] }),
    },
    'GET /api/cases/:id/contacts': { url: (ids) => `/api/cases/${ids.case}/contacts` },
    'GET /api/cases/:id/chain': { url: (ids) => `/api/cases/${ids.case}/chain` },
    'POST /api/clusters': { body: (ids) => ({ indexCaseId: ids.case, name: 'Ổ dịch do người ngoài đặt' }) },
    'GET /api/clusters/:id': { url: (ids) => `/api/clusters/${ids.cluster}` },
  },
});
