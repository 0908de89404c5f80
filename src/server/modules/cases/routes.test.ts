import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, CAI_KHE, THOI_LAI } from '../../test/builders';

let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('command_center', ['92']);
});
afterAll(() => t.close());

async function person(name: string, commune = CAI_KHE): Promise<string> {
  const res = await officer.post('/api/persons', aPerson({ communeCode: commune, fullName: name, birthYear: 1980 + (name.length % 20) }));
  return res.json().person.id;
}
const contact = (sourcePersonId: string, exposedPersonId: string, day: string, contactType = 'unmasked') =>
  officer.post('/api/exposures', {
    sourcePersonId,
    exposedPersonId,
    startAt: `${day}T08:00:00+07:00`,
    endAt: `${day}T09:00:00+07:00`,
    contactType,
    setting: 'household',
  });
const classOf = async (id: string) => (await officer.get(`/api/persons/${id}/classification`)).json()?.class ?? null;

describe('cases and tracing', () => {
  it('opens a case with a city-unique code and derives F1 and F2 from exposures', async () => {
    const [a, b, c] = [await person('Ca Bệnh Một'), await person('Tiếp Xúc Hai'), await person('Tiếp Xúc Ba', THOI_LAI)];
    const created = await officer.post('/api/cases', {
      personId: a,
      confirmedOn: '2021-09-07',
      confirmingTest: 'CT-PCR-000123',
      detectedIn: 'community',
      onsetOn: '2021-09-05',
      sampledOn: '2021-09-06',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().case.caseCode).toBe('92-2021-000001');
    expect((await contact(a, b, '2021-09-04')).statusCode).toBe(201);
    expect((await contact(b, c, '2021-09-05')).statusCode).toBe(201);
    expect([await classOf(a), await classOf(b), await classOf(c)]).toEqual(['F0', 'F1', 'F2']);
    const f1 = (await officer.get(`/api/persons/${b}/classification`)).json();
    expect(f1).toMatchObject({
      quarantineSituation: 'f1_home',
      quarantineUntil: '2021-09-17',
      testDays: ['2021-09-04', '2021-09-10', '2021-09-17'],
      ruleVersion: 1,
    });
  });

  it('promotes an F1 to F0: its F2 contacts become F1 in the same transaction, then rolls back on withdrawal', async () => {
    const [a, b, c, d] = [await person('Nguồn Lây'), await person('Người Một'), await person('Người Hai'), await person('Người Ba')];
    await officer.post('/api/cases', { personId: a, confirmedOn: '2021-09-10', confirmingTest: 'PCR-1', detectedIn: 'community', sampledOn: '2021-09-10' });
    await contact(a, b, '2021-09-09');
    await contact(b, c, '2021-09-10');
    await contact(c, d, '2021-09-11');
    expect([await classOf(b), await classOf(c), await classOf(d)]).toEqual(['F1', 'F2', null]);
    const promoted = await officer.post('/api/cases', {
      personId: b,
      confirmedOn: '2021-09-12',
      confirmingTest: 'PCR-2',
      detectedIn: 'home_quarantine',
      sampledOn: '2021-09-12',
    });
    expect(promoted.json().case.caseCode).toMatch(/^92-2021-\d{6}$/);
    expect([await classOf(b), await classOf(c), await classOf(d)]).toEqual(['F0', 'F1', 'F2']);
    expect(promoted.json().reclassified.considered).toBe(3);
    const withdrawn = await officer.post(`/api/cases/${promoted.json().case.id}/withdraw`, { reason: 'Dương tính giả, xét nghiệm lại âm tính', version: 1 });
    expect(withdrawn.statusCode).toBe(200);
    expect([await classOf(b), await classOf(c), await classOf(d)]).toEqual(['F1', 'F2', null]);
  });

  it('touches only the neighbourhood when promoting inside a large component', async () => {
    const hub = await person('Trung Tâm Cụm');
    const spokes: string[] = [];
    for (let i = 0; i < 12; i++) spokes.push(await person(`Vệ Tinh ${'ABCDEFGHIJKL'[i]}`));
    for (const s of spokes) await contact(hub, s, '2021-09-15');
    const far = await person('Xa Xôi');
    await contact(spokes[0], far, '2021-09-16');
    const res = await officer.post('/api/cases', {
      personId: far,
      confirmedOn: '2021-09-18',
      confirmingTest: 'PCR-3',
      detectedIn: 'community',
      sampledOn: '2021-09-18',
    });
    expect(res.json().reclassified).toEqual({ considered: 1, rowsTouched: 1 });
  });

  it('refuses bad exposures with Vietnamese messages naming the field, storing nothing', async () => {
    const [a, b] = [await person('Kiểm Tra Một'), await person('Kiểm Tra Hai')];
    const backwards = await officer.post('/api/exposures', {
      sourcePersonId: a,
      exposedPersonId: b,
      startAt: '2021-09-05T10:00:00+07:00',
      endAt: '2021-09-05T09:00:00+07:00',
      contactType: 'unmasked',
      setting: 'household',
    });
    expect(backwards.json()).toMatchObject({ field: 'endAt', detail: 'Thời điểm kết thúc tiếp xúc phải sau thời điểm bắt đầu' });
    const self = await contact(a, a, '2021-09-05');
    expect(self.json()).toMatchObject({ field: 'exposedPersonId', detail: 'Người tiếp xúc phải khác người nguồn lây' });
    const unknown = await contact(a, '01900000-0000-7000-8000-000000000000', '2021-09-05');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().field).toBe('exposedPersonId');
    const type = await contact(a, b, '2021-09-05', 'nhin_thay');
    expect(type.json()).toMatchObject({ field: 'contactType', code: 'cases.contact_type' });
    expect((await contact(a, b, '2021-09-05')).statusCode).toBe(201);
    const dup = await contact(a, b, '2021-09-05');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toBe('Tiếp xúc này đã được ghi nhận');
    const noPerson = await officer.post('/api/cases', {
      personId: '01900000-0000-7000-8000-000000000000',
      confirmedOn: '2021-09-07',
      confirmingTest: 'X1',
      detectedIn: 'community',
      sampledOn: '2021-09-07',
    });
    expect(noPerson.statusCode).toBe(404);
    const twice = await officer.post('/api/cases', {
      personId: a,
      confirmedOn: '2021-09-07',
      confirmingTest: 'X1',
      detectedIn: 'community',
      sampledOn: '2021-09-07',
    });
    expect(twice.statusCode).toBe(201);
    const again = await officer.post('/api/cases', {
      personId: a,
      confirmedOn: '2021-09-08',
      confirmingTest: 'X2',
      detectedIn: 'community',
      sampledOn: '2021-09-08',
    });
    expect(again.json()).toMatchObject({ code: 'cases.person_has_case', field: 'personId' });
  });

  it('lists cases by unit and gives the commune follow-up list for a day', async () => {
    const list = (await officer.get('/api/cases?unit=916&from=2021-09-01&to=2021-09-30')).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.items.every((c: { districtCode: string }) => c.districtCode === '916')).toBe(true);
    const follow = (await officer.get(`/api/follow-up?commune=${CAI_KHE}&date=2021-09-10`)).json();
    expect(follow.length).toBeGreaterThan(0);
    expect(follow.some((f: { testToday: boolean }) => f.testToday)).toBe(true);
  });
});

describe('case course', () => {
  it('records clinical status, treatment place and outcome; isolation ends the infectious window', async () => {
    const [a, b] = [await person('Diễn Biến Một'), await person('Diễn Biến Hai')];
    const kase = (
      await officer.post('/api/cases', { personId: a, confirmedOn: '2021-09-20', confirmingTest: 'PCR-20', detectedIn: 'community', sampledOn: '2021-09-20' })
    ).json().case;
    await contact(a, b, '2021-09-22');
    expect(await classOf(b)).toBe('F1');
    const isolated = await officer.patch(`/api/cases/${kase.id}`, {
      version: 1,
      isolatedAt: '2021-09-21T08:00:00+07:00',
      clinicalStatus: 'moderate',
      treatmentPlace: 'district_hospital',
    });
    expect(isolated.json()).toMatchObject({ clinicalStatus: 'moderate', treatmentPlace: 'district_hospital', version: 2 });
    expect(await classOf(b)).toBe(null);
    const noDate = await officer.patch(`/api/cases/${kase.id}`, { version: 2, outcome: 'recovered' });
    expect(noDate.json().field).toBe('outcomeOn');
    expect((await officer.patch(`/api/cases/${kase.id}`, { version: 2, outcome: 'recovered', outcomeOn: '2021-10-01' })).json()).toMatchObject({
      outcome: 'recovered',
      outcomeOn: '2021-10-01',
    });
  });
});

describe('case export', () => {
  it('exports the filtered case list to Excel with Vietnamese headers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await officer.get('/api/cases/export.xlsx?unit=916');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ca bệnh')!;
    expect(ws.getRow(1).getCell(1).value).toBe('Mã ca bệnh');
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(String(ws.getRow(2).getCell(6).value)).toMatch(/^\d{2}\/\d{2}\/2021$/);
  });
});
