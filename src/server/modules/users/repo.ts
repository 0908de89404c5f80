import { sql, type Kysely, type Transaction, type Insertable, type Updateable } from 'kysely';
import type { Database, UsersTable } from '../../db/tables';
import { preparedFirst } from '../../db/prepared';

type Q = Kysely<Database> | Transaction<Database>;

export function listUsers(db: Q) {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

/** Active accounts of these roles whose scope holds any of `codes`, by name. */
export function activeUsersScopedTo(db: Q, roles: string[], codes: string[]) {
  return db
    .selectFrom('users')
    .select(['full_name', 'agency', 'scope_units'])
    .where('disabled', '=', false)
    .where('role', 'in', roles)
    .where(sql<boolean>`scope_units && ${sql.val(codes)}::text[]`)
    .orderBy('full_name')
    .execute();
}

export function insertUser(trx: Transaction<Database>, row: Insertable<UsersTable>) {
  return trx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The administrators, row-locked until the end of the transaction. */
export function lockAdmins(trx: Transaction<Database>) {
  return trx.selectFrom('users').select('id').where('role', '=', 'system_admin').forUpdate().execute();
}

export function updateUser(trx: Transaction<Database>, id: string, changes: Updateable<UsersTable>) {
  return trx
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function countActiveAdmins(trx: Q): Promise<number> {
  const r = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'system_admin')
    .where('disabled', '=', false)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** New password hash, failure count cleared; the number of rows updated (0: no such user). */
export async function setPassword(trx: Transaction<Database>, id: string, hash: string): Promise<bigint> {
  const res = await trx.updateTable('users').set({ password_hash: hash, failed_logins: 0, updated_at: new Date() }).where('id', '=', id).executeTakeFirst();
  return res.numUpdatedRows;
}

export async function countUsers(db: Q): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** What an API token needs of the accounts that issued it: name, role, scope, agency, whether disabled. */
export function issuersByIds(db: Q, ids: string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'scope_units', 'disabled', 'agency'])
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}

// ---- what signing in needs (auth reads accounts through UserAccounts) -------------------------------------------

/** An account by username, already lower case, ignoring case; with its password hash. */
export function accountByUsername(db: Q, account: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', account)
    .executeTakeFirst();
}

/** What a session stands for: the account's name, role, scope, agency and whether disabled (on every uncached request). */
export function sessionAccount(db: Q, id: string) {
  return preparedFirst(
    db,
    'session_account',
    db.selectFrom('users').select(['id', 'username', 'full_name', 'role', 'scope_units', 'agency', 'disabled']).where('id', '=', id),
  );
}

export async function passwordHashOf(db: Q, id: string): Promise<string> {
  return (await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;
}

export function addLoginFailure(trx: Transaction<Database>, id: string) {
  return trx
    .updateTable('users')
    .set({ failed_logins: sql`failed_logins + 1` })
    .where('id', '=', id)
    .execute();
}

export function clearLoginFailures(trx: Transaction<Database>, id: string) {
  return trx.updateTable('users').set({ failed_logins: 0 }).where('id', '=', id).execute();
}

export function setPasswordHash(trx: Transaction<Database>, id: string, hash: string) {
  return trx.updateTable('users').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', id).execute();
}
