import { sql, type Kysely, type Transaction, type Insertable, type Updateable } from 'kysely';
import type { Database, CasesTable, ExposuresTable, ClassificationsTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/scope';

type Q = Kysely<Database> | Transaction<Database>;

/** Next serial of the province's case codes for a year (row-locked counter, no gaps under concurrency). */
export async function nextCaseSerial(trx: Transaction<Database>, provinceCode: string, year: number): Promise<number> {
  const row = await trx.insertInto('case_code_counters').values({ province_code: provinceCode, year, last: 1 })
    .onConflict((oc) => oc.columns(['province_code', 'year']).doUpdateSet({ last: sql`case_code_counters.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return row.last;
}

export function insertCase(trx: Transaction<Database>, row: Insertable<CasesTable>) {
  return trx.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
}

export function caseById(db: Q, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function activeCaseOf(db: Q, personId: string) {
  return db.selectFrom('cases').selectAll().where('person_id', '=', personId).where('status', '=', 'active').executeTakeFirst();
}

export function updateCase(trx: Transaction<Database>, id: string, version: number, changes: Updateable<CasesTable>) {
  return trx.updateTable('cases').set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id).where('version', '=', version).where('status', '=', 'active').returningAll().executeTakeFirst();
}

export function withdrawCase(trx: Transaction<Database>, id: string, version: number, reason: string) {
  return trx.updateTable('cases').set({ status: 'withdrawn', withdrawn_reason: reason, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id).where('version', '=', version).where('status', '=', 'active').returningAll().executeTakeFirst();
}

export interface CaseFilter { unit?: { column: 'province_code' | 'district_code' | 'commune_code'; code: string }; from?: string; to?: string; detectedIn?: string; status?: string }

export async function listCases(db: Q, actor: Actor, f: CaseFilter, offset: number, limit: number) {
  let q = db.selectFrom('cases').where((eb) => inScope(eb, actor, 'cases'));
  if (f.unit) q = q.where(f.unit.column, '=', f.unit.code);
  if (f.from) q = q.where('confirmed_on', '>=', f.from);
  if (f.to) q = q.where('confirmed_on', '<=', f.to);
  if (f.detectedIn) q = q.where('detected_in', '=', f.detectedIn as CasesTable['detected_in']);
  if (f.status) q = q.where('status', '=', f.status as 'active');
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('confirmed_on', 'desc').orderBy('case_code', 'desc').offset(offset).limit(limit).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export function insertExposure(trx: Transaction<Database>, row: Insertable<ExposuresTable>) {
  return trx.insertInto('exposures').values(row).onConflict((oc) => oc.columns(['source_person_id', 'exposed_person_id', 'start_at', 'province_code']).doNothing())
    .returningAll().executeTakeFirst();
}

/** Persons exposed by any of `sources`. */
export async function downstream(db: Q, sources: string[]): Promise<string[]> {
  if (!sources.length) return [];
  const rows = await db.selectFrom('exposures').select('exposed_person_id').distinct().where('source_person_id', '=', sql<string>`any(${sources}::uuid[])`).execute();
  return rows.map((r) => r.exposed_person_id);
}

/** Persons who exposed any of `targets`. */
export async function upstream(db: Q, targets: string[]): Promise<string[]> {
  if (!targets.length) return [];
  const rows = await db.selectFrom('exposures').select('source_person_id').distinct().where('exposed_person_id', '=', sql<string>`any(${targets}::uuid[])`).execute();
  return rows.map((r) => r.source_person_id);
}

const EDGE_COLUMNS = ['exposures.id', 'exposures.source_person_id', 'exposures.exposed_person_id', 'exposures.start_at', 'exposures.end_at', 'exposures.contact_type', 'exposures.province_code', 'exposures.district_code', 'exposures.commune_code'] as const;

/** Every exposure into the targets (what classification of the targets needs). */
export function exposuresInto(db: Q, targets: string[]) {
  return db.selectFrom('exposures').select(EDGE_COLUMNS).where('exposed_person_id', '=', sql<string>`any(${targets}::uuid[])`).execute();
}

/** Exposures into the targets from persons with an active case (how a target can be an F1 that passes it on). */
export function caseExposuresInto(db: Q, targets: string[]) {
  return db.selectFrom('exposures').innerJoin('cases', (j) => j.onRef('cases.person_id', '=', 'exposures.source_person_id').on('cases.status', '=', 'active'))
    .select(EDGE_COLUMNS).where('exposures.exposed_person_id', '=', sql<string>`any(${targets}::uuid[])`).execute();
}

export function activeCasesOf(db: Q, personIds: string[]) {
  return db.selectFrom('cases').selectAll().where('person_id', '=', sql<string>`any(${personIds}::uuid[])`).where('status', '=', 'active').execute();
}

export function classificationsOf(db: Q, personIds: string[]) {
  return db.selectFrom('classifications').selectAll().where('person_id', '=', sql<string>`any(${personIds}::uuid[])`).execute();
}

export function deleteClassifications(trx: Transaction<Database>, personIds: string[]) {
  if (!personIds.length) return Promise.resolve();
  return trx.deleteFrom('classifications').where('person_id', '=', sql<string>`any(${personIds}::uuid[])`).execute();
}

export function upsertClassifications(trx: Transaction<Database>, rows: Insertable<ClassificationsTable>[]) {
  if (!rows.length) return Promise.resolve();
  return trx.insertInto('classifications').values(rows).onConflict((oc) => oc.columns(['person_id', 'province_code']).doUpdateSet((eb) => ({
    district_code: eb.ref('excluded.district_code'), commune_code: eb.ref('excluded.commune_code'), class: eb.ref('excluded.class'),
    generation: eb.ref('excluded.generation'), via_exposure_id: eb.ref('excluded.via_exposure_id'), root_case_person_id: eb.ref('excluded.root_case_person_id'),
    exposed_at: eb.ref('excluded.exposed_at'), rule_set_id: eb.ref('excluded.rule_set_id'), rule_version: eb.ref('excluded.rule_version'),
    quarantine_situation: eb.ref('excluded.quarantine_situation'), quarantine_until: eb.ref('excluded.quarantine_until'), test_days: eb.ref('excluded.test_days'),
    classified_at: sql`now()`,
  }))).execute();
}

export function classificationOf(db: Q, personId: string) {
  return db.selectFrom('classifications').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** The follow-up work list of a commune: F1/F2 still in quarantine on `day`. */
export function followUpOf(db: Q, actor: Actor, communeCode: string, day: string) {
  return db.selectFrom('classifications').selectAll().where((eb) => inScope(eb, actor, 'classifications'))
    .where('commune_code', '=', communeCode).where('class', 'in', ['F1', 'F2']).where('quarantine_until', '>=', day)
    .orderBy('class').orderBy('exposed_at').execute();
}
