import { sql, type Kysely, type Transaction, type Insertable, type Updateable } from 'kysely';
import { preparedRows } from '../../db/prepared';
import { batchedByKey } from '../../db/batched';
import { plainRows } from '../../db/plain-rows';
import type { Database, HouseholdsTable, PersonsTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/scope';

type Q = Kysely<Database> | Transaction<Database>;

export interface SearchFilter {
  /** 'nguyen & van & duc:*' — every word, the last as a prefix; null = no name filter. */
  tsquery: string | null;
  /** Exact national ID or phone number. */
  number: string | null;
  folded: string;
  unit: { level: 'province' | 'district' | 'commune' | 'hamlet'; code: string } | null;
}

const UNIT_COLUMN = { province: 'province_code', district: 'district_code', commune: 'commune_code', hamlet: 'hamlet_code' } as const;

function matching(db: Q, actor: Actor, f: SearchFilter) {
  let q = db
    .selectFrom('persons')
    .where('merged_into', 'is', null)
    .where((eb) => inScope(eb, actor, 'persons'));
  if (f.tsquery) q = q.where(sql<boolean>`to_tsvector('simple', name_folded) @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.number) q = q.where((eb) => eb.or([eb('national_id', '=', f.number), eb('phone', '=', f.number)]));
  if (f.unit) q = q.where(UNIT_COLUMN[f.unit.level], '=', f.unit.code);
  return q;
}

/** The name keys searched, in ranking order: a match on an earlier key ranks first. */
export const NAME_KEYS = ['name_folded', 'name_tail', 'name_surname_given', 'name_given'] as const;

/** Persons (in scope and unit) whose `key` starts with `prefix`, in C order: one ordered index range scan. */
function keyRange(db: Q, actor: Actor, f: Pick<SearchFilter, 'unit'>, key: (typeof NAME_KEYS)[number], prefix: string, rank: number, limit: number) {
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const col = sql`${sql.ref(key)} collate "C"`;
  let q = db
    .selectFrom('persons')
    .select(['id', sql<number>`${sql.lit(rank)}`.as('rank')])
    .where('merged_into', 'is', null)
    .where((eb) => inScope(eb, actor, 'persons'))
    .where(col, '>=', prefix)
    .where(col, '<', upper);
  if (f.unit) q = q.where(UNIT_COLUMN[f.unit.level], '=', f.unit.code);
  return q.orderBy(col).orderBy('id').limit(limit);
}

/** Matches on any name key, each person once with its best rank; at most `perKey` from each key. */
function keyMatches(db: Q, actor: Actor, f: SearchFilter, perKey: number) {
  return db
    .with('k0', () => keyRange(db, actor, f, 'name_folded', f.folded, 0, perKey))
    .with('k1', () => keyRange(db, actor, f, 'name_tail', f.folded, 1, perKey))
    .with('k2', () => keyRange(db, actor, f, 'name_surname_given', f.folded, 2, perKey))
    .with('k3', () => keyRange(db, actor, f, 'name_given', f.folded, 3, perKey))
    .with('m', (qb) =>
      qb
        .selectFrom(
          sql<{ id: string; rank: number }>`(select * from k0 union all select * from k1 union all select * from k2 union all select * from k3)`.as('u'),
        )
        .select(['u.id', sql<number>`min(u.rank)`.as('rank')])
        .groupBy('u.id'),
    );
}

/** How many persons match a name on any key, counting no further than `cap`. */
export async function countKeyMatches(db: Q, actor: Actor, f: SearchFilter, cap: number): Promise<number> {
  const row = await keyMatches(db, actor, f, cap)
    .selectFrom('m')
    .select(sql<number>`least(count(*), ${cap})::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A page of name-key matches: exact full name first, then by key (full name, tail, surname + given, given), then alphabetically. */
export function keyMatchPage(db: Q, actor: Actor, f: SearchFilter, offset: number, limit: number) {
  return keyMatches(db, actor, f, offset + limit)
    .selectFrom('m')
    .innerJoin('persons', 'persons.id', 'm.id')
    .selectAll('persons')
    .orderBy(sql`(persons.name_folded = ${f.folded})`, 'desc')
    .orderBy('m.rank')
    .orderBy(sql`persons.name_folded collate "C"`)
    .orderBy('persons.id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** How many persons match, counting no further than `cap` (so a broad query stays cheap). */
export async function countMatching(db: Q, actor: Actor, f: SearchFilter, cap: number): Promise<number> {
  const row = await db
    .selectFrom(
      matching(db, actor, f)
        .select(sql`1`.as('one'))
        .limit(cap)
        .as('m'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The fallback for words in any order ("duc nguyen van"): up to `candidates` word matches, ranked by
 * closeness to the query (exact name, prefix, trigram similarity). Bounded, however common the words.
 */
export function rankedPage(db: Q, actor: Actor, f: SearchFilter, offset: number, limit: number, candidates: number) {
  return db
    .selectFrom(matching(db, actor, f).selectAll().limit(candidates).as('c'))
    .selectAll()
    .orderBy(sql`(name_folded = ${f.folded})`, 'desc')
    .orderBy(sql`(name_folded like ${f.folded.replace(/[%_\\]/g, '\\$&') + '%'})`, 'desc')
    .orderBy(sql`similarity(name_folded, ${f.folded})`, 'desc')
    .orderBy('name_folded')
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** A page of matches in alphabetical order (served by persons_name_c_idx): listing a unit without a query. */
export function alphabeticalPage(db: Q, actor: Actor, f: SearchFilter, offset: number, limit: number) {
  return matching(db, actor, f)
    .selectAll()
    .orderBy(sql`name_folded collate "C"`)
    .orderBy('id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** One person by id — the hottest query (every person page, every scope check), so a named prepared statement. */
/** What a person read returns: every column but the search keys derived from the name. */
export const PERSON_COLUMNS = [
  'id',
  'province_code',
  'district_code',
  'commune_code',
  'hamlet_code',
  'household_id',
  'full_name',
  'birth_date',
  'birth_year',
  'sex',
  'national_id',
  'phone',
  'occupation',
  'workplace',
  'address',
  'synthetic',
  'merged_into',
  'created_at',
  'updated_at',
  'version',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One person by id; concurrent reads share one query (db/batched.ts). A key that is not a UUID finds no one
 * (it would make the cast, and so every other read of its batch, fail).
 */
const personByLowerId = batchedByKey(
  async (db: Q, ids: string[]) => {
    const valid = ids.filter((id) => UUID.test(id));
    return valid.length
      ? preparedRows(
          db,
          'persons_by_id',
          db
            .selectFrom('persons')
            .select(PERSON_COLUMNS)
            .where('id', '=', sql<string>`any(${valid}::uuid[])`),
        )
      : [];
  },
  (row) => row.id,
);
export const personById = (db: Q, id: string) => personByLowerId(db, id.toLowerCase());

export function personForUpdate(db: Transaction<Database>, id: string) {
  return db.selectFrom('persons').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function personByNationalId(db: Q, nationalId: string) {
  return db.selectFrom('persons').selectAll().where('national_id', '=', nationalId).where('merged_into', 'is', null).executeTakeFirst();
}

export function membersOf(db: Q, householdId: string) {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('merged_into', 'is', null)
    .orderBy('birth_year')
    .orderBy('full_name')
    .execute();
}

/** Same commune, birth year within one year, trigram-similar name: the likely duplicates of a new person. */
export function similarPersons(db: Q, p: { communeCode: string; birthYear: number; nameFolded: string; excludeId?: string }, threshold: number) {
  let q = db
    .selectFrom('persons')
    .select(['id', 'full_name', 'birth_year', 'commune_code', 'national_id', sql<number>`similarity(name_folded, ${p.nameFolded})`.as('similarity')])
    .where('commune_code', '=', p.communeCode)
    .where('birth_year', 'in', [p.birthYear - 1, p.birthYear, p.birthYear + 1])
    .where('merged_into', 'is', null)
    .where(sql<boolean>`similarity(name_folded, ${p.nameFolded}) >= ${threshold}`);
  if (p.excludeId) q = q.where('id', '<>', p.excludeId);
  return q.orderBy('similarity', 'desc').limit(5).execute();
}

export function insertPerson(db: Q, row: Insertable<PersonsTable>) {
  return db.insertInto('persons').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the stored version is `version`; undefined when someone else changed it first. */
export function updatePerson(db: Q, id: string, version: number, changes: Updateable<PersonsTable>) {
  return db
    .updateTable('persons')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function householdById(db: Q, id: string) {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertHousehold(db: Q, row: Insertable<HouseholdsTable>) {
  return db.insertInto('households').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateHousehold(db: Q, id: string, version: number, changes: Updateable<HouseholdsTable>) {
  return db
    .updateTable('households')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function setHouseholdHead(db: Q, householdId: string, personId: string | null) {
  return db.updateTable('households').set({ head_person_id: personId }).where('id', '=', householdId).execute();
}

/** Moves the merged person's household membership and headship to the kept person. */
export async function repointMerged(db: Q, fromId: string, toId: string) {
  await db.updateTable('households').set({ head_person_id: toId }).where('head_person_id', '=', fromId).execute();
}

/** Persons and households per child unit, for the geography tree. */
export function countsByUnit(
  db: Q,
  column: 'district_code' | 'commune_code' | 'hamlet_code',
  parentColumn: 'province_code' | 'district_code' | 'commune_code',
  parent: string,
) {
  return db
    .selectFrom('persons')
    .select([
      sql<string>`${sql.ref(column)}`.as('unit_code'),
      sql<number>`count(*)::int`.as('persons'),
      sql<number>`count(distinct household_id)::int`.as('households'),
    ])
    .where(parentColumn, '=', parent)
    .where('merged_into', 'is', null)
    .where(column, 'is not', null)
    .groupBy(column)
    .execute();
}

export function personsByIds(db: Q, ids: string[]) {
  return db
    .selectFrom('persons')
    .select(['id', 'full_name', 'phone', 'province_code', 'district_code', 'commune_code', 'birth_year', 'sex'])
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}

/** Who a person is, for modules that authorize the access themselves (a quarantine facility's staff, a certificate). */
export function identitiesOf(db: Q, ids: string[]) {
  return db
    .selectFrom('persons')
    .select(['id', 'full_name', 'birth_year', 'national_id', 'address', 'province_code', 'district_code', 'commune_code', 'merged_into'])
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}

/** What a FHIR Patient says of a person: identity, sex, birth, and where they live. */
export function patientRows(db: Q, ids: string[]) {
  return db
    .selectFrom('persons')
    .select(['id', 'full_name', 'birth_date', 'birth_year', 'sex', 'national_id', 'address', 'province_code', 'district_code', 'commune_code'])
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}

/** Household and place of these persons, in the caller's transaction. */
export function placesOfPersons(db: Q, ids: string[]) {
  return db
    .selectFrom('persons')
    .select(['id', 'full_name', 'household_id', 'province_code', 'district_code', 'commune_code', 'merged_into'])
    .where('id', 'in', ids)
    .execute();
}

/** Of these persons, the ids of those with this national ID or (when given) this phone number. */
export async function withIdentity(db: Q, ids: string[], nationalId: string, phone: string | null): Promise<string[]> {
  const rows = await db
    .selectFrom('persons')
    .select('id')
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('national_id', '=', nationalId), ...(phone ? [eb('phone', '=', phone)] : [])]))
    .execute();
  return rows.map((r) => r.id);
}

/** Households by id (zones: the households of a lockdown zone). */
export function householdsByIds(db: Q, ids: string[]) {
  return db
    .selectFrom('households')
    .selectAll()
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}

/** The ids of every household of a commune, or of one hamlet of it. */
export function householdIdsIn(db: Q, unit: { column: 'commune_code' | 'hamlet_code'; code: string }) {
  return db.selectFrom('households').select('id').where(unit.column, '=', unit.code).orderBy('id').execute();
}

/** Households of communes with their place and resident count (kept on households by the database), in id order. */
export function householdSizesIn(db: Q, communes: string[]) {
  return plainRows(
    db,
    sql`select id, commune_code as commune, hamlet_code as hamlet, residents as members from households where commune_code = any(${communes}::text[])`,
    { id: 'text', commune: 'text', hamlet: 'text', members: 'int' },
    'id',
    ['hamlet'],
  );
}

/** The live persons of a commune with an occupation (campaign groups), in id order. */
export function occupationsIn(db: Q, communeCode: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'occupation'])
    .where('commune_code', '=', communeCode)
    .where('merged_into', 'is', null)
    .where('occupation', 'is not', null)
    .orderBy('id')
    .execute() as Promise<{ id: string; occupation: string }[]>;
}

/** Households and residents per commune. */
export function householdTotalsIn(db: Q, communes: string[]) {
  return db
    .selectFrom('households')
    .select(['commune_code', sql<number>`count(*)::int`.as('households'), sql<number>`coalesce(sum(residents), 0)::int`.as('persons')])
    .where('commune_code', '=', sql<string>`any(${communes}::text[])`)
    .groupBy('commune_code')
    .execute();
}

/** The persons living in these households (not merged away). */
export function residentsOf(db: Q, householdIds: string[]) {
  return db
    .selectFrom('persons')
    .select([...PERSON_COLUMNS])
    .where('household_id', '=', sql<string>`any(${householdIds}::uuid[])`)
    .where('merged_into', 'is', null)
    .orderBy('household_id')
    .orderBy('birth_year')
    .execute();
}
