import type { Insertable, Kysely, Transaction } from 'kysely';
import type { BoundaryGeometry, BoundaryImportsTable } from '../../../db/boundary-tables';
import type { Database } from '../../../db/tables';

type Q = Kysely<Database> | Transaction<Database>;

/** JSON text per insert statement at most: a province's shapes go in a few statements, none of them huge. */
const STATEMENT_BYTES = 4 << 20;

/** The import of a province applying from exactly `validFrom`, if any. */
export function importFrom(db: Q, provinceCode: string, validFrom: string) {
  return db
    .selectFrom('boundary_imports')
    .select(['id', 'file_hash'])
    .where('province_code', '=', provinceCode)
    .where('valid_from', '=', validFrom)
    .executeTakeFirst();
}

/** The import a province's map of `day` draws: the latest applying from that day or before (boundary_imports' unique index). */
export function importOn(db: Q, provinceCode: string, day: string) {
  return db
    .selectFrom('boundary_imports')
    .select(['id', 'valid_from'])
    .where('province_code', '=', provinceCode)
    .where('valid_from', '<=', day)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Records the file in force for a province and day, replacing the one before it (same id); answers the id. */
export async function saveImport(trx: Transaction<Database>, row: Insertable<BoundaryImportsTable>): Promise<string> {
  const saved = await trx
    .insertInto('boundary_imports')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['province_code', 'valid_from']).doUpdateSet((eb) => ({
        file_hash: eb.ref('excluded.file_hash'),
        features: eb.ref('excluded.features'),
        source: eb.ref('excluded.source'),
        imported_by: eb.ref('excluded.imported_by'),
        imported_at: eb.ref('excluded.imported_at'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}

/** An import's shapes become exactly `rows`. */
export async function replaceBoundaries(trx: Transaction<Database>, importId: string, rows: { unit_code: string; geometry: BoundaryGeometry }[]) {
  await trx.deleteFrom('unit_boundaries').where('import_id', '=', importId).execute();
  let batch: { import_id: string; unit_code: string; geometry: string }[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length) await trx.insertInto('unit_boundaries').values(batch).execute();
    batch = [];
    bytes = 0;
  };
  for (const r of rows) {
    const geometry = JSON.stringify(r.geometry);
    if (bytes + geometry.length > STATEMENT_BYTES) await flush();
    batch.push({ import_id: importId, unit_code: r.unit_code, geometry });
    bytes += geometry.length;
  }
  await flush();
}

/** An import's shapes, in code order. */
export function boundariesOf(db: Q, importId: string) {
  return db.selectFrom('unit_boundaries').select(['unit_code', 'geometry']).where('import_id', '=', importId).orderBy('unit_code').execute();
}
