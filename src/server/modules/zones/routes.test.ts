import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { aPerson, AN_HOA, CAI_KHE, THOI_LAI } from '../../test/builders';
import type { LevelRow, LevelsBoard } from './schemas';

let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('command_center', ['92']);
});
afterAll(() => t.close());

const NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Lan', 'Minh', 'Nga'];
let made = 0;
async function aCase(commune: string, confirmedOn: string, detectedIn = 'community'): Promise<string> {
  const name = `Ca Bệnh ${NAMES[made % 10]} ${NAMES[Math.floor(made++ / 10) % 10]}`;
  const p = await officer.post('/api/persons', aPerson({ communeCode: commune, fullName: name, birthYear: 1985 }));
  const personId = p.json().person.id as string;
  const res = await officer.post('/api/cases', { personId, confirmedOn, confirmingTest: `PCR-${confirmedOn}`, detectedIn, sampledOn: confirmedOn });
  expect(res.statusCode).toBe(201);
  return personId;
}
const board = async (day: string): Promise<LevelsBoard> => (await officer.get(`/api/levels?day=${day}`)).json();
const row = (b: LevelsBoard, code: string): LevelRow => b.units.find((u) => u.unitCode === code)!;

describe('risk levels (NQ 128 / QĐ 4800)', () => {
  it('proposes a level for every commune, district and the city, and an outbreak turns its commune red with the figures that drove it', async () => {
    expect((await officer.put(`/api/units/${CAI_KHE}/population`, { asOf: '2019-04-01', source: 'Tổng điều tra 2019', count: 1000 })).statusCode).toBe(200);
    await aCase(CAI_KHE, '2021-11-12');
    await aCase(CAI_KHE, '2021-11-14');
    await aCase(CAI_KHE, '2021-11-13', 'quarantine_facility');
    const assessed = await officer.post('/api/levels/assess', { day: '2021-11-15' });
    expect(assessed.statusCode).toBe(200);
    const loaded = t.services.units
      .provinces('2021-11-15')
      .flatMap((p) => [p, ...t.services.units.childrenOf(p.code).flatMap((d) => [d, ...t.services.units.childrenOf(d.code)])]);
    expect(assessed.json()).toMatchObject({ day: '2021-11-15', ruleKind: 'risk_level_4800', ruleVersion: 1, units: loaded.length });

    const b = await board('2021-11-15');
    expect(b.regime).toMatchObject({ kind: 'risk_level_4800', version: 1 });
    expect(b.regime!.levels.map((l) => l.code)).toEqual(['1', '2', '3', '4']);
    const canThoDistricts = b.units.filter((u) => u.parentCode === '92').map((u) => u.unitCode);
    expect(canThoDistricts).toHaveLength(9);
    expect(b.units.filter((u) => u.tier === 'commune' && canThoDistricts.includes(u.parentCode!))).toHaveLength(83);
    expect(b.units.every((u) => u.proposal !== null)).toBe(true);
    const caiKhe = row(b, CAI_KHE);
    // 2 community cases in 7 days among 1,000 people = 200 per 100,000: band 4; no coverage entered → treated as not met
    expect(caiKhe.proposal).toMatchObject({ level: '4', rank: 4, missing: expect.arrayContaining(['adultFirstDoseCoverage']) });
    expect(caiKhe.proposal!.figures).toMatchObject({ population: 1000, communityCases7d: 2, containedCases14d: 1, totalCases7d: 3 });
    expect(caiKhe.proposal!.reasons.map((r) => r.vi).join(' · ')).toContain('200 ca cộng đồng/100.000 dân');
    expect(caiKhe.inForce).toEqual({ level: '4', rank: 4, source: 'proposal' });
    expect(row(b, AN_HOA).proposal).toMatchObject({ level: '1' });
  });

  it('an official decides a level with a number and signer; the decision is what is in force, and an override shows as such', async () => {
    const decided = await officer.post(`/api/levels/${CAI_KHE}/decisions`, {
      level: '4',
      assessmentDay: '2021-11-15',
      decisionNumber: '1234/QĐ-UBND',
      decidedOn: '2021-11-15',
      effectiveFrom: '2021-11-16',
      signer: 'Trần Văn Ký',
      reason: 'Theo đề xuất của Trung tâm Kiểm soát bệnh tật',
    });
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({ level: '4', proposedLevel: '4', overridesProposal: false, decisionNumber: '1234/QĐ-UBND' });
    expect(row(await board('2021-11-15'), CAI_KHE).decision).toBeNull();
    expect(row(await board('2021-11-16'), CAI_KHE).decision).toMatchObject({ level: '4', signer: 'Trần Văn Ký' });

    const override = await officer.post(`/api/levels/${AN_HOA}/decisions`, {
      level: '2',
      assessmentDay: '2021-11-15',
      decisionNumber: '1235/QĐ-UBND',
      decidedOn: '2021-11-15',
      effectiveFrom: '2021-11-15',
      signer: 'Trần Văn Ký',
      reason: 'Giáp ranh phường Cái Khế',
    });
    expect(override.json()).toMatchObject({ level: '2', proposedLevel: '1', overridesProposal: true });
    expect(row(await board('2021-11-15'), AN_HOA).inForce).toEqual({ level: '2', rank: 2, source: 'decision' });
    const history = (await officer.get(`/api/levels/${AN_HOA}/history`)).json();
    expect(history.decisions).toHaveLength(1);
    expect(history.proposals[0]).toMatchObject({ day: '2021-11-15', level: '1' });
  });

  it('refuses a decision without a number, with a level outside the regime or effective before the assessment, naming the field; nothing is stored', async () => {
    const base = { level: '3', assessmentDay: '2021-11-15', decisionNumber: '9/QĐ', decidedOn: '2021-11-15', effectiveFrom: '2021-11-15', signer: 'Lê Ký' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, decisionNumber: undefined }, 'decisionNumber', 'bắt buộc'],
      [{ ...base, signer: undefined }, 'signer', 'bắt buộc'],
      [{ ...base, level: 'VERY_HIGH' }, 'level', 'Cấp độ VERY_HIGH không thuộc bộ tiêu chí'],
      [{ ...base, effectiveFrom: '2021-11-14' }, 'effectiveFrom', 'Ngày hiệu lực phải từ ngày đánh giá (15/11/2021) trở đi'],
      [{ ...base, assessmentDay: '2021-11-01', effectiveFrom: '2021-11-01' }, 'assessmentDay', 'chưa có kết quả đánh giá ngày 01/11/2021'],
    ];
    for (const [body, field, message] of cases) {
      const res = await officer.post(`/api/levels/${THOI_LAI}/decisions`, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors?.[0]?.field ?? res.json().field, field).toBe(field);
      expect(res.json().detail ?? '', field).toContain(message);
    }
    expect((await officer.get(`/api/levels/${THOI_LAI}/history`)).json().decisions).toEqual([]);
  });

  it('coverage entered for a unit changes the proposal; a share above 100 % is refused', async () => {
    const bad = await officer.post('/api/levels/inputs', {
      unitCode: CAI_KHE,
      input: 'adult_first_dose_coverage',
      value: 1.2,
      asOf: '2021-11-01',
      source: 'Báo cáo tiêm chủng',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'value', code: 'zones.share' });
    for (const [input, value] of [
      ['adult_first_dose_coverage', 0.92],
      ['over50_full_coverage', 0.85],
      ['capacity_met', 1],
    ] as const) {
      const res = await officer.post('/api/levels/inputs', { unitCode: CAI_KHE, input, value, asOf: '2021-11-01', source: 'Sở Y tế, báo cáo ngày 01/11/2021' });
      expect(res.statusCode).toBe(201);
    }
    await officer.post('/api/levels/assess', { day: '2021-11-15' });
    // band 4 with coverage and capacity met: level 3 (matrix), no ≥50 raise at 85 %
    expect(row(await board('2021-11-15'), CAI_KHE).proposal).toMatchObject({ level: '3', missing: [] });
    expect((await officer.get(`/api/levels/inputs?unit=${CAI_KHE}`)).json()).toHaveLength(3);
  });

  it('shows the measures in force in a commune for its decided level', async () => {
    const m = (await officer.get(`/api/measures?unit=${CAI_KHE}&day=2021-11-16`)).json();
    expect(m).toMatchObject({ unitCode: CAI_KHE, regimeKind: 'risk_level_4800', levelSource: 'decision', level: { code: '4', rank: 4 } });
    expect(m.items.length).toBeGreaterThan(5);
    expect(m.ruleSet.legalBasis).toContain('128');
  });

  it('a day no regime covers is said so, with the last day one was in force', async () => {
    const b = await board('2026-12-07');
    expect(b.regime).toBeNull();
    expect(b.lastRegimeDay).toBe('2022-01-26');
    const res = await officer.post('/api/levels/assess', { day: '2026-12-07' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'zones.no_regime', field: 'day' });
    expect(res.json().detail).toContain('07/12/2026');
  });

  it('every role reads the levels; a viewer cannot decide, a district officer decides only inside the district', async () => {
    const viewer = await t.as('viewer', ['92']);
    expect((await viewer.get('/api/levels?day=2021-11-15')).statusCode).toBe(200);
    const decision = {
      level: '3',
      assessmentDay: '2021-11-15',
      decisionNumber: '77/QĐ-UBND',
      decidedOn: '2021-11-15',
      effectiveFrom: '2021-11-15',
      signer: 'Phó Chủ tịch',
    };
    expect((await viewer.post(`/api/levels/${THOI_LAI}/decisions`, decision)).statusCode).toBe(403);
    const ninhKieu = await t.as('district_officer', ['916']);
    const outside = await ninhKieu.post(`/api/levels/${THOI_LAI}/decisions`, decision);
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'validation.unit_out_of_scope', field: 'code' });
    expect((await ninhKieu.post(`/api/levels/${AN_HOA}/decisions`, decision)).statusCode).toBe(201);
  });
});

describe('risk levels (QĐ 2686)', () => {
  it('a community case of unknown source makes its commune very high risk, and its district high (one commune very high)', async () => {
    await aCase(THOI_LAI, '2021-09-06');
    const res = await officer.post('/api/levels/assess', { day: '2021-09-07' });
    expect(res.json()).toMatchObject({ ruleKind: 'risk_level_2686' });
    const b = await board('2021-09-07');
    expect(row(b, THOI_LAI).proposal).toMatchObject({ level: 'VERY_HIGH', rank: 4 });
    expect(row(b, THOI_LAI).proposal!.reasons[0].vi).toContain('chưa rõ nguồn lây');
    expect(row(b, '927').proposal).toMatchObject({ level: 'HIGH' });
    expect(row(b, AN_HOA).proposal).toMatchObject({ level: 'NEW_NORMAL' });
  });

  it('recomputing past days gives the stored levels again (rule versions by day, same inputs)', async () => {
    await officer.post('/api/levels/assess', { day: '2021-09-08' });
    const first = (await board('2021-09-08')).units.map((u) => [u.unitCode, u.proposal?.level]);
    const again = await t.services.zones.assess(null, '2021-09-01', '2021-09-08');
    expect(again.map((d) => d.ruleKind)).toEqual(Array(8).fill('risk_level_2686'));
    expect((await board('2021-09-08')).units.map((u) => [u.unitCode, u.proposal?.level])).toEqual(first);
  });
});
