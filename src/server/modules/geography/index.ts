import { defineModule } from '../../platform/module';
import { geographyContract } from './contract';
import { geographyRoutes } from './routes';

/** Administrative units (province → district → commune → hamlet), their population, and counts by unit. */
export const geographyModule = defineModule({
  contract: geographyContract,
  tables: ['admin_units', 'population'],
  routes: (s) => geographyRoutes(s.geography, s.people),
});
