import { defineModule } from '../../platform/module';
import { ruleSetsContract } from './contract';
import { ruleSetsRoutes } from './routes';

/** Versioned rule sets (classification, quarantine, testing…): the Vietnamese rules as data, in force by date. */
export const ruleSetsModule = defineModule({
  contract: ruleSetsContract,
  tables: ['rule_sets'],
  routes: (s) => ruleSetsRoutes(s.ruleSets),
});
