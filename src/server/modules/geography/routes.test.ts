import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('commune_officer', ['31117']);
});
afterAll(() => t.close());

const HAMLETS = 'code,name,type\nKV1,Khu vực 1,Khu vực\nKV2,"Khu vực 2, Cái Khế",Khu vực\n';

describe('geography', () => {
  it('has Cần Thơ with 9 districts and 83 communes, with GSO codes and names', async () => {
    const districts = (await t.anonymous().get('/api/units/92/children')).json();
    expect(districts).toHaveLength(9);
    expect(districts[0]).toEqual({ code: '916', name: 'Quận Ninh Kiều', type: 'Quận' });
    let communes = 0;
    for (const d of districts) communes += (await t.anonymous().get(`/api/units/${d.code}/children`)).json().length;
    expect(communes).toBe(83);
    const binhThuy = (await t.anonymous().get('/api/units/918/children')).json();
    expect(binhThuy[0]).toEqual({ code: '31168', name: 'Phường Bình Thủy', type: 'Phường' });
  });

  it('lists the provinces at the top', async () => {
    expect((await t.anonymous().get('/api/units')).json()).toEqual([
      { code: '06', name: 'Tỉnh Bắc Kạn', type: 'Tỉnh' },
      { code: '92', name: 'Thành phố Cần Thơ', type: 'Thành phố Trung ương' },
    ]);
  });

  it('has Bắc Kạn (06) too', async () => {
    expect((await t.anonymous().get('/api/units/06/children')).json().length).toBe(8);
  });

  it('answers an unknown unit with a Vietnamese problem', async () => {
    const res = await t.anonymous().get('/api/units/99/children');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'geography.unit_not_found', detail: 'Không tìm thấy đơn vị hành chính' });
    const bad = await t.anonymous().get('/api/units/abc/children');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('params.code');
  });

  it('imports hamlets from CSV, idempotently', async () => {
    const first = await officer.post('/api/units/31117/hamlets/import', { csv: HAMLETS });
    expect(first.json()).toEqual({ inserted: 2, updated: 0, unchanged: 0, errors: [] });
    const again = await officer.post('/api/units/31117/hamlets/import', { csv: HAMLETS });
    expect(again.json()).toEqual({ inserted: 0, updated: 0, unchanged: 2, errors: [] });
    const children = (await t.anonymous().get('/api/units/31117/children')).json();
    expect(children).toEqual([
      { code: '31117.KV1', name: 'Khu vực 1', type: 'Khu vực' },
      { code: '31117.KV2', name: 'Khu vực 2, Cái Khế', type: 'Khu vực' },
    ]);
  });

  it('rejects the whole file when a row is bad, reporting every row', async () => {
    const res = await officer.post('/api/units/31117/hamlets/import', { csv: 'code,name,type\nKV3,Khu vực 3,Khu vực\nKV4,X,Làng\nKV3,Khu vực ba,Khu vực\n' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('Tệp có 3 dòng lỗi; không dòng nào được nhập');
    expect(res.json().rowErrors).toEqual([
      { line: 3, field: 'name', message: 'Tên ấp/khu vực phải có 2–100 ký tự' },
      { line: 3, field: 'type', message: 'Loại phải là một trong: Ấp, Khu vực, Tổ dân phố' },
      { line: 4, field: 'code', message: 'Mã KV3 bị trùng với dòng 2' },
    ]);
    expect((await t.anonymous().get('/api/units/31117/children')).json()).toHaveLength(2);
  });

  it('does not let a commune officer import into another commune', async () => {
    const res = await officer.post('/api/units/31120/hamlets/import', { csv: HAMLETS });
    expect(res.statusCode).toBe(404);
  });

  it('validates hamlets on persons: a hamlet of another commune is refused', async () => {
    const res = await officer.post('/api/persons', { fullName: 'Lý Văn Ấp', birthYear: 1980, sex: 'male', communeCode: '31117', hamletCode: '31120.KV1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'hamletCode', code: 'validation.unit_unknown' });
  });

  it('records population with its date and source', async () => {
    const admin = await t.as('system_admin', ['92']);
    const res = await admin.put('/api/units/31117/population', {
      asOf: '2021-10-01',
      source: 'Danh sách nhân khẩu của Trạm Y tế phường',
      count: 21034,
      households: 6012,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().population).toMatchObject({ asOf: '2021-10-01', count: 21034, households: 6012, synthetic: false });
    const other = await officer.put('/api/units/31120/population', { asOf: '2021-10-01', source: 'Danh sách phường', count: 100 });
    expect(other.statusCode).toBe(404);
    const census = await admin.put('/api/units/92/population', { asOf: '2019-04-01', source: 'Tổng điều tra 2019', count: 1_235_171, households: 359_375 });
    expect(census.json().population).toMatchObject({ asOf: '2019-04-01', count: 1_235_171 });
    const overview = (await admin.get('/api/units/916/overview')).json();
    expect(overview.children.find((c: { code: string }) => c.code === '31117').population.count).toBe(21034);
  });
});
