import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, AN_HOA, CAI_KHE, THOI_LAI } from '../../test/builders';
import { aHousehold, aLab, aSession, aTeam, collectPool } from '../../test/testing-fixtures';

let t: TestApp;
let officer: Client;
// 10/09/2021 10:00 in Vietnam
const now = new Date('2021-09-10T03:00:00Z');
let teamCaiKhe: string;
let teamAnHoa: string;
let labId: string;
let households: { id: string; members: { id: string }[] }[];

const campaignBody = (over: Record<string, unknown> = {}) => ({
  name: 'Xét nghiệm diện rộng đợt 09/2021',
  legalBasis: 'TB 03-TB/BCĐ ngày 07/9/2021',
  startsOn: '2021-09-07',
  endsOn: '2021-09-15',
  communes: [{ code: CAI_KHE }, { code: AN_HOA }],
  ...over,
});
const count = async (table: 'campaigns' | 'campaign_rounds' | 'campaign_plans' | 'sampling_sessions') =>
  Number(
    (
      await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => now } });
  officer = await t.as('command_center', ['92']);
  // Cái Khế is decided "very high risk" (CV 2686) from 06/09; An Hòa has no level: "other areas"
  expect((await officer.post('/api/levels/assess', { day: '2021-09-06' })).statusCode).toBe(200);
  const decided = await officer.post(`/api/levels/${CAI_KHE}/decisions`, {
    level: 'VERY_HIGH',
    assessmentDay: '2021-09-06',
    decisionNumber: '2001/QĐ-UBND',
    decidedOn: '2021-09-06',
    effectiveFrom: '2021-09-06',
    signer: 'Trần Văn Ký',
  });
  expect(decided.statusCode, decided.body).toBe(201);
  households = [];
  for (let i = 0; i < 5; i++) households.push(await aHousehold(officer, CAI_KHE, 3 + (i % 3), `Lê Văn ${['An', 'Bình', 'Chi', 'Dũng', 'Giang'][i]}`));
  for (let i = 0; i < 3; i++) households.push(await aHousehold(officer, AN_HOA, 4, `Phạm Thị ${['Hoa', 'Lan', 'Mai'][i]}`));
  teamCaiKhe = (await aTeam(officer, CAI_KHE, 'Tổ Cái Khế 1')).id;
  teamAnHoa = (await aTeam(officer, AN_HOA, 'Tổ An Hòa 1')).id;
  labId = (await aLab(officer, 'CDC Cần Thơ')).id;
});
afterAll(() => t.close());

let campaignId: string;

describe('campaigns and rounds', () => {
  it('takes each commune’s frequency from the testing rules by its level: every 3 days for very high risk, 7 elsewhere', async () => {
    const res = await officer.post('/api/campaigns', campaignBody());
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
    expect(res.json()).toMatchObject({ communes: 2, householdsTarget: 8, ruleVersion: 1 });
    const d = (await officer.get(`/api/campaigns/${campaignId}`)).json();
    const caiKhe = d.communeProgress.find((c: { code: string }) => c.code === CAI_KHE);
    const anHoa = d.communeProgress.find((c: { code: string }) => c.code === AN_HOA);
    expect(caiKhe).toMatchObject({
      level: 'VERY_HIGH',
      population: 'very_high_high_risk_area',
      everyDays: 3,
      householdsTarget: 5,
      personsTarget: 19,
      currentRound: 2,
    });
    expect(caiKhe.rounds.map((r: { startsOn: string; status: string }) => [r.startsOn, r.status])).toEqual([
      ['2021-09-07', 'overdue'],
      ['2021-09-10', 'open'],
      ['2021-09-13', 'upcoming'],
    ]);
    expect(anHoa).toMatchObject({ level: null, population: 'other_area', everyDays: 7, householdsTarget: 3 });
    expect(anHoa.rounds).toHaveLength(1);
  });

  it('refuses an interval against the rules, too few rounds, an overlap, a bad period, naming the field, storing nothing', async () => {
    const before = [await count('campaigns'), await count('campaign_rounds')];
    const expectError = async (body: unknown, code: string, field: string) => {
      const res = await officer.post('/api/campaigns', body);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.json()).toMatchObject({ code, field });
      return res.json();
    };
    const interval = await expectError(
      campaignBody({ communes: [{ code: THOI_LAI }, { code: CAI_KHE, everyDays: 5 }] }),
      'campaigns.interval_invalid',
      'communes.1.everyDays',
    );
    expect(interval.detail).toContain('2–3 ngày/lần, đã nhập 5');
    await expectError(campaignBody({ endsOn: '2021-09-12', communes: [{ code: THOI_LAI, everyDays: 7 }] }), 'campaigns.rounds_too_few', 'communes.0.everyDays');
    await expectError(campaignBody({ communes: [{ code: THOI_LAI, method: 'rapid_antigen' }] }), 'campaigns.method_not_allowed', 'communes.0.method');
    const overlap = await expectError(campaignBody({ communes: [{ code: THOI_LAI }, { code: AN_HOA }] }), 'campaigns.overlap', 'communes.1.code');
    expect(overlap.detail).toContain('Xét nghiệm diện rộng đợt 09/2021');
    await expectError(campaignBody({ endsOn: '2021-09-01' }), 'campaigns.period_invalid', 'endsOn');
    expect([await count('campaigns'), await count('campaign_rounds')]).toEqual(before);
  });

  it('refuses team or lab capacity ≤ 0 and a team of another commune', async () => {
    const zero = await officer.post(`/api/campaigns/${campaignId}/teams`, { teamId: teamCaiKhe, pooledPerDay: 0, antigenPerDay: 10 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().fields?.[0]?.field ?? zero.json().field).toContain('pooledPerDay');
    const outside = await officer.post(`/api/campaigns/${campaignId}/teams`, {
      teamId: (await aTeam(officer, THOI_LAI, 'Tổ Thới Lai')).id,
      pooledPerDay: 5,
      antigenPerDay: 5,
    });
    expect(outside.json()).toMatchObject({ code: 'campaigns.team_outside', field: 'teamId' });
    const lab = await officer.post(`/api/campaigns/${campaignId}/labs`, { labId, pooledPerDay: -1, singlePerDay: 10 });
    expect(lab.statusCode).toBe(400);
  });
});

describe('the plan: priority, capacity, approval, work lists, coverage', () => {
  let planId: string;

  it('plans today within capacity, most overdue first, and says where capacity is short', async () => {
    expect((await officer.post(`/api/campaigns/${campaignId}/teams`, { teamId: teamCaiKhe, pooledPerDay: 4, antigenPerDay: 8 })).statusCode).toBe(200);
    expect((await officer.post(`/api/campaigns/${campaignId}/teams`, { teamId: teamAnHoa, pooledPerDay: 10, antigenPerDay: 10 })).statusCode).toBe(200);
    expect((await officer.post(`/api/campaigns/${campaignId}/labs`, { labId, pooledPerDay: 100, singlePerDay: 100 })).statusCode).toBe(200);
    const res = await officer.post(`/api/campaigns/${campaignId}/plans`, { day: '2021-09-10' });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    planId = plan.id;
    // Cái Khế: 5 households overdue (round 1 missed), 4 a day → 1 left, 1 team short; An Hòa: 3 due
    expect(plan).toMatchObject({ status: 'draft', candidates: 8, covered: 7 });
    expect(plan.coverageOfBound).toBeLessThanOrEqual(1);
    expect(plan.bound).toBeGreaterThanOrEqual(plan.covered);
    expect(plan.shortfalls).toEqual([
      {
        communeCode: CAI_KHE,
        communeName: expect.stringContaining('Cái Khế'),
        priority: { lockdown: 0, overdue: 1, due: 0 },
        teamShort: { households: 1, teams: 1 },
        labShort: { households: 0 },
      },
    ]);
    const caiKhe = plan.teams.find((x: { teamId: string }) => x.teamId === teamCaiKhe);
    expect(caiKhe).toMatchObject({ households: 4, capacity: 4, sessionId: null });
    expect(caiKhe.hamlets[0].priority).toEqual({ lockdown: 0, overdue: 4, due: 0 });
    // the same inputs give the same plan
    const again = (await officer.post(`/api/campaigns/${campaignId}/plans`, { day: '2021-09-10' })).json();
    expect({ ...again, id: '', version: 0 }).toEqual({ ...plan, id: '', version: 0 });
    expect((await officer.get(`/api/campaigns/plans/${planId}`)).json().status).toBe('superseded');
    planId = again.id;
  });

  it('a draft edit names the move that cannot be made, and a stale version is refused', async () => {
    const plan = (await officer.get(`/api/campaigns/plans/${planId}`)).json();
    const notHamlet = await officer.patch(`/api/campaigns/plans/${planId}`, { moves: [{ hamlet: CAI_KHE, toTeamId: teamCaiKhe }], version: plan.version });
    expect(notHamlet.json()).toMatchObject({ code: 'campaigns.hamlet_not_planned', field: 'moves.0.hamlet' });
    const stale = await officer.patch(`/api/campaigns/plans/${planId}`, { moves: [{ hamlet: CAI_KHE, toTeamId: teamCaiKhe }], version: plan.version - 1 });
    expect(stale.json()).toMatchObject({ code: 'campaigns.plan_changed', field: 'version' });
    expect((await officer.get(`/api/campaigns/plans/${planId}`)).json().version).toBe(plan.version);
  });

  it('approval opens one session per team in the testing module; a second approval is refused', async () => {
    const sessions = await count('sampling_sessions');
    const ok = await officer.post(`/api/campaigns/plans/${planId}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
    expect(await count('sampling_sessions')).toBe(sessions + 2);
    expect(ok.json().teams.every((x: { sessionId: string | null }) => x.sessionId)).toBe(true);
    const twice = await officer.post(`/api/campaigns/plans/${planId}/approve`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('campaigns.plan_approved');
    expect(await count('sampling_sessions')).toBe(sessions + 2);
  });

  it('a team’s phone list: households with members; a pool collected marks it done and counts the round once', async () => {
    const health = await t.as('health_staff', [CAI_KHE]);
    const list = (await health.get(`/api/campaigns/plans/${planId}/teams/${teamCaiKhe}`)).json();
    expect(list).toMatchObject({ teamName: 'Tổ Cái Khế 1', done: 0, left: 4 });
    const first = list.hamlets[0].households[0];
    expect(first.members.length).toBeGreaterThanOrEqual(3);
    const household = households.find((h) => h.id === first.householdId)!;
    await collectPool(health, list.sessionId, household, ['CK-0001']);
    // the same household sampled again in the round is not counted twice (persons add up)
    await collectPool(health, list.sessionId, { id: household.id, members: household.members.slice(0, 1) }, ['CK-0002']);
    const after = (await health.get(`/api/campaigns/plans/${planId}/teams/${teamCaiKhe}`)).json();
    expect(after).toMatchObject({ done: 1, left: 3 });
    const d = (await officer.get(`/api/campaigns/${campaignId}`)).json();
    const round2 = d.communeProgress.find((c: { code: string }) => c.code === CAI_KHE).rounds[1];
    expect(round2).toMatchObject({ householdsCovered: 1, personsCovered: household.members.length + 1, samples: 2 });
    expect(d.trend.find((x: { day: string }) => x.day === '2021-09-10')).toMatchObject({ households: 1 });
  });

  it('editing a started plan is refused; re-planning mid-day keeps what was sampled and reuses the sessions', async () => {
    const plan = (await officer.get(`/api/campaigns/plans/${planId}`)).json();
    expect(plan.started).toBe(true);
    const edit = await officer.patch(`/api/campaigns/plans/${planId}`, { moves: [{ hamlet: CAI_KHE, toTeamId: teamCaiKhe }], version: plan.version });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('campaigns.plan_started');
    const sessions = await count('sampling_sessions');
    const again = (await officer.post(`/api/campaigns/${campaignId}/plans`, { day: '2021-09-10' })).json();
    // 4 households of Cái Khế left, the team has 3 of its 4 left today
    expect(again).toMatchObject({ kept: 1, candidates: 7, covered: 6 });
    expect(again.teams.find((x: { teamId: string }) => x.teamId === teamCaiKhe)).toMatchObject({ households: 3, capacity: 3 });
    // the lab already has the morning's pool: its use is the new plan's items and the sampled household's planned load
    const pooledOf = async (id: string, households?: string[]) =>
      Number(
        (
          await t.db.kysely
            .selectFrom('campaign_plan_items')
            .select((eb) => eb.fn.sum<number>('pooled').as('n'))
            .where('plan_id', '=', id)
            .where('lab_id', '=', labId)
            .$if(Boolean(households), (q) => q.where('household_id', 'in', households!))
            .executeTakeFirstOrThrow()
        ).n ?? 0,
      );
    const sampled = (await t.db.kysely.selectFrom('campaign_coverage').select('household_id').where('sampled_on', '=', '2021-09-10').execute()).map(
      (r) => r.household_id,
    );
    const morning = await pooledOf(planId, sampled);
    expect(morning).toBeGreaterThan(0);
    expect(again.labs.find((l: { labId: string }) => l.labId === labId).pooled).toBeCloseTo((await pooledOf(again.id)) + morning, 9);
    expect((await officer.post(`/api/campaigns/plans/${again.id}/approve`, {})).statusCode).toBe(200);
    expect(await count('sampling_sessions')).toBe(sessions);
    expect((await officer.get(`/api/campaigns/plans/${planId}`)).json().status).toBe('superseded');
    planId = again.id;
  });

  it('exports the plan per team as Excel', async () => {
    const res = await officer.get(`/api/campaigns/plans/${planId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Tổ Cái Khế 1', 'Tổ An Hòa 1']);
    expect(wb.getWorksheet('Tổ Cái Khế 1')!.rowCount).toBe(1 + 3);
  });

  it('a commune officer of another commune sees neither the campaign nor a team’s list', async () => {
    const other = await t.as('commune_officer', [THOI_LAI]);
    expect((await other.get(`/api/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/campaigns/plans/${planId}/teams/${teamCaiKhe}`)).statusCode).toBe(404);
    expect((await other.get('/api/campaigns')).json()).toEqual([]);
    const anHoa = await t.as('commune_officer', [AN_HOA]);
    expect((await anHoa.get(`/api/campaigns/plans/${planId}/teams/${teamCaiKhe}`)).statusCode).toBe(404);
    expect((await anHoa.get(`/api/campaigns/${campaignId}`)).json().communeProgress.map((c: { code: string }) => c.code)).toEqual([AN_HOA]);
  });
});

describe('sampling before the campaign', () => {
  it('a household sampled before the campaign began is not "never sampled": it comes after those never sampled', async () => {
    const sampledBefore = await aHousehold(officer, THOI_LAI, 3, 'Đỗ Văn Trước');
    const never = [await aHousehold(officer, THOI_LAI, 2, 'Đỗ Thị Chưa'), await aHousehold(officer, THOI_LAI, 4, 'Đỗ Văn Chưa')];
    const team = (await aTeam(officer, THOI_LAI, 'Tổ Thới Lai 1')).id;
    const session = await aSession(officer, team, '2021-09-10');
    await collectPool(officer, session.id, sampledBefore, ['TL-0001']);
    const created = await officer.post('/api/campaigns', {
      name: 'Xét nghiệm Thới Lai từ 11/9',
      legalBasis: 'TB 03-TB/BCĐ ngày 07/9/2021',
      startsOn: '2021-09-11',
      endsOn: '2021-09-17',
      communes: [{ code: THOI_LAI }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await officer.post(`/api/campaigns/${id}/teams`, { teamId: team, pooledPerDay: 10, antigenPerDay: 10 })).statusCode).toBe(200);
    expect((await officer.post(`/api/campaigns/${id}/labs`, { labId, pooledPerDay: 100, singlePerDay: 100 })).statusCode).toBe(200);
    const plan = await officer.post(`/api/campaigns/${id}/plans`, {});
    expect(plan.statusCode, plan.body).toBe(201);
    const items = await t.db.kysely
      .selectFrom('campaign_plan_items')
      .select(['household_id', 'last_sampled_on'])
      .where('plan_id', '=', plan.json().id)
      .orderBy('seq')
      .execute();
    expect(items.map((i) => [i.household_id, i.last_sampled_on])).toEqual([
      ...never.map((h) => [h.id, null]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      [sampledBefore.id, '2021-09-10'],
    ]);
  });
});

describe('groups of workers', () => {
  it('targets a commune’s persons by occupation on the workers’ frequency; a person counts once per round', async () => {
    const trader = async (fullName: string, occupation: string) =>
      (await officer.post('/api/persons', aPerson({ communeCode: THOI_LAI, fullName, birthYear: 1980, occupation }))).json().person as { id: string };
    const a = await trader('Huỳnh Thị Chợ', 'Tiểu thương chợ Thới Lai');
    await trader('Huỳnh Văn Sạp', 'tiểu thương');
    await trader('Huỳnh Văn Khác', 'Giáo viên');
    const body = (group: Record<string, unknown>) => ({
      name: 'Xét nghiệm tiểu thương',
      legalBasis: 'TB 03-TB/BCĐ ngày 07/9/2021',
      startsOn: '2021-09-10',
      endsOn: '2021-09-19',
      communes: [{ code: '31144' }],
      groups: [{ name: 'Tiểu thương chợ Thới Lai', communeCode: THOI_LAI, occupations: ['tieu thuong'], ...group }],
    });
    const before = await count('campaigns');
    const empty = await officer.post('/api/campaigns', body({ occupations: ['thợ lặn'] }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'campaigns.group_empty', field: 'groups.0.occupations' });
    const interval = await officer.post('/api/campaigns', body({ everyDays: 2 }));
    expect(interval.json()).toMatchObject({ code: 'campaigns.interval_invalid', field: 'groups.0.everyDays' });
    expect(interval.json().detail).toContain('5–7 ngày/lần, đã nhập 2');
    expect(await count('campaigns')).toBe(before);

    const made = await officer.post('/api/campaigns', body({ everyDays: 5 }));
    expect(made.statusCode, made.body).toBe(201);
    const team = (await aTeam(officer, THOI_LAI, 'Tổ chợ Thới Lai')).id;
    const session = await aSession(officer, team, '2021-09-10', 'fixed');
    for (const barcode of ['TT-0001', 'TT-0002']) {
      const res = await officer.post(`/api/testing/sessions/${session.id}/samples`, {
        testType: 'rt_pcr_single',
        kind: 'single',
        members: [{ personId: a.id }],
        barcodes: [barcode],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const d = (await officer.get(`/api/campaigns/${made.json().id}`)).json();
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0]).toMatchObject({ name: 'Tiểu thương chợ Thới Lai', personsTarget: 2, everyDays: 5 });
    expect(d.groups[0].rounds.map((r: { personsCovered: number; status: string }) => [r.personsCovered, r.status])).toEqual([
      [1, 'open'],
      [0, 'upcoming'],
    ]);
    // the group's commune is not this officer's: not shown
    const other = await t.as('commune_officer', ['31144']);
    expect((await other.get(`/api/campaigns/${made.json().id}`)).json().groups).toEqual([]);
  });
});
