import { defineModule } from '../../platform/module';
import type { CertificatesService } from './certificates';
import type { HomeCareService } from './care';
import { quarantineContract } from './contract';
import type { FacilitiesService } from './facilities';
import { quarantineRoutes } from './routes';
import type { StaysService } from './stays';

export interface QuarantineServices {
  facilities: FacilitiesService;
  stays: StaysService;
  care: HomeCareService;
  certificates: CertificatesService;
}

/** Quarantine sites and treatment facilities, rooms and cohorts, stays, home care, release certificates, occupancy. */
export const quarantineModule = defineModule({
  contract: quarantineContract,
  tables: [
    'quarantine_facilities',
    'quarantine_facility_staff',
    'quarantine_rooms',
    'quarantine_stays',
    'quarantine_events',
    'quarantine_tasks',
    'quarantine_checks',
    'quarantine_day_counts',
    'quarantine_deliveries',
    'quarantine_certificate_serials',
  ],
  routes: (s) => quarantineRoutes(s.quarantine),
  scope: {
    'GET /api/quarantine/facilities/:id': { url: (ids) => `/api/quarantine/facilities/${ids.facility}` },
    'POST /api/quarantine/stays': {
      body: (ids) => ({ personId: ids.other, reason: 'f1', vaccination: 'none', setting: 'facility', roomId: ids.room, admittedOn: '2021-09-21' }),
    },
    'GET /api/quarantine/stays/:id': { url: (ids) => `/api/quarantine/stays/${ids.stay}` },
    'POST /api/quarantine/stays/:id/transfer': {
      url: (ids) => `/api/quarantine/stays/${ids.stay}/transfer`,
      body: (ids) => ({ day: '2021-09-08', roomId: ids.room }),
    },
    'POST /api/quarantine/stays/:id/release': {
      url: (ids) => `/api/quarantine/stays/${ids.stay}/release`,
      body: () => ({ day: '2021-09-30', signer: 'Người ngoài' }),
    },
    'POST /api/quarantine/stays/:id/absence': {
      url: (ids) => `/api/quarantine/stays/${ids.stay}/absence`,
      body: () => ({ day: '2021-09-08', note: 'Vắng nhà', returned: true }),
    },
    'POST /api/quarantine/stays/:id/checks': {
      url: (ids) => `/api/quarantine/stays/${ids.stay}/checks`,
      body: () => ({ day: '2021-09-08', temperature: 37.2, spo2: 98, reportedBy: 'family' }),
    },
    'GET /api/quarantine/stays/:id/certificate': { url: (ids) => `/api/quarantine/stays/${ids.released}/certificate?format=docx` },
    'GET /api/quarantine/rooms/:id/certificates': { url: (ids) => `/api/quarantine/rooms/${ids.room}/certificates?day=2021-09-20` },
    'POST /api/quarantine/tasks/:id/done': { url: (ids) => `/api/quarantine/tasks/${ids.task}` + '/done' },
  },
});
