import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestApp, type Client, type TestApp } from '../test/harness';
import { aPerson, CAI_KHE } from '../test/builders';
import { createHash } from 'node:crypto';
import { AuditLog, canonicalJson, hashRow, verifyAuditChain } from './audit';

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
  it('hashes a row as the sha256 of its canonical JSON, so rows written before keep verifying', () => {
    const row = {
      seq: 41,
      at: new Date('2021-08-01T07:30:00.125Z'),
      actor_id: null,
      actor_name: 'cán bộ "A"',
      action: 'read',
      entity: 'person',
      entity_id: 'e1',
      ip: '10.0.0.2',
      fields: ['phone', 'đ'],
      detail: { z: 1, a: { y: [2, { c: null, b: 'x' }] } },
      prev_hash: 'f'.repeat(64),
    };
    const canonical = canonicalJson([
      row.seq,
      row.at.toISOString(),
      row.actor_id,
      row.actor_name,
      row.action,
      row.entity,
      row.entity_id,
      row.ip,
      row.fields,
      row.detail,
      row.prev_hash,
    ]);
    expect(canonical).toContain('{"a":{"y":[2,{"b":"x","c":null}]},"z":1}');
    expect(hashRow(row)).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(hashRow({ ...row, detail: null })).toBe(
      createHash('sha256')
        .update(canonicalJson([41, row.at.toISOString(), null, row.actor_name, 'read', 'person', 'e1', '10.0.0.2', row.fields, null, row.prev_hash]))
        .digest('hex'),
    );
  });

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
    const { seq } = await t.db.kysely
      .selectFrom('audit_log')
      .select('seq')
      .where('entity_id', '=', personId)
      .where('action', '=', 'read')
      .executeTakeFirstOrThrow();
    await tamper(sql`update audit_log set actor_name = 'người khác' where seq = ${seq}`);
    let report = await verifyAuditChain(t.db.kysely);
    expect(report).toMatchObject({ ok: false, altered: [seq], missingAfter: [] });
    const [first, second] = await t.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq').limit(2).execute();
    await tamper(sql`delete from audit_log where seq = ${second.seq}`);
    report = await verifyAuditChain(t.db.kysely);
    expect(report).toMatchObject({ ok: false, altered: [seq], missingAfter: [first.seq] });
  });

  it('hashes what it stores: odd Unicode, dates, undefined and NUL in detail verify after the round trip', async () => {
    const who = { id: null, username: 'khách\ud800', ip: '10.0.0.1' };
    const detail = { q: 'Nguyễn\u0000A\udc00', at: new Date('2021-08-01T00:00:00Z'), gone: undefined, nested: { 'k\u0000': ['🦠', 1.5, Number.NaN] } };
    t.services.audit.read(who, { action: 'search', entity: 'person\ud83d', detail, fields: ['a\u0000'] });
    await t.db.kysely.transaction().execute((trx) => t.services.audit.record(trx, who, { action: 'update', entity: 'person', entityId: 'x\u0000y', detail }));
    await t.services.audit.flush({ strict: true });
    const stored = await t.db.kysely.selectFrom('audit_log').selectAll().where('ip', '=', '10.0.0.1').orderBy('seq').execute();
    expect(stored.map((r) => r.action).sort()).toEqual(['search', 'update']);
    const search = stored.find((r) => r.action === 'search')!;
    expect(search).toMatchObject({ actor_name: 'khách\ufffd', entity: 'person\ufffd', fields: ['a\ufffd'] });
    expect(search.detail).toEqual({ q: 'Nguyễn\ufffdA\ufffd', at: '2021-08-01T00:00:00.000Z', nested: { 'k\ufffd': ['🦠', 1.5, null] } });
    expect(stored.find((r) => r.action === 'update')!.entity_id).toBe('x\ufffdy');
    const report = await verifyAuditChain(t.db.kysely);
    expect(report.altered.filter((seq) => stored.some((r) => r.seq === seq))).toEqual([]);
  });

  it('a flush the database refuses is reported, kept and retried; nothing is lost and nothing is thrown', async () => {
    const errors: unknown[] = [];
    const log = new AuditLog(t.db.kysely, { flushMs: 5, maxRetryMs: 20, onError: (e) => errors.push(e) });
    await sql`create function audit_refuse() returns trigger language plpgsql as $$ begin raise exception 'đĩa đầy'; end $$`.execute(t.db.kysely);
    await sql`create trigger audit_refuse before insert on audit_log for each row execute function audit_refuse()`.execute(t.db.kysely);
    const who = { id: null, username: 'retry-probe', ip: '10.0.0.2' };
    log.read(who, { action: 'read', entity: 'person', entityId: '1' });
    log.read(who, { action: 'read', entity: 'person', entityId: '2' });
    while (errors.length < 2) await new Promise((r) => setTimeout(r, 5));
    expect(log.pending).toBe(2);
    await expect(log.flush({ strict: true })).rejects.toThrow(/could not be written/);
    await sql`drop trigger audit_refuse on audit_log`.execute(t.db.kysely);
    await sql`drop function audit_refuse()`.execute(t.db.kysely);
    await log.flush({ strict: true });
    expect(log.pending).toBe(0);
    const rows = await t.db.kysely.selectFrom('audit_log').select('entity_id').where('actor_name', '=', 'retry-probe').orderBy('seq').execute();
    expect(rows.map((r) => r.entity_id)).toEqual(['1', '2']);
  });

  it('is for city-wide accounts only: a district command-center account gets 403 audit.city_only', async () => {
    const district = await t.as('command_center', ['927']);
    for (const url of ['/api/audit', '/api/audit/verify']) {
      const res = await district.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('audit.city_only');
    }
    expect((await officer.get('/api/audit/verify')).statusCode).toBe(200);
  });

  it('is readable only with audit.read', async () => {
    const officerOfCommune = await t.as('commune_officer', [CAI_KHE]);
    expect((await officerOfCommune.get('/api/audit')).statusCode).toBe(403);
  });
});
