import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { Actor } from './actor';

export interface AuditEntry {
  action: 'read' | 'search' | 'create' | 'update' | 'merge' | 'delete' | 'login' | 'logout' | 'login_failed' | 'import' | 'export' | 'activate';
  entity: string;
  entityId?: string | null;
  fields?: string[];
  detail?: Record<string, unknown> | null;
}

type Who = Pick<Actor, 'id' | 'username' | 'ip'> | { id: null; username: string | null; ip: string };

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 740_217;

/** JSON with object keys sorted at every depth: jsonb reorders keys, the hash must not care. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export interface AuditRow {
  seq: number; at: Date; actor_id: string | null; actor_name: string | null; action: string; entity: string;
  entity_id: string | null; ip: string | null; fields: string[]; detail: unknown; prev_hash: string;
}

export function hashRow(row: AuditRow): string {
  const body = canonicalJson([row.seq, new Date(row.at).toISOString(), row.actor_id, row.actor_name, row.action, row.entity, row.entity_id, row.ip, row.fields, row.detail ?? null, row.prev_hash]);
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Append-only, hash-chained audit log. Writes are recorded in the caller's transaction (the change and
 * its audit row commit together); reads are queued and appended in batches within `flushMs`, so a
 * busy read path does not serialise on the chain lock.
 * @example await audit.record(trx, actor, { action: 'update', entity: 'person', entityId: id, fields: ['phone'] })
 */
export class AuditLog {
  private queue: { who: Who; entry: AuditEntry; at: Date }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>, private readonly flushMs = 200) {}

  async record(trx: Transaction<Database>, who: Who, entry: AuditEntry): Promise<void> {
    await this.append(trx, [{ who, entry, at: new Date() }]);
  }

  /** Queues a read; it is in the log within flushMs (and before shutdown completes). */
  read(who: Who, entry: AuditEntry): void {
    this.queue.push({ who, entry, at: new Date() });
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.flushMs);
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0);
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.db.transaction().execute((trx) => this.append(trx, batch)));
    return this.flushing;
  }

  private async append(trx: Transaction<Database>, batch: { who: Who; entry: AuditEntry; at: Date }[]): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS;
    const rows = batch.map(({ who, entry, at }) => {
      const row: AuditRow = {
        seq: ++seq, at, actor_id: who.id, actor_name: who.username, action: entry.action, entity: entry.entity,
        entity_id: entry.entityId ?? null, ip: who.ip, fields: entry.fields ?? [], detail: entry.detail ?? null, prev_hash: prev,
      };
      prev = hashRow(row);
      return { ...row, hash: prev };
    });
    // one statement with a fixed parameter count, whatever the batch size (no re-parse per batch shape)
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    await sql`insert into audit_log (seq, at, actor_id, actor_name, action, entity, entity_id, ip, fields, detail, prev_hash, hash)
      select seq, at, actor_id, actor_name, action, entity, entity_id, ip,
             array(select jsonb_array_elements_text(fields)), detail, prev_hash, hash
      from unnest(${col('seq')}::bigint[], ${col('at')}::timestamptz[], ${col('actor_id')}::uuid[], ${col('actor_name')}::text[], ${col('action')}::text[],
                  ${col('entity')}::text[], ${col('entity_id')}::text[], ${col('ip')}::text[], ${rows.map((r) => JSON.stringify(r.fields))}::jsonb[],
                  ${rows.map((r) => (r.detail === null ? null : JSON.stringify(r.detail)))}::jsonb[], ${col('prev_hash')}::text[], ${col('hash')}::text[])
        as t(seq, at, actor_id, actor_name, action, entity, entity_id, ip, fields, detail, prev_hash, hash)`.execute(trx);
  }
}

export interface ChainReport {
  rows: number;
  ok: boolean;
  /** seq of rows whose content no longer matches their hash */
  altered: number[];
  /** places where rows are missing: the seq after which the chain breaks */
  missingAfter: number[];
}

/** Walks the whole chain in seq order, in pages, and reports altered and deleted rows. */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 10_000): Promise<ChainReport> {
  const report: ChainReport = { rows: 0, ok: true, altered: [], missingAfter: [] };
  let prevHash = GENESIS;
  let prevSeq = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', prevSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of page) {
      report.rows++;
      if (row.seq !== prevSeq + 1 || row.prev_hash !== prevHash) report.missingAfter.push(prevSeq);
      if (hashRow({ ...row, at: row.at as Date }) !== row.hash) report.altered.push(row.seq);
      prevHash = row.hash;
      prevSeq = row.seq;
    }
    if (page.length < pageSize) break;
  }
  report.ok = report.altered.length === 0 && report.missingAfter.length === 0;
  return report;
}

export interface AuditFilter {
  actorId?: string;
  actor?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Newest first by time of the event (reads are appended in batches, so seq order can lag); `to` is an inclusive Vietnam day. */
export async function queryAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.actor) q = q.where(sql`lower(actor_name)`, '=', f.actor.toLowerCase());
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', sql<Date>`(${f.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  if (f.to) q = q.where('at', '<', sql<Date>`(${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('seq', 'desc').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.n,
    items: rows.map((r) => ({
      seq: r.seq, at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, action: r.action,
      entity: r.entity, entityId: r.entity_id, ip: r.ip, fields: r.fields, detail: r.detail, hash: r.hash,
    })),
  };
}
