import { defineModule } from '../../platform/module';
import { usersContract } from './contract';
import { usersRoutes } from './routes';

/** Accounts: roles and scope (the units a user sees), by administrators. */
export const usersModule = defineModule({
  contract: usersContract,
  tables: ['users'],
  routes: (s) => usersRoutes(s.users),
});
