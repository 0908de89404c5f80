import { defineModule } from '../../platform/module';
import { authContract } from './contract';
import { authRoutes } from './routes';

/** Sign-in, sessions, the caller's own account (password change). */
export const authModule = defineModule({
  contract: authContract,
  tables: ['sessions', 'login_throttle'],
  routes: (s, config) => authRoutes(s.auth, config.COOKIE_SECURE),
});
