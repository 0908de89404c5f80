import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../db/tables';
import type { QuarantineFacilitiesTable, QuarantineStaysTable, QuarantineTaskKind } from '../../db/quarantine-tables';

type Q = Kysely<Database> | Transaction<Database>;

// ---- facilities and rooms ----------------------------------------------------------------------------------------

export function insertFacility(trx: Q, row: Insertable<QuarantineFacilitiesTable>) {
  return trx.insertInto('quarantine_facilities').values(row).returningAll().executeTakeFirstOrThrow();
}

export function insertRooms(trx: Q, rows: Insertable<Database['quarantine_rooms']>[]) {
  return rows.length ? trx.insertInto('quarantine_rooms').values(rows).returningAll().execute() : Promise.resolve([]);
}

export function facilityById(db: Q, id: string, lock = false) {
  let q = db.selectFrom('quarantine_facilities').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The facilities of a province, or only those listed (a facility's staff). */
export function facilities(db: Q, provinceCodes: string[], only?: string[]) {
  let q = db
    .selectFrom('quarantine_facilities')
    .selectAll()
    .where('province_code', 'in', provinceCodes.length ? provinceCodes : ['']);
  if (only) q = q.where('id', 'in', only.length ? only : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('kind').orderBy('tier').orderBy('name').execute();
}

export function updateFacility(trx: Q, id: string, patch: Updateable<QuarantineFacilitiesTable>) {
  return trx
    .updateTable('quarantine_facilities')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Adds to a facility's bed and occupancy counters; an open facility is full when every bed is taken, open again when one frees. */
export function bumpFacility(trx: Q, id: string, d: { beds?: number; occupied?: number }) {
  return trx
    .updateTable('quarantine_facilities')
    .set({
      beds: sql`beds + ${d.beds ?? 0}`,
      occupied: sql`occupied + ${d.occupied ?? 0}`,
      status: sql`case when status = 'closed' then 'closed' when occupied + ${d.occupied ?? 0} >= beds + ${d.beds ?? 0} then 'full' else 'open' end`,
    })
    .where('id', '=', id)
    .execute();
}

export function roomsOf(db: Q, facilityId: string) {
  return db.selectFrom('quarantine_rooms').selectAll().where('facility_id', '=', facilityId).orderBy('area').orderBy('code').execute();
}

export function roomById(db: Q, id: string, lock = false) {
  let q = db.selectFrom('quarantine_rooms').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function roomsByIds(db: Q, ids: string[]) {
  return ids.length ? db.selectFrom('quarantine_rooms').select(['id', 'code']).where('id', 'in', ids).execute() : Promise.resolve([]);
}

export function updateRoom(trx: Q, id: string, patch: Updateable<Database['quarantine_rooms']>) {
  return trx.updateTable('quarantine_rooms').set(patch).where('id', '=', id).execute();
}

/** Adds `n` to a room's occupancy; the room's cohort is forgotten when it empties. */
export function bumpRoom(trx: Q, id: string, n: number) {
  return trx
    .updateTable('quarantine_rooms')
    .set({
      occupied: sql`occupied + ${n}`,
      cohort_class: sql`case when occupied + ${n} = 0 then null else cohort_class end`,
      cohort_from: sql`case when occupied + ${n} = 0 then null else cohort_from end`,
      cohort_to: sql`case when occupied + ${n} = 0 then null else cohort_to end`,
      exposed_on: sql`case when occupied + ${n} = 0 then null else exposed_on end`,
    })
    .where('id', '=', id)
    .execute();
}

export async function facilitiesOfStaff(db: Q, userId: string): Promise<string[]> {
  return (await db.selectFrom('quarantine_facility_staff').select('facility_id').where('user_id', '=', userId).execute()).map((r) => r.facility_id);
}

export async function setStaff(trx: Q, facilityId: string, userIds: string[]) {
  await trx.deleteFrom('quarantine_facility_staff').where('facility_id', '=', facilityId).execute();
  if (userIds.length)
    await trx
      .insertInto('quarantine_facility_staff')
      .values(userIds.map((user_id) => ({ facility_id: facilityId, user_id })))
      .execute();
}

export async function staffOf(db: Q, facilityId: string): Promise<string[]> {
  return (await db.selectFrom('quarantine_facility_staff').select('user_id').where('facility_id', '=', facilityId).execute()).map((r) => r.user_id);
}

// ---- counters per day --------------------------------------------------------------------------------------------

/** Adds to a facility's counters of one day (arrivals, releases, releases due). */
export function bumpDay(trx: Q, facilityId: string, day: string, d: { arrivals?: number; releases?: number; releasesDue?: number }) {
  const row = { facility_id: facilityId, day, arrivals: d.arrivals ?? 0, releases: d.releases ?? 0, releases_due: d.releasesDue ?? 0 };
  return trx
    .insertInto('quarantine_day_counts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['facility_id', 'day']).doUpdateSet({
        arrivals: sql`quarantine_day_counts.arrivals + ${row.arrivals}`,
        releases: sql`quarantine_day_counts.releases + ${row.releases}`,
        releases_due: sql`quarantine_day_counts.releases_due + ${row.releases_due}`,
      }),
    )
    .execute();
}

/** The day counters of these facilities from `from` to `to`. */
export function dayCounts(db: Q, facilityIds: string[], from: string, to: string) {
  if (!facilityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('quarantine_day_counts')
    .selectAll()
    .where('facility_id', '=', sql<string>`any(${facilityIds}::uuid[])`)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
}

// ---- stays -------------------------------------------------------------------------------------------------------

export function openStayOf(db: Q, personId: string) {
  return db.selectFrom('quarantine_stays').selectAll().where('person_id', '=', personId).where('status', '=', 'open').executeTakeFirst();
}

export function insertStay(trx: Q, row: Insertable<QuarantineStaysTable>) {
  return trx.insertInto('quarantine_stays').values(row).returningAll().executeTakeFirstOrThrow();
}

export function stayById(db: Q, id: string, lock = false) {
  let q = db.selectFrom('quarantine_stays').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function updateStay(trx: Q, id: string, patch: Updateable<QuarantineStaysTable>) {
  return trx
    .updateTable('quarantine_stays')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function openStaysOfRoom(db: Q, roomId: string, lock = false) {
  let q = db.selectFrom('quarantine_stays').selectAll().where('room_id', '=', roomId).where('status', '=', 'open');
  if (lock) q = q.forUpdate();
  return q.execute();
}

export function bedTaken(db: Q, roomId: string, bed: string) {
  return db.selectFrom('quarantine_stays').select('id').where('room_id', '=', roomId).where('bed', '=', bed).where('status', '=', 'open').executeTakeFirst();
}

/** A facility's open stays, and those that ended on `day`. */
export function staysOfFacility(db: Q, facilityId: string, day: string) {
  return db
    .selectFrom('quarantine_stays')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('ended_on', '=', day)]))
    .orderBy('room_id')
    .orderBy('bed')
    .execute();
}

/** Open home stays of these communes. */
export function homeStays(db: Q, communes: string[]) {
  return db
    .selectFrom('quarantine_stays')
    .selectAll()
    .where('setting', '=', 'home')
    .where('status', '=', 'open')
    .where('commune_code', 'in', communes.length ? communes : [''])
    .orderBy('started_on')
    .limit(2000)
    .execute();
}

/** Released stays of these communes still in their monitoring days on `day`. */
export function monitoringStays(db: Q, communes: string[], day: string) {
  return db
    .selectFrom('quarantine_stays')
    .selectAll()
    .where('status', '=', 'released')
    .where('commune_code', 'in', communes.length ? communes : [''])
    .where('monitoring_until', '>=', day)
    .orderBy('monitoring_until')
    .limit(2000)
    .execute();
}

/** Released stays of a room's cohort (a cohort's certificates): released from this room since `from`. */
export function releasedOfRoom(db: Q, roomId: string, from: string) {
  return db
    .selectFrom('quarantine_stays')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('status', '=', 'released')
    .where('ended_on', '>=', from)
    .orderBy('ended_on')
    .execute();
}

export function stayByToken(db: Q, token: string) {
  return db.selectFrom('quarantine_stays').selectAll().where('certificate_token', '=', token).executeTakeFirst();
}

/** Reserves the next release certificate number of a year (GCN-2021-000001…). */
export async function nextCertificateNo(trx: Q, year: string): Promise<string> {
  const row = await trx
    .insertInto('quarantine_certificate_serials')
    .values({ year: Number(year), last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`quarantine_certificate_serials.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `GCN-${year}-${String(row.last).padStart(6, '0')}`;
}

/**
 * Marks the test days answered by these negatives (a negative collected up to `toleranceDays` before a test day counts
 * for it) on the open stays of these persons; returns the stays and days answered.
 */
export async function satisfyTestDays(trx: Q, negatives: { personIds: string[]; days: string[] }, toleranceDays: number) {
  if (!negatives.personIds.length) return [];
  const { rows } = await sql<{ id: string; days: string[] }>`
    update quarantine_stays s set tests_done = (select array(select distinct d from unnest(s.tests_done || n.days) d order by d)),
           version = s.version + 1
      from (select k.id, array_agg(distinct t.day) as days
              from unnest(${negatives.personIds}::uuid[], ${negatives.days}::date[]) x(person_id, day)
              join quarantine_stays k on k.person_id = x.person_id and k.status = 'open'
              cross join lateral unnest(k.test_days) t(day)
             where x.day between t.day - ${toleranceDays}::int and t.day
             group by k.id) n
     where s.id = n.id and not (s.tests_done @> n.days)
     returning s.id, n.days::text[] as days`.execute(trx);
  return rows;
}

// ---- events, tasks, checks, deliveries ------------------------------------------------------------------------------

export function insertEvents(trx: Q, rows: Insertable<Database['quarantine_events']>[]) {
  return rows.length ? trx.insertInto('quarantine_events').values(rows).execute() : Promise.resolve([]);
}

export function eventsOf(db: Q, stayId: string) {
  return db.selectFrom('quarantine_events').select(['kind', 'day', 'detail']).where('stay_id', '=', stayId).orderBy('created_at').execute();
}

export function insertTasks(trx: Q, rows: Insertable<Database['quarantine_tasks']>[]) {
  return rows.length ? trx.insertInto('quarantine_tasks').values(rows).returning('id').execute() : Promise.resolve([]);
}

/** Cancels a stay's open test tasks (its plan changed); returns how many. */
export async function cancelTestTasks(trx: Q, stayId: string): Promise<number> {
  const r = await trx
    .updateTable('quarantine_tasks')
    .set({ status: 'cancelled' })
    .where('stay_id', '=', stayId)
    .where('status', '=', 'open')
    .where('kind', 'in', ['test', 'retest'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Closes the open test tasks of a stay due on these days. */
export function closeTestTasks(trx: Q, stayId: string, days: string[], now: Date) {
  return trx
    .updateTable('quarantine_tasks')
    .set({ status: 'done', done_at: now })
    .where('stay_id', '=', stayId)
    .where('status', '=', 'open')
    .where('kind', 'in', ['test', 'retest'])
    .where('due_on', '=', sql<string>`any(${days}::date[])`)
    .execute();
}

export function closeTasksOfKind(trx: Q, stayId: string, kinds: QuarantineTaskKind[], now: Date, by: string | null) {
  return trx
    .updateTable('quarantine_tasks')
    .set({ status: 'done', done_at: now, done_by: by })
    .where('stay_id', '=', stayId)
    .where('status', '=', 'open')
    .where('kind', 'in', kinds)
    .execute();
}

export function tasksOfStays(db: Q, stayIds: string[]) {
  if (!stayIds.length) return Promise.resolve([]);
  return db
    .selectFrom('quarantine_tasks')
    .selectAll()
    .where('stay_id', '=', sql<string>`any(${stayIds}::uuid[])`)
    .orderBy('due_on')
    .execute();
}

/** Open tasks of a facility, or of home stays in these communes, due up to `until`. */
export function openTasks(db: Q, where: { facilityId?: string; communes?: string[] }, until: string) {
  let q = db.selectFrom('quarantine_tasks').selectAll().where('status', '=', 'open').where('due_on', '<=', until);
  if (where.facilityId) q = q.where('facility_id', '=', where.facilityId);
  if (where.communes) q = q.where('facility_id', 'is', null).where('commune_code', 'in', where.communes.length ? where.communes : ['']);
  return q.orderBy('due_on').limit(2000).execute();
}

export function taskById(db: Q, id: string) {
  return db.selectFrom('quarantine_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function closeTask(trx: Q, id: string, now: Date, by: string) {
  return trx.updateTable('quarantine_tasks').set({ status: 'done', done_at: now, done_by: by }).where('id', '=', id).where('status', '=', 'open').execute();
}

export function insertCheck(trx: Q, row: Insertable<Database['quarantine_checks']>) {
  return trx.insertInto('quarantine_checks').values(row).returningAll().executeTakeFirstOrThrow();
}

export function checksOf(db: Q, stayId: string) {
  return db.selectFrom('quarantine_checks').selectAll().where('stay_id', '=', stayId).orderBy('day', 'desc').orderBy('created_at', 'desc').execute();
}

/** The last check of each of these stays, and the distinct days checked. */
export function checkSummary(db: Q, stayIds: string[]) {
  if (!stayIds.length) return Promise.resolve([]);
  return db
    .selectFrom('quarantine_checks as c')
    .select((eb) => [
      'c.stay_id',
      eb.fn.count<number>(sql`distinct c.day`).as('days'),
      sql<string>`(array_agg(c.id order by c.day desc, c.created_at desc))[1]`.as('last_id'),
    ])
    .where('c.stay_id', '=', sql<string>`any(${stayIds}::uuid[])`)
    .groupBy('c.stay_id')
    .execute();
}

export function checksByIds(db: Q, ids: string[]) {
  return ids.length ? db.selectFrom('quarantine_checks').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
}

export function insertDelivery(trx: Q, row: Insertable<Database['quarantine_deliveries']>) {
  return trx.insertInto('quarantine_deliveries').values(row).execute();
}

export function deliveriesOn(db: Q, facilityId: string, day: string) {
  return db
    .selectFrom('quarantine_deliveries')
    .select(['item', (eb) => eb.fn.sum<number>('quantity').as('quantity')])
    .where('facility_id', '=', facilityId)
    .where('day', '=', day)
    .groupBy('item')
    .execute();
}

/** Open test tasks of a facility due on `day` (the sampling kits it needs). */
export async function testsDueOn(db: Q, facilityId: string, day: string): Promise<number> {
  const r = await db
    .selectFrom('quarantine_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('facility_id', '=', facilityId)
    .where('due_on', '=', day)
    .where('kind', 'in', ['test', 'retest'])
    .where('status', '!=', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
