import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, RuleSetsTable } from '../../db/tables';

type Q = Kysely<Database> | Transaction<Database>;

/** Every version, of one kind or all, by kind then newest first. */
export function listRuleSets(db: Q, kind?: string) {
  let q = db.selectFrom('rule_sets').selectAll();
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('version', 'desc').execute();
}

export function ruleSetById(db: Q, id: string) {
  return db.selectFrom('rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lastVersion(db: Q, kind: string): Promise<number> {
  const last = await db.selectFrom('rule_sets').select('version').where('kind', '=', kind).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return last?.version ?? 0;
}

export function versionOf(db: Q, kind: string, version: number) {
  return db.selectFrom('rule_sets').select('id').where('kind', '=', kind).where('version', '=', version).executeTakeFirst();
}

export function insertRuleSet(trx: Transaction<Database>, row: Insertable<RuleSetsTable>) {
  return trx.insertInto('rule_sets').values(row).returningAll().executeTakeFirstOrThrow();
}

export function activateRuleSet(trx: Transaction<Database>, id: string) {
  return trx.updateTable('rule_sets').set({ status: 'active', activated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
}
