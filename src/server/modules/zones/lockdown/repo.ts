import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../../db/tables';
import type { LockdownSuppliesTable, LockdownZonesTable } from '../../../db/lockdown-tables';

type Q = Kysely<Database> | Transaction<Database>;

export function insertZone(trx: Transaction<Database>, row: Insertable<LockdownZonesTable>) {
  return trx.insertInto('lockdown_zones').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertZoneHouseholds(trx: Transaction<Database>, zoneId: string, householdIds: string[]) {
  for (let i = 0; i < householdIds.length; i += 2_000)
    await trx
      .insertInto('lockdown_zone_households')
      .values(householdIds.slice(i, i + 2_000).map((household_id) => ({ zone_id: zoneId, household_id })))
      .execute();
}

export function zoneById(db: Q, id: string) {
  return db.selectFrom('lockdown_zones').selectAll().where('id', '=', id).executeTakeFirst();
}

export function zonesIn(db: Q, communes: string[] | null, status?: 'active' | 'lifted') {
  let q = db.selectFrom('lockdown_zones').selectAll().orderBy('started_on', 'desc').orderBy('name');
  if (communes) q = q.where('commune_code', '=', sql<string>`any(${communes}::text[])`);
  if (status) q = q.where('status', '=', status);
  return q.limit(500).execute();
}

export function householdsOfZone(db: Q, zoneId: string) {
  return db.selectFrom('lockdown_zone_households').select('household_id').where('zone_id', '=', zoneId).orderBy('household_id').execute();
}

export function householdCounts(db: Q, zoneIds: string[]) {
  return db
    .selectFrom('lockdown_zone_households')
    .select(['zone_id', sql<number>`count(*)::int`.as('n')])
    .where('zone_id', '=', sql<string>`any(${zoneIds}::uuid[])`)
    .groupBy('zone_id')
    .execute();
}

/** Of these households, those already in an active zone, with the zone's name. */
export function activeZonesOfHouseholds(db: Q, householdIds: string[]) {
  return db
    .selectFrom('lockdown_zone_households as h')
    .innerJoin('lockdown_zones as z', 'z.id', 'h.zone_id')
    .select(['h.household_id', 'z.id', 'z.name', 'z.started_on'])
    .where('h.active', '=', true)
    .where('h.household_id', '=', sql<string>`any(${householdIds}::uuid[])`)
    .execute();
}

/** The households of the active zones of these communes. */
export function lockedHouseholdsIn(db: Q, communes: string[]) {
  return db
    .selectFrom('lockdown_zone_households as h')
    .innerJoin('lockdown_zones as z', 'z.id', 'h.zone_id')
    .select('h.household_id')
    .where('h.active', '=', true)
    .where('z.status', '=', 'active')
    .where('z.commune_code', '=', sql<string>`any(${communes}::text[])`)
    .execute();
}

export function liftZone(trx: Transaction<Database>, id: string, version: number, changes: Updateable<LockdownZonesTable>) {
  return trx
    .updateTable('lockdown_zones')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
}

export function releaseHouseholds(trx: Transaction<Database>, zoneId: string) {
  return trx.updateTable('lockdown_zone_households').set({ active: false }).where('zone_id', '=', zoneId).execute();
}

export function insertSupply(trx: Transaction<Database>, row: Insertable<LockdownSuppliesTable>) {
  return trx.insertInto('lockdown_supplies').values(row).returningAll().executeTakeFirstOrThrow();
}

export function suppliesOf(db: Q, zoneId: string) {
  return db.selectFrom('lockdown_supplies').selectAll().where('zone_id', '=', zoneId).orderBy('delivered_on', 'desc').orderBy('created_at', 'desc').execute();
}
