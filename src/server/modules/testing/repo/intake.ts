import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, LabsTable, SamplesTable, ShipmentsTable } from '../../../db/tables';
import type { Actor } from '../../../platform/actor';
import { inScope } from '../../../platform/scope';

/** SQL of labs, shipments and lab intake: labs, shipments, and the samples they carry and receive. */

type Q = Kysely<Database> | Transaction<Database>;

export function labsIn(k: Q, provinces: string[]) {
  return k.selectFrom('labs').selectAll().where('province_code', 'in', provinces).orderBy('name').execute();
}

export function labNamed(k: Q, name: string, province: string) {
  return k.selectFrom('labs').select('id').where('name', '=', name).where('province_code', '=', province).executeTakeFirst();
}

export function updateLab(trx: Transaction<Database>, id: string, provinces: string[], values: Updateable<LabsTable>) {
  return trx.updateTable('labs').set(values).where('id', '=', id).where('province_code', 'in', provinces).returningAll().executeTakeFirst();
}

export function insertLab(trx: Transaction<Database>, row: Insertable<LabsTable>) {
  return trx.insertInto('labs').values(row).returningAll().executeTakeFirstOrThrow();
}

export function labOfProvince(k: Q, id: string, province: string) {
  return k.selectFrom('labs').selectAll().where('id', '=', id).where('province_code', '=', province).executeTakeFirst();
}

export function teamById(k: Q, id: string) {
  return k.selectFrom('sampling_teams').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What shipping needs of these tubes of a province: their team, test type and whether already shipped. */
export function tubesToShip(trx: Transaction<Database>, barcodes: string[], province: string) {
  return trx
    .selectFrom('samples')
    .select(['id', 'barcode', 'shipment_id', 'team_id', 'test_type'])
    .where('barcode', 'in', barcodes)
    .where('province_code', '=', province)
    .execute();
}

export function insertShipment(trx: Transaction<Database>, row: Insertable<ShipmentsTable>) {
  return trx.insertInto('shipments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateSamples(trx: Transaction<Database>, ids: string[], changes: Updateable<SamplesTable>) {
  return trx.updateTable('samples').set(changes).where('id', 'in', ids).execute();
}

/** The caller's latest 200 shipments, with lab and team names and their number of tubes. */
export function shipmentsOf(k: Q, actor: Actor, q: { labId?: string; pending?: boolean }) {
  let query = k
    .selectFrom('shipments as sh')
    .innerJoin('labs as l', 'l.id', 'sh.lab_id')
    .innerJoin('sampling_teams as t', 't.id', 'sh.team_id')
    .selectAll('sh')
    .select(['l.name as lab_name', 't.name as team_name'])
    .select((eb) =>
      eb
        .selectFrom('samples')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('samples.shipment_id', '=', 'sh.id')
        .as('tubes'),
    )
    .where((eb) => inScope(eb, actor, 'sh' as 'shipments'));
  if (q.labId) query = query.where('sh.lab_id', '=', q.labId);
  if (q.pending) query = query.where('sh.received_at', 'is', null);
  return query.orderBy('sh.sent_at', 'desc').limit(200).execute();
}

export function shipmentById(k: Q, id: string) {
  return k.selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function tubesOfShipment(trx: Transaction<Database>, shipmentId: string) {
  return trx.selectFrom('samples').select(['id', 'barcode']).where('shipment_id', '=', shipmentId).execute();
}

export function markShipmentReceived(trx: Transaction<Database>, id: string, at: Date, by: string) {
  return trx.updateTable('shipments').set({ received_at: at, received_by: by }).where('id', '=', id).execute();
}

export function tubesInScope(trx: Transaction<Database>, actor: Actor, barcodes: string[]) {
  return trx
    .selectFrom('samples')
    .selectAll()
    .where('barcode', 'in', barcodes)
    .where((eb) => inScope(eb, actor, 'samples'))
    .execute();
}

export function sampleIdByBarcode(k: Q, barcode: string) {
  return k.selectFrom('samples').select('id').where('barcode', '=', barcode).executeTakeFirst();
}

export function insertSample(trx: Transaction<Database>, row: Insertable<SamplesTable>) {
  return trx.insertInto('samples').values(row).execute();
}

/** Gives a lab pool the persons of the tubes it pools. */
export async function copyMembers(trx: Transaction<Database>, fromSamples: string[], toSample: string) {
  const members = await trx.selectFrom('sample_members').selectAll().where('sample_id', 'in', fromSamples).execute();
  await trx
    .insertInto('sample_members')
    .values(members.map((m) => ({ ...m, sample_id: toSample })))
    .execute();
}
