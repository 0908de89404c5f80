/**
 * The unified epidemiological investigation: one city-wide form whose definition is versioned data
 * (rule-set kind `investigation_form`). Completeness = required fields filled / required fields.
 */
export interface InvestigationField {
  key: string;
  section: string;
  labelVi: string;
  labelEn: string;
  kind: 'text' | 'date' | 'datetime' | 'boolean' | 'choice' | 'list' | 'number';
  required: boolean;
  choices?: { code: string; labelVi: string; labelEn: string }[];
  /** For 'list': the keys each item must have to count as filled. */
  itemKeys?: string[];
}

export function isFilled(field: InvestigationField, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (field.kind === 'boolean') return typeof value === 'boolean';
  if (field.kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (field.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0) return false;
    return value.every(
      (item) =>
        item &&
        typeof item === 'object' &&
        (field.itemKeys ?? []).every((k) => {
          const v = (item as Record<string, unknown>)[k];
          return v !== null && v !== undefined && String(v).trim() !== '';
        }),
    );
  }
  return String(value).trim() !== '';
}

/** Share of required fields filled, 0–1, and the keys still missing. */
export function completeness(fields: InvestigationField[], data: Record<string, unknown>): { score: number; missing: string[] } {
  const required = fields.filter((f) => f.required);
  const missing = required.filter((f) => !isFilled(f, data[f.key])).map((f) => f.key);
  return { score: required.length ? (required.length - missing.length) / required.length : 1, missing };
}

/** Hours from confirmation to the completed investigation, rounded to 0.1 h. */
export function timelinessHours(confirmedAt: Date, completedAt: Date): number {
  return Math.round(((completedAt.getTime() - confirmedAt.getTime()) / 3_600_000) * 10) / 10;
}
