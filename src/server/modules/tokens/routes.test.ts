import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vnDay } from '@domain/dates';
import { newTestApp, type Client, type TestApp } from '../../test/harness';
import { CAI_KHE } from '../../test/builders';

let t: TestApp;
let admin: Client;
let adminId: string;
let other: Client;
const bearer = (token: string, url: string, method: 'GET' | 'POST' = 'GET', payload?: unknown) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload: payload as object } : {}) });
const fhir = `/api/fhir/Observation?date=${vnDay()}`;

beforeAll(async () => {
  t = await newTestApp();
  admin = await t.as('system_admin', ['92']);
  adminId = (await admin.get('/api/auth/me')).json().id;
  other = await t.as('system_admin', ['92']); // a second admin, so the first may be demoted below
});
afterAll(() => t.close());

async function issue(over: Record<string, unknown> = {}) {
  return admin.post('/api/tokens', {
    name: 'LIS — CDC Cần Thơ',
    permissions: ['testing.read', 'testing.lab'],
    scopeUnits: ['92'],
    expiresOn: addDays(vnDay(), 30),
    ...over,
  });
}

describe('API tokens', () => {
  it('issues a token shown once and stored only as a hash; a system uses it on FHIR and the results API, and each use is audited', async () => {
    const res = await issue();
    expect(res.statusCode, res.body).toBe(201);
    const { token, id, prefix, status } = res.json();
    expect(token).toMatch(/^tcch_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(status).toBe('active');
    const stored = await t.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(5, 20));
    expect(JSON.stringify((await admin.get('/api/tokens')).json())).not.toContain(token);
    const read = await bearer(token, fhir);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().resourceType).toBe('Bundle');
    // the results API answers (here: the lab id does not exist), it does not refuse the token
    expect(
      (await bearer(token, '/api/testing/results', 'POST', { labId: '01900000-0000-7000-8000-000000000000', reference: 'x', rows: [] })).statusCode,
    ).not.toBe(401);
    await t.services.audit.flush();
    const uses = await t.db.kysely
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'token_use')
      .where('entity_id', '=', id)
      .execute();
    expect(uses.length).toBe(2);
    expect(uses[0]).toMatchObject({ actor_id: adminId, detail: { method: 'GET', status: 200 } });
    expect((await admin.get('/api/tokens')).json().find((x: { id: string }) => x.id === id).lastUsedAt).not.toBeNull();
  });

  it('is refused on routes that do not take tokens, and a token never opens a browser session route', async () => {
    const { token } = (await issue()).json();
    for (const url of ['/api/persons', '/api/auth/me', '/api/tokens']) {
      const res = await bearer(token, url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.token_not_accepted', detail: 'Chức năng này không nhận khóa API; hãy đăng nhập' });
    }
  });

  it('holds only its own permissions: a results token cannot export cases', async () => {
    const { token } = (await issue()).json();
    expect((await bearer(token, '/api/cases/export.xlsx')).statusCode).toBe(403);
    const { token: exporter } = (await issue({ name: 'Nền tảng quốc gia', permissions: ['cases.read'] })).json();
    expect((await bearer(exporter, '/api/cases/export.xlsx')).statusCode).toBe(200);
  });

  it('is limited to its units: a Cái Khế token reads nothing of another commune', async () => {
    const { token } = (await issue({ name: 'Trạm y tế Cái Khế', permissions: ['testing.read'], scopeUnits: [CAI_KHE] })).json();
    const me = await bearer(token, fhir);
    expect(me.statusCode).toBe(200);
    const actor = await t.services.tokens.authenticate(token, '127.0.0.1');
    expect(actor.scope).toEqual({ provinces: [], districts: [], communes: [CAI_KHE] });
  });

  it('stops working at once when revoked, after its last day, or when its issuer is disabled or demoted', async () => {
    const { token, id, issuedBy } = (await issue()).json();
    // revoked by another admin: the answer still names the one who issued it
    expect((await other.post(`/api/tokens/${id}/revoke`)).json()).toMatchObject({ status: 'revoked', issuedBy });
    const revoked = await bearer(token, fhir);
    expect(revoked.statusCode).toBe(401);
    // a FHIR route answers errors as an OperationOutcome
    expect(revoked.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'login', details: { coding: [{ code: 'auth.token_invalid' }] }, diagnostics: 'Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi' }],
    });

    const expiring = (await issue()).json();
    await t.db.kysely
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expiring.id)
      .execute();
    expect((await bearer(expiring.token, fhir)).json().issue[0].details.coding[0].code).toBe('auth.token_invalid');
    expect((await admin.get('/api/tokens')).json().find((x: { id: string }) => x.id === expiring.id).status).toBe('expired');

    expect((await bearer('tcch_khong-phai-khoa-that', fhir)).statusCode).toBe(401);

    const live = (await issue()).json();
    expect((await bearer(live.token, fhir)).statusCode).toBe(200);
    await admin.patch(`/api/users/${adminId}`, { role: 'viewer' });
    expect((await bearer(live.token, fhir)).statusCode).toBe(403); // a viewer holds no individual results
    await t.db.kysely.updateTable('users').set({ role: 'system_admin' }).where('id', '=', adminId).execute();
    admin = await t.as('system_admin', ['92']);
  });

  it('refuses, naming the field and storing nothing: unknown permission, account management, units outside the issuer, bad expiry', async () => {
    const before = (await admin.get('/api/tokens')).json().length;
    const unknown = await issue({ permissions: ['testing.read', 'cases.everything'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({
      field: 'permissions.1',
      code: 'tokens.permission_unknown',
      message: 'Quyền cases.everything không tồn tại',
    });
    const accounts = await issue({ permissions: ['users.manage'] });
    expect(accounts.json()).toMatchObject({ code: 'tokens.permission_beyond_issuer', field: 'permissions.0' });
    const district = await t.as('system_admin', ['916']);
    const outside = await district.post('/api/tokens', {
      name: 'Ngoài phạm vi',
      permissions: ['testing.read'],
      scopeUnits: ['927'],
      expiresOn: addDays(vnDay(), 30),
    });
    expect(outside.json()).toMatchObject({ code: 'tokens.scope_beyond_issuer', field: 'scopeUnits.0', detail: 'Đơn vị 927 nằm ngoài phạm vi của người cấp' });
    expect((await issue({ expiresOn: vnDay() })).json()).toMatchObject({ code: 'tokens.expiry_range', field: 'expiresOn' });
    expect((await issue({ expiresOn: addDays(vnDay(), 400) })).json().code).toBe('tokens.expiry_range');
    expect((await admin.get('/api/tokens')).json().length).toBe(before);
  });

  it('is managed by administrators only', async () => {
    const cc = await t.as('command_center', ['92']);
    expect((await cc.get('/api/tokens')).statusCode).toBe(403);
    expect((await cc.post('/api/tokens', {})).statusCode).toBe(403);
  });
});
