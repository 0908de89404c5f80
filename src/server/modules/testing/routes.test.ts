import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { AN_HOA, CAI_KHE } from '../../test/builders';
import { aHousehold, aLab, aSession, aTeam, collectPool, shipAndReceive } from '../../test/testing-fixtures';

/**
 * A day of household pooled testing through the API: sampling → shipment → lab intake → results → deconvolution
 * → individual results → case; rapid antigen on the spot; the day's summary. The clock is the testing module's,
 * set to Vietnam times of 10/09/2021.
 */
let now = new Date('2021-09-10T01:00:00Z'); // 08:00 in Vietnam
let t: TestApp;
let team: Client;
let lab: Client;
let command: Client;
let labId: string;
let teamId: string;
let sessionId: string;
let big: Awaited<ReturnType<typeof aHousehold>>;
let small: Awaited<ReturnType<typeof aHousehold>>;

const vn = (hhmm: string, day = '2021-09-10') => new Date(`${day}T${hhmm}:00+07:00`).toISOString();

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => now } });
  team = await t.as('health_staff', [CAI_KHE]);
  lab = await t.as('lab_staff', ['92']);
  command = await t.as('command_center', ['92']);
  labId = (await aLab(command, 'Phòng xét nghiệm CDC Cần Thơ')).id;
  teamId = (await aTeam(team, CAI_KHE)).id;
  sessionId = (await aSession(team, teamId, '2021-09-10')).id;
  big = await aHousehold(team, CAI_KHE, 12, 'Lê Văn Đông');
  small = await aHousehold(team, CAI_KHE, 3, 'Phạm Thị Ít');
});
afterAll(() => t.close());

describe('sampling', () => {
  it('plans a large household into even pools under the max pool size in force', async () => {
    const plan = (await team.get(`/api/testing/pool-plan?householdId=${big.id}`)).json();
    expect(plan.maxPoolSize).toBe(10);
    expect(plan.tubes.map((tube: unknown[]) => tube.length)).toEqual([6, 6]);
  });

  it('asks for one barcode per tube, naming the numbers, and stores nothing', async () => {
    now = new Date(vn('09:00'));
    const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_pooled',
      kind: 'household_pool',
      householdId: big.id,
      members: big.members.map((m) => ({ personId: m.id })),
      barcodes: ['CT-0001'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'testing.barcodes_needed', field: 'barcodes' });
    expect(res.json().detail).toBe('Hộ có 12 người, cỡ gộp tối đa 10: cần 2 ống, đã nhập 1 mã');
    expect((await team.get(`/api/testing/sessions/${sessionId}`)).json().tubes).toEqual([]);
  });

  it('collects two household pools, splitting the large one', async () => {
    now = new Date(vn('09:30'));
    const a = await collectPool(team, sessionId, big, ['ct-0001', 'CT-0002'], vn('09:00'));
    expect(a.samples.map((s) => [s.barcode, s.membersCount])).toEqual([
      ['CT-0001', 6],
      ['CT-0002', 6],
    ]);
    const b = await collectPool(team, sessionId, small, ['CT-0003'], vn('09:10'));
    expect(b.samples[0].membersCount).toBe(3);
    const session = (await team.get(`/api/testing/sessions/${sessionId}`)).json();
    expect(session.tubes).toHaveLength(3);
    expect(session.tubes[2].members.map((m: { fullName: string }) => m.fullName)).toEqual(['Phạm Thị Ít A', 'Phạm Thị Ít B', 'Phạm Thị Ít C']);
  });

  it('refuses a used barcode, a repeated person and a person of another household', async () => {
    const used = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: small.members[0].id }],
      barcodes: ['CT-0003'],
    });
    expect(used.json()).toMatchObject({ code: 'testing.barcode_taken', field: 'barcodes.0', detail: 'Mã ống CT-0003 đã được dùng cho một mẫu khác' });
    const other = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_pooled',
      kind: 'household_pool',
      householdId: small.id,
      members: [{ personId: small.members[0].id }, { personId: big.members[0].id }],
      barcodes: ['CT-0099'],
    });
    expect(other.json()).toMatchObject({ code: 'testing.member_not_in_household', field: 'members.1' });
    const bad = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: small.members[0].id }],
      barcodes: ['C T'],
    });
    expect(bad.json().errors?.[0]).toMatchObject({ field: 'barcodes.0', message: expect.stringContaining('Mã ống mẫu không hợp lệ') });
  });

  it('adds a person not yet registered to the household on the spot', async () => {
    const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      householdId: small.id,
      barcodes: ['CT-0004'],
      collectedAt: vn('09:20'),
      members: [{ newPerson: { fullName: 'Phạm Văn Mới Đến', birthYear: 2001, sex: 'male', communeCode: CAI_KHE } }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const household = (await team.get(`/api/households/${small.id}`)).json();
    expect(household.members.map((m: { fullName: string }) => m.fullName)).toContain('Phạm Văn Mới Đến');
  });
});

describe('transport and lab', () => {
  it('receives by scanning and reports missing and extra tubes', async () => {
    now = new Date(vn('11:00'));
    const sh = await team.post('/api/testing/shipments', { teamId, labId, barcodes: ['CT-0001', 'CT-0002', 'CT-0003', 'CT-0004'], sentAt: vn('10:30') });
    expect(sh.statusCode, sh.body).toBe(201);
    const rec = await lab.post(`/api/testing/shipments/${sh.json().id}/receive`, { barcodes: ['CT-0001', 'CT-0002', 'CT-0003', 'CT-9999'] });
    expect(rec.json()).toMatchObject({ received: 3, missing: ['CT-0004'], extra: ['CT-9999'] });
    const missing = (await lab.get('/api/testing/samples/CT-0004')).json();
    expect(missing.status).toBe('in_transit');
  });

  it('rejects a result for a tube never received, and a positive RT-PCR without Ct', async () => {
    const notReceived = await lab.post('/api/testing/samples/CT-0004/result', { result: 'negative' });
    expect(notReceived.json()).toMatchObject({ code: 'testing.sample_not_received', detail: 'Mẫu CT-0004 chưa được phòng xét nghiệm tiếp nhận' });
    const noCt = await lab.post('/api/testing/samples/CT-0003/result', { result: 'positive' });
    expect(noCt.json()).toMatchObject({ code: 'testing.ct_required', field: 'ctValue' });
    expect((await lab.get('/api/testing/samples/CT-0003')).json().result).toBeNull();
  });

  it('a negative pool clears its members; a positive pool opens deconvolution: members suspected, re-collection tasks', async () => {
    now = new Date(vn('15:00'));
    expect((await lab.post('/api/testing/samples/CT-0001/result', { result: 'negative', resultedAt: vn('14:30') })).statusCode).toBe(200);
    expect((await lab.post('/api/testing/samples/CT-0002/result', { result: 'negative', resultedAt: vn('14:30') })).statusCode).toBe(200);
    const pos = await lab.post('/api/testing/samples/CT-0003/result', { result: 'positive', ctValue: 24.5, resultedAt: vn('14:40') });
    expect(pos.statusCode, pos.body).toBe(200);
    expect(pos.json()).toMatchObject({ applied: 1, tasksCreated: 3, casesOpened: [] });
    const tube = (await team.get('/api/testing/samples/CT-0003')).json();
    expect(tube.members.every((m: { suspected: boolean }) => m.suspected)).toBe(true);
    const tasks = (await team.get(`/api/testing/tasks?communeCode=${CAI_KHE}`)).json();
    expect(tasks.map((x: { kind: string; person: { fullName: string } }) => [x.kind, x.person.fullName]).sort()).toEqual([
      ['recollect', 'Phạm Thị Ít A'],
      ['recollect', 'Phạm Thị Ít B'],
      ['recollect', 'Phạm Thị Ít C'],
    ]);
  });

  it('individual results close the deconvolution; the positive one becomes a case in the case list', async () => {
    now = new Date(vn('16:00'));
    const tasks = (await team.get(`/api/testing/tasks?communeCode=${CAI_KHE}`)).json() as { id: string; personId: string }[];
    const barcodes = tasks.map((_, i) => `CT-01${i}0`);
    for (const [i, task] of tasks.entries()) {
      const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
        testType: 'rt_pcr_single',
        kind: 'single',
        members: [{ personId: task.personId }],
        barcodes: [barcodes[i]],
        taskId: task.id,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: tasks[0].personId }],
      barcodes: ['CT-0199'],
      taskId: tasks[0].id,
    });
    expect(again.json()).toMatchObject({
      code: 'testing.task_collected',
      field: 'taskId',
      detail: `Đã lấy mẫu cho nhiệm vụ này (ống ${barcodes[0]}), đang chờ kết quả`,
    });
    const pending = (await team.get(`/api/testing/tasks?communeCode=${CAI_KHE}`)).json() as { id: string; collectedBarcode: string }[];
    expect(pending.map((x) => x.collectedBarcode).sort()).toEqual([...barcodes].sort());
    await shipAndReceive(team, lab, teamId, labId, barcodes);
    now = new Date(vn('20:00'));
    const positivePerson = tasks[1].personId;
    for (const [i, b] of barcodes.entries()) {
      const res = await lab.post(
        `/api/testing/samples/${b}/result`,
        i === 1 ? { result: 'positive', ctValue: 21.3, resultedAt: vn('19:50') } : { result: 'negative', resultedAt: vn('19:50') },
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await team.get(`/api/testing/tasks?communeCode=${CAI_KHE}`)).json()).toEqual([]);
    const cases = (await command.get('/api/cases?confirmedFrom=2021-09-10&confirmedTo=2021-09-10')).json();
    expect(cases.items.map((c: { personId: string }) => c.personId)).toEqual([positivePerson]);
    expect(cases.items[0]).toMatchObject({ confirmingTest: barcodes[1], sampledOn: '2021-09-10', detectedIn: 'community' });
  });

  it('an invalid run is retested on the same tube', async () => {
    expect((await lab.post('/api/testing/samples/CT-0004/result', { result: 'negative' })).statusCode).toBe(409);
  });
});

describe('rapid antigen on the spot', () => {
  it('a positive test of a symptomatic person isolates, asks for RT-PCR and opens a case (rule set: if symptomatic or F1)', async () => {
    now = new Date(vn('10:00'));
    const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rapid_antigen',
      kind: 'single',
      members: [{ personId: big.members[0].id }],
      barcodes: ['TN-0001'],
      result: 'positive',
      symptomatic: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().casesOpened).toHaveLength(1);
    const tasks = (await team.get(`/api/testing/tasks?communeCode=${CAI_KHE}`)).json();
    expect(tasks.filter((x: { kind: string }) => x.kind === 'confirm_rtpcr').map((x: { personId: string }) => x.personId)).toEqual([big.members[0].id]);
  });

  it('a positive test of a person without symptoms and not F1 isolates and asks for RT-PCR, without a case', async () => {
    const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rapid_antigen',
      kind: 'single',
      members: [{ personId: big.members[1].id }],
      barcodes: ['TN-0002'],
      result: 'positive',
    });
    expect(res.json().casesOpened).toEqual([]);
    expect(res.json().tasksCreated).toBe(1);
  });

  it('a rapid antigen test needs its result, and only it may have one on the spot', async () => {
    const none = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rapid_antigen',
      kind: 'single',
      members: [{ personId: big.members[2].id }],
      barcodes: ['TN-0003'],
    });
    expect(none.json()).toMatchObject({ code: 'testing.antigen_needs_result', field: 'result' });
    const pcr = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId: big.members[2].id }],
      barcodes: ['TN-0003'],
      result: 'negative',
    });
    expect(pcr.json()).toMatchObject({ code: 'testing.on_site_antigen_only', field: 'result' });
  });
});

describe('the day in numbers', () => {
  it('summarises the day from the rollup: samples, persons, pools, positivity, same-day share, backlog', async () => {
    const s = (await command.get('/api/testing/summary?day=2021-09-10')).json();
    // tubes: 3 pools + CT-0004 + 3 individual + 2 rapid antigen = 9; persons 12 + 3 + 1 + 3 + 2 = 21;
    // positive: the pool CT-0003, one individual, two rapid antigen
    expect(s.totals).toMatchObject({ samples: 9, persons: 21, pools: 3, received: 6, positive: 4, invalid: 0 });
    expect(s.totals.resulted).toBe(8);
    expect(s.totals.sameDay).toBe(8);
    const pooled = s.byTestType.find((x: { testType: string }) => x.testType === 'rt_pcr_pooled');
    expect(pooled).toMatchObject({ samples: 3, resulted: 3, positive: 1 });
    expect(pooled.positivity).toBeCloseTo(1 / 3);
    const labRow = s.byLab.find((x: { labId: string }) => x.labId === labId);
    expect(labRow).toMatchObject({ name: 'Phòng xét nghiệm CDC Cần Thơ', received: 6, resulted: 6, sameDay: 6 });
    expect(labRow.backlog).toMatchObject({ inTransit: 1, awaitingResult: 0 });
    expect(s.byCommune).toEqual([expect.objectContaining({ communeCode: CAI_KHE, samples: 9 })]);
    expect(s.trend).toHaveLength(7);
  });

  it('shows the tube that never reached the lab on the overdue board once past the threshold', async () => {
    now = new Date(vn('22:00'));
    const board = (await command.get('/api/testing/overdue')).json();
    expect(board.thresholdHours).toBe(12);
    expect(board.samples.map((s: { barcode: string; stage: string }) => [s.barcode, s.stage])).toEqual([['CT-0004', 'in_transit']]);
  });

  it('a commune officer of another commune sees none of it', async () => {
    const other = await t.as('commune_officer', [AN_HOA]);
    expect((await other.get(`/api/testing/sessions/${sessionId}`)).statusCode).toBe(404);
    expect((await other.get('/api/testing/samples/CT-0001')).statusCode).toBe(404);
    expect((await other.get('/api/testing/summary?day=2021-09-10')).json().totals.samples).toBe(0);
  });
});

describe('results for people and systems', () => {
  it('a person looks up their own result with barcode and national ID, seeing only result and date', async () => {
    const person = small.members[0];
    const res = await t.anonymous().post('/api/public/result-lookup', { barcode: 'CT-0003', idOrPhone: person.nationalId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      barcode: 'CT-0003',
      testType: 'rt_pcr_pooled',
      pooled: true,
      collectedOn: '2021-09-10',
      result: 'positive',
      status: 'resulted',
      resultedAt: vn('15:00'),
    });
    expect(res.body).not.toContain('Phạm');
    const wrong = await t.anonymous().post('/api/public/result-lookup', { barcode: 'CT-0003', idOrPhone: '092185000000' });
    expect(wrong.json()).toMatchObject({ code: 'testing.lookup_not_found' });
  });

  it('limits lookups per address', async () => {
    const anon = t.anonymous();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push((await anon.post('/api/public/result-lookup', { barcode: `XX-${1000 + i}`, idOrPhone: '092185000000' })).statusCode);
    expect(codes).toContain(429);
    expect(codes.filter((c) => c === 404).length).toBeLessThanOrEqual(10);
  });

  it('exports the day as FHIR R4 Observations: the positive pool only as preliminary, the member found positive as final', async () => {
    const res = await command.get('/api/fhir/Observation?date=2021-09-10&_count=100');
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const bundle = res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    const observations = bundle.entry
      .filter((e: { search: { mode: string } }) => e.search.mode === 'match')
      .map((e: { resource: Record<string, any> }) => e.resource);
    const pooled = observations.filter((o: Record<string, any>) => o.identifier[0].value.startsWith('CT-0003/'));
    expect(pooled).toHaveLength(3);
    expect(pooled[0]).toMatchObject({
      resourceType: 'Observation',
      status: 'preliminary',
      code: { coding: [{ system: 'http://loinc.org', code: '94500-6' }] },
      effectiveDateTime: vn('09:10'),
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260373001' }] },
      component: [{ code: { coding: [{ code: '94745-7' }] }, valueQuantity: { value: 24.5 } }],
    });
    expect(pooled.map((o: Record<string, any>) => o.subject.reference).sort()).toEqual(
      small.members
        .slice(0, 3)
        .map((m) => `Patient/${m.id}`)
        .sort(),
    );
    const members = new Set(small.members.slice(0, 3).map((m) => `Patient/${m.id}`));
    const finalPositive = observations.filter(
      (o: Record<string, any>) => members.has(o.subject.reference) && o.status === 'final' && o.valueCodeableConcept.coding[0].code === '260373001',
    );
    expect(finalPositive.map((o: Record<string, any>) => o.identifier[0].value.split('/')[0])).toEqual(['CT-0110']);
    const antigen = observations.find((o: Record<string, any>) => o.identifier[0].value.startsWith('TN-0001/'));
    expect(antigen.code.coding[0].code).toBe('94558-4');
    expect(bundle.total).toBe(observations.length);
  });
});

describe('pools made at the lab from stored single tubes', () => {
  const single = async (personId: string, barcode: string) => {
    const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
      testType: 'rt_pcr_single',
      kind: 'single',
      members: [{ personId }],
      barcodes: [barcode],
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  it('a negative lab pool clears its stored tubes; a tube in a pool takes no result of its own', async () => {
    now = new Date(vn('08:00', '2021-09-11'));
    for (const [i, b] of ['LS-0001', 'LS-0002', 'LS-0003'].entries()) await single(big.members[3 + i].id, b);
    await shipAndReceive(team, lab, teamId, labId, ['LS-0001', 'LS-0002', 'LS-0003']);
    const pool = await lab.post('/api/testing/lab-pools', { labId, barcode: 'LP-0001', memberBarcodes: ['LS-0001', 'LS-0002', 'LS-0003'] });
    expect(pool.statusCode, pool.body).toBe(201);
    expect((await lab.post('/api/testing/samples/LS-0001/result', { result: 'negative' })).json()).toMatchObject({
      code: 'testing.pool_member_tube',
      detail: expect.stringContaining('LP-0001'),
    });
    now = new Date(vn('12:00', '2021-09-11'));
    expect((await lab.post('/api/testing/samples/LP-0001/result', { result: 'negative' })).statusCode).toBe(200);
    for (const b of ['LS-0001', 'LS-0002', 'LS-0003'])
      expect((await lab.get(`/api/testing/samples/${b}`)).json()).toMatchObject({ result: 'negative', resultSource: 'pool' });
  });

  it('a positive lab pool asks for each stored tube to be retested; their results close the tasks', async () => {
    for (const [i, b] of ['LS-0004', 'LS-0005'].entries()) await single(big.members[6 + i].id, b);
    await shipAndReceive(team, lab, teamId, labId, ['LS-0004', 'LS-0005']);
    expect((await lab.post('/api/testing/lab-pools', { labId, barcode: 'LP-0002', memberBarcodes: ['LS-0004', 'LS-0005'] })).statusCode).toBe(201);
    const pos = await lab.post('/api/testing/samples/LP-0002/result', { result: 'positive', ctValue: 28 });
    expect(pos.json()).toMatchObject({ tasksCreated: 2, casesOpened: [] });
    const tasks = (await lab.get('/api/testing/tasks')).json().filter((x: { kind: string }) => x.kind === 'retest_stored');
    expect(tasks.map((x: { personId: string }) => x.personId).sort()).toEqual([big.members[6].id, big.members[7].id].sort());
    const res = await lab.post('/api/testing/samples/LS-0004/result', { result: 'positive', ctValue: 26.4 });
    expect(res.json().casesOpened.map((c: { personId: string }) => c.personId)).toEqual([big.members[6].id]);
    await lab.post('/api/testing/samples/LS-0005/result', { result: 'negative' });
    expect((await lab.get('/api/testing/tasks')).json().filter((x: { kind: string }) => x.kind === 'retest_stored')).toEqual([]);
  });
});

describe('the pending tubes kept by the database', () => {
  it('after every collection, shipment, receipt, result and lab pool above, equal the tubes without a final result', async () => {
    const { rows } = await t.db.pool.query(`select s.barcode, s.lab_id, p.lab_id as pending_lab, s.collected_at = p.collected_at as same_time
        from samples s full join pending_samples p on p.sample_id = s.id and p.province_code = s.province_code
       where (s.result is null or s.result = 'invalid') is distinct from (p.sample_id is not null)
          or (p.sample_id is not null and (s.lab_id is distinct from p.lab_id or s.collected_at is distinct from p.collected_at))`);
    expect(rows).toEqual([]);
    const pending = await t.db.pool.query('select count(*)::int as n from pending_samples');
    expect(pending.rows[0].n).toBeGreaterThan(0);
  });

  it('gives the tasks made by set-based SQL UUIDv7 ids, like every other row', async () => {
    const { rows } = await t.db.pool.query(
      `select count(*)::int as n, count(*) filter (where substring(id::text, 15, 1) <> '7' or substring(id::text, 20, 1) not in ('8', '9', 'a', 'b'))::int as other from testing_tasks`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
    expect(rows[0].other).toBe(0);
    const now = await t.db.pool.query(`select uuidv7()::text as id, (extract(epoch from clock_timestamp()) * 1000)::bigint::text as ms`);
    expect(Math.abs(parseInt(now.rows[0].id.replace(/-/g, '').slice(0, 12), 16) - Number(now.rows[0].ms))).toBeLessThan(1000);
  });
});
