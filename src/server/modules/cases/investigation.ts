import type { Kysely } from 'kysely';
import { completeness, timelinessHours } from '@domain/investigation';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertInScope } from '../../platform/scope';
import type { UnitDirectory } from '../geography/directory';
import type { RuleSetsService } from '../rule-sets/service';
import * as repo from './repo';
import type { InvestigationQualityView, InvestigationView } from './schemas';

/**
 * One investigation per case on the form version in force at confirmation. Saving a draft is cheap
 * (autosave); completing records timeliness from the case's confirmation.
 */
export class InvestigationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly ruleSets: RuleSetsService,
    private readonly units: UnitDirectory,
  ) {}

  async get(actor: Actor, caseId: string): Promise<InvestigationView> {
    const kase = await this.caseInScope(actor, caseId);
    const row = await repo.investigationOf(this.db, caseId);
    const form = row ? await this.ruleSets.get(row.form_rule_set_id) : await this.ruleSets.inForce('investigation_form', kase.confirmed_on);
    this.audit.read(actor, { action: 'read', entity: 'investigation', entityId: caseId });
    return this.present(caseId, form, row ?? null);
  }

  /** Saves the data (draft autosave or completion). `version` is the one the form loaded (0 when new). */
  async save(actor: Actor, caseId: string, props: { data: Record<string, unknown>; version: number; complete: boolean }): Promise<InvestigationView> {
    const kase = await this.caseInScope(actor, caseId);
    // the form is read before the transaction: PGlite has one connection, and the form never changes once chosen
    const chosen = await repo.investigationFormOf(this.db, caseId);
    const form = chosen ? await this.ruleSets.get(chosen.form_rule_set_id) : await this.ruleSets.inForce('investigation_form', kase.confirmed_on);
    return this.db.transaction().execute(async (trx) => {
      const existing = await repo.lockInvestigation(trx, caseId);
      const fields = (form.payload as InvestigationView['form']).fields;
      const known = new Set(fields.map((f) => f.key));
      const data = Object.fromEntries(Object.entries(props.data).filter(([k]) => known.has(k)));
      const { score, missing } = completeness(fields, data);
      if (props.complete && missing.length) {
        throw new AppError(
          'cases.investigation_incomplete',
          400,
          { count: missing.length },
          missing[0],
          missing.map((m) => ({ field: m, code: 'validation.required', message: `${fields.find((f) => f.key === m)!.labelVi}: bắt buộc` })),
        );
      }
      if ((existing?.version ?? 0) !== props.version) throw new AppError('people.version_conflict', 409, {}, 'version');
      const completedAt = props.complete ? new Date() : null;
      const timeliness = completedAt ? timelinessHours(new Date(kase.created_at), completedAt) : null;
      const values = {
        data: JSON.stringify(data),
        completeness: Math.round(score * 1000) / 1000,
        status: props.complete ? ('completed' as const) : (existing?.status ?? 'draft'),
        updated_at: new Date(),
      };
      const row = existing
        ? await repo.updateInvestigation(trx, caseId, { ...values, ...(completedAt ? { completed_at: completedAt, timeliness_hours: timeliness } : {}) })
        : await repo.insertInvestigation(trx, {
            ...values,
            case_id: caseId,
            province_code: kase.province_code,
            district_code: kase.district_code,
            commune_code: kase.commune_code,
            form_rule_set_id: form.id,
            form_version: form.version,
            completed_at: completedAt,
            timeliness_hours: timeliness,
          });
      if (props.complete || !existing)
        await this.audit.record(trx, actor, { action: existing ? 'update' : 'create', entity: 'investigation', entityId: caseId, fields: Object.keys(data) });
      return this.present(caseId, form, row);
    });
  }

  /** Per district: cases, investigations completed, mean completeness, median and share within target of timeliness. */
  async quality(actor: Actor, q: { from: string; to: string; unit?: string }): Promise<InvestigationQualityView[]> {
    const unit = q.unit ? this.units.placeFilter(q.unit, 'unit') : null;
    const rows = await repo.investigationQuality(this.db, actor, { from: q.from, to: q.to, unit });
    return rows.map((r) => ({
      districtCode: r.district_code,
      cases: r.cases,
      completed: r.completed,
      meanCompleteness: Math.round(r.mean_completeness * 1000) / 1000,
      medianHours: r.median_hours,
    }));
  }

  private async caseInScope(actor: Actor, caseId: string) {
    const kase = await repo.caseById(this.db, caseId);
    if (!kase) throw new AppError('cases.not_found', 404);
    assertInScope(actor, kase, 'cases.not_found');
    return kase;
  }

  private present(
    caseId: string,
    form: { version: number; payload: unknown },
    row: {
      data: unknown;
      completeness: number;
      status: 'draft' | 'completed';
      started_at: Date;
      completed_at: Date | null;
      timeliness_hours: number | null;
      version: number;
    } | null,
  ): InvestigationView {
    const payload = form.payload as InvestigationView['form'];
    const data = (row?.data ?? {}) as Record<string, unknown>;
    return {
      caseId,
      formVersion: form.version,
      form: payload,
      data,
      completeness: row?.completeness ?? 0,
      missing: completeness(payload.fields, data).missing,
      status: row?.status ?? 'draft',
      startedAt: new Date(row?.started_at ?? Date.now()).toISOString(),
      completedAt: row?.completed_at ? new Date(row.completed_at).toISOString() : null,
      timelinessHours: row?.timeliness_hours ?? null,
      version: row?.version ?? 0,
    };
  }
}
