import type { Kysely } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import type { AuditLog } from '../../platform/audit';
import { AppError, type FieldError } from '../../platform/errors';
import { fieldErrors } from '../../platform/problem';
import { personInput } from '../people/schemas';
import type { PeopleService } from '../people/service';
import { reclassifyAround, type ClassificationRuleSets } from './classification';
import type { CaseReader } from './service';
import * as repo from './repo';
import { contactLine, type LineListResult } from './schemas';

/**
 * Saves a line list of contacts of a case, all rows or none: each row is validated (every bad row is
 * reported as rows.N.field), matched to an existing person or created, and linked by an exposure;
 * the case's neighbourhood is reclassified once at the end.
 */
export async function saveContactLines(
  deps: { db: Kysely<Database>; people: PeopleService; audit: AuditLog; cases: CaseReader; rules: (day: string) => Promise<ClassificationRuleSets> },
  actor: Actor,
  caseId: string,
  rawRows: unknown[],
): Promise<LineListResult> {
  const kase = await deps.cases.caseInScope(actor, caseId);
  const errors: FieldError[] = [];
  const rows = rawRows.map((raw, i) => {
    const line = contactLine.safeParse(raw);
    if (!line.success) {
      errors.push(...fieldErrors(line.error, 'vi', `rows.${i}`, raw));
      return null;
    }
    const person = personInput.safeParse({ ...line.data, nationalId: line.data.nationalId ?? null, phone: line.data.phone ?? null });
    if (!person.success) {
      errors.push(...fieldErrors(person.error, 'vi', `rows.${i}`, raw));
      return null;
    }
    return { line: line.data, person: person.data };
  });
  if (errors.length) throw new AppError('validation.invalid', 400, {}, undefined, errors);
  const rules = await deps.rules(kase.confirmed_on);
  const types = (rules.classification.payload as { contactTypes: { code: string }[] }).contactTypes.map((c) => c.code);
  rows.forEach((r, i) => {
    if (!types.includes(r!.line.contactType))
      errors.push({
        field: `rows.${i}.contactType`,
        code: 'cases.contact_type',
        message: `Hình thức tiếp xúc ${r!.line.contactType} không có trong bộ quy tắc phân loại đang áp dụng`,
      });
  });
  if (errors.length) throw new AppError('validation.invalid', 400, {}, undefined, errors);

  return deps.db.transaction().execute(async (trx) => {
    const result: LineListResult = { matched: 0, created: 0, exposures: 0, rowsTouched: 0, contactIds: [] };
    const seen = new Set<string>();
    for (const [i, r] of rows.entries()) {
      const { person, created } = await deps.people.matchOrCreateInTx(trx, actor, r!.person, `rows.${i}.`);
      if (person.id === kase.person_id) throw new AppError('cases.self_exposure', 400, {}, `rows.${i}.fullName`);
      if (seen.has(person.id)) throw new AppError('cases.exposure_duplicate', 409, {}, `rows.${i}.fullName`);
      seen.add(person.id);
      result[created ? 'created' : 'matched']++;
      const exposure = await repo.insertExposure(trx, {
        id: uuidv7(),
        province_code: person.province_code,
        district_code: person.district_code,
        commune_code: person.commune_code,
        source_person_id: kase.person_id,
        exposed_person_id: person.id,
        start_at: r!.line.startAt,
        end_at: r!.line.endAt,
        contact_type: r!.line.contactType,
        setting: r!.line.setting,
        place_name: r!.line.placeName ?? null,
      });
      if (!exposure) throw new AppError('cases.exposure_duplicate', 409, {}, `rows.${i}.fullName`);
      result.exposures++;
      result.contactIds.push(person.id);
    }
    result.rowsTouched = (await reclassifyAround(trx, [kase.person_id], rules, deps.cases.activeCasesOfInTx)).rowsTouched;
    await deps.audit.record(trx, actor, {
      action: 'create',
      entity: 'exposure',
      entityId: caseId,
      detail: { lineList: result.exposures, contacts: result.contactIds, day: vnDay() },
    });
    return result;
  });
}
