import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNationalId } from '@domain/national-id';
import { normalizeMobilePhone } from '@domain/phone';
import { foldVietnamese } from '@domain/vn-text';
import type { Db } from '../db/connect';
import { UnitDirectory } from '../modules/geography/directory';
import { newTestDb } from '../test/harness';
import { deleteSyntheticCity, generateSyntheticCity } from './synthetic-city';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fresh database with the reference units, and a synthetic Cần Thơ of `persons` people in it. */
async function cityOf(persons: number, seed: number) {
  const db = await newTestDb();
  const units = new UnitDirectory(db.kysely);
  await units.reload();
  const result = await generateSyntheticCity(db, units, { persons, provinceCode: '92', seed });
  return { db, units, result };
}

const rows = async <T>(db: Db, text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows as T[];

describe('synthetic city', () => {
  let db: Db;
  let units: UnitDirectory;
  let households: number;
  beforeAll(async () => {
    ({
      db,
      units,
      result: { households },
    } = await cityOf(3_000, 7));
  }, 120_000);
  afterAll(() => db?.close());

  it('creates exactly the persons asked for, in about 3.44 persons per household', async () => {
    const [count] = await rows<{ persons: number; households: number }>(
      db,
      'select (select count(*)::int from persons) as persons, (select count(*)::int from households) as households',
    );
    expect(count).toEqual({ persons: 3_000, households });
    expect(3_000 / households).toBeGreaterThan(3.1);
    expect(3_000 / households).toBeLessThan(3.8);
  });

  it('gives every person of 14 or more a CCCD matching birth year and sex, unique, and none to younger children', async () => {
    const people = await rows<{ national_id: string | null; birth_year: number; birth_date: string; sex: string }>(
      db,
      'select national_id, birth_year, birth_date::text, sex from persons',
    );
    const today = new Date().getUTCFullYear();
    for (const p of people) {
      expect(Number(p.birth_date.slice(0, 4))).toBe(p.birth_year);
      if (today - p.birth_year < 14) expect(p.national_id).toBeNull();
      if (today - p.birth_year > 15) expect(p.national_id).not.toBeNull();
      if (p.national_id === null) continue;
      expect(checkNationalId(p.national_id, p.birth_year), p.national_id).toBeNull();
      expect(Number(p.national_id[3]) % 2).toBe(p.sex === 'female' ? 1 : 0);
    }
    const ids = people.flatMap((p) => (p.national_id ? [p.national_id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('092')).length / ids.length).toBeGreaterThan(0.8);
  });

  it('gives valid mobile numbers to about 85 % of people aged 15 or more', async () => {
    const people = await rows<{ phone: string | null; age: number }>(db, 'select phone, extract(year from now())::int - birth_year as age from persons');
    for (const p of people) {
      if (p.phone !== null) expect(normalizeMobilePhone(p.phone), p.phone).toBe(p.phone);
      if (p.age < 15) expect(p.phone).toBeNull();
    }
    const adults = people.filter((p) => p.age >= 16);
    const share = adults.filter((p) => p.phone !== null).length / adults.length;
    expect(share).toBeGreaterThan(0.78);
    expect(share).toBeLessThan(0.92);
  });

  it('puts people in every commune of Cần Thơ and in synthetic hamlets of that commune', async () => {
    const communes = units.childrenOf('92').flatMap((d) => units.childrenOf(d.code));
    expect(communes).toHaveLength(83);
    const counts = await rows<{ commune_code: string; n: number }>(db, 'select commune_code, count(*)::int as n from persons group by 1');
    expect(counts).toHaveLength(83);
    const [misplaced] = await rows<{ n: number }>(
      db,
      `select count(*)::int as n from persons p join admin_units h on h.code = p.hamlet_code
      where h.parent_code <> p.commune_code or h.level <> 'hamlet' or p.hamlet_code not like p.commune_code || '.%'`,
    );
    expect(misplaced.n).toBe(0);
    expect(units.get('31117.1')).toMatchObject({ name: 'Khu vực 1', type: 'Khu vực', level: 'hamlet', parent_code: '31117' });
    expect(units.get('31303.1')).toMatchObject({ name: 'Ấp 1', type: 'Ấp', level: 'hamlet', parent_code: '31303' });
  });

  it('makes the head of each household one of its members, and marks every row synthetic', async () => {
    const [check] = await rows<{ headless: number; outside: number; real: number }>(
      db,
      `select
      (select count(*)::int from households where head_person_id is null) as headless,
      (select count(*)::int from households h join persons p on p.id = h.head_person_id where p.household_id <> h.id) as outside,
      (select count(*)::int from persons where not synthetic) + (select count(*)::int from households where not synthetic) as real`,
    );
    expect(check).toEqual({ headless: 0, outside: 0, real: 0 });
    const ids = await rows<{ id: string }>(db, 'select id::text from persons union all select id::text from households');
    for (const { id } of ids) expect(id).toMatch(UUID_V7);
  });

  it('writes Vietnamese names, Nguyễn the most common surname, with the folded form for search', async () => {
    const people = await rows<{ full_name: string; name_folded: string }>(db, 'select full_name, name_folded from persons');
    const surnames = new Map<string, number>();
    for (const p of people) {
      expect(p.name_folded).toBe(foldVietnamese(p.full_name));
      expect(p.full_name).toBe(p.full_name.normalize('NFC'));
      const surname = p.full_name.split(' ')[0];
      surnames.set(surname, (surnames.get(surname) ?? 0) + 1);
    }
    const ranked = [...surnames].sort((a, b) => b[1] - a[1]);
    expect(ranked[0][0]).toBe('Nguyễn');
    expect(ranked[0][1] / people.length).toBeGreaterThan(0.3);
  });

  it('follows a population pyramid close to Vietnam 2019', async () => {
    const [ages] = await rows<{ children: number; elderly: number }>(
      db,
      `select
      avg((extract(year from now()) - birth_year < 15)::int)::float as children,
      avg((extract(year from now()) - birth_year >= 65)::int)::float as elderly from persons`,
    );
    expect(ages.children).toBeGreaterThan(0.18);
    expect(ages.children).toBeLessThan(0.3);
    expect(ages.elderly).toBeGreaterThan(0.05);
    expect(ages.elderly).toBeLessThan(0.12);
  });

  it('writes the synthetic population of every commune and district, adding up to the persons', async () => {
    const pop = await rows<{ level: string; units: number; persons: number; households: number }>(
      db,
      `select u.level, count(*)::int as units,
      sum(p.count)::int as persons, sum(p.households)::int as households
      from population p join admin_units u on u.code = p.unit_code where p.synthetic group by 1 order by 1`,
    );
    expect(pop).toEqual([
      { level: 'commune', units: 83, persons: 3_000, households },
      { level: 'district', units: 9, persons: 3_000, households },
    ]);
  });

  it('adds more people with fresh CCCD numbers when run again, and deleting removes only synthetic data', async () => {
    await generateSyntheticCity(db, units, { persons: 500, provinceCode: '92', seed: 7 });
    const [after] = await rows<{ n: number; ids: number; dup: number }>(
      db,
      `select count(*)::int as n, count(national_id)::int as ids,
      count(distinct national_id)::int as dup from persons`,
    );
    expect(after.n).toBe(3_500);
    expect(after.dup).toBe(after.ids);

    await db.pool.query(`insert into persons (id, province_code, district_code, commune_code, full_name, name_folded, birth_year, sex)
      values ('01890000-0000-7000-8000-000000000001', '92', '916', '31117', 'Trần Văn Thật', 'tran van that', 1980, 'male')`);
    const gone = await deleteSyntheticCity(db, '92');
    await units.reload();
    expect(gone.persons).toBe(3_500);
    const [left] = await rows<{ persons: number; households: number; population: number; hamlets: number; census: number }>(
      db,
      `select
      (select count(*)::int from persons) as persons, (select count(*)::int from households) as households,
      (select count(*)::int from population where synthetic) as population,
      (select count(*)::int from admin_units where level = 'hamlet') as hamlets,
      (select count(*)::int from admin_units where province_code = '92') as census`,
    );
    expect(left).toEqual({ persons: 1, households: 0, population: 0, hamlets: 0, census: 1 + 9 + 83 });
  });
});

describe('synthetic city on its own', () => {
  it('is emptied entirely by deleting it, the GSO units kept', async () => {
    const { db } = await cityOf(300, 1);
    try {
      expect(await deleteSyntheticCity(db, '92')).toEqual({ persons: 300, households: expect.any(Number) });
      const [left] = await rows<{ persons: number; households: number; hamlets: number; units: number }>(
        db,
        `select
        (select count(*)::int from persons) as persons, (select count(*)::int from households) as households,
        (select count(*)::int from admin_units where level = 'hamlet') as hamlets, (select count(*)::int from admin_units where province_code = '92') as units`,
      );
      expect(left).toEqual({ persons: 0, households: 0, hamlets: 0, units: 93 });
    } finally {
      await db.close();
    }
  }, 120_000);

  it('generates the same people on two fresh databases', async () => {
    const names = async () => {
      const { db } = await cityOf(800, 2021);
      try {
        return await rows<{ full_name: string; birth_date: string; national_id: string | null; commune_code: string }>(
          db,
          'select full_name, birth_date::text, national_id, commune_code from persons order by commune_code, national_id, full_name, birth_date',
        );
      } finally {
        await db.close();
      }
    };
    const [first, second] = [await names(), await names()];
    expect(first).toHaveLength(800);
    expect(second).toEqual(first);
  }, 120_000);
});
