import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { AN_HOA, CAI_KHE } from '../../test/builders';
import { aHousehold, aLab, aSession, aTeam, shipAndReceive } from '../../test/testing-fixtures';
import { admit, aFacility } from '../../test/quarantine-fixtures';

let t: TestApp;
let officer: Client;
let lab: Client;
const now = new Date('2021-09-10T03:00:00Z');
let site: Awaited<ReturnType<typeof aFacility>>;
let hospital: Awaited<ReturnType<typeof aFacility>>;
let people: { id: string }[];

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => now } });
  officer = await t.as('command_center', ['92']);
  lab = await t.as('lab_staff', ['92']);
  site = await aFacility(officer, { rooms: ['A101', 'A102', 'A103'] });
  hospital = await aFacility(officer, { kind: 'treatment', rooms: ['T1'], beds: 2 });
  people = [...(await aHousehold(officer, CAI_KHE, 8, 'Trần Văn Ly')).members];
});
afterAll(() => t.close());

const stays = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('quarantine_stays')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const tasksOf = async (stayId: string) =>
  (await officer.get(`/api/quarantine/stays/${stayId}`)).json().tasks as { kind: string; dueOn: string; status: string }[];

describe('admission: plan by rule version, cohorts, beds', () => {
  it('an F1 admitted in Sep 2021 gets 14 days and tests on days 1, 7 and 14; one in Jun 2021 got 21 days (rule of CĐ 600)', async () => {
    const sep = await admit(officer, { personId: people[0].id, roomId: site.rooms.A101, admittedOn: '2021-09-06' });
    expect(sep.statusCode, sep.body).toBe(201);
    expect(sep.json()).toMatchObject({
      situation: 'f1_facility',
      ruleVersion: 2,
      lastDay: '2021-09-19',
      monitoringUntil: '2021-10-03',
      bed: '1',
      roomCode: 'A101',
    });
    expect(sep.json().testDays).toEqual(['2021-09-06', '2021-09-12', '2021-09-19']);
    expect((await tasksOf(sep.json().id)).map((x) => x.dueOn)).toEqual(['2021-09-06', '2021-09-12', '2021-09-19']);
    const jun = await admit(officer, { personId: people[7].id, roomId: site.rooms.A103, admittedOn: '2021-06-10' });
    expect(jun.json()).toMatchObject({ ruleVersion: 1, lastDay: '2021-06-30' });
  });

  it('the cohort rule: same class and entry window only; another day or class is refused naming the room, unless overridden with a reason by who may', async () => {
    const same = await admit(officer, { personId: people[1].id, roomId: site.rooms.A101, admittedOn: '2021-09-07' });
    expect(same.statusCode, same.body).toBe(201);
    const before = await stays();
    const late = await admit(officer, { personId: people[2].id, roomId: site.rooms.A101, admittedOn: '2021-09-09' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'quarantine.cohort_window', field: 'roomId' });
    expect(late.json().detail).toContain('Phòng A101 giữ nhóm vào từ 06/09/2021 đến 07/09/2021');
    const arrival = await admit(officer, { personId: people[2].id, reason: 'arrival', roomId: site.rooms.A101, admittedOn: '2021-09-07' });
    expect(arrival.json()).toMatchObject({ code: 'quarantine.cohort_class' });
    const health = await t.as('health_staff', [CAI_KHE]);
    const forbidden = await admit(health, { personId: people[2].id, roomId: site.rooms.A101, admittedOn: '2021-09-09', overrideReason: 'Hết phòng trống' });
    expect(forbidden.statusCode).toBe(403);
    expect(await stays()).toBe(before);
    const overridden = await admit(officer, { personId: people[2].id, roomId: site.rooms.A101, admittedOn: '2021-09-09', overrideReason: 'Hết phòng trống' });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json().overrideReason).toBe('Hết phòng trống');
    const audited = await t.db.kysely
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'quarantine_stay')
      .where('entity_id', '=', overridden.json().id)
      .executeTakeFirstOrThrow();
    expect(audited.detail).toMatchObject({ override: 'Hết phòng trống' });
  });

  it('refuses a second open stay, a bed taken, a bed that does not exist, a future day; nothing is written', async () => {
    const before = await stays();
    expect((await admit(officer, { personId: people[0].id, roomId: site.rooms.A102, admittedOn: '2021-09-08' })).json()).toMatchObject({
      code: 'quarantine.open_stay',
      field: 'personId',
    });
    expect(
      (await admit(officer, { personId: people[3].id, roomId: site.rooms.A101, admittedOn: '2021-09-09', bed: '1', overrideReason: 'x' })).json(),
    ).toMatchObject({ code: 'quarantine.bed_taken', field: 'bed' });
    expect((await admit(officer, { personId: people[3].id, roomId: site.rooms.A102, admittedOn: '2021-09-09', bed: '9' })).json()).toMatchObject({
      code: 'quarantine.bed_unknown',
      field: 'bed',
    });
    expect((await admit(officer, { personId: people[3].id, roomId: site.rooms.A102, admittedOn: '2099-01-01' })).json()).toMatchObject({
      code: 'quarantine.future_day',
      field: 'admittedOn',
    });
    expect(await stays()).toBe(before);
    const room = (await officer.get(`/api/quarantine/facilities/${site.id}`)).json().rooms.find((r: { code: string }) => r.code === 'A102');
    expect(room).toMatchObject({ occupied: 0, cohort: null });
  });
});

describe('a positive inside a room', () => {
  it('opens the case, asks for the transfer, exposes the room: the others restart from the exposure with re-test tasks, in the result’s transaction', async () => {
    const labId = (await aLab(officer)).id;
    const team = await aTeam(officer, CAI_KHE);
    const session = await aSession(officer, team.id, '2021-09-10');
    const tube = await officer.post(`/api/testing/sessions/${session.id}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: people[0].id }],
      barcodes: ['QT-0001'],
      collectedAt: '2021-09-10T08:00:00+07:00',
    });
    expect(tube.statusCode, tube.body).toBe(201);
    await shipAndReceive(officer, lab, team.id, labId, ['QT-0001'], { sentAt: '2021-09-10T09:00:00+07:00', receivedAt: '2021-09-10T10:00:00+07:00' });
    expect((await lab.post('/api/testing/samples/QT-0001/result', { result: 'positive', ctValue: 20 })).statusCode).toBe(200);

    const detail = (await officer.get(`/api/quarantine/facilities/${site.id}`)).json();
    const room = detail.rooms.find((r: { code: string }) => r.code === 'A101');
    expect(room.cohort).toMatchObject({ cls: 'F1', exposedOn: '2021-09-10' });
    const byPerson = new Map(detail.stays.map((s: { personId: string }) => [s.personId, s]));
    expect(byPerson.get(people[0].id)).toMatchObject({ positiveOn: '2021-09-10', status: 'open' });
    for (const p of [people[1], people[2]]) {
      const s = byPerson.get(p.id) as { id: string; lastDay: string; testDays: string[] };
      expect(s.lastDay).toBe('2021-09-23');
      expect(s.testDays).toEqual(expect.arrayContaining(['2021-09-10', '2021-09-16', '2021-09-23']));
      const open = (await tasksOf(s.id)).filter((x) => x.status === 'open');
      expect(open.map((x) => `${x.kind} ${x.dueOn}`)).toEqual(['retest 2021-09-10', 'test 2021-09-16', 'test 2021-09-23']);
    }
    expect(detail.tasks.filter((x: { kind: string }) => x.kind === 'transfer')).toHaveLength(1);
    expect(detail.tasks.find((x: { kind: string }) => x.kind === 'transfer').note).toContain('Bệnh viện dã chiến số 1 (2)');
    const cases = await t.db.kysely.selectFrom('cases').select('detected_in').where('person_id', '=', people[0].id).execute();
    expect(cases).toEqual([{ detected_in: 'quarantine_facility' }]);
    // the exposed room takes nobody
    expect((await admit(officer, { personId: people[4].id, roomId: site.rooms.A101, admittedOn: '2021-09-10' })).json()).toMatchObject({
      code: 'quarantine.cohort_exposed',
    });
  });

  it('the positive is transferred to treatment as an F0; a quarantine site refuses them', async () => {
    const stay = (await officer.get(`/api/quarantine/facilities/${site.id}`)).json().stays.find((s: { personId: string }) => s.personId === people[0].id);
    expect((await officer.post(`/api/quarantine/stays/${stay.id}/transfer`, { day: '2021-09-10', roomId: site.rooms.A102 })).json()).toMatchObject({
      code: 'quarantine.facility_kind',
    });
    const moved = await officer.post(`/api/quarantine/stays/${stay.id}/transfer`, { day: '2021-09-10', roomId: hospital.rooms.T1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ reason: 'f0_treatment', exposureClass: 'F0', facilityId: hospital.id, startedOn: '2021-09-10' });
    const board = (await officer.get('/api/quarantine/board?day=2021-09-10')).json();
    const row = (id: string) => board.facilities.find((f: { id: string }) => f.id === id);
    expect(row(hospital.id)).toMatchObject({ beds: 2, occupied: 1, free: 1 });
    expect(row(site.id).today.arrivals).toBe(0);
    expect((await tasksOf(stay.id)).find((x) => x.kind === 'transfer')?.status).toBe('done');
  });
});

describe('treatment capacity for the level assessment (NQ 128 criterion 3)', () => {
  const capacityOf = async () => {
    await t.services.zones.assess(null, '2021-09-10');
    const row = await t.db.kysely
      .selectFrom('risk_assessments')
      .select('figures')
      .where('unit_code', '=', '92')
      .where('day', '=', '2021-09-10')
      .executeTakeFirstOrThrow();
    return (row.figures as { capacityMet: boolean | null }).capacityMet;
  };
  it('is computed from the treatment beds in use when no one entered it: met at 1 of 2 beds, not met when full', async () => {
    expect(await capacityOf()).toBe(true);
    const f0 = await admit(officer, { personId: people[4].id, reason: 'f0_treatment', roomId: hospital.rooms.T1, admittedOn: '2021-09-10' });
    expect(f0.statusCode, f0.body).toBe(201);
    expect(await capacityOf()).toBe(false);
    expect((await officer.get('/api/quarantine/board?day=2021-09-10')).json()).toMatchObject({ treatmentCapacityMet: false });
  });
});

describe('release', () => {
  it('is refused before the last day and with a test missing; then issues a certificate that the public page verifies', async () => {
    const s = (await admit(officer, { personId: people[5].id, roomId: site.rooms.A102, admittedOn: '2021-08-20' })).json();
    expect(s.lastDay).toBe('2021-09-02');
    const early = await officer.post(`/api/quarantine/stays/${s.id}/release`, { day: '2021-09-01', signer: 'Nguyễn Văn Ký' });
    expect(early.json()).toMatchObject({
      code: 'quarantine.release_before_end',
      field: 'day',
      detail: 'Trường day: chưa hết thời gian cách ly (ngày cuối 02/09/2021)',
    });
    const missing = await officer.post(`/api/quarantine/stays/${s.id}/release`, { day: '2021-09-02', signer: 'Nguyễn Văn Ký' });
    expect(missing.json()).toMatchObject({ code: 'quarantine.release_test_missing' });
    await t.db.kysely
      .transaction()
      .execute((trx) => t.services.testing.listeners[0].negativesInTx(trx, { personIds: s.testDays.map(() => people[5].id), days: s.testDays }, 0));
    expect((await tasksOf(s.id)).every((x) => x.status === 'done')).toBe(true);
    const ok = await officer.post(`/api/quarantine/stays/${s.id}/release`, { day: '2021-09-02', signer: 'Nguyễn Văn Ký' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'released', certificateNo: 'GCN-2021-000001' });
    const pdf = await officer.get(`/api/quarantine/stays/${s.id}/certificate?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const token = (await t.db.kysely.selectFrom('quarantine_stays').select('certificate_token').where('id', '=', s.id).executeTakeFirstOrThrow())
      .certificate_token!;
    const check = await t.anonymous().get(`/api/public/certificates/${token}`);
    expect(check.json()).toMatchObject({ valid: true, certificateNo: 'GCN-2021-000001', personName: 'Trần Văn Ly G', releasedOn: '2021-09-02' });
    expect((await t.anonymous().get(`/api/public/certificates/${'0'.repeat(32)}`)).statusCode).toBe(404);
  });
});

describe('home quarantine', () => {
  it('needs a qualifying home; released at home, certified by the commune health station', async () => {
    const body = { personId: people[3].id, setting: 'home', admittedOn: '2021-08-01' };
    expect((await admit(officer, body)).json()).toMatchObject({ code: 'quarantine.home_not_qualified', field: 'homeQualifies' });
    const s = (await admit(officer, { ...body, homeQualifies: true })).json();
    expect(s).toMatchObject({ situation: 'f1_home', setting: 'home', roomId: null, lastDay: '2021-08-14' });
    await t.db.kysely
      .transaction()
      .execute((trx) => t.services.testing.listeners[0].negativesInTx(trx, { personIds: s.testDays.map(() => people[3].id), days: s.testDays }, 0));
    expect((await officer.post(`/api/quarantine/stays/${s.id}/release`, { day: '2021-08-14', signer: 'Lê Thị Trạm' })).statusCode).toBe(200);
    const docx = await officer.get(`/api/quarantine/stays/${s.id}/certificate?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const monitoring = (await officer.get('/api/quarantine/home?day=2021-08-20')).json().monitoring;
    expect(monitoring.map((m: { id: string }) => m.id)).toContain(s.id);
  });
});

describe('home care', () => {
  let stayId = '';
  it('a warning sign or a low SpO2 makes an urgent transfer task; values out of range are refused naming the field', async () => {
    const s = await admit(officer, { personId: people[6].id, reason: 'f0_home', setting: 'home', admittedOn: '2021-09-08' });
    expect(s.statusCode, s.body).toBe(201);
    stayId = s.json().id;
    expect(s.json()).toMatchObject({ situation: 'f0_home', lastDay: '2021-09-17' });
    const check = (body: object) =>
      officer.post(`/api/quarantine/stays/${stayId}/checks`, { day: '2021-09-09', temperature: 37.5, spo2: 97, reportedBy: 'family', ...body });
    expect((await check({ spo2: 101 })).json()).toMatchObject({ code: 'quarantine.vital_range', field: 'spo2' });
    expect((await check({ temperature: 45 })).json()).toMatchObject({ code: 'quarantine.vital_range', field: 'temperature' });
    expect((await check({ day: '2099-01-01' })).json()).toMatchObject({ code: 'quarantine.future_day', field: 'day' });
    expect((await check({ warningSigns: ['khong_co'] })).json()).toMatchObject({ code: 'quarantine.sign_unknown', field: 'warningSigns' });
    const fine = await check({});
    expect(fine.statusCode, fine.body).toBe(201);
    expect(fine.json().urgentTaskId).toBeNull();
    const warn = await check({ day: '2021-09-10', warningSigns: ['dyspnea'], spo2: 94 });
    expect(warn.json().urgentTaskId).toEqual(expect.any(String));
    const tasks = await tasksOf(stayId);
    expect(tasks.find((x) => x.kind === 'urgent_transfer')).toMatchObject({ status: 'open' });
  });

  it('the commune team sees its households only: missed days flagged; another commune sees nothing and cannot write', async () => {
    const team = await t.as('commune_officer', [CAI_KHE]);
    const list = (await team.get(`/api/quarantine/home?day=2021-09-12`)).json();
    const row = list.stays.find((s: { id: string }) => s.id === stayId);
    expect(row).toMatchObject({ checkedToday: false, urgent: true, personName: 'Trần Văn Ly H' });
    expect(row.missedDays).toBe(2);
    const other = await t.as('commune_officer', [AN_HOA]);
    expect((await other.get('/api/quarantine/home')).json().stays).toEqual([]);
    expect((await other.post(`/api/quarantine/stays/${stayId}/checks`, { day: '2021-09-10', temperature: 37, spo2: 98, reportedBy: 'team' })).statusCode).toBe(
      404,
    );
  });

  it('facility staff see and act on their facility only', async () => {
    const staff = await t.as('health_staff', ['92']);
    const me = (await staff.get('/api/auth/me')).json().id;
    expect((await officer.put(`/api/quarantine/facilities/${hospital.id}/staff`, { userIds: [me] })).statusCode).toBe(200);
    expect((await staff.get('/api/quarantine/facilities')).json().map((f: { id: string }) => f.id)).toEqual([hospital.id]);
    expect((await staff.get(`/api/quarantine/facilities/${site.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/quarantine/facilities/${hospital.id}`)).statusCode).toBe(200);
  });
});
