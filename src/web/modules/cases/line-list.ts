import { contactLine, exposureSetting, type ContactLine } from '@server/modules/tracing/schemas';
import { parseVnDate } from '@domain/format';
import { foldVietnamese } from '@domain/vn-text';
import { isErrorCode, messageFor } from '@domain/error-catalog';
import type { Messages } from '@web/app/i18n/messages';
import { fill } from '@web/lib/fill';
import type { ContactTypeRule } from './hooks/useCases';

/** One row of the line-list grid as typed: text in every column, codes for the pick lists. */
export interface LineRow {
  key: number;
  fullName: string;
  birthYear: string;
  sex: string;
  nationalId: string;
  phone: string;
  communeCode: string;
  contactType: string;
  setting: string;
  startAt: string;
  endAt: string;
}

/** The columns in the order an Excel sheet gives them (Họ và tên, Năm sinh, Giới tính, …, Từ, Đến). */
export const LINE_COLUMNS = ['fullName', 'birthYear', 'sex', 'nationalId', 'phone', 'communeCode', 'contactType', 'setting', 'startAt', 'endAt'] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];

let nextKey = 1;
export function emptyRow(): LineRow {
  return {
    key: nextKey++,
    fullName: '',
    birthYear: '',
    sex: '',
    nationalId: '',
    phone: '',
    communeCode: '',
    contactType: '',
    setting: '',
    startAt: '',
    endAt: '',
  };
}

/** 'dd/MM/yyyy HH:mm' (Vietnam time) → an ISO instant with +07:00; the text itself when it is not one. */
export function parseVnDateTime(text: string): string {
  const t = text.trim();
  const match = /^(\S+)(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
  if (!match) return t;
  const day = parseVnDate(match[1]);
  if (!day) return t;
  const hh = (match[2] ?? '00').padStart(2, '0');
  return `${day}T${hh}:${match[3] ?? '00'}:00+07:00`;
}

function pick(text: string, options: { code: string; names: string[] }[]): string {
  const f = foldVietnamese(text);
  if (!f) return '';
  return options.find((o) => foldVietnamese(o.code) === f || o.names.some((n) => foldVietnamese(n) === f))?.code ?? text.trim();
}

/** Tab-separated lines copied from Excel → grid rows; names of sexes, contact types and settings become their codes. */
export function parsePasted(text: string, types: ContactTypeRule[], m: Messages): LineRow[] {
  const c = m.cases;
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((line) => {
      const cells = line.split('\t');
      const row = emptyRow();
      LINE_COLUMNS.forEach((col, i) => {
        row[col] = (cells[i] ?? '').trim();
      });
      row.sex = pick(row.sex, [
        { code: 'male', names: ['Nam', 'M'] },
        { code: 'female', names: ['Nữ', 'Nu', 'F'] },
      ]);
      row.contactType = pick(
        row.contactType,
        types.map((t) => ({ code: t.code, names: [t.nameVi] })),
      );
      row.setting = pick(
        row.setting,
        exposureSetting.options.map((s) => ({ code: s, names: [c.settings[s]] })),
      );
      return row;
    });
}

/** A grid row → the API's contact line (not yet validated). */
export function toContactLine(r: LineRow): Record<string, unknown> {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    fullName: r.fullName.trim(),
    birthYear: /^\d+$/.test(r.birthYear.trim()) ? Number(r.birthYear.trim()) : r.birthYear.trim() || undefined,
    sex: r.sex || undefined,
    nationalId: orNull(r.nationalId),
    phone: orNull(r.phone),
    communeCode: r.communeCode.trim(),
    contactType: r.contactType,
    setting: r.setting || undefined,
    startAt: r.startAt.trim() ? parseVnDateTime(r.startAt) : '',
    endAt: r.endAt.trim() ? parseVnDateTime(r.endAt) : '',
  };
}

/** Validates every row with the shared schema: the lines, or per-row messages keyed 'N.field'. */
export function validateRows(
  rows: LineRow[],
  labelOf: (col: string) => string,
  m: Messages,
  lang: 'vi' | 'en',
): { lines: ContactLine[]; errors: Record<string, string> } {
  const lines: ContactLine[] = [];
  const errors: Record<string, string> = {};
  rows.forEach((r, i) => {
    const parsed = contactLine.safeParse(toContactLine(r));
    if (parsed.success) {
      if (!parsed.data.fullName.trim()) errors[`${i}.fullName`] = fill(m.validation.required, { field: labelOf('fullName').toLowerCase() });
      lines.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      const key = `${i}.${String(issue.path[0] ?? '')}`;
      const field = labelOf(String(issue.path[0] ?? ''));
      if (!errors[key]) {
        errors[key] =
          issue.message === 'validation.date'
            ? m.validation.date
            : isErrorCode(issue.message)
              ? messageFor(issue.message, lang, { field })
              : fill(m.validation.invalid, { field });
      }
    }
  });
  return { lines, errors };
}
