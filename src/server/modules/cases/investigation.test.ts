import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, AN_HOA, CAI_KHE, THOI_LAI } from '../../test/builders';

let t: TestApp;
let officer: Client;
let caseId: string;
let casePersonId: string;

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('health_staff', ['916']);
  casePersonId = (await officer.post('/api/persons', aPerson({ communeCode: CAI_KHE, fullName: 'Điều Tra Viên Mẫu', birthYear: 1979 }))).json().person.id;
  caseId = (
    await officer.post('/api/cases', {
      personId: casePersonId,
      confirmedOn: '2021-09-07',
      confirmingTest: 'PCR-9',
      detectedIn: 'community',
      sampledOn: '2021-09-06',
    })
  ).json().case.id;
});
afterAll(() => t.close());

const line = (over: Record<string, unknown>) => ({
  birthYear: 1990,
  sex: 'female',
  communeCode: CAI_KHE,
  contactType: 'unmasked',
  setting: 'household',
  startAt: '2021-09-05T18:00:00+07:00',
  endAt: '2021-09-05T20:00:00+07:00',
  ...over,
});

describe('unified investigation', () => {
  it('serves the form in force with the completeness of a new investigation', async () => {
    const inv = (await officer.get(`/api/cases/${caseId}/investigation`)).json();
    expect(inv).toMatchObject({ formVersion: 1, status: 'draft', completeness: 0, version: 0 });
    expect(inv.missing).toContain('timeline');
  });

  it('autosaves drafts, refuses completion while required fields are missing, then completes with timeliness', async () => {
    const draft = await officer.put(`/api/cases/${caseId}/investigation`, { data: { currentAddress: '12 Cái Khế', symptomatic: true }, version: 0 });
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1 });
    expect(draft.json().completeness).toBeCloseTo(2 / 7, 2);
    const early = await officer.put(`/api/cases/${caseId}/investigation`, { data: draft.json().data, version: 1, complete: true });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'cases.investigation_incomplete', detail: 'Phiếu điều tra còn thiếu 5 mục bắt buộc', field: 'occupation' });
    const full = await officer.put(`/api/cases/${caseId}/investigation`, {
      version: 1,
      complete: true,
      data: {
        currentAddress: '12 Cái Khế',
        occupation: 'Tiểu thương chợ Tân An',
        symptomatic: true,
        vaccinationStatus: 'partial',
        sourceKnown: false,
        sourceDescription: 'Chưa rõ; bán hàng tại chợ Tân An',
        timeline: [{ place: 'Chợ Tân An', from: '2021-09-01T05:00', to: '2021-09-01T11:00' }],
      },
    });
    expect(full.statusCode).toBe(200);
    expect(full.json()).toMatchObject({ status: 'completed', completeness: 1, missing: [] });
    expect(full.json().timelinessHours).toBeGreaterThanOrEqual(0);
    const stale = await officer.put(`/api/cases/${caseId}/investigation`, { data: {}, version: 1 });
    expect(stale.statusCode).toBe(409);
    const quality = (await officer.get('/api/investigations/quality?from=2021-09-01&to=2021-09-30')).json();
    expect(quality).toEqual([{ districtCode: '916', cases: 1, completed: 1, meanCompleteness: 1, medianHours: full.json().timelinessHours }]);
    expect((await officer.get(`/api/investigations/quality?from=2021-09-01&to=2021-09-30&unit=${CAI_KHE}`)).json()).toEqual(quality);
    expect((await officer.get(`/api/investigations/quality?from=2021-09-01&to=2021-09-30&unit=${AN_HOA}`)).json()).toEqual([]);
  });

  it('saves a line list of contacts atomically: matches existing persons, creates new ones, classifies them F1', async () => {
    const existing = (await officer.post('/api/persons', aPerson({ communeCode: AN_HOA, fullName: 'Đã Có Hồ Sơ', birthYear: 1985, sex: 'female' }))).json()
      .person;
    const bad = await officer.post(`/api/cases/${caseId}/contacts`, {
      rows: [line({ fullName: 'Mới Một' }), line({ fullName: 'Mới Hai', phone: '123' }), line({ fullName: 'X' })],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['rows.1.phone', 'rows.2.fullName']);
    expect((await officer.get('/api/persons?q=moi mot')).json().total).toBe(0);
    const ok = await officer.post(`/api/cases/${caseId}/contacts`, {
      rows: [
        line({ fullName: 'Mới Một', phone: '0912 000 001' }),
        line({ fullName: 'Da Co Ho So', birthYear: 1985, communeCode: AN_HOA }),
        line({ fullName: 'Ở Xã Khác', communeCode: THOI_LAI, birthYear: 1970, sex: 'male' }),
      ],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ matched: 1, created: 2, exposures: 3, rowsTouched: 3 });
    expect(ok.json().contactIds[1]).toBe(existing.id);
    for (const id of ok.json().contactIds.slice(0, 2)) expect((await officer.get(`/api/persons/${id}/classification`)).json().class).toBe('F1');
  });

  it('lists a contact in another commune by commune only, with the team there to hand over to', async () => {
    await t.as('commune_officer', [THOI_LAI]);
    const contacts = (await officer.get(`/api/cases/${caseId}/contacts`)).json();
    const outside = contacts.find((c: { communeCode: string }) => c.communeCode === THOI_LAI);
    expect(outside).toMatchObject({ fullName: null, phone: null, inScope: false, class: 'F1', birthYear: null });
    expect(outside.handOffTo).toEqual([expect.objectContaining({ fullName: 'Người Thử Nghiệm', unitCode: THOI_LAI })]);
    const mine = contacts.find((c: { fullName: string }) => c.fullName === 'Mới Một');
    expect(mine).toMatchObject({ phone: '0912000001', handOffTo: null });
    const viewer = await t.as('lab_staff', ['916']);
    expect((await viewer.get(`/api/cases/${caseId}/contacts`)).statusCode).toBe(403);
  });

  it('draws the chain graph with classes, hiding names outside the scope', async () => {
    const graph = (await officer.get(`/api/cases/${caseId}/chain`)).json();
    expect(graph.summary).toMatchObject({ persons: 4, cases: 1, generations: 1, firstCaseOn: '2021-09-07' });
    expect(graph.edges).toHaveLength(3);
    const outside = graph.nodes.find((n: { communeCode: string }) => n.communeCode === THOI_LAI);
    expect(outside).toMatchObject({ inScope: false, fullName: null, class: 'F1' });
    expect(graph.nodes.find((n: { id: string }) => n.id === casePersonId)).toMatchObject({ class: 'F0', caseCode: '92-2021-000001', depth: 0 });
  });
});

describe('places and clusters', () => {
  it('records a high-contact place, names a cluster on the index case and shows its chain', async () => {
    const place = await officer.post('/api/places', { name: 'Chợ Tân An', kind: 'market', highContact: true, communeCode: CAI_KHE });
    expect(place.statusCode).toBe(201);
    expect((await officer.get('/api/places?q=cho tan an')).json().map((p: { name: string }) => p.name)).toEqual(['Chợ Tân An']);
    const cluster = await officer.post('/api/clusters', { indexCaseId: caseId, name: 'Ổ dịch chợ Tân An', placeId: place.json().id });
    expect(cluster.statusCode).toBe(201);
    expect(cluster.json()).toMatchObject({ placeName: 'Chợ Tân An', highContact: true });
    const list = (await officer.get('/api/clusters?unit=916')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ name: 'Ổ dịch chợ Tân An', indexCaseCode: '92-2021-000001' });
    expect(list.items[0].summary).toMatchObject({ persons: 4, cases: 1, generations: 1, firstCaseOn: '2021-09-07', lastCaseOn: '2021-09-07' });
    expect((await officer.get('/api/clusters?unit=927')).json()).toEqual({ items: [], total: 0 });
    expect((await officer.get('/api/clusters?page=2')).json()).toEqual({ items: [], total: 1 });
    const again = await officer.post('/api/clusters', { indexCaseId: caseId, name: 'Tên khác cho cùng chuỗi' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'cases.cluster_exists',
      field: 'indexCaseId',
      detail: 'Chuỗi lây nhiễm của ca này đã được đặt tên là ổ dịch «Ổ dịch chợ Tân An»',
    });
    const detail = (await officer.get(`/api/clusters/${cluster.json().id}`)).json();
    expect(detail.graph.summary.persons).toBe(4);
    const outsider = await t.as('district_officer', ['927']);
    expect((await outsider.get(`/api/clusters/${cluster.json().id}`)).statusCode).toBe(404);
  });
});
