import { sql, type Kysely, type Transaction, type Insertable } from 'kysely';
import type { Database, ExposuresTable, ClassificationsTable, ClustersTable, PlacesTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/scope';
import type { ExposureSetting } from './schemas';

type Q = Kysely<Database> | Transaction<Database>;

export function insertExposure(trx: Transaction<Database>, row: Insertable<ExposuresTable>) {
  return trx
    .insertInto('exposures')
    .values(row)
    .onConflict((oc) => oc.columns(['source_person_id', 'exposed_person_id', 'start_at', 'province_code']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Persons exposed by any of `sources`. */
export async function downstream(db: Q, sources: string[]): Promise<string[]> {
  if (!sources.length) return [];
  const rows = await db
    .selectFrom('exposures')
    .select('exposed_person_id')
    .distinct()
    .where('source_person_id', '=', sql<string>`any(${sources}::uuid[])`)
    .execute();
  return rows.map((r) => r.exposed_person_id);
}

/** Persons who exposed any of `targets`. */
export async function upstream(db: Q, targets: string[]): Promise<string[]> {
  if (!targets.length) return [];
  const rows = await db
    .selectFrom('exposures')
    .select('source_person_id')
    .distinct()
    .where('exposed_person_id', '=', sql<string>`any(${targets}::uuid[])`)
    .execute();
  return rows.map((r) => r.source_person_id);
}

const EDGE_COLUMNS = [
  'exposures.id',
  'exposures.source_person_id',
  'exposures.exposed_person_id',
  'exposures.start_at',
  'exposures.end_at',
  'exposures.contact_type',
  'exposures.province_code',
  'exposures.district_code',
  'exposures.commune_code',
] as const;

/** Every exposure into the targets (what classification of the targets needs). */
export function exposuresInto(db: Q, targets: string[]) {
  return db
    .selectFrom('exposures')
    .select(EDGE_COLUMNS)
    .where('exposed_person_id', '=', sql<string>`any(${targets}::uuid[])`)
    .execute();
}

export function classificationsOf(db: Q, personIds: string[]) {
  return db
    .selectFrom('classifications')
    .selectAll()
    .where('person_id', '=', sql<string>`any(${personIds}::uuid[])`)
    .execute();
}

export function deleteClassifications(trx: Transaction<Database>, personIds: string[]) {
  if (!personIds.length) return Promise.resolve();
  return trx
    .deleteFrom('classifications')
    .where('person_id', '=', sql<string>`any(${personIds}::uuid[])`)
    .execute();
}

export function upsertClassifications(trx: Transaction<Database>, rows: Insertable<ClassificationsTable>[]) {
  if (!rows.length) return Promise.resolve();
  return trx
    .insertInto('classifications')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['person_id', 'province_code']).doUpdateSet((eb) => ({
        district_code: eb.ref('excluded.district_code'),
        commune_code: eb.ref('excluded.commune_code'),
        class: eb.ref('excluded.class'),
        generation: eb.ref('excluded.generation'),
        via_exposure_id: eb.ref('excluded.via_exposure_id'),
        root_case_person_id: eb.ref('excluded.root_case_person_id'),
        exposed_at: eb.ref('excluded.exposed_at'),
        rule_set_id: eb.ref('excluded.rule_set_id'),
        rule_version: eb.ref('excluded.rule_version'),
        quarantine_situation: eb.ref('excluded.quarantine_situation'),
        quarantine_until: eb.ref('excluded.quarantine_until'),
        test_days: eb.ref('excluded.test_days'),
        classified_at: sql`now()`,
      })),
    )
    .execute();
}

export function classificationOf(db: Q, personId: string) {
  return db.selectFrom('classifications').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** The follow-up work list of a commune: F1/F2 still in quarantine on `day`. */
export function followUpOf(db: Q, actor: Actor, communeCode: string, day: string) {
  return db
    .selectFrom('classifications')
    .selectAll()
    .where((eb) => inScope(eb, actor, 'classifications'))
    .where('commune_code', '=', communeCode)
    .where('class', 'in', ['F1', 'F2'])
    .where('quarantine_until', '>=', day)
    .orderBy('class')
    .orderBy('exposed_at')
    .execute();
}

/** A person's class and quarantine situation inside the caller's transaction (opening a case from a result). */
export function classOf(db: Q, personId: string) {
  return db.selectFrom('classifications').select(['class', 'quarantine_situation']).where('person_id', '=', personId).executeTakeFirst();
}

/** A person's classification with its quarantine plan (a quarantine stay starts from it). */
export function planOf(db: Q, personId: string) {
  return db
    .selectFrom('classifications')
    .select(['class', 'exposed_at', 'quarantine_situation', 'quarantine_until', 'test_days', 'tests_done'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** A quarantine stay's plan replaces the classification's (the facility situation, its end and test days). */
export function adoptPlan(db: Q, personId: string, plan: { situation: string; until: string; testDays: string[]; testsDone: string[] }) {
  return db
    .updateTable('classifications')
    .set({ quarantine_situation: plan.situation, quarantine_until: plan.until, test_days: plan.testDays, tests_done: plan.testsDone })
    .where('person_id', '=', personId)
    .execute();
}

/** The exposures a case exposed, in time order (its contact list). */
export function exposuresFrom(db: Q, sourcePersonId: string) {
  return db.selectFrom('exposures').selectAll().where('source_person_id', '=', sourcePersonId).orderBy('start_at').execute();
}

/**
 * Marks the test days satisfied by negatives: `negatives` yields (person_id, day) pairs; a test day counts as
 * done when a negative was collected on it or up to `toleranceDays` before. One statement however many rows.
 */
/** Persons with quarantine test days (testing finds their negative tubes of an import from them). */
export async function personsWithTestDays(trx: Transaction<Database>): Promise<string[]> {
  const rows = await trx
    .selectFrom('classifications')
    .select('person_id')
    .distinct()
    .where('test_days', '<>', sql<string[]>`'{}'`)
    .execute();
  return rows.map((r) => r.person_id);
}

export async function satisfyTestDays(trx: Transaction<Database>, negatives: { personIds: string[]; days: string[] }, toleranceDays: number): Promise<number> {
  if (!negatives.personIds.length) return 0;
  const { numAffectedRows } = await sql`
    update classifications c set tests_done = (
        select array(select distinct d from unnest(c.tests_done || n.days) d order by d))
      from (select x.person_id, array_agg(distinct t.day) as days
              from unnest(${negatives.personIds}::uuid[], ${negatives.days}::date[]) x(person_id, day)
              join classifications k on k.person_id = x.person_id
              cross join lateral unnest(k.test_days) t(day)
             where x.day between t.day - ${toleranceDays}::int and t.day
             group by x.person_id) n
     where c.person_id = n.person_id and not (c.tests_done @> n.days)`.execute(trx);
  return Number(numAffectedRows ?? 0);
}

// ---- places and clusters -------------------------------------------------------------------------------------

export function insertPlace(trx: Transaction<Database>, row: Insertable<PlacesTable>) {
  return trx.insertInto('places').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The caller's places (of a commune, or whose folded name holds `folded`), by name, 200 at most. */
export function placesOf(db: Q, actor: Actor, q: { commune?: string; folded?: string }) {
  let query = db
    .selectFrom('places')
    .selectAll()
    .where((eb) => inScope(eb, actor, 'places'));
  if (q.commune) query = query.where('commune_code', '=', q.commune);
  if (q.folded) query = query.where('name_folded', 'like', `%${q.folded.replace(/[%_\\]/g, '\\$&')}%`);
  return query.orderBy('name_folded').limit(200).execute();
}

export function placeById(db: Q, id: string) {
  return db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertCluster(trx: Transaction<Database>, row: Insertable<ClustersTable>) {
  return trx.insertInto('clusters').values(row).returningAll().executeTakeFirstOrThrow();
}

export function clusterById(db: Q, id: string) {
  return db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every cluster's name and index case (what naming a new one checks against). */
export function clusterIndexCases(db: Q) {
  return db.selectFrom('clusters').select(['name', 'index_case_id']).execute();
}

/** The caller's clusters (within `unit` if given). */
export function clustersOf(db: Q, actor: Actor, unit: { column: string; code: string } | null) {
  return db
    .selectFrom('clusters')
    .select(['id', 'name', 'place_name', 'high_contact', 'commune_code', 'index_case_id'])
    .where((eb) => inScope(eb, actor, 'clusters'))
    .$if(!!unit, (qb) => qb.where(sql.ref(unit!.column), '=', unit!.code))
    .execute();
}

/** The first of `candidates` in the chain through `personId` (at most `limit` persons walked), if any. */
export async function chainHoldsAny(db: Q, personId: string, candidates: string[], limit: number): Promise<string | null> {
  if (!candidates.length) return null;
  const r = await sql<{ person_id: string }>`
    select person_id from chain_walk(${personId}::uuid, ${limit}) where person_id = any(${candidates}::uuid[]) limit 1`.execute(db);
  return r.rows[0]?.person_id ?? null;
}

/** For each (key, person): the persons of the chain through that person with their generation, in one query. */
export async function chainWalks(db: Q, starts: { key: string; personId: string }[], limit: number) {
  if (!starts.length) return [];
  const r = await sql<{ key: string; person_id: string; depth: number }>`
    select s.key, w.person_id, w.depth
      from unnest(${starts.map((s) => s.key)}::text[], ${starts.map((s) => s.personId)}::uuid[]) s(key, person_id)
      cross join lateral chain_walk(s.person_id, ${limit}) w`.execute(db);
  return r.rows;
}

/** A chain walk as columns (one array per field; an edge is a pair of node numbers); see chainColumns. */
export interface ChainColumns {
  truncated: boolean;
  nodes: { ord: number[]; id: string[]; depth: number[]; class: ('F0' | 'F1' | 'F2' | null)[] } | null;
  edges: { source: number[]; target: number[]; setting: ExposureSetting[] } | null;
}

/**
 * The persons connected to one through exposures, breadth-first (chain_walk, migration 0014), at most `limit`,
 * with their class, and the exposures between them. One statement answering with one JSON text of columns: a
 * cluster of 5,000 persons has ~25,000 exposures, and decoding them as rows (three uuids each) cost this process
 * more than the database spent walking the graph (bench/RESULTS.md §3). A person with two classification rows
 * (a class in two provinces) appears twice with the same node number.
 */
export async function chainColumns(db: Q, personId: string, limit: number): Promise<ChainColumns> {
  const {
    rows: [answer],
  } = await sql<{ graph: string }>`
    with walk as materialized (
      select person_id, depth, row_number() over (order by depth, person_id)::int as ord
        from chain_walk(${personId}::uuid, ${limit + 1})),
    w as materialized (select * from walk where ord <= ${limit})
    select json_build_object(
      'truncated', (select count(*) from walk) > ${limit},
      'nodes', (select json_build_object('ord', array_agg(w.ord), 'id', array_agg(w.person_id), 'depth', array_agg(w.depth), 'class', array_agg(k.class))
                  from w left join classifications k on k.person_id = w.person_id
                 having count(*) > 0),
      'edges', (select json_build_object('source', array_agg(s.ord), 'target', array_agg(t.ord), 'setting', array_agg(e.setting))
                  from exposures e join w s on s.person_id = e.source_person_id join w t on t.person_id = e.exposed_person_id
                 having count(*) > 0)
    )::text as graph`.execute(db);
  return JSON.parse(answer.graph) as ChainColumns;
}

/** Of these persons, those with an infecting exposure recorded, and whether one of them happened in a high-contact place. */
export function infectionSourcesOf(db: Q, personIds: string[]) {
  return db
    .selectFrom('exposures as e')
    .leftJoin('places as p', (j) => j.onRef('p.id', '=', 'e.place_id').onRef('p.province_code', '=', 'e.province_code'))
    .select(['e.exposed_person_id', sql<boolean>`coalesce(bool_or(p.high_contact), false)`.as('high_contact')])
    .where('e.exposed_person_id', '=', sql<string>`any(${personIds}::uuid[])`)
    .groupBy('e.exposed_person_id')
    .execute();
}
