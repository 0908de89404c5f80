import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { cccdCenturySexDigit } from '@domain/national-id';
import { foldVietnamese } from '@domain/vn-text';
import { vnDay } from '@domain/dates';
import type { Db } from '../db/connect';
import type { AdminUnitsTable } from '../db/tables';
import type { Unit, UnitDirectory } from '../modules/geography/directory';
import { csvField } from '../platform/csv';
import { Rng } from './rng';
import {
  ELDERLY_OCCUPATIONS,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
  OCCUPATIONS,
  STREETS,
  SURNAMES,
  type Weighted,
} from './vn-names';

/** Source of every synthetic row; the CLI's --replace finds synthetic hamlets by this prefix. */
export const SYNTHETIC_SOURCE = 'Dữ liệu tổng hợp (synthetic)';
const HAMLET_SOURCE = `${SYNTHETIC_SOURCE} — không phải danh mục thật`;

/**
 * District weights: the orders of magnitude of domain-vn.md §9 (Cần Thơ, persons, approximate, tagged [M]).
 * Per-commune populations are unknown, so a district's weight is split evenly over its communes.
 */
const DISTRICT_WEIGHTS: Record<string, Record<string, number>> = {
  '92': { '916': 280_000, '923': 160_000, '918': 135_000, '917': 130_000, '924': 110_000, '927': 110_000, '925': 110_000, '926': 100_000, '919': 100_000 },
};

/** Province of birth on the CCCD: mostly the province itself, sometimes a neighbour (Cần Thơ: Vĩnh Long, An Giang, Hậu Giang, Sóc Trăng). */
const BIRTH_PROVINCES: Record<string, Weighted> = {
  '92': [
    ['092', 88],
    ['086', 3],
    ['089', 3],
    ['093', 4],
    ['094', 2],
  ],
};

/** Household sizes 1–8, mean ≈ 3.45 (Cần Thơ 2019: 1,235,171 persons in 359,375 households = 3.44). */
const HOUSEHOLD_SIZES: Weighted = [
  ['1', 11],
  ['2', 19],
  ['3', 24],
  ['4', 24],
  ['5', 11],
  ['6', 6],
  ['7', 3],
  ['8', 2],
];

/** Share of each five-year age band (0–4 … 95–99), roughly Vietnam 2019: 0–14 ≈ 24 %, 15–64 ≈ 68 %, 65+ ≈ 8 %. */
const AGE_BANDS = [8.0, 8.4, 7.6, 6.6, 6.9, 7.9, 8.3, 7.7, 7.2, 6.6, 6.0, 5.5, 4.5, 3.2, 1.9, 1.3, 0.9, 0.5, 0.15, 0.05];

/** Mobile prefixes in use since 2018, roughly by market share (Viettel first). */
const PHONE_PREFIXES: Weighted = [
  ['086', 4],
  ['096', 5],
  ['097', 5],
  ['098', 5],
  ['032', 3],
  ['033', 3],
  ['034', 3],
  ['035', 3],
  ['036', 3],
  ['037', 3],
  ['038', 3],
  ['039', 3],
  ['090', 4],
  ['093', 4],
  ['070', 2],
  ['076', 1],
  ['077', 1],
  ['078', 1],
  ['079', 1],
  ['089', 2],
  ['091', 4],
  ['094', 3],
  ['081', 1],
  ['082', 1],
  ['083', 1],
  ['084', 1],
  ['085', 1],
  ['088', 2],
  ['092', 1],
  ['056', 0.5],
  ['058', 0.5],
  ['099', 0.3],
  ['059', 0.2],
];

const HOUSEHOLD_COLUMNS = ['id', 'province_code', 'district_code', 'commune_code', 'hamlet_code', 'address', 'synthetic'];
const PERSON_COLUMNS = [
  'id',
  'province_code',
  'district_code',
  'commune_code',
  'hamlet_code',
  'household_id',
  'full_name',
  'name_folded',
  'birth_date',
  'birth_year',
  'sex',
  'national_id',
  'phone',
  'occupation',
  'address',
  'synthetic',
];
const HOUSEHOLDS_PER_CHUNK = 10_000;
const DAY_MS = 86_400_000;

/** CCCD serials: the last six digits are a per-(province, century-sex, year) counter mixed by an invertible affine map mod 10⁶. */
const SERIAL_MUL = 388_837;
const SERIAL_ADD = 271_828;
const SERIAL_MUL_INV = modInverse(SERIAL_MUL, 1_000_000);

type Sex = 'male' | 'female';
interface Member {
  sex: Sex;
  age: number;
  surname: string;
}

export interface SyntheticCityOptions {
  persons: number;
  provinceCode: string;
  /** Same seed on an empty database → the same people (ids aside). */
  seed?: number;
  /** Called after each chunk is loaded with the number of persons written so far. */
  onProgress?: (done: number) => void;
}

/**
 * Generates households and persons (synthetic = true) over the province's communes, creating synthetic
 * hamlets where a commune has none, then writes per-commune and per-district synthetic population rows.
 * Adds to what is there; run deleteSyntheticCity first to replace.
 * @example await generateSyntheticCity(db, units, { persons: 1_240_000, provinceCode: '92', seed: 2021 })
 */
export async function generateSyntheticCity(db: Db, units: UnitDirectory, opts: SyntheticCityOptions): Promise<{ persons: number; households: number }> {
  const province = units.get(opts.provinceCode);
  if (!province || province.level !== 'province') throw new Error(`unknown province ${opts.provinceCode}`);
  const communes = units
    .childrenOf(province.code)
    .flatMap((d) => units.childrenOf(d.code))
    .filter((u) => u.level === 'commune');
  if (communes.length === 0) throw new Error(`province ${province.code} has no communes`);
  const seed = opts.seed ?? 1;
  await ensureHamlets(db, units, communes, new Rng(seed ^ 0x5eed_a9));
  if (opts.persons <= 0) return { persons: 0, households: 0 };

  // A second run on the same database continues with different people and fresh CCCD serials.
  const existing = (await db.pool.query('select count(*)::int as n from persons where province_code = $1 and synthetic', [province.code])).rows[0].n as number;
  const rng = new Rng(existing === 0 ? seed : (seed ^ Math.imul(existing, 0x9e3779b1)) >>> 0);
  const people = new PersonFactory(rng, province.code, await nationalIdState(db, province.code), vnDay());

  const weights = DISTRICT_WEIGHTS[province.code];
  const perDistrict = new Map<string, number>();
  for (const c of communes) perDistrict.set(c.parent_code!, (perDistrict.get(c.parent_code!) ?? 0) + 1);
  const quotas = apportion(
    opts.persons,
    communes.map((c) => (weights?.[c.parent_code!] ?? 1) / perDistrict.get(c.parent_code!)!),
  );

  const sizes = new Picker(HOUSEHOLD_SIZES);
  let chunk = new Chunk();
  // PostgreSQL: several chunks load at once on their own connections (index and foreign-key upkeep,
  // not the CSV, is what costs); PGlite is a single connection.
  const parallel = db.kind === 'postgres' ? 2 : 1;
  const loading = new Set<Promise<void>>();
  let done = 0;
  let households = 0;
  const flush = async () => {
    while (loading.size >= parallel) await Promise.race(loading);
    const full = chunk;
    chunk = new Chunk();
    const load: Promise<void> = loadChunk(db, province.code, full).then(() => {
      loading.delete(load);
      done += full.persons;
      opts.onProgress?.(done);
    });
    load.catch(() => {});
    loading.add(load);
  };

  for (let i = 0; i < communes.length; i++) {
    const commune = communes[i];
    const hamlets = units.childrenOf(commune.code).filter((u) => u.level === 'hamlet');
    const urban = commune.type === 'Phường';
    for (let left = quotas[i]; left > 0;) {
      const size = Math.min(Number(sizes.pick(rng)), left);
      left -= size;
      const hamlet = rng.pick(hamlets);
      const place = `${province.code},${commune.parent_code},${commune.code},${hamlet.code}`;
      const address = csvField(houseAddress(rng, urban, hamlet.name));
      const householdId = uuid7();
      chunk.households.write(`${householdId},${place},${address},t\n`);
      chunk.householdIds.push(householdId);
      const members = composeHousehold(rng, size, people);
      for (let m = 0; m < members.length; m++) {
        const personId = uuid7();
        if (m === 0) chunk.heads.push(personId);
        chunk.rows.write(`${personId},${place},${householdId},${people.row(members[m], urban)},${address},t\n`);
      }
      chunk.persons += members.length;
      households++;
      // Let the previous chunk's COPY stream drain to the server while this one is built.
      if (households % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (chunk.householdIds.length >= HOUSEHOLDS_PER_CHUNK) await flush();
    }
  }
  if (chunk.persons > 0) await flush();
  await Promise.all(loading);
  await writePopulation(db, province.code);
  // After a bulk load: statistics for the planner and a visibility map for index-only scans
  // (PGlite has no autovacuum; on PostgreSQL this saves waiting for it).
  await db.pool.query('vacuum analyze persons, households');
  return { persons: opts.persons, households };
}

/**
 * Deletes the province's synthetic persons, households, population rows and synthetic hamlets that
 * nothing references; real rows are never touched. Returns how many persons and households went.
 */
export async function deleteSyntheticCity(db: Db, provinceCode: string): Promise<{ persons: number; households: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    const p = provinceCode;
    const counts = await sql<{ persons: number; households: number; others: number; refs: number }>`select
      (select count(*)::int from persons where province_code = ${p} and synthetic) as persons,
      (select count(*)::int from households where province_code = ${p} and synthetic) as households,
      (select count(*)::int from (select 1 from persons where province_code <> ${p} or not synthetic union all
        select 1 from households where province_code <> ${p} or not synthetic limit 1) x) as others,
      (select count(*)::int from pg_constraint where contype = 'f' and confrelid in ('persons'::regclass, 'households'::regclass)
        and conrelid not in ('persons'::regclass, 'households'::regclass)) as refs`.execute(trx);
    const { persons, households, others, refs } = counts.rows[0];
    if (others === 0 && refs === 0) {
      // Nothing but this city's synthetic rows and nothing points at them: truncating is instant; deleting rows
      // checks households.head_person_id, which has no index, once per person.
      await sql`truncate persons, households`.execute(trx);
    } else {
      await sql`update households set head_person_id = null
        where province_code = ${p} and head_person_id in (select id from persons where province_code = ${p} and synthetic)`.execute(trx);
      await sql`delete from persons where province_code = ${p} and synthetic`.execute(trx);
      await sql`delete from households h where province_code = ${p} and synthetic
        and not exists (select 1 from persons x where x.household_id = h.id and x.province_code = h.province_code)`.execute(trx);
    }
    await sql`delete from population where synthetic and unit_code in (select code from admin_units where province_code = ${p})`.execute(trx);
    await sql`delete from admin_units a where a.province_code = ${p} and a.level = 'hamlet' and a.source like 'Dữ liệu tổng hợp%'
      and not exists (select 1 from households h where h.hamlet_code = a.code)
      and not exists (select 1 from persons x where x.hamlet_code = a.code)
      and not exists (select 1 from population n where n.unit_code = a.code)
      and not exists (select 1 from admin_units c where c.parent_code = a.code)`.execute(trx);
    return { persons, households };
  });
}

/** 4–10 hamlets for each commune that has none: "Khu vực n" in a phường, "Ấp n" elsewhere. */
async function ensureHamlets(db: Db, units: UnitDirectory, communes: Unit[], rng: Rng): Promise<void> {
  const rows: AdminUnitsTable[] = [];
  for (const c of communes) {
    if (units.childrenOf(c.code).some((u) => u.level === 'hamlet')) continue;
    const type = c.type === 'Phường' ? 'Khu vực' : 'Ấp';
    for (let n = 1, count = rng.int(4, 10); n <= count; n++) {
      const name = `${type} ${n}`;
      rows.push({
        code: `${c.code}.${n}`,
        province_code: c.province_code,
        parent_code: c.code,
        level: 'hamlet',
        name,
        name_folded: foldVietnamese(name),
        type,
        valid_from: '2021-01-01',
        valid_to: null,
        source: HAMLET_SOURCE,
      });
    }
  }
  if (rows.length === 0) return;
  await db.kysely
    .insertInto('admin_units')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await units.reload();
}

/** Households first (heads unset: the FK would be checked at the end of the COPY), then persons, then the heads. */
async function loadChunk(db: Db, provinceCode: string, chunk: Chunk): Promise<void> {
  await db.copyCsv('households', HOUSEHOLD_COLUMNS, chunk.households.text());
  await db.copyCsv('persons', PERSON_COLUMNS, chunk.rows.text());
  await sql`update households h set head_person_id = v.head
    from unnest(${chunk.householdIds}::uuid[], ${chunk.heads}::uuid[]) as v (id, head)
    where h.id = v.id and h.province_code = ${provinceCode}`.execute(db.kysely);
}

/** Synthetic population of every commune and district of the province, as counted in the database, dated today. */
async function writePopulation(db: Db, provinceCode: string): Promise<void> {
  for (const level of ['commune_code', 'district_code'] as const) {
    const unit = sql.ref(level);
    await sql`insert into population (unit_code, as_of, source, count, households, synthetic)
      select p.unit, ${vnDay()}::date, ${SYNTHETIC_SOURCE}, p.n, coalesce(h.n, 0), true
      from (select ${unit} as unit, count(*)::int as n from persons where province_code = ${provinceCode} and synthetic and merged_into is null group by 1) p
      left join (select ${unit} as unit, count(*)::int as n from households where province_code = ${provinceCode} and synthetic group by 1) h on h.unit = p.unit
      on conflict (unit_code, as_of, source) do update set count = excluded.count, households = excluded.households, synthetic = true`.execute(db.kysely);
  }
}

/**
 * Who lives together: a single adult; or a head (with a spouse of another surname, usually) and their
 * children, who take the father's surname; older heads often live with a grown child, the child's
 * spouse and grandchildren; younger heads sometimes with a parent. The head comes first.
 */
function composeHousehold(rng: Rng, size: number, people: PersonFactory): Member[] {
  if (size === 1) return [{ sex: rng.next() < 0.45 ? 'male' : 'female', age: people.age(rng, 18, 99), surname: people.surname(rng) }];
  const head: Member = { sex: rng.next() < 0.7 ? 'male' : 'female', age: people.age(rng, 22, 92), surname: people.surname(rng) };
  const out = [head];
  const spouse = rng.next() < 0.85 ? partnerOf(rng, head, people) : null;
  if (spouse) out.push(spouse);
  if (out.length < size && head.age < 55 && rng.next() < 0.25) out.push(parentOf(rng, head, people));
  let father: Member = head.sex === 'male' ? head : (spouse ?? { sex: 'male', age: head.age + 3, surname: people.surname(rng) });
  let mother: Member = head.sex === 'female' ? head : (spouse ?? { sex: 'female', age: head.age - 3, surname: people.surname(rng) });
  if (out.length < size && head.age >= 55 && rng.next() < 0.7) {
    const child: Member = {
      sex: rng.next() < 0.5 ? 'male' : 'female',
      age: people.age(rng, Math.max(18, mother.age - 40), Math.max(18, mother.age - 20)),
      surname: father.surname,
    };
    out.push(child);
    const inLaw = out.length < size && rng.next() < 0.7 ? partnerOf(rng, child, people) : null;
    if (inLaw) out.push(inLaw);
    const other = inLaw ?? ({ sex: child.sex === 'male' ? 'female' : 'male', age: child.age, surname: people.surname(rng) } as Member);
    [father, mother] = child.sex === 'male' ? [child, other] : [other, child];
  }
  // At most one child at 18 and one more per four years of the mother's age; other members are the head's parent or siblings.
  for (let children = 0, most = Math.floor((mother.age - 14) / 4); out.length < size; children++) {
    if (children < most)
      out.push({ sex: rng.next() < 0.512 ? 'male' : 'female', age: people.age(rng, Math.max(0, mother.age - 45), mother.age - 18), surname: father.surname });
    else if (head.age < 70 && !out.some((m) => m.age >= head.age + 18)) out.push(parentOf(rng, head, people));
    else out.push({ sex: rng.next() < 0.5 ? 'male' : 'female', age: Math.max(15, head.age + rng.int(-8, 8)), surname: head.surname });
  }
  return out;
}

/** A parent of `m`: the father shares the surname, the mother (more often the one still living) has her own. */
function parentOf(rng: Rng, m: Member, people: PersonFactory): Member {
  const sex: Sex = rng.next() < 0.65 ? 'female' : 'male';
  return { sex, age: Math.min(99, m.age + rng.int(22, 34)), surname: sex === 'male' ? m.surname : people.surname(rng) };
}

function partnerOf(rng: Rng, m: Member, people: PersonFactory): Member {
  const gap = rng.int(0, 6);
  return m.sex === 'male'
    ? { sex: 'female', age: Math.max(18, m.age - gap), surname: people.surname(rng) }
    : { sex: 'male', age: Math.min(99, m.age + gap), surname: people.surname(rng) };
}

function houseAddress(rng: Rng, urban: boolean, hamlet: string): string {
  const to = rng.int(1, 15);
  if (!urban) return `Số ${rng.int(1, 350)}, tổ ${to}, ${hamlet}`;
  const house = rng.next() < 0.6 ? `${rng.int(1, 400)}` : `${rng.int(1, 250)}/${rng.int(1, 90)}`;
  return `${house} đường ${rng.pick(STREETS)}, tổ ${to}, ${hamlet}`;
}

/** Turns a member into the CSV fields from full_name to occupation; owns the name pickers and the CCCD counters. */
class PersonFactory {
  private readonly surnames = new Picker(SURNAMES);
  private readonly middle = {
    male: { older: new Picker(MALE_MIDDLE_NAMES.older), younger: new Picker(MALE_MIDDLE_NAMES.younger) },
    female: { older: new Picker(FEMALE_MIDDLE_NAMES.older), younger: new Picker(FEMALE_MIDDLE_NAMES.younger) },
  };
  private readonly given = { male: new Picker(MALE_GIVEN_NAMES), female: new Picker(FEMALE_GIVEN_NAMES) };
  private readonly work = {
    urban: new Picker(OCCUPATIONS.map((o) => [o.name, o.urban] as const)),
    rural: new Picker(OCCUPATIONS.map((o) => [o.name, o.rural] as const)),
  };
  private readonly elderly = { urban: new Picker(ELDERLY_OCCUPATIONS.urban), rural: new Picker(ELDERLY_OCCUPATIONS.rural) };
  private readonly birthProvinces: Picker;
  private readonly phones = new Picker(PHONE_PREFIXES);
  private readonly ages: number[] = [];
  private readonly folded = new Map<string, string>();
  private readonly quotedOccupations = new Map<string, string>();
  private readonly days: string[] = [];
  private readonly todayMs: number;

  constructor(
    private readonly rng: Rng,
    provinceCode: string,
    private readonly serials: NationalIdState,
    today: string,
  ) {
    this.birthProvinces = new Picker(BIRTH_PROVINCES[provinceCode] ?? [[provinceCode.padStart(3, '0'), 1]]);
    this.todayMs = Date.parse(`${today}T00:00:00Z`);
    let total = 0;
    for (let age = 0; age < AGE_BANDS.length * 5; age++) this.ages.push((total += AGE_BANDS[Math.floor(age / 5)]));
  }

  surname(rng: Rng): string {
    return this.surnames.pick(rng);
  }

  /** An age in [min, max] following the population pyramid. */
  age(rng: Rng, min: number, max: number): number {
    const lo = min === 0 ? 0 : this.ages[min - 1];
    const x = lo + rng.next() * (this.ages[max] - lo);
    let a = min;
    while (this.ages[a] < x && a < max) a++;
    return a;
  }

  /** full_name,name_folded,birth_date,birth_year,sex,national_id,phone,occupation */
  row(m: Member, urban: boolean): string {
    const rng = this.rng;
    const generation = m.age < 25 ? 'younger' : 'older';
    const middle = this.middle[m.sex][generation].pick(rng);
    const given = this.given[m.sex].pick(rng);
    const fullName = `${m.surname} ${middle} ${given}`;
    const folded = `${this.fold(m.surname)} ${this.fold(middle)} ${this.fold(given)}`;
    const birthDate = this.dayBefore(1 + Math.floor((m.age + rng.next()) * 365.2425));
    const birthYear = Number(birthDate.slice(0, 4));
    const nationalId = m.age >= 14 ? this.nationalId(birthYear, m.sex) : '';
    const phone = m.age >= 15 && rng.next() < 0.85 ? this.phones.pick(rng) + String(rng.int(0, 9_999_999)).padStart(7, '0') : '';
    return `${fullName},${folded},${birthDate},${birthYear},${m.sex},${nationalId},${phone},${this.occupation(m, urban)}`;
  }

  /** The date `days` days before today, ISO; memoised (a century is ~36,500 distinct days). */
  private dayBefore(days: number): string {
    return (this.days[days] ??= new Date(this.todayMs - days * DAY_MS).toISOString().slice(0, 10));
  }

  private nationalId(birthYear: number, sex: Sex): string {
    const bucket = `${this.birthProvinces.pick(this.rng)}${cccdCenturySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}`;
    let serial: string;
    do {
      const n = this.serials.next.get(bucket) ?? 0;
      if (n >= 1_000_000) throw new Error(`CCCD serials exhausted for ${bucket}`);
      this.serials.next.set(bucket, n + 1);
      serial = String((n * SERIAL_MUL + SERIAL_ADD) % 1_000_000).padStart(6, '0');
    } while (this.serials.taken.has(bucket + serial));
    return bucket + serial;
  }

  private occupation(m: Member, urban: boolean): string {
    const rng = this.rng;
    let name = '';
    if (m.age >= 6 && m.age < 15) name = 'Học sinh';
    else if (m.age >= 15 && m.age < 18 && rng.next() < 0.85) name = 'Học sinh';
    else if (m.age >= 18 && m.age < 23 && rng.next() < (urban ? 0.45 : 0.2)) name = 'Sinh viên';
    else if (m.age >= 60) name = this.elderly[urban ? 'urban' : 'rural'].pick(rng);
    else if (m.age >= 15) {
      name = this.work[urban ? 'urban' : 'rural'].pick(rng);
      if (name === 'Nội trợ' && m.sex === 'male') name = this.work[urban ? 'urban' : 'rural'].pick(rng);
    }
    let quoted = this.quotedOccupations.get(name);
    if (quoted === undefined) this.quotedOccupations.set(name, (quoted = csvField(name)));
    return quoted;
  }

  /** foldVietnamese per name part, memoised: folding the parts and joining with spaces equals folding the whole name. */
  private fold(part: string): string {
    let f = this.folded.get(part);
    if (f === undefined) this.folded.set(part, (f = foldVietnamese(part)));
    return f;
  }
}

interface NationalIdState {
  /** Next counter per 6-digit prefix (province of birth, century-sex digit, year). */
  next: Map<string, number>;
  /** Real (non-synthetic) 12-digit IDs already in the province, which a synthetic one must not repeat. */
  taken: Set<string>;
}

/** Counters continue after the largest serial already used by synthetic persons, recovered with the inverse map. */
async function nationalIdState(db: Db, provinceCode: string): Promise<NationalIdState> {
  const used = await db.pool.query(
    `select left(national_id, 6) as bucket, max(((right(national_id, 6)::bigint - $2 + 1000000) % 1000000) * $3 % 1000000)::int as n
     from persons where province_code = $1 and synthetic and national_id ~ '^[0-9]{12}$' group by 1`,
    [provinceCode, SERIAL_ADD, SERIAL_MUL_INV],
  );
  const real = await db.pool.query(
    `select national_id from persons where province_code = $1 and not synthetic and merged_into is null and national_id ~ '^[0-9]{12}$'`,
    [provinceCode],
  );
  return {
    next: new Map(used.rows.map((r: { bucket: string; n: number }) => [r.bucket, r.n + 1])),
    taken: new Set(real.rows.map((r: { national_id: string }) => r.national_id)),
  };
}

/** One batch of CSV text (households, persons) and the head of each household, in order. */
class Chunk {
  households = new CsvBuffer();
  householdIds: string[] = [];
  heads: string[] = [];
  rows = new CsvBuffer();
  persons = 0;
}

/**
 * CSV text accumulated as UTF-8 bytes outside the JS heap: a chunk's row strings then die young,
 * instead of being promoted and traced by the garbage collector until the chunk is sent (GC was
 * most of the generator's time).
 */
class CsvBuffer {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  write(text: string): void {
    if (this.length + text.length * 3 > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + text.length * 3));
      this.bytes.copy(bigger, 0, 0, this.length);
      this.bytes = bigger;
    }
    this.length += this.bytes.write(text, this.length);
  }

  text(): string {
    return this.bytes.toString('utf8', 0, this.length);
  }
}

/** Largest-remainder split of `total` by `weights`; every part gets at least one when total allows. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - parts.reduce((a, b) => a + b, 0); k < left; k++) parts[byRemainder[k][1]]++;
  if (total >= parts.length) {
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] > 0) continue;
      parts[parts.indexOf(Math.max(...parts))]--;
      parts[i] = 1;
    }
  }
  return parts;
}

/**
 * UUIDv7 as in @domain/uuid (48-bit milliseconds, version 7, variant 10, random bits), built from a v4
 * UUID whose random bits come from Node's pooled generator: ~20× faster, which matters at a million rows.
 */
let lastMs = -1;
let msHex = '';
export function uuid7(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    const hex = now.toString(16).padStart(12, '0');
    msHex = `${hex.slice(0, 8)}-${hex.slice(8)}-7`;
  }
  return msHex + randomUUID().slice(15);
}

class Picker {
  private readonly items: string[];
  private readonly cumulative: number[] = [];
  constructor(weighted: Weighted) {
    this.items = weighted.map(([item]) => item);
    let total = 0;
    for (const [, w] of weighted) this.cumulative.push((total += w));
  }
  pick(rng: Rng): string {
    const x = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
}

function modInverse(a: number, m: number): number {
  let [r0, r1, t0, t1] = [m, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
  }
  return ((t0 % m) + m) % m;
}
