import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, AdminUnitsTable } from '../../db/tables';

type Q = Kysely<Database> | Transaction<Database>;

export function allUnits(db: Q) {
  return db.selectFrom('admin_units').selectAll().orderBy('code').execute();
}

export function unitByCode(db: Q, code: string) {
  return db.selectFrom('admin_units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Inserts units that are not there yet; returns how many were new. */
export async function insertUnits(db: Q, rows: AdminUnitsTable[]): Promise<number> {
  if (rows.length === 0) return 0;
  const res = await db
    .insertInto('admin_units')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

export function hamletsOf(db: Q, communeCode: string) {
  return db.selectFrom('admin_units').selectAll().where('parent_code', '=', communeCode).where('level', '=', 'hamlet').execute();
}

export function updateHamlet(db: Q, code: string, name: string, nameFolded: string, type: string) {
  return db.updateTable('admin_units').set({ name, name_folded: nameFolded, type }).where('code', '=', code).execute();
}

/** Latest population row of a unit (the most recent as_of, real counts before synthetic ones). */
export function latestPopulation(db: Q, unitCode: string) {
  return db
    .selectFrom('population')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .orderBy('as_of', 'desc')
    .orderBy('synthetic', 'asc')
    .limit(1)
    .executeTakeFirst();
}

/** Latest population of each child unit of a parent. */
export function childPopulations(db: Q, parentCode: string) {
  return db
    .selectFrom('population as p')
    .innerJoin('admin_units as u', 'u.code', 'p.unit_code')
    .where('u.parent_code', '=', parentCode)
    .select(['p.unit_code', 'p.count', 'p.households', 'p.as_of', 'p.synthetic'])
    .distinctOn('p.unit_code')
    .orderBy('p.unit_code')
    .orderBy('p.as_of', 'desc')
    .orderBy('p.synthetic', 'asc')
    .execute();
}

export interface PopulationRow {
  unit_code: string;
  as_of: string;
  source: string;
  count: number;
  households: number | null;
  synthetic: boolean;
}

export function upsertPopulation(db: Q, row: PopulationRow) {
  return db
    .insertInto('population')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_code', 'as_of', 'source']).doUpdateSet({ count: row.count, households: row.households, synthetic: row.synthetic }))
    .execute();
}

export function deleteSyntheticPopulation(db: Q) {
  return db.deleteFrom('population').where('synthetic', '=', true).execute();
}

/** Each unit's population on a day: the latest count dated on or before it, else the earliest after it (real counts before synthetic ones). */
export function populationsOn(db: Q, codes: string[], day: string) {
  return db
    .selectFrom('population')
    .select(['unit_code', 'count'])
    .distinctOn('unit_code')
    .where('unit_code', '=', sql<string>`any(${codes}::text[])`)
    .orderBy('unit_code')
    .orderBy(sql`as_of <= ${day}`, 'desc')
    .orderBy(sql`case when as_of <= ${day} then as_of end`, 'desc')
    .orderBy('as_of', 'asc')
    .orderBy('synthetic', 'asc')
    .execute();
}
