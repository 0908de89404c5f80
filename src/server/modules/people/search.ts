import { foldVietnamese } from '@domain/vn-text';
import type { SearchFilter } from './repo';

/** Words-in-any-order fallback: at most this many candidates are ranked by similarity. */
export const RANK_LIMIT = 2_000;
/** Totals are exact up to this many matches; beyond it the answer says "more than" (counting further costs more than it tells). */
export const COUNT_CAP = 2_000;

/**
 * Turns what an officer typed into a search filter: a 9/10/12-digit number is a national ID or phone;
 * anything else is a name, folded ('Nguyễn Văn Đ' → words nguyen, van and a prefix d).
 */
export function searchFilterOf(q: string | undefined): Omit<SearchFilter, 'unit'> {
  const text = (q ?? '').trim();
  const digits = text.replace(/[\s.+-]/g, '');
  if (/^\d{9,12}$/.test(digits)) {
    const number = digits.length === 11 && digits.startsWith('84') ? '0' + digits.slice(2) : digits;
    return { tsquery: null, number, folded: number };
  }
  const folded = foldVietnamese(text);
  const words = folded
    .split(' ')
    .filter((w) => /^[a-z0-9]+$/.test(w))
    .slice(0, 8);
  if (words.length === 0) return { tsquery: null, number: null, folded: '' };
  const last = words.length - 1;
  return { tsquery: words.map((w, i) => (i === last ? `${w}:*` : w)).join(' & '), number: null, folded: words.join(' ') };
}
