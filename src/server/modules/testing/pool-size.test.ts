import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimalPoolSize, prevalenceFromPools } from '@domain/pooling';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { AN_HOA, CAI_KHE } from '../../test/builders';
import { aHousehold, aLab, aSession, aTeam, collectPool, shipAndReceive } from '../../test/testing-fixtures';

let t: TestApp;
let officer: Client;
let lab: Client;
const now = new Date('2021-09-12T05:00:00Z');

beforeAll(async () => {
  t = await newTestApp({}, { testing: { now: () => now } });
  officer = await t.as('command_center', ['92']);
  lab = await t.as('lab_staff', ['92']);
});
afterAll(() => t.close());

describe('household pool size', () => {
  it('is Dorfman’s optimum at the commune’s prevalence from its recent pools, never above the legal maximum', async () => {
    const labId = (await aLab(officer)).id;
    const team = await aTeam(officer, AN_HOA);
    const session = await aSession(officer, team.id, '2021-09-11');
    const codes: string[] = [];
    for (let h = 0; h < 5; h++) {
      const household = await aHousehold(officer, AN_HOA, 5, `Hộ Dịch ${'ABCDE'[h]}`);
      await collectPool(officer, session.id, household, [`PS-000${h}`], '2021-09-11T08:00:00+07:00');
      codes.push(`PS-000${h}`);
    }
    await shipAndReceive(officer, lab, team.id, labId, codes, { sentAt: '2021-09-11T10:00:00+07:00', receivedAt: '2021-09-11T11:00:00+07:00' });
    for (const [i, code] of codes.entries()) {
      const r = await lab.post(`/api/testing/samples/${code}/result`, i < 3 ? { result: 'positive', ctValue: 24 } : { result: 'negative' });
      expect(r.statusCode, r.body).toBe(200);
    }

    const big = await aHousehold(officer, AN_HOA, 8, 'Võ Văn Lớn');
    const plan = (await officer.get(`/api/testing/pool-plan?householdId=${big.id}`)).json();
    // 3 of 5 pools of 5 positive: 1 − 0.4^(1/5) = 0.167 per person
    const p = prevalenceFromPools({ positive: 3, negative: 2, persons: 25, samples: 5 }, 0.001);
    expect(plan.prevalence).toBeCloseTo(p, 6);
    const k = optimalPoolSize(p, { sensitivity: 0.95, specificity: 0.995 }, 10).k;
    expect(k).toBeLessThan(5);
    expect(plan).toMatchObject({ maxPoolSize: 10, poolSize: k });
    expect(plan.tubes.every((tube: unknown[]) => tube.length <= k)).toBe(true);

    // a commune without positives keeps the legal maximum
    const calm = await aHousehold(officer, CAI_KHE, 8, 'Võ Văn Yên');
    expect((await officer.get(`/api/testing/pool-plan?householdId=${calm.id}`)).json()).toMatchObject({ poolSize: 10, prevalence: 0.001 });
  });
});
