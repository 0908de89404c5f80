import { VN_TIME_ZONE } from './dates';

/** Shared by the server (reports, exports) and the web: dd/MM/yyyy, 1.234.567, VND. */
export type Locale = 'vi' | 'en';

/** '2021-09-07' → '07/09/2021' (both locales use the Vietnamese day order). */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant shown in Vietnam time: 'dd/MM/yyyy HH:mm'. */
export function formatDateTime(instant: string | Date | null | undefined): string {
  if (!instant) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** 1235171 → '1.235.171' in Vietnamese, '1,235,171' in English. */
export function formatNumber(n: number, locale: Locale = 'vi'): string {
  const f = (numberFormats[locale] ??= new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 }));
  return f.format(n);
}

/** 0.1234 → '12,3%' in Vietnamese, '12.3%' in English (one decimal); '' when there is no ratio. */
export function formatPercent(ratio: number | null | undefined, locale: Locale = 'vi'): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '';
  return `${formatNumber(Math.round(ratio * 1000) / 10, locale)}%`;
}

/**
 * Hours to one decimal (a turnaround of 5,25 h → '5,3'); under 0,1 h but above zero → '< 0,1', so a tube
 * resulted within minutes does not read as '0'; '' when there is no value.
 */
export function formatHours(hours: number | null | undefined, locale: Locale = 'vi'): string {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '';
  if (hours > 0 && hours < 0.05) return `< ${formatNumber(0.1, locale)}`;
  return formatNumber(Math.round(hours * 10) / 10, locale);
}

/** 2000000 → '2.000.000 ₫'. */
export function formatVnd(n: number, locale: Locale = 'vi'): string {
  return `${formatNumber(Math.round(n), locale)} ₫`;
}

/** 'dd/MM/yyyy' → 'YYYY-MM-DD', or null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const d = new Date(iso + 'T00:00:00Z');
  return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) ? iso : null;
}
