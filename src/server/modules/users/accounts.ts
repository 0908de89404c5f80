import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/tables';
import * as repo from './repo';

/**
 * What signing in needs of the accounts, which the users module owns: the auth module reads and marks them
 * through this (it needs nothing else of users, and users' service needs auth to end sessions).
 */
export class UserAccounts {
  constructor(private readonly db: Kysely<Database>) {}

  /** The account with this username (lower case), with its password hash and failure count. */
  byUsername = (account: string) => repo.accountByUsername(this.db, account);
  /** What a session stands for now: name, role, scope, agency, whether disabled. */
  ofSession = (id: string) => repo.sessionAccount(this.db, id);
  passwordHash = (id: string) => repo.passwordHashOf(this.db, id);
  loginFailed = (trx: Transaction<Database>, id: string) => repo.addLoginFailure(trx, id);
  loginSucceeded = (trx: Transaction<Database>, id: string) => repo.clearLoginFailures(trx, id);
  setPasswordHash = (trx: Transaction<Database>, id: string, hash: string) => repo.setPasswordHash(trx, id, hash);
}
