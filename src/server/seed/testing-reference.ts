import { uuidv7 } from '@domain/uuid';
import type { Db } from '../db/connect';
import type { UnitDirectory } from '../modules/geography/directory';

/**
 * Testing reference data for the demo city: illustrative labs (named as sample data, capacity left empty —
 * no made-up figures) and one sampling team per commune, so a sampling day can be run at once. Real labs and
 * teams are entered by the command center and the communes.
 */
export async function seedTestingReference(db: Db, units: UnitDirectory, provinceCode: string): Promise<{ labs: number; teams: number }> {
  const { n } = (await db.pool.query('select count(*)::int as n from labs where province_code = $1', [provinceCode])).rows[0] as { n: number };
  if (n > 0) return { labs: 0, teams: 0 };
  const labs = ['Phòng xét nghiệm số 1 (dữ liệu mẫu)', 'Phòng xét nghiệm số 2 (dữ liệu mẫu)'];
  await db.kysely
    .insertInto('labs')
    .values(labs.map((name) => ({ id: uuidv7(), province_code: provinceCode, name, address: null, daily_capacity: '{}' })))
    .execute();
  const communes = units
    .childrenOf(provinceCode)
    .flatMap((d) => units.childrenOf(d.code))
    .filter((u) => u.level === 'commune');
  if (communes.length) {
    await db.kysely
      .insertInto('sampling_teams')
      .values(
        communes.map((c) => ({
          id: uuidv7(),
          province_code: provinceCode,
          district_code: c.parent_code!,
          commune_code: c.code,
          name: 'Tổ lấy mẫu số 1',
          members: '[]',
        })),
      )
      .execute();
  }
  return { labs: labs.length, teams: communes.length };
}
