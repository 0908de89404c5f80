import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/tables';
import { preparedFirst } from '../../db/prepared';

type Q = Kysely<Database> | Transaction<Database>;

/** Deletes the sessions that expired before `at` (a session is refused once expired; the row only takes space). */
export async function purgeExpiredSessions(k: Kysely<Database>, at: Date): Promise<number> {
  const res = await k.deleteFrom('sessions').where('expires_at', '<', at).executeTakeFirst();
  return Number(res.numDeletedRows);
}

// ---- sessions ------------------------------------------------------------------------------------------------

/** A session by its token's hash (on every uncached request). */
export function sessionByHash(db: Q, hash: string) {
  return preparedFirst(db, 'session_by_token', db.selectFrom('sessions').select(['csrf_token', 'expires_at', 'user_id']).where('token_hash', '=', hash));
}

/** Opens a session, and drops the user's expired ones. */
export async function openSession(trx: Transaction<Database>, row: { token_hash: string; user_id: string; csrf_token: string; ip: string; expires_at: Date }) {
  await trx.insertInto('sessions').values(row).execute();
  await trx.deleteFrom('sessions').where('user_id', '=', row.user_id).where('expires_at', '<', new Date()).execute();
}

export function deleteSession(trx: Q, hash: string) {
  return trx.deleteFrom('sessions').where('token_hash', '=', hash).execute();
}

export function deleteSessionsOf(trx: Q, userId: string) {
  return trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

// ---- login throttle ------------------------------------------------------------------------------------------

export function throttleOf(db: Q, account: string, address: string) {
  return db.selectFrom('login_throttle').select(['blocked_until']).where('account', '=', account).where('address', '=', address).executeTakeFirst();
}

/** One more failure of `account` from `address`: its failures and lockouts so far. */
export function addThrottleFailure(trx: Transaction<Database>, account: string, address: string) {
  return trx
    .insertInto('login_throttle')
    .values({ account, address, failures: 1 })
    .onConflict((oc) => oc.columns(['account', 'address']).doUpdateSet({ failures: sql`login_throttle.failures + 1`, last_failure_at: sql`now()` }))
    .returning(['failures', 'lockouts'])
    .executeTakeFirstOrThrow();
}

/** Shuts the address out of the account until `until`, its failures counted from zero again. */
export function lockThrottle(trx: Transaction<Database>, account: string, address: string, lockouts: number, until: Date) {
  return trx
    .updateTable('login_throttle')
    .set({ failures: 0, lockouts, blocked_until: until })
    .where('account', '=', account)
    .where('address', '=', address)
    .execute();
}

/** Rows of addresses that stopped trying two days ago and are not shut out. */
export function purgeThrottle(trx: Transaction<Database>) {
  return trx
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', sql<Date>`now() - interval '2 days'`)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', new Date())]))
    .execute();
}

export function clearThrottle(trx: Transaction<Database>, account: string, address: string) {
  return trx.deleteFrom('login_throttle').where('account', '=', account).where('address', '=', address).execute();
}
