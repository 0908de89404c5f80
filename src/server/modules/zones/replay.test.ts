import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { generateOutbreak } from '../../seed/outbreak';
import { generateSyntheticCity } from '../../seed/synthetic-city';
import { createServices, type Services } from '../../services';
import { newTestDb, testConfig } from '../../test/harness';

/** A replay over a generated outbreak stores what each day's own assessment stores (the daily job's view of that day). */
describe('risk levels over a generated outbreak', () => {
  let db: Db;
  let services: Services;
  beforeAll(async () => {
    db = await newTestDb();
    services = await createServices(db, testConfig());
    await generateSyntheticCity(db, services.units, { persons: 4_000, provinceCode: '92', seed: 13 });
    await generateOutbreak(db, services, { provinceCode: '92', clusters: 6, casesPerCluster: 20, seed: 7 });
  }, 180_000);
  afterAll(async () => {
    await services?.audit.flush();
    await db?.close();
  });

  const stored = async (from: string, to: string) =>
    (
      await db.kysely
        .selectFrom('risk_assessments')
        .select(['unit_code', 'day', 'level', 'figures'])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .orderBy('unit_code')
        .execute()
    ).map((r) => [r.day, r.unit_code, r.level, JSON.stringify(r.figures)]);

  it('a replay of a month equals the days assessed one by one, in order, and some communes leave the new normal', async () => {
    const [from, to] = ['2021-09-01', '2021-09-30'];
    await services.zones.assess(null, from, to);
    const replayed = await stored(from, to);
    for (let d = 1; d <= 30; d++) await services.zones.assess(null, `2021-09-${String(d).padStart(2, '0')}`);
    expect(await stored(from, to)).toEqual(replayed);
    const levels = new Set(replayed.filter((r) => r[1].length === 5).map((r) => r[2]));
    expect(levels.has('VERY_HIGH') || levels.has('HIGH')).toBe(true);
    expect(levels.has('NEW_NORMAL')).toBe(true);
  }, 120_000);
});
