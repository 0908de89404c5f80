import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, CAI_KHE, THOI_LAI } from '../../test/builders';
import * as repo from './repo';

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('command_center', ['92']);
});
afterAll(() => t.close());

/** The rollup's rows against the same figures counted from the cases themselves. */
async function rollupAndRecount() {
  const rollup = await t.db.kysely
    .selectFrom('cases_daily')
    .select(['commune_code', sql<string>`day::text`.as('day'), 'detected_in', 'new_cases', 'recovered', 'died'])
    .where((eb) => eb.or([eb('new_cases', '<>', 0), eb('recovered', '<>', 0), eb('died', '<>', 0)]))
    .orderBy('commune_code')
    .orderBy('day')
    .orderBy('detected_in')
    .execute();
  const { rows: recount } = await sql<(typeof rollup)[number]>`
    select commune_code, day::text as day, detected_in, sum(n)::int as new_cases, sum(r)::int as recovered, sum(x)::int as died from (
      select commune_code, confirmed_on as day, detected_in, 1 as n, 0 as r, 0 as x from cases where status = 'active'
      union all
      select commune_code, outcome_on, detected_in, 0, (outcome = 'recovered')::int, (outcome = 'died')::int from cases
       where status = 'active' and outcome in ('recovered', 'died')) c
    group by 1, 2, 3 order by 1, 2, 3`.execute(t.db.kysely);
  return { rollup, recount };
}

describe('cases per commune and day', () => {
  it('equals a recount of the cases after new cases, outcomes, corrections and withdrawals', async () => {
    const places = ['community', 'home_quarantine', 'quarantine_facility', 'lockdown_zone'];
    const made: { id: string; version: number }[] = [];
    for (let i = 0; i < 16; i++) {
      const p = await officer.post(
        '/api/persons',
        aPerson({ communeCode: i % 3 ? CAI_KHE : THOI_LAI, fullName: `Ca Thống Kê ${'ABCDEGHIKLMNOPQRS'[i]}`, birthYear: 1950 + i }),
      );
      expect(p.statusCode, p.body).toBe(201);
      const person = p.json().person.id;
      const day = `2021-09-${String(1 + (i % 9)).padStart(2, '0')}`;
      const res = await officer.post('/api/cases', {
        personId: person,
        confirmedOn: day,
        confirmingTest: `PCR-D-${i}`,
        detectedIn: places[i % 4],
        sampledOn: day,
      });
      expect(res.statusCode, res.body).toBe(201);
      made.push({ id: res.json().case.id, version: res.json().case.version });
    }
    for (const [i, c] of made.entries()) {
      if (i % 4 !== 1) continue;
      const res = await officer.patch(`/api/cases/${c.id}`, { version: c.version, outcome: i % 8 === 1 ? 'recovered' : 'died', outcomeOn: '2021-09-20' });
      expect(res.statusCode, res.body).toBe(200);
      c.version = res.json().version;
    }
    let { rollup, recount } = await rollupAndRecount();
    expect(rollup.reduce((n, r) => n + r.new_cases, 0)).toBe(16);
    expect(rollup).toEqual(recount);

    // a corrected outcome moves its count; withdrawn cases count nowhere; a corrected date or commune moves the case
    const corrected = await officer.patch(`/api/cases/${made[1].id}`, { version: made[1].version, outcome: 'died', outcomeOn: '2021-09-21' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    for (const c of [made[0], made[5]]) {
      const v = (await officer.get(`/api/cases/${c.id}`)).json().version;
      expect((await officer.post(`/api/cases/${c.id}/withdraw`, { reason: 'Dương tính giả, xét nghiệm lại âm tính', version: v })).statusCode).toBe(200);
    }
    await t.db.kysely.updateTable('cases').set({ confirmed_on: '2021-09-15', commune_code: THOI_LAI }).where('id', '=', made[2].id).execute();
    ({ rollup, recount } = await rollupAndRecount());
    expect(rollup.reduce((n, r) => n + r.new_cases, 0)).toBe(14);
    expect(rollup.reduce((n, r) => n + r.died, 0)).toBe(recount.reduce((n, r) => n + r.died, 0));
    expect(rollup).toEqual(recount);

    const read = await repo.dailyIn(t.db.kysely, [THOI_LAI], '2021-09-15', '2021-09-15');
    expect(read.map((r) => r.new_cases)).toEqual([1]);
  });
});
