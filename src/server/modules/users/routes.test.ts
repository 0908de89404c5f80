import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await newTestApp();
});
afterAll(() => t.close());

describe('users', () => {
  it('refuses to demote or disable the last system administrator, and changes nothing', async () => {
    const admin = await t.as('system_admin', ['92']);
    const me = (await admin.get('/api/auth/me')).json();
    const demote = await admin.patch(`/api/users/${me.id}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ code: 'users.last_admin', field: 'role', detail: 'Không thể bỏ quyền hoặc khóa quản trị viên hệ thống cuối cùng' });
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).json().code).toBe('users.last_admin');
    const row = await t.db.kysely.selectFrom('users').select(['role', 'disabled']).where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'system_admin', disabled: false });
    // with a second administrator the first may step down
    await t.as('system_admin', ['92']);
    expect((await admin.patch(`/api/users/${me.id}`, { role: 'viewer' })).statusCode).toBe(200);
  });
});
