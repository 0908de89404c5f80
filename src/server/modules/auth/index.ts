import { defineModule } from '../../platform/module';
import { authContract } from './contract';
import { authRoutes } from './routes';
import { purgeExpiredSessions } from './repo';

/** Sign-in, sessions, the caller's own account (password change). */
export const authModule = defineModule({
  contract: authContract,
  tables: ['sessions', 'login_throttle'],
  routes: (s, config) => authRoutes(s.auth, config.COOKIE_SECURE),
  jobs: [
    {
      name: 'auth.purge_sessions',
      schedule: '15 3 * * *',
      summary: 'Xóa các phiên đăng nhập đã hết hạn (03:15 hằng ngày)',
      run: async (s, at) => ({ sessions: await purgeExpiredSessions(s.db.kysely, at) }),
    },
  ],
});
