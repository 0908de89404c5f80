import { vnDay } from '@domain/dates';
import { defineModule } from '../../platform/module';
import { zonesContract } from './contract';
import { zonesRoutes } from './routes';

/** Risk levels per commune, district and city (proposals, decisions, measures in force). */
export const zonesModule = defineModule({
  contract: zonesContract,
  tables: ['risk_inputs', 'risk_assessments', 'risk_decisions'],
  routes: (s) => zonesRoutes(s.zones),
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
