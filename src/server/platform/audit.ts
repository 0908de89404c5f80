import { hash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../db/tables';
import type { Actor } from './actor';
import { storableText } from './text-input';

export interface AuditEntry {
  action: 'read' | 'search' | 'create' | 'update' | 'merge' | 'delete' | 'login' | 'logout' | 'login_failed' | 'import' | 'export' | 'activate' | 'token_use';
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

/**
 * A detail value as jsonb will give it back: what JSON drops (undefined, functions) is dropped, dates
 * become their ISO text, and every string and key is storable text. The hash is taken over this form,
 * so a row read back from the database hashes the same as the row that was written.
 */
export function storableJson(value: unknown): unknown {
  if (value === undefined) return null;
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return storableText(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [storableText(k), walk(item)]));
    return v;
  };
  return walk(plain);
}

const text = (v: string | null | undefined) => (v == null ? null : storableText(v));

/** An audit row as its hash covers it: every column but the hash itself. */
export type AuditRow = Omit<Selectable<Database['audit_log']>, 'hash'>;

export function hashRow(row: AuditRow): string {
  // the same text as canonicalJson of the whole array: only the detail object can hold keys to sort
  const body = `${JSON.stringify([row.seq, new Date(row.at).toISOString(), row.actor_id, row.actor_name, row.action, row.entity, row.entity_id, row.ip, row.fields]).slice(0, -1)},${canonicalJson(row.detail ?? null)},${JSON.stringify(row.prev_hash)}]`;
  return hash('sha256', body, 'hex');
}

/**
 * Append-only, hash-chained audit log. Writes are recorded in the caller's transaction (the change and
 * its audit row commit together); reads are queued and appended in batches within `flushMs`, so a
 * busy read path does not serialise on the chain lock.
 * @example await audit.record(trx, actor, { action: 'update', entity: 'person', entityId: id, fields: ['phone'] })
 */
export interface AuditLogOptions {
  flushMs?: number;
  /** Longest wait between retries of a failed read batch. */
  maxRetryMs?: number;
  /** Where a failed flush is reported (it is retried, never thrown at the timer). */
  onError?: (error: unknown, pending: number) => void;
}

type Queued = { who: Who; entry: AuditEntry; at: Date };

export class AuditLog {
  private queue: Queued[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private failures = 0;
  private readonly flushMs: number;
  private readonly maxRetryMs: number;
  private readonly onError: (error: unknown, pending: number) => void;

  constructor(
    private readonly db: Kysely<Database>,
    opts: AuditLogOptions = {},
  ) {
    this.flushMs = opts.flushMs ?? 200;
    this.maxRetryMs = opts.maxRetryMs ?? 30_000;
    this.onError =
      opts.onError ??
      ((error, pending) => console.error(JSON.stringify({ level: 'error', msg: 'audit flush failed; retrying', pending, error: String(error) })));
  }

  /** Reads queued and not yet in the log (they stay queued while the database refuses them). */
  get pending(): number {
    return this.queue.length;
  }

  async record(trx: Transaction<Database>, who: Who, entry: AuditEntry): Promise<void> {
    await this.append(trx, [{ who, entry, at: new Date() }]);
  }

  /** Queues a read; it is in the log within flushMs (and before shutdown completes). */
  read(who: Who, entry: AuditEntry): void {
    this.queue.push({ who, entry, at: new Date() });
    this.schedule(this.flushMs);
  }

  /**
   * Appends the queued reads. Never rejects: a batch the database refuses goes back to the head of the
   * queue, is reported to onError and retried with a growing delay, so a failed flush neither loses
   * reads nor brings the process down. `strict` (shutdown, the audit page) rejects if rows stay pending.
   */
  flush(opts: { strict?: boolean } = {}): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue.splice(0);
    if (batch.length > 0) {
      this.flushing = this.flushing.then(async () => {
        try {
          await this.db.transaction().execute((trx) => this.append(trx, batch));
          this.failures = 0;
        } catch (error) {
          this.queue.unshift(...batch);
          this.failures++;
          this.onError(error, this.queue.length);
          this.schedule(Math.min(this.maxRetryMs, this.flushMs * 2 ** this.failures));
        }
      });
    }
    if (!opts.strict) return this.flushing;
    return this.flushing.then(() => {
      if (this.failures > 0) throw new Error(`audit: ${this.queue.length} read entries could not be written`);
    });
  }

  private schedule(ms: number): void {
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async append(trx: Transaction<Database>, batch: Queued[]): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS;
    const rows = batch.map(({ who, entry, at }) => {
      // stored exactly as hashed: every text in the form PostgreSQL keeps
      const row: AuditRow = {
        seq: ++seq,
        at,
        actor_id: who.id,
        actor_name: text(who.username),
        action: entry.action,
        entity: storableText(entry.entity),
        entity_id: text(entry.entityId),
        ip: text(who.ip),
        fields: (entry.fields ?? []).map(storableText),
        detail: storableJson(entry.detail ?? null),
        prev_hash: prev,
      };
      prev = hashRow(row);
      return Object.assign(row, { hash: prev });
    });
    // one statement and one JSON parameter whatever the batch size: no re-parse per batch shape, and one
    // native JSON.stringify instead of escaping twelve array parameters element by element
    await sql`insert into audit_log (seq, at, actor_id, actor_name, action, entity, entity_id, ip, fields, detail, prev_hash, hash)
      select seq, at, actor_id, actor_name, action, entity, entity_id, ip,
             array(select jsonb_array_elements_text(fields)), nullif(detail, 'null'::jsonb), prev_hash, hash
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as t(seq bigint, at timestamptz, actor_id uuid, actor_name text, action text, entity text, entity_id text, ip text,
             fields jsonb, detail jsonb, prev_hash text, hash text)`.execute(trx);
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
    q
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('seq', 'desc')
      .offset((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.n,
    items: rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      ip: r.ip,
      fields: r.fields,
      detail: r.detail as Record<string, unknown> | null,
      hash: r.hash,
    })),
  };
}
