/**
 * Testing rules without I/O: pooling, result values and times as labs write them, turnaround buckets.
 * Vietnam has no daylight saving: local time is UTC+7 all year, so a local wall-clock time converts by a
 * fixed offset.
 */
import { foldVietnamese } from './vn-text';
import { isCalendarDate, vnDay } from './dates';

export const TEST_TYPES = ['rt_pcr_single', 'rt_pcr_pooled', 'rapid_antigen'] as const;
export type TestType = (typeof TEST_TYPES)[number];
export const RESULTS = ['negative', 'positive', 'invalid'] as const;
export type TestResult = (typeof RESULTS)[number];

const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * Splits a household across tubes of at most `maxPoolSize` swabs, as evenly as possible (12 members with a
 * maximum of 10 make 6 + 6, not 10 + 2: smaller pools lose less sensitivity and re-collect fewer people).
 */
export function splitPool<T>(members: readonly T[], maxPoolSize: number): T[][] {
  if (maxPoolSize < 1) throw new RangeError('maxPoolSize must be at least 1');
  if (!members.length) return [];
  const tubes = Math.ceil(members.length / maxPoolSize);
  const base = Math.floor(members.length / tubes);
  const larger = members.length % tubes;
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < tubes; i++) {
    const size = base + (i < larger ? 1 : 0);
    out.push(members.slice(at, at + size));
    at += size;
  }
  return out;
}

/** A tube barcode as scanned or typed: trimmed, upper case, 4–32 of A–Z, 0–9 and '-'. */
export function normalizeBarcode(text: string): string | null {
  const s = text.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9-]{3,31}$/.test(s) ? s : null;
}

const RESULT_WORDS: Record<string, TestResult> = {
  'am tinh': 'negative',
  am: 'negative',
  negative: 'negative',
  neg: 'negative',
  '-': 'negative',
  'khong phat hien': 'negative',
  'duong tinh': 'positive',
  duong: 'positive',
  positive: 'positive',
  pos: 'positive',
  '+': 'positive',
  'phat hien': 'positive',
  'khong xac dinh': 'invalid',
  'khong hop le': 'invalid',
  invalid: 'invalid',
  loi: 'invalid',
  'xet nghiem lai': 'invalid',
};

/** "Âm tính", "am tinh", "NEGATIVE", "-" … → the result; null when not recognised. */
export function parseResult(text: string): TestResult | null {
  return RESULT_WORDS[foldVietnamese(text).trim().replace(/\s+/g, ' ')] ?? null;
}

/** A Ct value, with a decimal comma or point; null when absent, NaN when not a plausible Ct (0 < Ct < 50). */
export function parseCt(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(s)) return Number.NaN;
  const n = Number(s.replace(',', '.'));
  return n > 0 && n < 50 ? Math.round(n * 10) / 10 : Number.NaN;
}

/** Excel's day 0 (1899-12-30, which absorbs its 1900 leap-year bug for dates after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A Vietnam wall-clock time to an instant. */
function fromVnWallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | null {
  const day = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isCalendarDate(day) || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - VN_OFFSET_MS);
}

/**
 * A time as labs write it: ISO 8601 with an offset or Z; "yyyy-MM-dd HH:mm[:ss]" or "dd/MM/yyyy HH:mm[:ss]"
 * in Vietnam time; an Excel serial date-time (44449.5 = 10/09/2021 12:00 Vietnam time). A time of day is
 * required (turnaround is counted in hours). Null when not one of these or not a real date.
 */
export function parseLabTime(text: string): Date | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (m) {
    const local = fromVnWallClock(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0));
    if (!local) return null;
    const offset = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(4))) * 60_000;
    return new Date(local.getTime() + VN_OFFSET_MS - offset);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) return fromVnWallClock(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) return fromVnWallClock(+m[3], +m[2], +m[1], +m[4], +m[5], +(m[6] ?? 0));
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (Number.isInteger(n)) return null; // a date without a time of day
    return new Date(EXCEL_EPOCH_MS + Math.round(n * 86_400_000) - VN_OFFSET_MS);
  }
  return null;
}

/** An Excel cell's Date (ExcelJS reads date cells as UTC wall-clock values) as the Vietnam time it shows. */
export function fromExcelWallClock(d: Date): Date {
  return new Date(d.getTime() - VN_OFFSET_MS);
}

export const TAT_BUCKETS = ['le6h', 'le12h', 'le24h', 'le48h', 'gt48h'] as const;
export type TatBucket = (typeof TAT_BUCKETS)[number];

/** Turnaround from collection to reported result, in whole minutes, and its bucket. */
export function turnaround(collectedAt: Date, reportedAt: Date): { minutes: number; bucket: TatBucket; sameDay: boolean } {
  const minutes = Math.max(0, Math.round((reportedAt.getTime() - collectedAt.getTime()) / 60_000));
  const bucket: TatBucket = minutes <= 360 ? 'le6h' : minutes <= 720 ? 'le12h' : minutes <= 1440 ? 'le24h' : minutes <= 2880 ? 'le48h' : 'gt48h';
  return { minutes, bucket, sameDay: vnDay(collectedAt) === vnDay(reportedAt) };
}
