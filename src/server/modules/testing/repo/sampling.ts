import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type {
  Database,
  ResultImportRowsTable,
  ResultImportsTable,
  SampleMembersTable,
  SamplesTable,
  SamplingSessionsTable,
  SamplingTeamsTable,
} from '../../../db/tables';
import type { Actor } from '../../../platform/actor';
import { inScope } from '../../../platform/scope';
import { collectedRollup, samplesById } from './rollup';

type Q = Kysely<Database> | Transaction<Database>;

/** SQL of test types, sampling teams and sessions, tubes, tasks, conflicts and single entries (service.ts). */

export function testTypes(k: Q) {
  return k.selectFrom('test_types').selectAll().orderBy('code').execute();
}

// ---- teams and sessions --------------------------------------------------------------------------------------

export function teamsOf(k: Q, actor: Actor, communeCode?: string) {
  let q = k
    .selectFrom('sampling_teams')
    .selectAll()
    .where((eb) => inScope(eb, actor, 'sampling_teams'));
  if (communeCode) q = q.where('commune_code', '=', communeCode);
  return q.orderBy('commune_code').orderBy('name').execute();
}

export function teamNamed(trx: Transaction<Database>, name: string, communeCode: string) {
  return trx.selectFrom('sampling_teams').select('id').where('name', '=', name).where('commune_code', '=', communeCode).executeTakeFirst();
}

/** Updates a team in the caller's scope; undefined when there is none. */
export function updateTeam(trx: Transaction<Database>, actor: Actor, id: string, values: Updateable<SamplingTeamsTable>) {
  return trx
    .updateTable('sampling_teams')
    .set(values)
    .where('id', '=', id)
    .where((eb) => inScope(eb, actor, 'sampling_teams'))
    .returningAll()
    .executeTakeFirst();
}

export function insertTeam(trx: Transaction<Database>, row: Insertable<SamplingTeamsTable>) {
  return trx.insertInto('sampling_teams').values(row).returningAll().executeTakeFirstOrThrow();
}

export function insertSession(trx: Transaction<Database>, row: Insertable<SamplingSessionsTable>) {
  return trx.insertInto('sampling_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The caller's sessions, newest first, 200 at most, each with its team's name and its number of tubes. */
export function sessionsOf(k: Q, actor: Actor, q: { communeCode?: string; day?: string }) {
  let query = k
    .selectFrom('sampling_sessions as ss')
    .innerJoin('sampling_teams as t', 't.id', 'ss.team_id')
    .selectAll('ss')
    .select('t.name as team_name')
    .select((eb) =>
      eb
        .selectFrom('samples')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('samples.session_id', '=', 'ss.id')
        .as('samples'),
    )
    .where((eb) => inScope(eb, actor, 'ss' as 'sampling_sessions'));
  if (q.communeCode) query = query.where('ss.commune_code', '=', q.communeCode);
  if (q.day) query = query.where('ss.session_date', '=', q.day);
  return query.orderBy('ss.session_date', 'desc').orderBy('ss.created_at', 'desc').limit(200).execute();
}

export function sessionWithTeam(k: Q, id: string) {
  return k
    .selectFrom('sampling_sessions as ss')
    .innerJoin('sampling_teams as t', 't.id', 'ss.team_id')
    .selectAll('ss')
    .select('t.name as team_name')
    .where('ss.id', '=', id)
    .executeTakeFirst();
}

export function sessionById(k: Q, id: string) {
  return k.selectFrom('sampling_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

// ---- tubes ---------------------------------------------------------------------------------------------------

export function samplesOfSession(k: Q, sessionId: string) {
  return k.selectFrom('samples').selectAll().where('session_id', '=', sessionId).orderBy('collected_at').execute();
}

export function barcodesTaken(trx: Transaction<Database>, barcodes: string[], provinceCode: string) {
  return trx.selectFrom('samples').select('barcode').where('barcode', 'in', barcodes).where('province_code', '=', provinceCode).execute();
}

/** A tube and the persons in it. */
export async function insertSample(trx: Transaction<Database>, row: Insertable<SamplesTable>, members: Insertable<SampleMembersTable>[]): Promise<void> {
  await trx.insertInto('samples').values(row).execute();
  await trx.insertInto('sample_members').values(members).execute();
}

/** Adds these new tubes to the daily rollup's collection counters. */
export async function rollUpCollected(trx: Transaction<Database>, ids: string[]): Promise<void> {
  await collectedRollup(samplesById(ids)).execute(trx);
}

export function samplesByIds(k: Q, ids: string[]) {
  return k.selectFrom('samples').selectAll().where('id', 'in', ids).execute();
}

export function sampleByBarcode(k: Q, actor: Actor, barcode: string) {
  return k
    .selectFrom('samples')
    .selectAll()
    .where('barcode', '=', barcode)
    .where((eb) => inScope(eb, actor, 'samples'))
    .executeTakeFirst();
}

/** Takes a tube's result off (a reviewed conflict replaces it); returns its lab and barcode. */
export async function clearResult(trx: Transaction<Database>, sampleId: string) {
  await trx.updateTable('samples').set({ result: null, ct_value: null }).where('id', '=', sampleId).execute();
  return trx.selectFrom('samples').select(['lab_id', 'barcode']).where('id', '=', sampleId).executeTakeFirstOrThrow();
}

// ---- tasks ---------------------------------------------------------------------------------------------------

export function openTask(trx: Transaction<Database>, taskId: string) {
  return trx.selectFrom('testing_tasks').selectAll().where('id', '=', taskId).where('status', '=', 'open').executeTakeFirst();
}

/** The tube already taken for a task that still counts (no result yet, or a final one). */
export function tubeOfTask(trx: Transaction<Database>, taskId: string) {
  return trx
    .selectFrom('samples')
    .select('barcode')
    .where('task_id', '=', taskId)
    .where((eb) => eb.or([eb('result', 'is', null), eb('result', '<>', 'invalid')]))
    .executeTakeFirst();
}

export function tasksFromSample(k: Q, sampleId: string) {
  return k.selectFrom('testing_tasks').selectAll().where('source_sample_id', '=', sampleId).execute();
}

/** The caller's tasks by due day, 1,000 at most, with their source tube and the tube already taken for each. */
export function tasksOf(k: Q, actor: Actor, q: { communeCode?: string; status: 'open' | 'done' }) {
  let query = k
    .selectFrom('testing_tasks as t')
    .innerJoin('samples as s', 's.id', 't.source_sample_id')
    .selectAll('t')
    .select(['s.barcode as source_barcode', 's.test_type as source_test_type'])
    // the tube already taken for the task, if any (waiting for its result)
    .select((eb) =>
      eb
        .selectFrom('samples as c')
        .select('c.barcode')
        .whereRef('c.task_id', '=', 't.id')
        .where((e) => e.or([e('c.result', 'is', null), e('c.result', '<>', 'invalid')]))
        .limit(1)
        .as('collected_barcode'),
    )
    .where((eb) => inScope(eb, actor, 't' as 'testing_tasks'))
    .where('t.status', '=', q.status);
  if (q.communeCode) query = query.where('t.commune_code', '=', q.communeCode);
  return query.orderBy('t.due_on').orderBy('t.created_at').limit(1000).execute();
}

/** Of these persons, those with an open task (suspected until it is done). */
export function openTaskPersons(k: Q, personIds: string[]) {
  return k.selectFrom('testing_tasks').select(['person_id']).where('person_id', 'in', personIds).where('status', '=', 'open').execute();
}

// ---- single entries and conflicts ----------------------------------------------------------------------------

/** A one-off entry (on-site result, manual entry) as an import with its staged rows. */
export async function stageEntry(trx: Transaction<Database>, entry: Insertable<ResultImportsTable>, rows: Insertable<ResultImportRowsTable>[]): Promise<void> {
  await trx.insertInto('result_imports').values(entry).execute();
  await trx.insertInto('result_import_rows').values(rows).execute();
}

export function importById(k: Q, id: string, provinces: string[]) {
  return k.selectFrom('result_imports').selectAll().where('id', '=', id).where('province_code', 'in', provinces).executeTakeFirst();
}

export function conflictById(k: Q, id: string) {
  return k.selectFrom('result_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function openConflicts(k: Q, actor: Actor) {
  return k
    .selectFrom('result_conflicts')
    .selectAll()
    .where('status', '=', 'open')
    .where((eb) => inScope(eb, actor, 'result_conflicts'))
    .orderBy('created_at')
    .limit(500)
    .execute();
}

export async function resolveConflict(trx: Transaction<Database>, id: string, status: 'accepted' | 'rejected', by: string, at: Date): Promise<void> {
  await trx.updateTable('result_conflicts').set({ status, resolved_by: by, resolved_at: at }).where('id', '=', id).execute();
}

/** The tubes collected for these persons in [from, to] (a pooled tube once per member): day and result, null while pending. */
export function samplesOfPersons(k: Q, personIds: string[], from: string, to: string) {
  return k
    .selectFrom('sample_members as m')
    .innerJoin('samples as s', (j) => j.onRef('s.id', '=', 'm.sample_id').onRef('s.province_code', '=', 'm.province_code'))
    .select(['m.person_id', 's.collected_on', 's.result'])
    .where('m.person_id', '=', sql<string>`any(${personIds}::uuid[])`)
    .where('s.collected_on', '>=', from)
    .where('s.collected_on', '<=', to)
    .execute();
}
