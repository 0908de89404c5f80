import { z } from 'zod';
import { isCalendarDate } from '@domain/dates';

/**
 * The search parameters of `GET /api/fhir/Observation` (FHIR R4 search): every parameter is checked, an unknown one
 * is refused by name (FHIR's strict handling), and each error names the parameter — the error handler answers it
 * as an OperationOutcome. Supported: patient, date, code, _lastUpdated, _count, page, _include, _format.
 */

export type Prefix = 'eq' | 'gt' | 'ge' | 'lt' | 'le';
/** A date parameter: a Vietnam calendar day (`yyyy-MM-dd`) or an instant with its offset. */
export type DateBound = { prefix: Prefix; day: string } | { prefix: Prefix; instant: Date };
export interface Token {
  system: string | null;
  code: string;
}

export const LOINC = 'http://loinc.org';
/** The longest span of sampling days one search may cover (a bounded scan; a client walks longer periods by month). */
export const MAX_SEARCH_DAYS = 31;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const INCLUDES = ['Observation:subject', 'Observation:specimen', 'Observation:performer'];
const repeated = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

function dateParam() {
  return repeated.transform((values, ctx): DateBound[] =>
    values.map((raw, i) => {
      const m = /^(eq|gt|ge|lt|le)?(.+)$/.exec(raw.trim());
      const prefix = (m?.[1] ?? 'eq') as Prefix;
      const value = m?.[2] ?? '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value)) return { prefix, day: value };
      const instant = new Date(value);
      if (INSTANT.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(instant.getTime())) return { prefix, instant };
      ctx.addIssue({ code: 'custom', message: 'testing.fhir_date', path: values.length > 1 ? [i] : [], input: raw });
      return z.NEVER;
    }),
  );
}

/** `Patient/<id>`, an absolute URL ending in it, or the bare id; a comma separates alternatives. */
const patientParam = z.string().transform((raw, ctx) =>
  raw.split(',').map((part) => {
    const id = part.trim().replace(/^(?:.*\/)?Patient\//, '');
    if (UUID.test(id)) return id.toLowerCase();
    ctx.addIssue({ code: 'custom', message: 'testing.fhir_patient', input: raw });
    return z.NEVER;
  }),
);

/** `[system|]code`, a comma separating alternatives. */
const codeParam = z.string().transform((raw, ctx) =>
  raw.split(',').map((part): Token => {
    const [system, code] = part.includes('|') ? [part.slice(0, part.indexOf('|')) || null, part.slice(part.indexOf('|') + 1)] : [null, part];
    if (/^[\w.\-]{1,64}$/.test(code.trim())) return { system, code: code.trim() };
    ctx.addIssue({ code: 'custom', message: 'testing.fhir_code', input: raw });
    return z.NEVER;
  }),
);

const KNOWN = new Set(['patient', 'date', 'code', '_lastUpdated', '_count', 'page', '_include', '_format']);

export const observationSearch = z
  .object({
    patient: patientParam.optional(),
    date: dateParam().optional(),
    code: codeParam.optional(),
    _lastUpdated: dateParam().optional(),
    _count: z.coerce.number().int().min(1).max(1000).default(100),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    /** The referenced resources are always included; these values are accepted for clients that ask. */
    _include: repeated.refine((v) => v.every((i) => INCLUDES.includes(i.trim())), { message: 'testing.fhir_include' }).optional(),
    _format: z
      .string()
      .refine((f) => ['json', 'application/json', 'application/fhir+json'].includes(f.trim()), { message: 'testing.fhir_format' })
      .optional(),
  })
  .catchall(z.unknown())
  .superRefine((q, ctx) => {
    for (const key of Object.keys(q)) if (!KNOWN.has(key)) ctx.addIssue({ code: 'custom', message: 'testing.fhir_parameter_unknown', path: [key] });
    if (q.patient) return;
    const days = q.date ? daySpan(q.date) : null;
    if (!days) ctx.addIssue({ code: 'custom', message: 'testing.fhir_date_needed', path: ['date'] });
    else if (dayNumber(days.to) - dayNumber(days.from) + 1 > MAX_SEARCH_DAYS)
      ctx.addIssue({ code: 'custom', message: 'testing.fhir_date_range', path: ['date'] });
  });
export type ObservationSearch = z.output<typeof observationSearch>;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const vnDayOf = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The first and last sampling day the date bounds allow, or null when a side is open. */
export function daySpan(bounds: DateBound[]): { from: string; to: string } | null {
  const froms: string[] = [];
  const tos: string[] = [];
  for (const b of bounds) {
    const day = 'day' in b ? b.day : vnDayOf(b.instant);
    if (b.prefix === 'eq' || b.prefix === 'ge' || b.prefix === 'gt') froms.push(day);
    if (b.prefix === 'eq' || b.prefix === 'le' || b.prefix === 'lt') tos.push(day);
  }
  // the latest lower bound and the earliest upper bound (ISO days sort as text)
  return froms.length && tos.length ? { from: froms.sort().at(-1)!, to: tos.sort()[0] } : null;
}

/**
 * A bound as a comparison on an instant: a Vietnam day is the half-open range [00:00, next 00:00) in UTC+7, so
 * `ge2021-09-10` is `>= 2021-09-09T17:00Z` and `le2021-09-10` is `< 2021-09-10T17:00Z`.
 */
export function instantRange(b: DateBound): { op: '>=' | '>' | '<' | '<='; at: Date }[] {
  if ('instant' in b)
    return b.prefix === 'eq'
      ? [
          { op: '>=', at: b.instant },
          { op: '<=', at: b.instant },
        ]
      : [{ op: ({ gt: '>', ge: '>=', lt: '<', le: '<=' } as const)[b.prefix], at: b.instant }];
  const start = new Date(`${b.day}T00:00:00+07:00`);
  const end = new Date(start.getTime() + 86_400_000);
  switch (b.prefix) {
    case 'eq':
      return [
        { op: '>=', at: start },
        { op: '<', at: end },
      ];
    case 'gt':
      return [{ op: '>=', at: end }];
    case 'ge':
      return [{ op: '>=', at: start }];
    case 'lt':
      return [{ op: '<', at: start }];
    case 'le':
      return [{ op: '<', at: end }];
  }
}
