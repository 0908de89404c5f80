import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, newTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
const PASSWORD = 'mat-khau-dung-123';

beforeAll(async () => {
  t = await newTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  await t.services.users.create(null, {
    username: 'canbo.xa',
    fullName: 'Cán Bộ Xã',
    role: 'commune_officer',
    scopeUnits: ['31117'],
    password: PASSWORD,
    agency: null,
  });
  await t.services.users.create(null, { username: 'khoa.thu', fullName: 'Khóa Thử', role: 'viewer', scopeUnits: ['92'], password: PASSWORD, agency: null });
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('sets an httpOnly SameSite session cookie and returns the user with a CSRF token', async () => {
    const c = new Client(t.app);
    const res = await c.login('canbo.xa', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^tc_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(res.json()).toMatchObject({ username: 'canbo.xa', role: 'commune_officer', scopeUnits: [{ code: '31117', name: 'Phường Cái Khế' }] });
    expect(res.json().csrfToken).toHaveLength(32);
    expect((await c.get('/api/auth/me')).json().username).toBe('canbo.xa');
  });

  it('refuses a wrong password with one message that does not say which part was wrong', async () => {
    const wrongPassword = await new Client(t.app).login('canbo.xa', 'sai-mat-khau');
    const noSuchUser = await new Client(t.app).login('khong.co', 'sai-mat-khau');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(noSuchUser.json()).toEqual(wrongPassword.json());
  });

  it('shuts out the address that keeps guessing, never the owner with the right password from another address', async () => {
    const from = (ip: string) => (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khoa.thu', password }, remoteAddress: ip });
    const attacker = from('203.0.113.7');
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attacker('sai')).statusCode);
    expect(codes).toEqual([401, 401, 401, 423]);
    const locked = await attacker(PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().detail).toBe('Đăng nhập sai nhiều lần từ máy này, thử lại sau 15 phút');
    // the owner, elsewhere, signs in (after a short wait: the account has had three failures)
    expect((await from('198.51.100.20')(PASSWORD)).statusCode).toBe(200);
    // the count is per account: a sign-in resets it, and the attacker's address stays shut out
    const row = await t.db.kysely.selectFrom('users').select('failed_logins').where('username', '=', 'khoa.thu').executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(0);
    expect((await attacker(PASSWORD)).statusCode).toBe(423);
    // the second lockout of the same address lasts twice as long
    await t.db.kysely
      .updateTable('login_throttle')
      .set({ blocked_until: new Date(Date.now() - 1000) })
      .where('address', '=', '203.0.113.7')
      .execute();
    for (let i = 0; i < 3; i++) await attacker('sai');
    expect((await attacker(PASSWORD)).json().detail).toBe('Đăng nhập sai nhiều lần từ máy này, thử lại sau 30 phút');
  });

  it('rejects state-changing requests without the CSRF token', async () => {
    const c = new Client(t.app);
    await c.login('canbo.xa', PASSWORD);
    const res = await c.request('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'mot-mat-khau-moi' }, { 'x-csrf-token': 'gia-mao' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.csrf', detail: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)' });
  });

  it('logs out: the cookie no longer opens a session', async () => {
    const c = new Client(t.app);
    await c.login('canbo.xa', PASSWORD);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    const after = await c.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toBe('Vui lòng đăng nhập');
  });

  it('ends the sessions of a disabled user at once', async () => {
    const admin = await t.as('system_admin', ['92']);
    const victim = await t.as('health_staff', ['92']);
    const me = (await victim.get('/api/auth/me')).json();
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('rate-limits logins per client address', async () => {
    const limited = await newTestApp({ LOGIN_RATE_PER_MINUTE: '2' });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await new Client(limited.app).login('nobody', 'x')).statusCode);
      expect(codes).toEqual([401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('stores only an argon2id hash of passwords', async () => {
    const row = await t.db.kysely.selectFrom('users').select('password_hash').where('username', '=', 'canbo.xa').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('lets only users.manage manage users', async () => {
    const officer = await t.as('commune_officer', ['31117']);
    const res = await officer.post('/api/users', { username: 'moi.tao', fullName: 'Người Mới', role: 'viewer', scopeUnits: ['92'] });
    expect(res.statusCode).toBe(403);
    const admin = await t.as('system_admin', ['92']);
    const ok = await admin.post('/api/users', { username: 'moi.tao', fullName: 'Người Mới', role: 'viewer', scopeUnits: ['92'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().password).toHaveLength(16);
    expect((await new Client(t.app).login('moi.tao', ok.json().password)).statusCode).toBe(200);
  });
});
