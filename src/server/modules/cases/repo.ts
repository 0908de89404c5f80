import { sql, type Kysely, type Transaction, type Insertable, type Updateable } from 'kysely';
import type { Database, CasesTable, InvestigationsTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/scope';
import { COMMUNITY_DETECTED_IN } from '@domain/risk-figures';

type Q = Kysely<Database> | Transaction<Database>;

/** Next serial of the province's case codes for a year (row-locked counter, no gaps under concurrency). */
export async function nextCaseSerial(trx: Transaction<Database>, provinceCode: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('case_code_counters')
    .values({ province_code: provinceCode, year, last: 1 })
    .onConflict((oc) => oc.columns(['province_code', 'year']).doUpdateSet({ last: sql`case_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
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
  return trx
    .updateTable('cases')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
}

export function withdrawCase(trx: Transaction<Database>, id: string, version: number, reason: string) {
  return trx
    .updateTable('cases')
    .set({ status: 'withdrawn', withdrawn_reason: reason, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
}

export interface CaseFilter {
  unit?: { column: 'province_code' | 'district_code' | 'commune_code'; code: string };
  from?: string;
  to?: string;
  detectedIn?: string;
  status?: string;
}

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

/** Active cases of these persons (tracing's classification graph reads them through CasesService.activeCasesOfInTx). */
export function activeCasesOf(db: Q, personIds: string[]) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('person_id', '=', sql<string>`any(${personIds}::uuid[])`)
    .where('status', '=', 'active')
    .execute();
}

/** What tracing's clusters show of their index cases. */
export function casesByIds(db: Q, ids: string[]) {
  return db
    .selectFrom('cases')
    .select(['id', 'person_id', 'case_code', 'confirmed_on'])
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}

// ---- investigations ------------------------------------------------------------------------------------------

export function investigationOf(db: Q, caseId: string) {
  return db.selectFrom('investigations').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export function investigationFormOf(db: Q, caseId: string) {
  return db.selectFrom('investigations').select('form_rule_set_id').where('case_id', '=', caseId).executeTakeFirst();
}

export function lockInvestigation(trx: Transaction<Database>, caseId: string) {
  return trx.selectFrom('investigations').selectAll().where('case_id', '=', caseId).forUpdate().executeTakeFirst();
}

/** Saves the next version of a case's investigation. */
export function updateInvestigation(trx: Transaction<Database>, caseId: string, changes: Updateable<InvestigationsTable>) {
  return trx
    .updateTable('investigations')
    .set({ ...changes, version: sql`version + 1` })
    .where('case_id', '=', caseId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertInvestigation(trx: Transaction<Database>, row: Insertable<InvestigationsTable>) {
  return trx.insertInto('investigations').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Per district of the caller's active cases confirmed from..to (within `unit` if given): investigation figures. */
export function investigationQuality(db: Q, actor: Actor, q: { from: string; to: string; unit: { column: string; code: string } | null }) {
  const { unit } = q;
  return db
    .selectFrom('cases')
    .leftJoin('investigations', 'investigations.case_id', 'cases.id')
    .where((eb) => inScope(eb, actor, 'cases'))
    .$if(!!unit, (qb) => qb.where(sql.ref(`cases.${unit!.column}`), '=', unit!.code))
    .where('cases.status', '=', 'active')
    .where('cases.confirmed_on', '>=', q.from)
    .where('cases.confirmed_on', '<=', q.to)
    .groupBy('cases.district_code')
    .select([
      'cases.district_code',
      sql<number>`count(*)::int`.as('cases'),
      sql<number>`count(*) filter (where investigations.status = 'completed')::int`.as('completed'),
      sql<number>`coalesce(avg(investigations.completeness), 0)::float8`.as('mean_completeness'),
      sql<number | null>`percentile_cont(0.5) within group (order by investigations.timeliness_hours)::float8`.as('median_hours'),
    ])
    .orderBy('cases.district_code')
    .execute();
}

/** Active cases confirmed in [from, to] as the risk-level assessment counts them (zones module, through CasesService). */
export function casesForAssessment(db: Q, from: string, to: string) {
  return db
    .selectFrom('cases')
    .select(['person_id', 'commune_code', 'confirmed_on', 'detected_in'])
    .where('status', '=', 'active')
    .where('confirmed_on', '>=', from)
    .where('confirmed_on', '<=', to)
    .execute();
}

/** Each commune's last active community case (as the assessment counts them) confirmed before `day` (one row per commune that has one). */
export function lastCommunityCasesBefore(db: Q, day: string) {
  return db
    .selectFrom('cases')
    .select(['commune_code', sql<string>`max(confirmed_on)::text`.as('last_on')])
    .where('status', '=', 'active')
    .where('detected_in', 'in', [...COMMUNITY_DETECTED_IN] as CasesTable['detected_in'][])
    .where('confirmed_on', '<', day)
    .groupBy('commune_code')
    .execute();
}

/** Cases per commune, day and place of detection over [from, to] (the rollup the writes keep). */
export function dailyIn(db: Kysely<Database>, communes: string[], from: string, to: string) {
  return communes.length
    ? db
        .selectFrom('cases_daily')
        .select(['day', 'commune_code', 'detected_in', 'new_cases', 'recovered', 'died'])
        .where('commune_code', 'in', communes)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .orderBy('commune_code')
        .orderBy('detected_in')
        .execute()
    : Promise.resolve([]);
}
