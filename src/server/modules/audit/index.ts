import { defineModule } from '../../platform/module';
import { auditContract } from './contract';
import { auditRoutes } from './routes';

/** The hash-chained access log (written by platform/audit.ts for every module) and its search and verification. */
export const auditModule = defineModule({
  contract: auditContract,
  tables: ['audit_log'],
  routes: (s) => auditRoutes(s.db.kysely, s.audit),
});
