/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * The server stores this form beside every searchable name; the web uses it to highlight.
 * @example foldVietnamese('  Nguyễn Văn ĐỨC ') // 'nguyen van duc'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Collapses runs of whitespace and puts the text into NFC, the form stored for display. */
export function tidyName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

let collator: Intl.Collator | null = null;

/** Vietnamese collation for sorting names in the UI and in exports (the collator is built on first use). */
export function compareVietnamese(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}
