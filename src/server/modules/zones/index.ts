import { vnDay } from '@domain/dates';
import { defineModule } from '../../platform/module';
import { zonesContract } from './contract';
import { zonesRoutes } from './routes';
import { lockdownRoutes } from './lockdown/routes';
import { boundaryRoutes } from './boundaries/routes';

/** Risk levels per commune, district and city (proposals, decisions, measures in force), lockdown zones, commune boundaries for the map. */
export const zonesModule = defineModule({
  contract: zonesContract,
  tables: [
    'risk_inputs',
    'risk_assessments',
    'risk_decisions',
    'lockdown_zones',
    'lockdown_zone_households',
    'lockdown_supplies',
    'boundary_imports',
    'unit_boundaries',
  ],
  routes: (s) => [...zonesRoutes(s.zones), ...lockdownRoutes(s.lockdown), ...boundaryRoutes(s.boundaries)],
  scope: {
    'POST /api/lockdown-zones': {
      body: (ids) => ({
        communeCode: ids.commune,
        name: 'Vùng do người ngoài khoanh',
        scopeKind: 'households',
        householdIds: [ids.household],
        reason: 'Thử',
        startedOn: '2021-09-08',
      }),
    },
    'GET /api/lockdown-zones/:id': { url: (ids) => `/api/lockdown-zones/${ids.zone}` },
    'GET /api/lockdown-zones/:id/residents': { url: (ids) => `/api/lockdown-zones/${ids.zone}/residents` },
    'POST /api/lockdown-zones/:id/supplies': {
      url: (ids) => `/api/lockdown-zones/${ids.zone}/supplies`,
      body: (ids) => ({ householdId: ids.household, deliveredOn: '2021-09-08', items: 'Gạo 10 kg', deliveredBy: 'Đoàn thanh niên' }),
    },
    'POST /api/lockdown-zones/:id/lift': {
      url: (ids) => `/api/lockdown-zones/${ids.zone}/lift`,
      body: () => ({ liftedOn: '2021-09-30', decisionNumber: '1/QĐ-UBND', signer: 'Người ngoài' }),
    },
  },
  jobs: [
    {
      name: 'zones.assess_daily',
      schedule: '0 6 * * *',
      summary: 'Đánh giá cấp độ dịch của mọi xã, huyện và thành phố cho ngày hôm nay (06:00; đổi bằng JOB_SCHEDULES)',
      run: async (s, at) => {
        const [report] = await s.zones.assess(null, vnDay(at));
        return { units: report.units };
      },
    },
  ],
});
