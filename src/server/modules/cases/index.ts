import { defineModule } from '../../platform/module';
import { casesContract } from './contract';
import { casesRoutes } from './routes';

/** Cases (F0): notification, outcome, withdrawal, the line list and its export, the epidemiological investigation. */
export const casesModule = defineModule({
  contract: casesContract,
  tables: ['cases', 'case_code_counters', 'investigations', 'cases_daily'],
  routes: (s) => casesRoutes(s.cases, s.investigations),
  scope: {
    'POST /api/cases': {
      body: (ids) => ({ personId: ids.other, confirmedOn: '2021-09-08', confirmingTest: 'PCR-2', detectedIn: 'community', sampledOn: '2021-09-08' }),
    },
    'GET /api/cases/:id': { url: (ids) => `/api/cases/${ids.case}` },
    'PATCH /api/cases/:id': { url: (ids) => `/api/cases/${ids.case}`, body: () => ({ version: 1, outcome: 'died', outcomeOn: '2021-09-20' }) },
    'POST /api/cases/:id/withdraw': { url: (ids) => `/api/cases/${ids.case}/withdraw`, body: () => ({ reason: 'Thử rút ca bệnh', version: 1 }) },
    'GET /api/cases/:id/investigation': { url: (ids) => `/api/cases/${ids.case}/investigation` },
    'PUT /api/cases/:id/investigation': { url: (ids) => `/api/cases/${ids.case}/investigation`, body: () => ({ data: { occupation: 'ghi đè' }, version: 0 }) },
  },
});
