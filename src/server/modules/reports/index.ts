import { defineModule } from '../../platform/module';
import { reportsContract } from './contract';
import { reportsRoutes } from './routes';
import type { DashboardService } from './service';

export interface ReportsServices {
  dashboard: DashboardService;
}

/** The command dashboard: the day's situation in the user's scope, from the daily rollups the other modules keep. */
export const reportsModule = defineModule({
  contract: reportsContract,
  tables: [],
  routes: (s) => reportsRoutes(s.reports.dashboard),
  scope: {},
});
