import { readFile } from 'node:fs/promises';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import { resolvePointer } from '@domain/rule-sets/confidence';
import { ruleInForce } from '@domain/rule-sets/in-force';
import { RULE_SET_KINDS, type RuleSetKind } from '@domain/rule-sets/kinds';
import type { Database, RuleSetsTable } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { fieldErrors } from '../../platform/problem';
import * as repo from './repo';
import type { RuleSetInput, RuleSetView } from './schemas';

export const SEED_FILE = new URL('../../../../data/rule-sets-2021.json', import.meta.url);

const present = (r: Selectable<RuleSetsTable>): RuleSetView => ({
  id: r.id,
  kind: r.kind as RuleSetKind,
  version: r.version,
  legalBasis: r.legal_basis,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  status: r.status,
  payload: r.payload as RuleSetView['payload'],
  confidence: r.confidence as RuleSetView['confidence'],
  notes: r.notes,
  createdAt: new Date(r.created_at).toISOString(),
  activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
});

/** In-force answers are reused this long (a version added or activated here clears them at once). */
const IN_FORCE_TTL_MS = 60_000;

export class RuleSetsService {
  private inForceCache = new Map<string, { at: number; value: RuleSetView }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  /** `db`: the caller's transaction when it is in one (on PGlite's one connection a read outside it would wait for it). */
  async list(kind?: RuleSetKind, db: Kysely<Database> | Transaction<Database> = this.db): Promise<RuleSetView[]> {
    return (await repo.listRuleSets(db, kind)).map(present);
  }

  async get(id: string): Promise<RuleSetView> {
    const row = await repo.ruleSetById(this.db, id);
    if (!row) throw new AppError('rules.not_found', 404);
    return present(row);
  }

  /** The version of `kind` in force on `day` (Vietnam calendar day). Every computed result records its id and version. */
  async inForce(kind: RuleSetKind, day: string = vnDay(), db: Kysely<Database> | Transaction<Database> = this.db): Promise<RuleSetView> {
    const key = `${kind}|${day}`;
    const hit = this.inForceCache.get(key);
    if (hit && Date.now() - hit.at < IN_FORCE_TTL_MS) return hit.value;
    const v = ruleInForce(await this.list(kind, db), day);
    if (!v) throw new AppError('rules.not_found', 404);
    if (this.inForceCache.size > 1_000) this.inForceCache.clear();
    this.inForceCache.set(key, { at: Date.now(), value: v });
    return v;
  }

  /** Adds the next version of a kind as a draft; the payload must satisfy the kind's schema. */
  async addVersion(actor: Actor | null, input: RuleSetInput, opts: { version?: number; status?: 'draft' | 'active' } = {}): Promise<RuleSetView> {
    const parsed = RULE_SET_KINDS[input.kind].safeParse(input.payload);
    if (!parsed.success) throw new AppError('validation.invalid', 400, {}, undefined, fieldErrors(parsed.error, 'vi', 'payload', input.payload));
    for (const pointer of Object.keys(input.confidence)) {
      if (resolvePointer(parsed.data, pointer) === undefined) throw new AppError('rules.confidence_pointer', 400, { pointer }, 'confidence');
    }
    return this.db.transaction().execute(async (trx) => {
      const version = opts.version ?? (await repo.lastVersion(trx, input.kind)) + 1;
      const clash = await repo.versionOf(trx, input.kind, version);
      if (clash) throw new AppError('rules.version_taken', 409, { version }, 'version');
      const status = opts.status ?? 'draft';
      const row = await repo.insertRuleSet(trx, {
        id: uuidv7(),
        kind: input.kind,
        version,
        legal_basis: input.legalBasis,
        effective_from: input.effectiveFrom,
        effective_to: input.effectiveTo ?? null,
        status,
        payload: JSON.stringify(parsed.data),
        confidence: JSON.stringify(input.confidence),
        notes: input.notes ?? null,
        created_by: actor?.id ?? null,
        activated_at: status === 'active' ? new Date() : null,
      });
      if (actor) await this.audit.record(trx, actor, { action: 'create', entity: 'rule_set', entityId: row.id, detail: { kind: input.kind, version } });
      this.inForceCache.clear();
      return present(row);
    });
  }

  /** Puts a draft in force from its effectiveFrom; versions of the same kind keep their own windows. */
  async activate(actor: Actor, id: string): Promise<RuleSetView> {
    return this.db.transaction().execute(async (trx) => {
      const row = await repo.activateRuleSet(trx, id);
      if (!row) throw new AppError('rules.not_found', 404);
      await this.audit.record(trx, actor, { action: 'activate', entity: 'rule_set', entityId: id, detail: { kind: row.kind, version: row.version } });
      this.inForceCache.clear();
      return present(row);
    });
  }

  /** Loads the shipped 2021 rule sets once (kind and version already present are left alone). */
  async seed(file: URL | string = SEED_FILE): Promise<number> {
    const entries = JSON.parse(await readFile(file, 'utf8')) as (RuleSetInput & { version: number; status: 'draft' | 'active' })[];
    let added = 0;
    for (const e of entries) {
      const exists = await repo.versionOf(this.db, e.kind, e.version);
      if (exists) continue;
      await this.addVersion(null, { ...e, confidence: e.confidence ?? {} }, { version: e.version, status: e.status });
      added++;
    }
    return added;
  }
}
