import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/connect';
import type { Database } from '../db/tables';
import { rulesInForce } from '../modules/tracing/classification';
import { createServices, type Services } from '../services';
import { newTestDb, testConfig } from '../test/harness';
import { generateOutbreak, type OutbreakResult } from './outbreak';
import { generateSyntheticCity } from './synthetic-city';

const rows = async <T>(db: Db, text: string, params: unknown[] = []) => (await db.pool.query(text, params)).rows as T[];

/** Thrown to roll a transaction back after looking inside it. */
class Rollback extends Error {}

describe('synthetic outbreak', () => {
  let db: Db;
  let services: Services;
  let result: OutbreakResult;
  beforeAll(async () => {
    db = await newTestDb();
    services = await createServices(db, testConfig());
    await generateSyntheticCity(db, services.units, { persons: 3_000, provinceCode: '92', seed: 11 });
    result = await generateOutbreak(db, services, { provinceCode: '92', clusters: 4, casesPerCluster: 15, seed: 5 });
  }, 180_000);
  afterAll(async () => {
    await services?.audit.flush();
    await db?.close();
  });

  it('reports what it loaded, several generations deep, with F0, F1 and F2', async () => {
    const [count] = await rows<{ cases: number; exposures: number; classes: number; clusters: number }>(
      db,
      `select
      (select count(*)::int from cases) as cases, (select count(*)::int from exposures) as exposures,
      (select count(*)::int from classifications) as classes, (select count(*)::int from clusters) as clusters`,
    );
    expect(count).toEqual({
      cases: result.cases,
      exposures: result.exposures,
      classes: result.classified.F0 + result.classified.F1 + result.classified.F2,
      clusters: 4,
    });
    expect(result.cases).toBe(4 * 15);
    expect(result.classified.F0).toBe(result.cases);
    expect(result.classified.F1).toBeGreaterThan(result.cases);
    expect(result.classified.F2).toBeGreaterThan(0);
    expect(result.generations).toBeGreaterThanOrEqual(3);
  });

  it('dates cases in Sep–Oct 2021 with sampled ≤ confirmed and onset ≤ confirmed; index cases found in the community, traced ones mostly in quarantine', async () => {
    const cases = await rows<{ confirmed_on: string; sampled_on: string; onset_on: string | null; detected_in: string; index: boolean }>(
      db,
      `select
      confirmed_on, sampled_on, onset_on, detected_in, exists (select 1 from clusters k where k.index_case_id = c.id) as index from cases c`,
    );
    for (const c of cases) {
      expect(c.sampled_on <= c.confirmed_on).toBe(true);
      if (c.onset_on) expect(c.onset_on <= c.confirmed_on).toBe(true);
      expect(c.confirmed_on >= '2021-09-01' && c.confirmed_on <= '2021-10-31', c.confirmed_on).toBe(true);
    }
    expect(cases.filter((c) => c.index).every((c) => c.detected_in === 'community')).toBe(true);
    const traced = cases.filter((c) => !c.index);
    const inQuarantine = traced.filter((c) => ['home_quarantine', 'lockdown_zone', 'quarantine_facility'].includes(c.detected_in)).length;
    expect(inQuarantine / traced.length).toBeGreaterThan(0.6);
  });

  it('gives every F1 a via exposure from a case whose infectious window it overlaps', async () => {
    const f1 = await rows<{ n: number; bad: number }>(
      db,
      `select count(*)::int as n, count(*) filter (where not exists (
        select 1 from exposures e join cases k on k.person_id = e.source_person_id and k.status = 'active'
        where e.id = c.via_exposure_id and e.exposed_person_id = c.person_id and e.source_person_id = c.root_case_person_id
          and e.end_at >= (coalesce(k.onset_on, k.sampled_on) - 2)::timestamp at time zone 'Asia/Ho_Chi_Minh'
          and (k.isolated_at is null or e.start_at <= k.isolated_at)))::int as bad
      from classifications c where c.class = 'F1'`,
    );
    expect(f1[0].n).toBeGreaterThan(0);
    expect(f1[0].bad).toBe(0);
    const f2 = await rows<{ bad: number }>(
      db,
      `select count(*)::int as bad from classifications c where c.class = 'F2' and not exists (
      select 1 from exposures e join classifications s on s.person_id = e.source_person_id and s.class = 'F1'
      where e.id = c.via_exposure_id and e.exposed_person_id = c.person_id)`,
    );
    expect(f2[0].bad).toBe(0);
  });

  it('computes the same classes set-based as reclassifyAround does incrementally', async () => {
    const rules = await rulesInForce(services.ruleSets, result.rules.day);
    const sample = await rows<{ id: string }>(
      db,
      `(select person_id as id from cases order by person_id limit 7)
      union all (select person_id from classifications where class = 'F1' order by person_id limit 7)
      union all (select person_id from classifications where class = 'F2' order by person_id limit 3)
      union all (select exposed_person_id from exposures where exposed_person_id not in (select person_id from classifications) order by 1 limit 3)`,
    );
    expect(sample.length).toBe(20);
    let considered = 0;
    for (const { id } of sample) {
      await expect(
        db.kysely.transaction().execute(async (trx) => {
          const report = await services.tracing.reclassifyAroundInTx(trx, [id], rules);
          considered += report.considered;
          expect(report.rowsTouched, `reclassifyAround around ${id}`).toBe(0);
          throw new Rollback();
        }),
      ).rejects.toBeInstanceOf(Rollback);
    }
    expect(considered).toBeGreaterThan(20);

    // Rebuilt from nothing, the neighbourhood's rows are the set-based ones, quarantine plans included.
    const columns = sql.raw(`person_id, district_code, commune_code, class, generation, via_exposure_id, root_case_person_id, exposed_at, rule_set_id,
      rule_version, quarantine_situation, quarantine_until::text, test_days::text`);
    const ids = sample.map((s) => s.id);
    const read = async (q: Kysely<Database>) =>
      (await sql`select ${columns} from classifications where person_id = any(${ids}::uuid[]) order by person_id`.execute(q)).rows;
    const before = await read(db.kysely);
    expect(before.length).toBe(17);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('classifications').where('person_id', 'in', ids).execute();
        const report = await services.tracing.reclassifyAroundInTx(trx, ids, rules);
        expect(report.rowsTouched).toBe(before.length);
        expect(await read(trx)).toEqual(before);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
  });

  it('numbers cases <province>-<year>-<serial>, unique, and moves the counter to the last serial', async () => {
    const codes = (await rows<{ case_code: string }>(db, 'select case_code from cases order by case_code')).map((r) => r.case_code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^92-2021-\d{6}$/);
    expect(codes[0]).toBe('92-2021-000001');
    expect(codes.at(-1)).toBe(`92-2021-${String(codes.length).padStart(6, '0')}`);
    const [counter] = await rows<{ last: number }>(db, `select last from case_code_counters where province_code = '92' and year = 2021`);
    expect(counter.last).toBe(codes.length);
  });

  it('names one cluster per index case, anchored on a place, high-contact for markets, schools and hospitals', async () => {
    const clusters = await rows<{ name: string; place_name: string; high_contact: boolean; kind: string; detected_in: string; same_commune: boolean }>(
      db,
      `
      select k.name, k.place_name, k.high_contact, p.kind, c.detected_in, c.commune_code = k.commune_code as same_commune
      from clusters k join cases c on c.id = k.index_case_id join places p on p.id = k.place_id`,
    );
    expect(clusters.length).toBe(4);
    for (const k of clusters) {
      expect(k.name).toMatch(/^Ổ dịch /);
      expect(k.name.toLowerCase()).toContain(k.place_name.toLowerCase());
      expect(k.high_contact).toBe(['market', 'school', 'hospital'].includes(k.kind));
      expect(k.detected_in).toBe('community');
      expect(k.same_commune).toBe(true);
    }
  });

  it('leaves the existing graph alone on a second run and continues the case codes', async () => {
    const graph = async () =>
      new Set(
        (
          await rows<{ id: string }>(
            db,
            `select person_id as id from cases union select source_person_id from exposures
      union select exposed_person_id from exposures union select person_id from classifications`,
          )
        ).map((r) => r.id),
      );
    const classes = () =>
      rows(db, 'select person_id, class, via_exposure_id, root_case_person_id, quarantine_until::text from classifications order by person_id');
    const [personsBefore, classesBefore] = [await graph(), await classes()];
    const exposuresBefore = new Set((await rows<{ id: string }>(db, 'select id from exposures')).map((r) => r.id));
    const again = await generateOutbreak(db, services, { provinceCode: '92', clusters: 1, casesPerCluster: 5, seed: 6 });
    expect(again.cases).toBe(5);
    expect(again.firstCaseCode).toBe(`92-2021-${String(result.cases + 1).padStart(6, '0')}`);
    const added = (
      await rows<{ id: string; source_person_id: string; exposed_person_id: string }>(db, 'select id, source_person_id, exposed_person_id from exposures')
    ).filter((e) => !exposuresBefore.has(e.id));
    expect(added.length).toBe(again.exposures);
    for (const e of added) expect(personsBefore.has(e.source_person_id) || personsBefore.has(e.exposed_person_id)).toBe(false);
    const after = await classes();
    expect(after.filter((c) => personsBefore.has((c as { person_id: string }).person_id))).toEqual(classesBefore);
  });
});
