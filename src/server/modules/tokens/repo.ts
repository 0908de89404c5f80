import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ApiTokensTable, Database } from '../../db/tables';

export type TokenRow = Selectable<ApiTokensTable>;

export function insertToken(trx: Transaction<Database>, row: Omit<TokenRow, 'created_at' | 'revoked_at' | 'revoked_by' | 'last_used_at'>) {
  return trx.insertInto('api_tokens').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listTokens(db: Kysely<Database>) {
  return db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
}

export function revokeToken(trx: Transaction<Database>, id: string, by: string) {
  return trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date(), revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function tokenById(db: Kysely<Database>, id: string) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export function tokenByHash(db: Kysely<Database>, hash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export function touchToken(db: Kysely<Database>, id: string) {
  return db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute();
}
