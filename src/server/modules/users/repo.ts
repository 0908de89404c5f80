import { sql, type Kysely, type Transaction, type Insertable, type Updateable } from 'kysely';
import type { Database, UsersTable } from '../../db/tables';

type Q = Kysely<Database> | Transaction<Database>;

export function listUsers(db: Q) {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

/** Active accounts of these roles whose scope holds any of `codes`, by name. */
export function activeUsersScopedTo(db: Q, roles: string[], codes: string[]) {
  return db.selectFrom('users').select(['full_name', 'agency', 'scope_units'])
    .where('disabled', '=', false).where('role', 'in', roles).where(sql<boolean>`scope_units && ${sql.val(codes)}::text[]`).orderBy('full_name').execute();
}

/** An account whose username is `username` (already lower case), ignoring case. */
export function userByUsernameCi(trx: Q, username: string) {
  return trx.selectFrom('users').select('id').where(sql`lower(username)`, '=', username).executeTakeFirst();
}

export function insertUser(trx: Transaction<Database>, row: Insertable<UsersTable>) {
  return trx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The administrators, row-locked until the end of the transaction. */
export function lockAdmins(trx: Transaction<Database>) {
  return trx.selectFrom('users').select('id').where('role', '=', 'system_admin').forUpdate().execute();
}

export function updateUser(trx: Transaction<Database>, id: string, changes: Updateable<UsersTable>) {
  return trx.updateTable('users').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function countActiveAdmins(trx: Q): Promise<number> {
  const r = await trx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'system_admin').where('disabled', '=', false).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** New password hash, failure count cleared; the number of rows updated (0: no such user). */
export async function setPassword(trx: Transaction<Database>, id: string, hash: string): Promise<bigint> {
  const res = await trx.updateTable('users').set({ password_hash: hash, failed_logins: 0, updated_at: new Date() }).where('id', '=', id).executeTakeFirst();
  return res.numUpdatedRows;
}

export async function countUsers(db: Q): Promise<number> {
  const r = await db.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return r.n;
}

/** What an API token needs of the accounts that issued it: name, role, scope, agency, whether disabled. */
export function issuersByIds(db: Q, ids: string[]) {
  return db.selectFrom('users').select(['id', 'username', 'role', 'scope_units', 'disabled', 'agency'])
    .where('id', '=', sql<string>`any(${ids}::uuid[])`).execute();
}
