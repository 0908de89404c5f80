import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, CAI_KHE, THOI_LAI } from '../../test/builders';
import { aHousehold, aLab, aSession, aTeam, collectPool, shipAndReceive } from '../../test/testing-fixtures';
import { aFacility } from '../../test/quarantine-fixtures';

let t: TestApp;
let officer: Client;
// 10/09/2021 15:00 in Vietnam
const now = new Date('2021-09-10T08:00:00Z');
const NAMES = 'ABCDEGHIKLMNOPQRSTUVXY';

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => now } });
  officer = await t.as('command_center', ['92']);
  // cases over ten days in two districts, by where they were found
  const places = ['community', 'home_quarantine', 'quarantine_facility', 'screening_at_facility'];
  for (let i = 0; i < 22; i++) {
    const commune = i % 3 ? CAI_KHE : THOI_LAI;
    const p = await officer.post('/api/persons', aPerson({ communeCode: commune, fullName: `Ca Bảng ${NAMES[i]}`, birthYear: 1950 + i }));
    const day = `2021-09-${String(10 - (i % 10)).padStart(2, '0')}`;
    const res = await officer.post('/api/cases', {
      personId: p.json().person.id,
      confirmedOn: day,
      confirmingTest: `PCR-B-${i}`,
      detectedIn: places[i % 4],
      sampledOn: day,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const team = (await aTeam(officer, CAI_KHE, 'Tổ Cái Khế bảng')).id;
  const session = await aSession(officer, team, '2021-09-10');
  await collectPool(officer, session.id, await aHousehold(officer, CAI_KHE, 3), ['DB-0001']);
});
afterAll(() => t.close());

/** New cases counted from the cases themselves (active ones), for some communes and a day. */
async function recount(communes: string[], day: string, community?: boolean) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from cases where status = 'active' and confirmed_on = ${day}
      and commune_code = any(${communes}::text[]) ${community === undefined ? sql`` : sql`and (detected_in in ('community', 'screening_at_facility')) = ${community}`}`.execute(
    t.db.kysely,
  );
  return rows[0].n;
}

describe('the command dashboard', () => {
  it('shows the day against the day before and the week before, every figure equal to a recount of the rows', async () => {
    const res = await officer.get('/api/reports/dashboard?day=2021-09-10');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const all = [CAI_KHE, THOI_LAI];
    expect(d.cases.today.total).toBe(await recount(all, '2021-09-10'));
    expect(d.cases.today.total).toBeGreaterThan(0);
    expect(d.cases.yesterday.total).toBe(await recount(all, '2021-09-09'));
    expect(d.cases.today.community).toBe(await recount(all, '2021-09-10', true));
    let week = 0;
    for (let i = 1; i <= 7; i++) week += await recount(all, `2021-09-${String(10 - i).padStart(2, '0')}`);
    expect(d.mean7.cases).toBeCloseTo(week / 7, 9);
    expect(d.testing.today.samples).toBe(1);
    expect(d.curve.at(-1)).toMatchObject({ day: '2021-09-10', cases: d.cases.today.total });
    expect(d.curve).toHaveLength(30);
    const ninhKieu = d.districts.find((x: { code: string }) => x.code === '916');
    expect(ninhKieu).toMatchObject({ casesToday: await recount([CAI_KHE], '2021-09-10'), samplesToday: 1 });
    expect(Object.values(d.cases.today.byPlace as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(d.cases.today.total);
  });

  it('a commune officer sees only the commune; another unit and a day not yet come are refused naming the field', async () => {
    const thoiLai = await t.as('commune_officer', [THOI_LAI]);
    const d = (await thoiLai.get('/api/reports/dashboard?day=2021-09-10')).json();
    expect(d.communes).toBe(1);
    expect(d.cases.today.total).toBe(await recount([THOI_LAI], '2021-09-10'));
    expect(d.testing.today.samples).toBe(0);
    const other = await thoiLai.get(`/api/reports/dashboard?unit=${CAI_KHE}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().field).toBe('unit');
    const future = await officer.get('/api/reports/dashboard?day=2021-09-11');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'reports.day_future', field: 'day' });
  });

  it('shows the facilities’ beds and alerts on one above the rule’s occupancy (90 %), not on one below', async () => {
    const full = await aFacility(officer, { name: 'Khu cách ly Đầy', beds: 5 });
    const roomy = await aFacility(officer, { name: 'Khu cách ly Vắng', beds: 5 });
    // occupancy as the admissions' counters would hold it (10 beds each)
    await t.db.kysely.updateTable('quarantine_facilities').set({ occupied: 10 }).where('id', '=', full.id).execute();
    await t.db.kysely.updateTable('quarantine_facilities').set({ occupied: 9 }).where('id', '=', roomy.id).execute();
    const d = (await officer.get('/api/reports/dashboard?day=2021-09-10')).json();
    expect(d.facilities).toMatchObject({ count: 2, beds: 20, occupied: 19 });
    expect(d.alerts).toEqual([{ kind: 'facility_full', name: 'Khu cách ly Đầy', communeCode: CAI_KHE, share: 1, threshold: 0.9 }]);
    // a commune officer of another commune sees neither
    const thoiLai = await t.as('commune_officer', [THOI_LAI]);
    const other = (await thoiLai.get('/api/reports/dashboard?day=2021-09-10')).json();
    expect(other.facilities.count).toBe(0);
    expect(other.alerts).toEqual([]);
  });

  it('alerts on each commune whose proposed level rose against the week before, as the levels board says', async () => {
    for (const day of ['2021-09-03', '2021-09-10']) expect((await officer.post('/api/levels/assess', { day })).statusCode).toBe(200);
    const board = (await officer.get('/api/levels?day=2021-09-10')).json();
    const rose = board.units
      .filter((u: { tier: string; trend: string | null }) => u.tier === 'commune' && u.trend === 'up')
      .map((u: { unitCode: string; proposal: { level: string } }) => [u.unitCode, u.proposal.level]);
    expect(rose.length).toBeGreaterThan(0);
    const d = (await officer.get('/api/reports/dashboard?day=2021-09-10')).json();
    const alerts = d.alerts.filter((a: { kind: string }) => a.kind === 'level_up').map((a: { communeCode: string; level: string }) => [a.communeCode, a.level]);
    expect(alerts).toEqual(rose);
  });

  it('alerts on a lab whose oldest tube waiting for a result is older than the rules’ overdue age, today only', async () => {
    const slow = await aLab(officer, 'Phòng xét nghiệm Chậm');
    const quick = await aLab(officer, 'Phòng xét nghiệm Nhanh');
    const team = (await aTeam(officer, CAI_KHE, 'Tổ gửi mẫu')).id;
    const session = await aSession(officer, team, '2021-09-10');
    // 14 hours before now (rules: overdue after 12), and one collected now
    await collectPool(officer, session.id, await aHousehold(officer, CAI_KHE, 2, 'Lâm Văn Cũ'), ['OLD-0001'], '2021-09-09T18:00:00.000Z');
    await collectPool(officer, session.id, await aHousehold(officer, CAI_KHE, 2, 'Lâm Văn Mới'), ['NEW-0001']);
    await shipAndReceive(officer, officer, team, slow.id, ['OLD-0001']);
    await shipAndReceive(officer, officer, team, quick.id, ['NEW-0001']);
    const d = (await officer.get('/api/reports/dashboard')).json();
    const backlog = d.alerts.filter((a: { kind: string }) => a.kind === 'lab_backlog');
    expect(backlog).toHaveLength(1);
    expect(backlog[0]).toMatchObject({ name: 'Phòng xét nghiệm Chậm', waiting: 1, threshold: 12 });
    expect(backlog[0].oldestHours).toBeCloseTo(14, 6);
    const yesterday = (await officer.get('/api/reports/dashboard?day=2021-09-09')).json();
    expect(yesterday.alerts.filter((a: { kind: string }) => a.kind === 'lab_backlog')).toEqual([]);
  });

  it('exports its tables to Excel with the same figures', async () => {
    const d = (await officer.get('/api/reports/dashboard?day=2021-09-10')).json();
    const res = await officer.get('/api/reports/dashboard/export?day=2021-09-10');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo quận, huyện', 'Diễn biến 30 ngày']);
    const sum = wb.getWorksheet('Tổng hợp')!;
    expect(sum.getRow(4).values).toEqual([undefined, 'Ca mắc mới', d.cases.today.total, d.cases.yesterday.total, Math.round(d.mean7.cases * 10) / 10]);
    const districts = wb.getWorksheet('Theo quận, huyện')!;
    expect(districts.rowCount).toBe(1 + d.districts.length + 1);
    expect(districts.getRow(districts.rowCount).getCell(2).value).toBe(d.cases.today.total);
  });
});
