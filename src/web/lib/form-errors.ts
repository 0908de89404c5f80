import type { FormInstance } from 'antd';
import type { ZodError } from 'zod';
import { isErrorCode, messageFor } from '@domain/error-catalog';
import type { Messages } from '@web/app/i18n/messages';
import { ApiError, type Problem } from './api';
import { fill } from './fill';

/** A field's place in a form: 'members.1.nationalId' ↔ ['members', 1, 'nationalId']. */
export type FieldPath = (string | number)[];

export interface FieldErrorEntry {
  name: FieldPath;
  errors: string[];
}

export function pathOf(field: string): FieldPath {
  return field
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}

/**
 * Zod issues of a shared schema → messages under each field. The shared schemas put error-catalog codes
 * in their messages; zod's own issues (missing, too short …) get the web catalog's wording with the field's label.
 */
export function zodFieldErrors(error: ZodError, input: unknown, lang: 'vi' | 'en', m: Messages, labelOf: (path: FieldPath) => string): FieldErrorEntry[] {
  const byField = new Map<string, FieldErrorEntry>();
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = path.join('.');
    if (byField.has(key)) continue;
    const value = valueAt(input, path);
    const field = labelOf(path);
    let message: string;
    // The web's date inputs take dd/mm/yyyy: the catalog's date message (YYYY-MM-DD) is for API clients.
    if (issue.message === 'validation.date') message = m.validation.date;
    else if (isErrorCode(issue.message)) message = messageFor(issue.message, lang, { field, code: String(value ?? '') });
    else if (value === undefined || value === null || value === '') message = requiredMessage(m, field, issue.code === 'invalid_value');
    else if (issue.code === 'too_small') message = fill(m.validation.tooShort, { field });
    else if (issue.code === 'too_big') message = fill(m.validation.tooLong, { field });
    else if (issue.code === 'invalid_type' && issue.expected === 'number') message = fill(m.validation.number, { field });
    else message = fill(m.validation.invalid, { field });
    byField.set(key, { name: path, errors: [message] });
  }
  return [...byField.values()];
}

/** 'Vui lòng nhập họ và tên': the label in lower case inside the sentence (acronyms such as CCCD kept). */
export function requiredMessage(m: Messages, label: string, choose = false): string {
  const field = /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
  return fill(choose ? m.validation.choose : m.validation.required, { field });
}

/** A problem+json answer → messages under the fields it names (`errors[]`, or `field` with the detail). */
export function problemFieldErrors(problem: Problem): FieldErrorEntry[] {
  if (problem.errors?.length) {
    const byField = new Map<string, FieldErrorEntry>();
    for (const e of problem.errors) if (e.field && !byField.has(e.field)) byField.set(e.field, { name: pathOf(e.field), errors: [e.message] });
    return [...byField.values()];
  }
  if (problem.field) return [{ name: pathOf(problem.field), errors: [problem.detail || problem.title] }];
  return [];
}

/** The text to show for any failed request. */
export function errorMessage(err: unknown, m: Messages, lang: 'vi' | 'en' = 'vi'): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return m.common.networkError;
    if (err.problem.detail || err.problem.title) return err.problem.detail || err.problem.title;
    if (isErrorCode(err.code)) return messageFor(err.code, lang);
  }
  return m.common.errorTitle;
}

/**
 * Splits a failed save into field messages for fields the form has (by top-level name) and
 * one general message for the rest.
 */
export function splitProblem(
  err: unknown,
  formFields: readonly string[],
  m: Messages,
  lang: 'vi' | 'en',
): { fields: FieldErrorEntry[]; general: string | null } {
  if (!(err instanceof ApiError)) return { fields: [], general: errorMessage(err, m, lang) };
  const all = problemFieldErrors(err.problem);
  const fields = all.filter((f) => formFields.includes(String(f.name[0])));
  const general = fields.length === 0 || fields.length < all.length ? errorMessage(err, m, lang) : null;
  return { fields, general };
}

/** Puts messages under their fields, clears the fields' earlier messages, and focuses the first one in error. */
export function showFieldErrors(form: FormInstance<any>, errors: FieldErrorEntry[], focus = true) {
  const stale = form
    .getFieldsError()
    .filter((f) => f.errors.length)
    .map((f) => ({ name: f.name as FieldPath, errors: [] as string[] }));
  (form.setFields as (fields: FieldErrorEntry[]) => void)([...stale, ...errors]);
  if (focus && errors[0]) form.scrollToField(errors[0].name, { focus: true, block: 'center' });
}

/** The paths of the values an antd `onValuesChange` reports (list items reported sparsely, as arrays). */
function changedPaths(changed: unknown, at: FieldPath = []): FieldPath[] {
  if (changed === null || typeof changed !== 'object' || (at.length > 0 && !Array.isArray(changed) && Object.getPrototypeOf(changed) !== Object.prototype))
    return [at];
  const out: FieldPath[] = [at];
  const entries = Array.isArray(changed) ? changed.map((v, i) => [i, v] as const).filter(([, v]) => v !== undefined) : Object.entries(changed);
  for (const [k, v] of entries) out.push(...changedPaths(v, [...at, k]));
  return out.filter((p) => p.length > 0);
}

/** A field's message goes away as soon as the user changes the field (for `onValuesChange`). */
export function clearChangedErrors(form: FormInstance<any>, changed: unknown) {
  const paths = changedPaths(changed).map((p) => p.join('.'));
  const stale = form.getFieldsError().filter((f) => f.errors.length && paths.includes(f.name.join('.')));
  if (stale.length) (form.setFields as (fields: FieldErrorEntry[]) => void)(stale.map((f) => ({ name: f.name as FieldPath, errors: [] })));
}
