import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../../test/harness';
import { aPerson, AN_HOA, CAI_KHE } from '../../../test/builders';
import { aHousehold, aLab, aSession, aTeam, collectPool, shipAndReceive } from '../../../test/testing-fixtures';
import type { Actor } from '../../../platform/actor';

let t: TestApp;
let officer: Client;
let lab: Client;
let labId: string;
let teamId: string;

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('command_center', ['92']);
  lab = await t.as('lab_staff', ['92']);
  labId = (await aLab(officer)).id;
  teamId = (await aTeam(officer, CAI_KHE)).id;
});
afterAll(() => t.close());

const actorOf = async (client: Client): Promise<Actor> => (await t.services.auth.session(client.cookie.split('=')[1], '127.0.0.1'))!.actor;
const zoneBody = (householdIds: string[], over: Record<string, unknown> = {}) => ({
  communeCode: CAI_KHE,
  name: 'Hẻm 12 Lý Tự Trọng',
  scopeKind: 'households',
  householdIds,
  reason: 'Hai ca cộng đồng trong hẻm',
  startedOn: '2021-11-01',
  ...over,
});
let barcode = 0;
/** One household pool per household collected on `day`, resulted `result` by the lab. */
async function sampleRound(households: { id: string; members: { id: string }[] }[], day: string, result: 'negative' | 'positive') {
  const session = await aSession(officer, teamId, day);
  const codes: string[] = [];
  for (const h of households) {
    const code = `LD-${String(++barcode).padStart(4, '0')}`;
    await collectPool(officer, session.id, h, [code], `${day}T09:00:00+07:00`);
    codes.push(code);
  }
  await shipAndReceive(officer, lab, teamId, labId, codes, { sentAt: `${day}T11:00:00+07:00`, receivedAt: `${day}T12:00:00+07:00` });
  for (const code of codes) expect((await lab.post(`/api/testing/samples/${code}/result`, { result })).statusCode).toBe(200);
}

describe('lockdown zones', () => {
  let zoneId = '';
  let a: Awaited<ReturnType<typeof aHousehold>>;
  let b: Awaited<ReturnType<typeof aHousehold>>;

  it('draws a zone on two households: residents counted, rounds every 3 days from the testing rules, the lift rule from the quarantine rules', async () => {
    a = await aHousehold(officer, CAI_KHE, 3, 'Đỗ Văn Phong');
    b = await aHousehold(officer, CAI_KHE, 2, 'Lý Thị Tỏa');
    const created = await officer.post('/api/lockdown-zones', zoneBody([a.id, b.id]));
    expect(created.statusCode, created.body).toBe(201);
    zoneId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'active', households: 2, communeName: 'Phường Cái Khế' });
    const detail = (await t.services.lockdown.detail(await actorOf(officer), zoneId, new Date('2021-11-05T03:00:00Z'))) as Awaited<
      ReturnType<typeof t.services.lockdown.detail>
    >;
    expect(detail).toMatchObject({ residents: 5, everyDays: 3 });
    expect(detail.rounds.map((r) => [r.from, r.to, r.status])).toEqual([
      ['2021-11-01', '2021-11-03', 'overdue'],
      ['2021-11-04', '2021-11-06', 'open'],
      ['2021-11-07', '2021-11-09', 'upcoming'],
    ]);
    expect(detail.lift).toMatchObject({ eligible: false, daysWithoutCase: 14, eligibleFrom: '2021-11-15' });
    const residents = (await officer.get(`/api/lockdown-zones/${zoneId}/residents`)).json();
    expect(residents).toMatchObject({ total: 5, hidden: 0 });
  });

  it('refuses a zone without households, with a household of another commune or one already in an active zone, naming the field', async () => {
    const other = await aHousehold(officer, AN_HOA, 1, 'Vũ Văn Khác');
    const cases: [Record<string, unknown>, number, string, string][] = [
      [zoneBody([]), 400, 'householdIds', 'zones.zone_no_households'],
      [zoneBody([other.id]), 400, 'householdIds.0', 'zones.household_outside_commune'],
      [zoneBody([b.id]), 409, 'householdIds.0', 'zones.household_in_zone'],
      [zoneBody([a.id], { caseIds: ['01900000-0000-7000-8000-000000000000'] }), 400, 'caseIds.0', 'zones.case_unknown'],
    ];
    for (const [body, status, field, code] of cases) {
      const res = await officer.post('/api/lockdown-zones', body);
      expect(res.statusCode, code).toBe(status);
      expect(res.json().errors?.[0]?.code ?? res.json().code, code).toBe(code);
      expect(res.json().errors?.[0]?.field ?? res.json().field, code).toBe(field);
    }
    expect((await officer.get(`/api/lockdown-zones?commune=${CAI_KHE}`)).json()).toHaveLength(1);
    const taken = await officer.post('/api/lockdown-zones', zoneBody([b.id]));
    expect(taken.json().detail).toContain('đang thuộc vùng phong tỏa «Hẻm 12 Lý Tự Trọng» (từ 01/11/2021)');
  });

  it('a case found inside an active zone is detected in the lockdown zone; outside, in the community', async () => {
    const inside = await officer.post('/api/cases', {
      personId: a.members[2].id,
      confirmedOn: '2021-11-03',
      confirmingTest: 'PCR-LD-1',
      sampledOn: '2021-11-03',
    });
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json().case.detectedIn).toBe('lockdown_zone');
    const p = (await officer.post('/api/persons', aPerson({ communeCode: CAI_KHE, fullName: 'Ngoài Vùng Phong', birthYear: 1990 }))).json().person;
    const outside = await officer.post('/api/cases', { personId: p.id, confirmedOn: '2021-11-03', confirmingTest: 'PCR-LD-2', sampledOn: '2021-11-03' });
    expect(outside.json().case.detectedIn).toBe('community');
  });

  it('records supplies to a locked household, and a round of negative pools completes it', async () => {
    const supply = await officer.post(`/api/lockdown-zones/${zoneId}/supplies`, {
      householdId: a.id,
      deliveredOn: '2021-11-04',
      items: 'Gạo 10 kg, rau củ',
      deliveredBy: 'Đoàn thanh niên phường',
    });
    expect(supply.statusCode, supply.body).toBe(201);
    const stranger = await aHousehold(officer, CAI_KHE, 1, 'Trịnh Văn Ngoài');
    expect(
      (await officer.post(`/api/lockdown-zones/${zoneId}/supplies`, { householdId: stranger.id, deliveredOn: '2021-11-04', items: 'Gạo', deliveredBy: 'x y' }))
        .statusCode,
    ).toBe(400);
    await sampleRound([a, b], '2021-11-05', 'negative');
    const detail = (await officer.get(`/api/lockdown-zones/${zoneId}`)).json();
    expect(detail.rounds[1]).toMatchObject({ n: 2, status: 'done', sampledHouseholds: 2, negative: true });
    expect(detail.supplies).toHaveLength(1);
    expect(detail.supplies[0]).toMatchObject({ items: 'Gạo 10 kg, rau củ', householdAddress: '3 Đường Thử Nghiệm' });
  });

  it('becomes eligible to lift at midnight in Vietnam time, 14 days after the last case with a negative round after it; lifting needs it', async () => {
    await sampleRound([a, b], '2021-11-14', 'negative');
    const actor = await actorOf(officer);
    // last case 03/11 → eligible from 17/11 (Vietnam day), whatever the UTC date says
    const before = await t.services.lockdown.detail(actor, zoneId, new Date('2021-11-16T16:59:00Z'));
    expect(before.lift.eligible).toBe(false);
    expect(before.lift.reasons[0].vi).toContain('còn 1 ngày, đủ điều kiện từ 17/11/2021');
    const after = await t.services.lockdown.detail(actor, zoneId, new Date('2021-11-16T17:01:00Z'));
    expect(after.lift).toMatchObject({ eligible: true, lastCaseOn: '2021-11-03', reasons: [] });

    const early = await officer.post(`/api/lockdown-zones/${zoneId}/lift`, {
      liftedOn: '2021-11-10',
      decisionNumber: '55/QĐ-UBND',
      signer: 'Chủ tịch UBND phường',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('zones.not_eligible');
    const lifted = await t.services.lockdown.lift(
      actor,
      zoneId,
      { liftedOn: '2021-11-17', decisionNumber: '55/QĐ-UBND', signer: 'Chủ tịch UBND phường', note: null },
      new Date('2021-11-17T02:00:00Z'),
    );
    expect(lifted).toMatchObject({ status: 'lifted', liftedOn: '2021-11-17', liftDecisionNumber: '55/QĐ-UBND' });
    // its households are free again
    expect((await officer.post('/api/lockdown-zones', zoneBody([b.id], { startedOn: '2021-11-20' }))).statusCode).toBe(201);
  });

  it('a commune officer of another commune sees none of its zones or residents', async () => {
    const anHoa = await t.as('commune_officer', [AN_HOA]);
    expect((await anHoa.get('/api/lockdown-zones')).json()).toEqual([]);
    expect((await anHoa.get(`/api/lockdown-zones/${zoneId}`)).statusCode).toBe(404);
    expect((await anHoa.get(`/api/lockdown-zones/${zoneId}/residents`)).statusCode).toBe(404);
    const caiKhe = await t.as('commune_officer', [CAI_KHE]);
    expect((await caiKhe.get(`/api/lockdown-zones/${zoneId}/residents`)).json().total).toBe(5);
  });
});
