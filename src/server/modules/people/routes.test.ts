import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, AN_HOA, CAI_KHE, THOI_LAI } from '../../test/builders';

let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('command_center', ['92']);
});
afterAll(() => t.close());

describe('people over HTTP', () => {
  it('creates a person and reads it back', async () => {
    const res = await officer.post(
      '/api/persons',
      aPerson({ communeCode: CAI_KHE, fullName: 'Nguyễn Văn Đức', birthDate: '1980-03-15', phone: '+84 912 345 678' }),
    );
    expect(res.statusCode).toBe(201);
    const { person } = res.json();
    expect(person).toMatchObject({ fullName: 'Nguyễn Văn Đức', birthYear: 1980, phone: '0912345678', districtCode: '916', communeCode: CAI_KHE });
    const got = await officer.get(`/api/persons/${person.id}`);
    expect(got.json().fullName).toBe('Nguyễn Văn Đức');
  });

  it('finds "nguyen van duc" ignoring diacritics and case, filtered by unit', async () => {
    await officer.post('/api/persons', aPerson({ communeCode: THOI_LAI, fullName: 'Nguyễn Văn Đức Anh', birthYear: 1990 }));
    await officer.post('/api/persons', aPerson({ communeCode: CAI_KHE, fullName: 'Trần Thị Hoa', birthYear: 1990, sex: 'female' }));
    const all = (await officer.get('/api/persons?q=nguyen%20van%20duc')).json();
    expect(all.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn Đức', 'Nguyễn Văn Đức Anh']);
    expect(all.total).toBe(2);
    const inDistrict = (await officer.get('/api/persons?q=NGUYEN%20VAN%20DUC&unit=927')).json();
    expect(inDistrict.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn Đức Anh']);
    const prefix = (await officer.get('/api/persons?q=tran%20thi%20ho')).json();
    expect(prefix.items[0].fullName).toBe('Trần Thị Hoa');
  });

  it('finds a person however the name is typed: without surname, surname + given name, given name, any order', async () => {
    const names = async (q: string) =>
      (await officer.get(`/api/persons?q=${encodeURIComponent(q)}&unit=${CAI_KHE}`)).json().items.map((p: { fullName: string }) => p.fullName);
    expect(await names('van duc')).toContain('Nguyễn Văn Đức');
    expect(await names('nguyen duc')).toContain('Nguyễn Văn Đức');
    expect(await names('đức')).toContain('Nguyễn Văn Đức');
    expect(await names('duc nguyen van')).toEqual(['Nguyễn Văn Đức']);
    expect(await names('tran hoa')).toEqual(['Trần Thị Hoa']);
  });

  it('pages on the server', async () => {
    for (let i = 0; i < 5; i++)
      await officer.post('/api/persons', aPerson({ communeCode: AN_HOA, fullName: `Lê Văn Trang ${'ABCDE'[i]}`, birthYear: 1970 + i }));
    const p1 = (await officer.get('/api/persons?q=le%20van%20trang&pageSize=2&page=1')).json();
    const p3 = (await officer.get('/api/persons?q=le%20van%20trang&pageSize=2&page=3')).json();
    expect(p1.total).toBe(5);
    expect(p1.items).toHaveLength(2);
    expect(p3.items).toHaveLength(1);
  });

  it('answers 409 naming the existing record when the national ID is taken', async () => {
    const first = (await officer.post('/api/persons', aPerson({ communeCode: CAI_KHE, fullName: 'Phạm Minh Tuấn', birthYear: 1975 }))).json().person;
    const res = await officer.post('/api/persons', aPerson({ communeCode: AN_HOA, fullName: 'Phạm Tuấn', birthYear: 1975, nationalId: first.nationalId }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'people.national_id_taken',
      field: 'nationalId',
      detail: `Số định danh ${first.nationalId} đã có trong hồ sơ của Phạm Minh Tuấn`,
    });
    expect(res.json().existing.id).toBe(first.id);
  });

  it('warns about likely duplicates (similar name, same birth year, same commune) and merges them', async () => {
    const a = (
      await officer.post('/api/persons', aPerson({ communeCode: AN_HOA, fullName: 'Huỳnh Thị Mỹ Linh', birthYear: 1988, sex: 'female', phone: '0987654321' }))
    ).json().person;
    const res = await officer.post(
      '/api/persons',
      aPerson({ communeCode: AN_HOA, fullName: 'Huynh Thi My Linh', birthYear: 1988, sex: 'female', nationalId: null, occupation: 'Giáo viên' }),
    );
    expect(res.statusCode).toBe(201);
    const { person: b, warnings } = res.json();
    expect(warnings.map((w: { id: string }) => w.id)).toContain(a.id);
    const merged = await officer.post('/api/persons/merge', { keepId: a.id, mergeId: b.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: a.id, occupation: 'Giáo viên', phone: '0987654321' });
    const gone = (await officer.get('/api/persons?q=huynh%20thi%20my%20linh')).json();
    expect(gone.items.map((p: { id: string }) => p.id)).toEqual([a.id]);
    await t.services.audit.flush();
    const log = (await officer.get(`/api/audit?entity=person&entityId=${a.id}&action=merge`)).json();
    expect(log.items[0]).toMatchObject({ action: 'merge', detail: { mergedId: b.id } });
  });

  it('creates a household with two members in one transaction, or nothing at all', async () => {
    const good = await officer.post('/api/households', {
      address: '12 Hẻm 3, đường Trần Hưng Đạo',
      communeCode: CAI_KHE,
      members: [
        aPerson({ communeCode: CAI_KHE, fullName: 'Võ Văn Bình', birthYear: 1970 }),
        aPerson({ communeCode: CAI_KHE, fullName: 'Đặng Thị Lan', birthYear: 1972, sex: 'female' }),
      ],
    });
    expect(good.statusCode).toBe(201);
    const h = good.json().household;
    expect(h.members).toHaveLength(2);
    expect(h.headPersonId).toBe(h.members.find((m: { fullName: string }) => m.fullName === 'Võ Văn Bình').id);
    const bad = await officer.post('/api/households', {
      address: '14 Hẻm 3',
      communeCode: CAI_KHE,
      members: [
        aPerson({ communeCode: CAI_KHE, fullName: 'Bùi Văn Một', birthYear: 1970 }),
        aPerson({ communeCode: CAI_KHE, fullName: 'Bùi Văn Hai', birthYear: 1970, nationalId: h.members[0].nationalId }),
      ],
    });
    expect(bad.statusCode, bad.body).toBe(409);
    expect(bad.json().field).toBe('members.1.nationalId');
    expect((await officer.get('/api/persons?q=bui%20van%20mot')).json().total).toBe(0);
  });

  it("keeps each household's resident count through creation, a move to another household and a merge", async () => {
    const residents = async (id: string) =>
      (await t.db.kysely.selectFrom('households').select('residents').where('id', '=', id).executeTakeFirstOrThrow()).residents;
    const make = async (address: string, names: string[]) =>
      (
        await officer.post('/api/households', {
          address,
          communeCode: AN_HOA,
          members: names.map((fullName, i) => aPerson({ communeCode: AN_HOA, fullName, birthYear: 1960 + i })),
        })
      ).json().household as { id: string; members: { id: string }[] };
    const a = await make('3 Hẻm 9, An Hòa', ['Lý Văn Ba', 'Lý Thị Tư', 'Lý Văn Năm']);
    const b = await make('5 Hẻm 9, An Hòa', ['Mai Văn Sáu']);
    expect([await residents(a.id), await residents(b.id)]).toEqual([3, 1]);
    const moved = await officer.patch(`/api/persons/${a.members[2].id}`, { version: 1, householdId: b.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect([await residents(a.id), await residents(b.id)]).toEqual([2, 2]);
    // an edit that keeps the household changes nothing
    expect((await officer.patch(`/api/persons/${a.members[0].id}`, { version: 1, phone: '0912000222' })).statusCode).toBe(200);
    expect(await residents(a.id)).toBe(2);
    expect((await officer.post('/api/persons/merge', { keepId: b.members[0].id, mergeId: a.members[1].id })).statusCode).toBe(200);
    expect([await residents(a.id), await residents(b.id)]).toEqual([1, 2]);
    // the count equals a recount of the rows
    const recount = await t.db.kysely
      .selectFrom('households as h')
      .select([
        'h.residents',
        (eb) =>
          eb
            .selectFrom('persons as p')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('p.household_id', '=', 'h.id')
            .where('p.merged_into', 'is', null)
            .as('n'),
      ])
      .execute();
    expect(recount.every((r) => Number(r.n) === r.residents)).toBe(true);
  });

  it('rejects bad input with a Vietnamese message naming the field, and stores nothing', async () => {
    const cases: [unknown, string, string][] = [
      [aPerson({ communeCode: CAI_KHE, nationalId: '12345' }), 'nationalId', 'Số định danh phải là CCCD 12 chữ số hoặc CMND 9 chữ số'],
      [aPerson({ communeCode: CAI_KHE, phone: '0123' }), 'phone', 'Số điện thoại di động Việt Nam không hợp lệ (10 chữ số, ví dụ 0912345678)'],
      [aPerson({ communeCode: CAI_KHE, birthDate: '2021-02-30' }), 'birthDate', 'Ngày không hợp lệ (định dạng YYYY-MM-DD, phải là ngày có thật)'],
      [aPerson({ communeCode: '99999' }), 'communeCode', 'Mã đơn vị hành chính 99999 không tồn tại hoặc không còn hiệu lực vào ngày'],
      [{ ...aPerson({ communeCode: CAI_KHE }), birthYear: 'năm 1980' }, 'birthYear', 'birthYear'],
    ];
    for (const [body, field, text] of cases) {
      const res = await officer.post('/api/persons', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field).toBe(field);
      expect(res.json().detail).toContain(text);
    }
    const malformed = await officer.request('POST', '/api/persons', '{"fullName": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'http.malformed_json', detail: 'Nội dung gửi lên không phải JSON hợp lệ' });
    const huge = await officer.post('/api/persons', { ...aPerson({ communeCode: CAI_KHE }), address: 'x'.repeat(3_000_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('http.body_too_large');
  });

  it('updates with optimistic versioning and keeps the history', async () => {
    const p = (await officer.post('/api/persons', aPerson({ communeCode: CAI_KHE, fullName: 'Ngô Thanh Sơn', birthYear: 1966 }))).json().person;
    const ok = await officer.patch(`/api/persons/${p.id}`, { version: p.version, phone: '0909123456' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '0909123456', version: p.version + 1 });
    const stale = await officer.patch(`/api/persons/${p.id}`, { version: p.version, phone: '0909000000' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('people.version_conflict');
    const history = (await officer.get(`/api/persons/${p.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].fields).toEqual(['phone']);
  });
});
