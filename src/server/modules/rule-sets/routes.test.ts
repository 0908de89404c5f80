import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await newTestApp();
  admin = await t.as('system_admin', ['92']);
});
afterAll(() => t.close());

describe('rule sets', () => {
  it('ships the 2021 rule sets with their [M] tags', async () => {
    const all = (await admin.get('/api/rule-sets')).json();
    const kinds = new Set(all.map((r: { kind: string }) => r.kind));
    expect([...kinds].sort()).toEqual([
      'exposure_classification',
      'investigation_form',
      'measures',
      'quarantine',
      'quarantine_operations',
      'risk_level_2686',
      'risk_level_4800',
      'support_nq52',
      'support_nq68',
      'testing',
      'vaccine_intervals',
    ]);
    const r4800 = all.find((r: { kind: string }) => r.kind === 'risk_level_4800');
    expect(r4800.confidence['/matrix']).toBe('M');
  });

  it('answers the rule in force on a date', async () => {
    const july = (await admin.get('/api/rule-sets/in-force/quarantine?date=2021-07-01')).json();
    const sept = (await admin.get('/api/rule-sets/in-force/quarantine?date=2021-09-07')).json();
    expect(july.version).toBe(1);
    expect(sept.version).toBe(2);
    const regimeA = (await admin.get('/api/rule-sets/in-force/risk_level_2686?date=2021-09-01')).json();
    expect(regimeA.legalBasis).toContain('2686');
    expect((await admin.get('/api/rule-sets/in-force/risk_level_2686?date=2021-11-01')).statusCode).toBe(404);
    expect((await admin.get('/api/rule-sets/in-force/support_nq52?date=2021-09-09')).json().payload.amountVnd).toBe(2_000_000);
  });

  it('adds a version as a draft, then activates it', async () => {
    const current = (await admin.get('/api/rule-sets/in-force/testing?date=2021-11-20')).json();
    const draft = await admin.post('/api/rule-sets', {
      kind: 'testing',
      legalBasis: 'Hướng dẫn giám sát sau NQ 128 (thử nghiệm)',
      effectiveFrom: '2021-11-15',
      payload: { ...current.payload, maxPoolSize: 10 },
      confidence: { '/maxPoolSize': 'P' },
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', version: current.version + 1 });
    expect((await admin.get('/api/rule-sets/in-force/testing?date=2021-11-20')).json().version).toBe(current.version);
    expect((await admin.post(`/api/rule-sets/${draft.json().id}/activate`)).json().status).toBe('active');
    expect((await admin.get('/api/rule-sets/in-force/testing?date=2021-11-20')).json().version).toBe(current.version + 1);
  });

  it('refuses a payload that does not fit the kind, naming the field', async () => {
    const res = await admin.post('/api/rule-sets', {
      kind: 'testing',
      legalBasis: 'Thử',
      effectiveFrom: '2021-12-01',
      payload: { frequencies: [], maxPoolSize: 100, resultsSameDay: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['payload.frequencies', 'payload.maxPoolSize']);
    const pointer = await admin.post('/api/rule-sets', {
      kind: 'support_nq52',
      legalBasis: 'Thử',
      effectiveFrom: '2021-12-01',
      payload: (await admin.get('/api/rule-sets/in-force/support_nq52?date=2021-09-09')).json().payload,
      confidence: { '/khongCo': 'M' },
    });
    expect(pointer.json()).toMatchObject({ code: 'rules.confidence_pointer', field: 'confidence' });
  });

  it('lets only rules.manage add versions', async () => {
    const viewer = await t.as('viewer', ['92']);
    expect((await viewer.get('/api/rule-sets')).statusCode).toBe(200);
    expect((await viewer.post('/api/rule-sets', {})).statusCode).toBe(403);
  });
});
