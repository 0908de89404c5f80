import { defineModule } from '../../platform/module';
import { tokensContract } from './contract';
import { tokensRoutes } from './routes';

/** API tokens for other systems (national platform, lab software): issued, narrowed, revoked, every use audited. */
export const tokensModule = defineModule({
  contract: tokensContract,
  tables: ['api_tokens'],
  routes: (s) => tokensRoutes(s.tokens),
});
