import { vnDay } from '@domain/dates';
import { defineModule } from '../../platform/module';
import { testingContract } from './contract';
import { testingRoutes } from './routes';
import { fhirRoutes } from './fhir/routes';

/**
 * Testing: labs, sampling teams and sessions, tubes and household pools, shipments and lab intake, results (entry,
 * file import, the results API), deconvolution, conflicts, summaries and turnaround, the public lookup, FHIR.
 */
export const testingModule = defineModule({
  contract: testingContract,
  tables: [
    'test_types',
    'labs',
    'sampling_teams',
    'sampling_sessions',
    'shipments',
    'samples',
    'sample_members',
    'testing_tasks',
    'result_imports',
    'result_import_rows',
    'result_conflicts',
    'testing_daily',
    'pending_samples',
    'testing_backlog',
  ],
  routes: (s) => [...testingRoutes(s.testing, s.labIntake, s.resultLookup), ...fhirRoutes(s.fhir)],
  scope: {
    'GET /api/testing/sessions/:id': { url: (ids) => `/api/testing/sessions/${ids.session}` },
    'GET /api/testing/pool-plan': { url: (ids) => `/api/testing/pool-plan?householdId=${ids.household}` },
    'POST /api/testing/sessions/:id/samples': {
      url: (ids) => `/api/testing/sessions/${ids.session}/samples`,
      body: (ids) => ({ testType: 'rt_pcr_single', kind: 'single', members: [{ personId: ids.other }], barcodes: ['SC-0002'] }),
    },
    'GET /api/testing/samples/:barcode': { url: () => '/api/testing/samples/SC-0001' },
    'POST /api/testing/samples/:barcode/result': { url: () => '/api/testing/samples/SC-0001/result', body: () => ({ result: 'positive', ctValue: 20 }) },
    'POST /api/testing/lab-pools': { body: (ids) => ({ labId: ids.lab, barcode: 'LP-0001', memberBarcodes: ['SC-0001', 'SC-0002'] }) },
    'POST /api/testing/imports': { url: (ids) => `/api/testing/imports?labId=${ids.lab}` },
    'POST /api/testing/results': {
      body: (ids) => ({
        labId: ids.lab,
        reference: 'LIS-1',
        rows: [{ barcode: 'SC-0001', result: 'positive', ctValue: 20, resultedAt: new Date().toISOString() }],
      }),
    },
    'POST /api/testing/conflicts/:id': { url: (ids) => `/api/testing/conflicts/${ids.conflict}`, body: () => ({ decision: 'accept' }) },
    'GET /api/fhir/Observation': { url: () => `/api/fhir/Observation?date=${vnDay()}` },
    'GET /api/fhir/Observation/:id': { url: (ids) => `/api/fhir/Observation/${ids.observation}` },
  },
});
