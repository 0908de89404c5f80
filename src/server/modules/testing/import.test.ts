import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { CAI_KHE } from '../../test/builders';
import { aHousehold, aLab, aSession, aTeam, shipAndReceive } from '../../test/testing-fixtures';

/**
 * Result files from labs: all or nothing per file, idempotent, conflicts held for review, every bad row listed in
 * Vietnamese; the encodings and date forms labs really send; a failure in the middle leaves nothing half-written.
 */
let now = new Date('2021-09-11T03:00:00Z'); // 10:00 on 11/09/2021 in Vietnam
let t: TestApp;
let team: Client;
let lab: Client;
let labId: string;
let teamId: string;
let sessionId: string;
let people: { id: string; nationalId: string | null }[];
const BARCODES = Array.from({ length: 8 }, (_, i) => `HN-${String(i + 1).padStart(4, '0')}`);
const vn = (hhmm: string, day = '2021-09-11') => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

async function upload(body: Buffer | string, fileName = 'ket-qua.csv', contentType = 'text/csv') {
  return lab.request(
    'POST',
    `/api/testing/imports?labId=${labId}&fileName=${encodeURIComponent(fileName)}`,
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    { 'content-type': contentType },
  );
}
const resultOf = async (barcode: string) =>
  (await lab.get(`/api/testing/samples/${barcode}`)).json() as { result: string | null; ctValue: number | null; resultSource: string | null };
const summary = async (day = '2021-09-11') => (await lab.get(`/api/testing/summary?day=${day}`)).json().totals as Record<string, number>;

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => now } });
  team = await t.as('health_staff', [CAI_KHE]);
  lab = await t.as('lab_staff', ['92']);
  const admin = await t.as('command_center', ['92']);
  labId = (await aLab(admin, 'Phòng xét nghiệm Bệnh viện Đa khoa Trung ương Cần Thơ')).id;
  teamId = (await aTeam(team, CAI_KHE)).id;
  sessionId = (await aSession(team, teamId, '2021-09-11')).id;
  const household = await aHousehold(team, CAI_KHE, 8, 'Đỗ Văn Nhập');
  people = household.members;
  for (const [i, b] of BARCODES.entries()) {
    const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: people[i].id }],
      barcodes: [b],
      collectedAt: vn('08:00'),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await shipAndReceive(team, lab, teamId, labId, BARCODES, { sentAt: vn('08:30'), receivedAt: vn('09:00') });
});
afterAll(() => t.close());

describe('a rejected file stores nothing', () => {
  it('lists every bad row with its line, column and a Vietnamese reason, and applies no row of the file', async () => {
    const res = await upload(
      [
        'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua',
        'HN-0001,Âm tính,,11/09/2021 09:30',
        'HN-9999,Âm tính,,11/09/2021 09:30',
        'HN-0002,có thể,,11/09/2021 09:30',
        'HN-0003,Dương tính,abc,31/02/2021 09:30',
      ].join('\n'),
    );
    expect(res.statusCode).toBe(422);
    const report = res.json().import;
    expect(report.status).toBe('rejected');
    expect(report.errors.map((e: { line: number; column: string; message: string }) => [e.line, e.column, e.message])).toEqual([
      [4, 'Kết quả', 'Kết quả phải là "Âm tính", "Dương tính" hoặc "Không xác định"'],
      [5, 'Giá trị Ct', 'Giá trị Ct phải là số trong khoảng 0–50 (ví dụ 23,5)'],
      [5, 'Thời gian có kết quả', 'Thời gian có kết quả không hợp lệ (dd/MM/yyyy HH:mm, yyyy-MM-dd HH:mm hoặc ngày giờ Excel)'],
    ]);
    expect((await resultOf('HN-0001')).result).toBeNull();
  });

  it('checks rows against the samples in SQL: unknown tube, result before collection, positive without Ct', async () => {
    const res = await upload(
      [
        'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua',
        'HN-0001,Âm tính,,11/09/2021 09:30',
        'HN-9999,Âm tính,,11/09/2021 09:30',
        'HN-0002,Âm tính,,11/09/2021 07:00',
        'HN-0003,Dương tính,,11/09/2021 09:30',
      ].join('\n'),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('Tệp bị từ chối: 3 dòng lỗi, không dòng nào được lưu');
    expect(res.json().import.errors.map((e: { line: number; code: string; message: string }) => [e.line, e.code, e.message])).toEqual([
      [3, 'testing.sample_not_found', 'Không tìm thấy mẫu có mã ống HN-9999'],
      [4, 'testing.result_before_collection', 'Thời gian có kết quả trước thời điểm lấy mẫu'],
      [5, 'testing.ct_required', 'Kết quả RT-PCR dương tính cần giá trị Ct'],
    ]);
    expect((await resultOf('HN-0001')).result).toBeNull();
    expect((await summary()).resulted).toBe(0);
  });

  it('refuses an empty file and a file of another template, naming the missing columns', async () => {
    expect((await upload('')).json()).toMatchObject({ code: 'testing.import_empty', field: 'file' });
    const wrong = await upload('ho_ten,so_dien_thoai\nNguyễn Văn A,0912345678\n');
    expect(wrong.json()).toMatchObject({ code: 'testing.import_template', detail: expect.stringContaining('Mã ống mẫu, Kết quả, Thời gian có kết quả') });
  });
});

describe('a good file, again and again', () => {
  const file =
    [
      'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua',
      'HN-0001,Âm tính,,11/09/2021 09:30',
      'HN-0002,am tinh,,2021-09-11 09:31',
      'HN-0003,Dương tính,"23,5",11/09/2021 09:32',
    ].join('\r\n') + '\r\n';

  it('applies every row, opens the case of the positive tube, and counts the results in the day', async () => {
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', total: 3, applied: 3, unchanged: 0, conflicts: 0, repeated: false });
    expect(res.json().casesOpened.map((c: { barcode: string }) => c.barcode)).toEqual(['HN-0003']);
    expect(await resultOf('HN-0003')).toMatchObject({ result: 'positive', ctValue: 23.5, resultSource: 'import' });
    expect(await summary()).toMatchObject({ resulted: 3, positive: 1, negative: 2, sameDay: 3 });
  });

  it('the same file again changes nothing', async () => {
    const res = await upload(file);
    expect(res.json()).toMatchObject({ status: 'done', repeated: true, applied: 0 });
    expect(await summary()).toMatchObject({ resulted: 3, positive: 1, negative: 2 });
  });

  it('the same rows in another file are unchanged', async () => {
    const res = await upload(file.replaceAll('\r\n', '\n'), 'ket-qua-lan-2.csv');
    expect(res.json()).toMatchObject({ status: 'done', repeated: false, total: 3, applied: 0, unchanged: 3, conflicts: 0 });
    expect(await summary()).toMatchObject({ resulted: 3 });
  });

  it('a different result for a tube that has one is held for review, once, never overwritten', async () => {
    now = new Date(vn('12:00'));
    const conflicting = 'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua\nHN-0001,Dương tính,30.1,11/09/2021 11:00\n';
    expect((await upload(conflicting)).json()).toMatchObject({ applied: 0, conflicts: 1 });
    expect((await upload(conflicting + '\n')).json()).toMatchObject({ applied: 0, conflicts: 1 });
    expect((await resultOf('HN-0001')).result).toBe('negative');
    const open = (await lab.get('/api/testing/conflicts')).json();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ barcode: 'HN-0001', currentResult: 'negative', proposedResult: 'positive', proposedCt: 30.1 });

    const accepted = await lab.post(`/api/testing/conflicts/${open[0].id}`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().casesOpened).toHaveLength(1);
    expect(await resultOf('HN-0001')).toMatchObject({ result: 'positive', ctValue: 30.1 });
    expect(await summary()).toMatchObject({ resulted: 3, positive: 2, negative: 1 });
    expect((await lab.get('/api/testing/conflicts')).json()).toEqual([]);
  });
});

describe('what labs really send', () => {
  it('reads Windows-1258 text', async () => {
    // "HN-0004,Âm tính,,11/09/2021 10:00" in Windows-1258: Â = 0xC2, í = 0xED
    const bytes = Buffer.concat([
      Buffer.from('ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua\r\nHN-0004,'),
      Buffer.from([0xc2]),
      Buffer.from('m t'),
      Buffer.from([0xed]),
      Buffer.from('nh,,11/09/2021 10:00\r\n'),
    ]);
    expect(new TextDecoder('windows-1258').decode(bytes)).toContain('Âm tính');
    expect((await upload(bytes)).json()).toMatchObject({ status: 'done', applied: 1 });
    expect((await resultOf('HN-0004')).result).toBe('negative');
  });

  it('reads UTF-8 with BOM, semicolons, Vietnamese headers and Excel serial date-times', async () => {
    // 44450.4375 = 11/09/2021 10:30
    const text = '\ufeffMã ống mẫu;Kết quả;Giá trị Ct;Thời gian có kết quả\r\nHN-0005;Âm tính;;44450.4375\r\n';
    expect((await upload(text)).json()).toMatchObject({ status: 'done', applied: 1 });
    const s = (await lab.get('/api/testing/samples/HN-0005')).json();
    expect(s.resultedAt).toBe(vn('10:30'));
  });

  it('reads an XLSX workbook with date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kết quả');
    ws.addRow(['Mã ống mẫu', 'Kết quả', 'Ct', 'Thời gian có kết quả']);
    // Excel shows wall-clock times; ExcelJS gives them as UTC: 11/09/2021 10:45 in the sheet
    ws.addRow(['HN-0006', 'Dương tính', 27.2, new Date(Date.UTC(2021, 8, 11, 10, 45))]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(bytes, 'ket-qua.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: 1 });
    const s = (await lab.get('/api/testing/samples/HN-0006')).json();
    expect(s).toMatchObject({ result: 'positive', ctValue: 27.2, resultedAt: vn('10:45') });
  });

  it('takes the same rows as JSON from a lab system', async () => {
    const res = await lab.post('/api/testing/results', {
      labId,
      reference: 'LIS-2021-09-11-01',
      rows: [{ barcode: 'HN-0007', result: 'negative', resultedAt: '2021-09-11T10:50:00+07:00' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: 1 });
  });
});

describe('a failure in the middle of an import', () => {
  it('leaves no result of the file; running the file again completes it', async () => {
    const file = 'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua\nHN-0008,Dương tính,25,11/09/2021 11:00\n';
    const spy = vi.spyOn(t.services.cases, 'confirmFromResultInTx').mockRejectedValueOnce(new Error('process killed'));
    const failed = await upload(file);
    expect(failed.statusCode).toBe(500);
    expect((await resultOf('HN-0008')).result).toBeNull();
    const unfinished = await t.db.kysely.selectFrom('result_imports').select(['id', 'status']).where('status', '=', 'loading').execute();
    expect(unfinished).toHaveLength(1);
    spy.mockRestore();

    const again = await upload(file);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id: unfinished[0].id, applied: 1 });
    expect((await resultOf('HN-0008')).result).toBe('positive');
    const staged = await t.db.kysely.selectFrom('result_import_rows').select('import_id').execute();
    expect(staged).toEqual([]);
  });
});

describe('progress of a running import', () => {
  it('answers while the merge transaction runs: stage "merging", rows staged and total', async () => {
    const collected = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: people[0].id }],
      barcodes: ['HN-0101'],
      collectedAt: vn('08:00'),
    });
    expect(collected.statusCode, collected.body).toBe(201);
    await shipAndReceive(team, lab, teamId, labId, ['HN-0101'], { sentAt: vn('08:30'), receivedAt: vn('09:00') });
    const id = '0193c1a0-0000-7000-8000-00000000a101';
    const seen: { statusCode: number; body: Record<string, unknown> }[] = [];
    // the positive tube opens its case inside the merge transaction: ask for the progress from there
    const confirm = t.services.cases.confirmFromResultInTx.bind(t.services.cases);
    const spy = vi.spyOn(t.services.cases, 'confirmFromResultInTx').mockImplementationOnce(async (...args) => {
      const res = await lab.get(`/api/testing/imports/${id}`);
      seen.push({ statusCode: res.statusCode, body: res.json() });
      return confirm(...args);
    });
    const res = await lab.request(
      'POST',
      `/api/testing/imports?labId=${labId}&fileName=tien-do.csv&id=${id}`,
      Buffer.from('ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua\nHN-0101,Dương tính,22,11/09/2021 09:30\n'),
      { 'content-type': 'text/csv' },
    );
    spy.mockRestore();
    expect(res.statusCode, res.body).toBe(200);
    expect(seen).toEqual([{ statusCode: 200, body: expect.objectContaining({ id, status: 'loading', stage: 'merging', rowsStaged: 1, total: 1 }) }]);
    const after = (await lab.get(`/api/testing/imports/${id}`)).json();
    expect(after).toMatchObject({ status: 'done', stage: 'finished', applied: 1 });
  });
});

describe('turnaround in Vietnam days', () => {
  it('a result reported after midnight in Vietnam is not same-day; one before midnight is, whatever the UTC date', async () => {
    now = new Date(vn('23:40', '2021-09-12'));
    const p = people;
    for (const [i, b] of [
      ['NT-0001', '23:30'],
      ['NT-0002', '06:00'],
    ].entries()) {
      const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
        testType: 'rt_pcr_single',
        kind: 'single',
        members: [{ personId: p[i].id }],
        barcodes: [b[0]],
        collectedAt: vn(b[1], '2021-09-12'),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await shipAndReceive(team, lab, teamId, labId, ['NT-0001', 'NT-0002'], { sentAt: vn('23:35', '2021-09-12'), receivedAt: vn('23:40', '2021-09-12') });
    now = new Date(vn('22:00', '2021-09-12'));
    // NT-0002 collected 06:00 (23:00 UTC the day before), reported 22:00 the same Vietnam day
    now = new Date(vn('23:45', '2021-09-12'));
    expect((await lab.post('/api/testing/samples/NT-0002/result', { result: 'negative', resultedAt: vn('21:50', '2021-09-12') })).statusCode).toBe(200);
    now = new Date(vn('00:30', '2021-09-13'));
    expect((await lab.post('/api/testing/samples/NT-0001/result', { result: 'negative', resultedAt: vn('00:20', '2021-09-13') })).statusCode).toBe(200);
    const day = (await lab.get('/api/testing/summary?day=2021-09-12')).json().totals;
    expect(day).toMatchObject({ samples: 2, resulted: 2, sameDay: 1 });
    // NT-0001: 23:30 → 00:30 = 60 min; NT-0002: 06:00 → 23:45 = 17 h 45
    expect(day.tat).toEqual({ le6h: 1, le12h: 0, le24h: 1, le48h: 0, gt48h: 0 });
    expect(day.meanTatHours).toBeCloseTo((60 + 1065) / 2 / 60);
  });
});

describe('quarantine test days', () => {
  it('a negative sample on an F1 test day satisfies it in the follow-up list', async () => {
    const commune = await t.as('commune_officer', [CAI_KHE]);
    const [index, contact] = (await aHousehold(team, CAI_KHE, 2, 'Vũ Thị Cách Ly')).members;
    const kase = await commune.post('/api/cases', {
      personId: index.id,
      confirmedOn: '2021-09-13',
      confirmingTest: 'PCR-CL-1',
      detectedIn: 'community',
      sampledOn: '2021-09-13',
    });
    expect(kase.statusCode, kase.body).toBe(201);
    const exp = await commune.post('/api/exposures', {
      sourcePersonId: index.id,
      exposedPersonId: contact.id,
      startAt: '2021-09-12T19:00:00+07:00',
      endAt: '2021-09-12T21:00:00+07:00',
      contactType: 'unmasked',
      setting: 'household',
    });
    expect(exp.statusCode, exp.body).toBe(201);
    const cls = (await commune.get(`/api/persons/${contact.id}/classification`)).json();
    const firstTestDay = cls.testDays[0] as string;
    const before = (await commune.get(`/api/follow-up?commune=${CAI_KHE}&date=${firstTestDay}`))
      .json()
      .find((r: { personId: string }) => r.personId === contact.id);
    expect(before.testToday).toBe(true);

    now = new Date(`${firstTestDay}T09:00:00+07:00`);
    const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: contact.id }],
      barcodes: ['CL-0001'],
      collectedAt: `${firstTestDay}T08:00:00+07:00`,
    });
    expect(res.statusCode, res.body).toBe(201);
    await shipAndReceive(team, lab, teamId, labId, ['CL-0001']);
    now = new Date(`${firstTestDay}T15:00:00+07:00`);
    expect((await lab.post('/api/testing/samples/CL-0001/result', { result: 'negative' })).statusCode).toBe(200);
    const after = (await commune.get(`/api/follow-up?commune=${CAI_KHE}&date=${firstTestDay}`))
      .json()
      .find((r: { personId: string }) => r.personId === contact.id);
    expect(after).toMatchObject({ testToday: false, testsDone: [firstTestDay] });
  });
});
