import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../test/harness';
import { aPerson, CAI_KHE } from '../test/builders';
import { verifyAuditChain } from './audit';

let t: TestApp;
let officer: Client;
let personId: string;

beforeAll(async () => {
  t = await newTestApp();
  officer = await t.as('command_center', ['92']);
  personId = (await officer.post('/api/persons', aPerson({ communeCode: CAI_KHE, fullName: 'Đỗ Văn Kiểm', birthYear: 1977 }))).json().person.id;
  await officer.get(`/api/persons/${personId}`);
  await officer.patch(`/api/persons/${personId}`, { version: 1, occupation: 'Tài xế' });
  await t.services.audit.flush();
});
afterAll(() => t.close());

/** Simulates a database administrator going around the application (the trigger blocks everyone else). */
async function tamper(statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db.kysely);
  await statement.execute(t.db.kysely);
  await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db.kysely);
}

describe('audit log', () => {
  it('records who read and changed a person, with the changed fields', async () => {
    const log = (await officer.get(`/api/audit?entity=person&entityId=${personId}`)).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['update', 'read', 'create']);
    expect(log.items[0]).toMatchObject({ fields: ['occupation'], ip: '127.0.0.1' });
  });

  it('refuses updates and deletes through SQL', async () => {
    await expect(sql`update audit_log set actor_name = 'ai đó' where seq = 1`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain, then finds an altered row and a deleted row', async () => {
    expect((await officer.get('/api/audit/verify')).json()).toMatchObject({ ok: true, altered: [], missingAfter: [] });
    const { seq } = await t.db.kysely.selectFrom('audit_log').select('seq').where('entity_id', '=', personId).where('action', '=', 'read').executeTakeFirstOrThrow();
    await tamper(sql`update audit_log set actor_name = 'người khác' where seq = ${seq}`);
    let report = await verifyAuditChain(t.db.kysely);
    expect(report).toMatchObject({ ok: false, altered: [seq], missingAfter: [] });
    const [first, second] = await t.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').limit(2).execute();
    await tamper(sql`delete from audit_log where seq = ${second.seq}`);
    report = await verifyAuditChain(t.db.kysely);
    expect(report).toMatchObject({ ok: false, altered: [seq], missingAfter: [first.seq] });
  });

  it('is readable only with audit.read', async () => {
    const officerOfCommune = await t.as('commune_officer', [CAI_KHE]);
    expect((await officerOfCommune.get('/api/audit')).statusCode).toBe(403);
  });
});
