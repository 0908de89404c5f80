import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../../test/harness';
import { AN_HOA, CAI_KHE } from '../../../test/builders';
import { fhirErrors } from '../../../test/fhir-schema';
import { aHousehold, aLab, aSession, aTeam, collectPool, shipAndReceive } from '../../../test/testing-fixtures';

/**
 * The FHIR R4 door other systems use: a positive household pool of 4 is no member's result until deconvolution
 * says whose it is; a result corrected after review says so; every answer validates against HL7's R4 schema;
 * searches by patient, date, code and _lastUpdated page with links; errors are OperationOutcome naming the
 * parameter; another commune's user sees nothing of it.
 */
let now = new Date('2021-09-10T01:00:00Z');
const started = new Date(Date.now() - 1000);
let t: TestApp;
let team: Client;
let lab: Client;
let command: Client;
let neighbour: Client;
let labId: string;
let teamId: string;
let sessionId: string;
let household: Awaited<ReturnType<typeof aHousehold>>;
let single: Awaited<ReturnType<typeof aHousehold>>;

type Resource = Record<string, any>;
interface Bundle {
  resourceType: string;
  total: number;
  link: { relation: string; url: string }[];
  entry: { fullUrl: string; resource: Resource; search: { mode: string } }[];
}

const vn = (hhmm: string, day = '2021-09-10') => new Date(`${day}T${hhmm}:00+07:00`).toISOString();
const search = async (client: Client, query: string) => {
  const res = await client.get(`/api/fhir/Observation?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/fhir+json');
  return res.json() as Bundle;
};
const matches = (b: Bundle) => b.entry.filter((e) => e.search.mode === 'match').map((e) => e.resource);
const included = (b: Bundle, type: string) => b.entry.filter((e) => e.search.mode === 'include' && e.resource.resourceType === type).map((e) => e.resource);
const memberIds = () => household.members.map((m) => `Patient/${m.id}`);
const ofMembers = (b: Bundle) => matches(b).filter((o) => memberIds().includes(o.subject.reference));
const finalPositive = (o: Resource) => o.status !== 'preliminary' && o.valueCodeableConcept.coding[0].code === '260373001';

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => now } });
  team = await t.as('health_staff', [CAI_KHE]);
  lab = await t.as('lab_staff', ['92']);
  command = await t.as('command_center', ['92']);
  neighbour = await t.as('health_staff', [AN_HOA]);
  labId = (await aLab(command, 'Phòng xét nghiệm Trung tâm Kiểm soát bệnh tật')).id;
  teamId = (await aTeam(team, CAI_KHE)).id;
  sessionId = (await aSession(team, teamId, '2021-09-10')).id;
  household = await aHousehold(team, CAI_KHE, 4, 'Trần Văn Gộp');
  single = await aHousehold(team, CAI_KHE, 1, 'Võ Thị Đơn');

  now = new Date(vn('09:30'));
  await collectPool(team, sessionId, household, ['FH-0001'], vn('09:10'));
  const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
    testType: 'rt_pcr_single',
    kind: 'single',
    members: [{ personId: single.members[0].id }],
    barcodes: ['FH-0002'],
    collectedAt: vn('09:15'),
  });
  expect(res.statusCode, res.body).toBe(201);
  await shipAndReceive(team, lab, teamId, labId, ['FH-0001', 'FH-0002'], { sentAt: vn('10:00'), receivedAt: vn('11:00') });
  now = new Date(vn('15:00'));
  expect((await lab.post('/api/testing/samples/FH-0001/result', { result: 'positive', ctValue: 24.5, resultedAt: vn('14:40') })).statusCode).toBe(200);
  expect((await lab.post('/api/testing/samples/FH-0002/result', { result: 'negative', resultedAt: vn('14:40') })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('a positive household pool', () => {
  it('is preliminary for each of its 4 members before deconvolution, never a final positive', async () => {
    const bundle = await search(command, 'date=2021-09-10');
    const members = ofMembers(bundle);
    expect(members).toHaveLength(4);
    expect(members.filter(finalPositive)).toEqual([]);
    for (const o of members) {
      expect(o).toMatchObject({ status: 'preliminary', valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260373001' }] } });
      expect(o.note[0].text).toContain('Kết quả của mẫu gộp FH-0001 (4 người), chưa phải kết quả của riêng người này');
    }
    expect(fhirErrors(bundle)).toEqual([]);
  });

  it('gives exactly one member a final positive once the individual tubes resolve', async () => {
    now = new Date(vn('16:00'));
    const tasks = (await team.get(`/api/testing/tasks?communeCode=${CAI_KHE}`)).json() as { id: string; personId: string }[];
    expect(tasks).toHaveLength(4);
    const barcodes = tasks.map((_, i) => `FH-01${i}0`);
    for (const [i, task] of tasks.entries()) {
      const res = await team.post(`/api/testing/sessions/${sessionId}/samples`, {
        testType: 'rt_pcr_single',
        kind: 'single',
        members: [{ personId: task.personId }],
        barcodes: [barcodes[i]],
        taskId: task.id,
        collectedAt: vn('16:00'),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await shipAndReceive(team, lab, teamId, labId, barcodes);
    now = new Date(vn('20:00'));
    for (const [i, b] of barcodes.entries()) {
      const res = await lab.post(
        `/api/testing/samples/${b}/result`,
        i === 2 ? { result: 'positive', ctValue: 21.3, resultedAt: vn('19:50') } : { result: 'negative', resultedAt: vn('19:50') },
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    const bundle = await search(command, 'date=2021-09-10');
    const positives = ofMembers(bundle).filter(finalPositive);
    expect(positives).toHaveLength(1);
    expect(positives[0]).toMatchObject({
      status: 'final',
      subject: { reference: `Patient/${tasks[2].personId}` },
      component: [{ valueQuantity: { value: 21.3 } }],
    });
    expect(ofMembers(bundle).filter((o) => o.status === 'final')).toHaveLength(4); // the individual tubes
    expect(ofMembers(bundle).filter((o) => o.status === 'preliminary')).toHaveLength(4); // the pool, still the pool's
    expect(fhirErrors(bundle)).toEqual([]);
  });
});

describe('the resources of a result', () => {
  it('identifies the tube in the lab system, includes Specimen, Patient (CCCD) and the lab Organization once each', async () => {
    const bundle = await search(command, 'date=2021-09-10&_count=1000');
    const o = matches(bundle).find((x) => x.identifier[0].value.startsWith('FH-0002/'))!;
    expect(o).toMatchObject({
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '94500-6' }] },
      identifier: [{ system: `urn:trung-tam-chi-huy:lab:${labId}:tube`, value: `FH-0002/${single.members[0].id}` }],
      effectiveDateTime: vn('09:15'),
      issued: expect.any(String),
      performer: [{ reference: `Organization/${labId}` }],
      valueCodeableConcept: { coding: [{ code: '260415000', display: 'Not detected' }] },
      meta: { lastUpdated: expect.any(String) },
    });
    const byRef = new Map(bundle.entry.map((e) => [`${e.resource.resourceType}/${e.resource.id}`, e.resource]));
    expect(byRef.get(o.specimen.reference)).toMatchObject({
      resourceType: 'Specimen',
      identifier: [{ value: 'FH-0002' }],
      type: { coding: [{ system: 'http://snomed.info/sct', code: '258500001' }] },
      collection: { collectedDateTime: vn('09:15') },
      receivedTime: vn('11:00'),
      subject: o.subject,
    });
    const person = byRef.get(o.subject.reference)!;
    expect(person).toMatchObject({ resourceType: 'Patient', gender: 'male', name: [{ family: 'Võ', given: ['Thị', 'Đơn', 'A'] }] });
    expect(person.identifier).toContainEqual(expect.objectContaining({ system: 'urn:trung-tam-chi-huy:vn:cccd', value: single.members[0].nationalId }));
    expect(byRef.get(`Organization/${labId}`)).toMatchObject({ name: 'Phòng xét nghiệm Trung tâm Kiểm soát bệnh tật' });
    expect(included(bundle, 'Organization')).toHaveLength(1);
    expect(included(bundle, 'Patient')).toHaveLength(5);
    for (const e of bundle.entry) expect(e.fullUrl).toMatch(new RegExp(`^http://localhost(:80)?/api/fhir/${e.resource.resourceType}/${e.resource.id}$`));
  });

  it('reads one Observation by id, and answers an unknown id with an OperationOutcome', async () => {
    const o = matches(await search(command, 'date=2021-09-10'))[0];
    const res = await command.get(`/api/fhir/Observation/${o.id}`);
    expect(res.json()).toEqual(o);
    // the same id with its last hex digit changed (never equal to it, whatever the random id ends with)
    const missing = await command.get(`/api/fhir/Observation/${o.id.slice(0, -1)}${o.id.endsWith('0') ? '1' : '0'}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
  });
});

describe('a result corrected after review', () => {
  it('is exported as corrected, with the previous value in a note', async () => {
    now = new Date(vn('21:30'));
    const file = 'ma_ong_mau,ket_qua,ct,thoi_gian_co_ket_qua\nFH-0002,Dương tính,30.1,10/09/2021 21:00\n';
    const up = await lab.request('POST', `/api/testing/imports?labId=${labId}&fileName=sua.csv`, Buffer.from(file), { 'content-type': 'text/csv' });
    expect(up.json(), up.body).toMatchObject({ conflicts: 1 });
    const [conflict] = (await lab.get('/api/testing/conflicts')).json() as { id: string }[];
    expect((await lab.post(`/api/testing/conflicts/${conflict.id}`, { decision: 'accept' })).statusCode).toBe(200);

    const bundle = await search(command, `patient=Patient/${single.members[0].id}`);
    expect(matches(bundle)).toHaveLength(1);
    expect(matches(bundle)[0]).toMatchObject({
      status: 'corrected',
      valueCodeableConcept: { coding: [{ code: '260373001' }] },
      component: [{ valueQuantity: { value: 30.1 } }],
    });
    expect(
      matches(bundle)[0]
        .note.map((n: { text: string }) => n.text)
        .join(' '),
    ).toContain('kết quả trước: Âm tính');
    expect(fhirErrors(bundle)).toEqual([]);
  });
});

describe('searching', () => {
  it('by patient without a date, by LOINC code, by _lastUpdated', async () => {
    const member = household.members[0].id;
    const mine = matches(await search(command, `patient=${member}`));
    expect(mine.length).toBe(2); // the pool and their own tube
    expect(mine.every((o) => o.subject.reference === `Patient/${member}`)).toBe(true);
    expect((await search(command, 'date=2021-09-10&code=http://loinc.org|94558-4')).total).toBe(0);
    expect((await search(command, 'date=2021-09-10&code=94500-6')).total).toBe(9); // 4 pool members, 4 individual tubes, 1 single
    expect((await search(command, 'date=2021-09-10&code=http://snomed.info/sct|94500-6')).total).toBe(0);
    // rows are created at the database's clock (today), results at the module's (2021): bound by the test's start
    expect((await search(command, `date=2021-09-10&_lastUpdated=gt${encodeURIComponent(started.toISOString())}`)).total).toBe(9);
    expect((await search(command, `date=2021-09-10&_lastUpdated=lt${encodeURIComponent(started.toISOString())}`)).total).toBe(0);
    expect((await search(command, `date=2021-09-10&_lastUpdated=le2021-09-10`)).total).toBe(0);
    expect((await search(command, 'date=ge2021-09-01&date=le2021-09-10')).total).toBe(9);
    expect((await search(command, 'date=lt2021-09-10&date=ge2021-09-01')).total).toBe(0);
  });

  it('pages with links that repeat the search', async () => {
    const first = await search(command, 'date=2021-09-10&code=94500-6&_count=4');
    expect(first.total).toBe(9);
    expect(matches(first)).toHaveLength(4);
    const next = first.link.find((l) => l.relation === 'next')!.url;
    expect(next).toMatch(/^http:\/\/localhost(:80)?\/api\/fhir\/Observation\?date=2021-09-10&code=94500-6&_count=4&page=2$/);
    expect(first.link.find((l) => l.relation === 'last')!.url).toContain('page=3');
    const third = await search(command, 'date=2021-09-10&code=94500-6&_count=4&page=3');
    expect(matches(third)).toHaveLength(1);
    expect(third.link.map((l) => l.relation)).not.toContain('next');
    const ids = new Set([first, await search(command, 'date=2021-09-10&code=94500-6&_count=4&page=2'), third].flatMap((b) => matches(b).map((o) => o.id)));
    expect(ids.size).toBe(9);
  });
});

describe('errors are OperationOutcome naming the parameter', () => {
  const outcome = async (query: string, client = command) => {
    const res = await client.get(`/api/fhir/Observation?${query}`);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const body = res.json();
    expect(fhirErrors(body)).toEqual([]);
    return { status: res.statusCode, issue: body.issue[0] as { code: string; diagnostics: string; expression?: string[] } };
  };

  it('an unknown parameter, a malformed date, a bad reference or token, a missing or too long date', async () => {
    expect(await outcome('date=2021-09-10&subject:foo=1')).toMatchObject({
      status: 400,
      issue: { code: 'not-supported', expression: ['subject:foo'], diagnostics: expect.stringContaining('subject:foo') },
    });
    const bad = await outcome('date=2021-13-40');
    expect(bad).toMatchObject({ status: 400, issue: { code: 'invalid', expression: ['date'] } });
    expect(bad.issue.diagnostics).toContain('"2021-13-40" không phải ngày hợp lệ');
    expect(await outcome('date=ge2021-09-01&date=10/09/2021')).toMatchObject({
      issue: { expression: ['date'], diagnostics: expect.stringContaining('10/09/2021') },
    });
    expect(await outcome('patient=Patient/abc')).toMatchObject({ issue: { expression: ['patient'] } });
    expect(await outcome('date=2021-09-10&code=|')).toMatchObject({ issue: { expression: ['code'] } });
    expect(await outcome('code=94500-6')).toMatchObject({ issue: { expression: ['date'], diagnostics: expect.stringContaining('date') } });
    expect(await outcome('date=ge2021-08-01&date=le2021-09-10')).toMatchObject({
      issue: { expression: ['date'], diagnostics: expect.stringContaining('31 ngày') },
    });
    expect(await outcome('date=2021-09-10&_format=xml')).toMatchObject({ issue: { code: 'not-supported', expression: ['_format'] } });
    expect(await outcome('date=2021-09-10&_count=0')).toMatchObject({ issue: { expression: ['_count'] } });
  });

  it('without a login: login; without the permission: forbidden', async () => {
    expect(await outcome('date=2021-09-10', t.anonymous())).toMatchObject({ status: 401, issue: { code: 'login' } });
    expect(await outcome('date=2021-09-10', await t.as('police', ['92']))).toMatchObject({ status: 403, issue: { code: 'forbidden' } });
  });
});

describe('scope', () => {
  it('a health worker of another commune finds and reads none of it', async () => {
    expect((await search(neighbour, 'date=2021-09-10')).total).toBe(0);
    expect((await search(neighbour, `patient=${household.members[0].id}`)).total).toBe(0);
    const o = matches(await search(command, 'date=2021-09-10'))[0];
    expect((await neighbour.get(`/api/fhir/Observation/${o.id}`)).statusCode).toBe(404);
  });
});

describe('metadata', () => {
  it('answers a CapabilityStatement without a login', async () => {
    const res = await t.anonymous().get('/api/fhir/metadata');
    expect(res.statusCode).toBe(200);
    const cap = res.json();
    expect(cap).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    expect(cap.rest[0].resource[0].searchParam.map((p: { name: string }) => p.name)).toEqual(['patient', 'date', 'code', '_lastUpdated', '_count', 'page']);
    expect(fhirErrors(cap)).toEqual([]);
  });
});
