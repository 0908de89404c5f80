/**
 * The one boundary check for text arriving in a request (path, query, JSON body): PostgreSQL text and
 * jsonb cannot hold a NUL, and an unpaired UTF-16 surrogate has no UTF-8 form (the driver stores U+FFFD,
 * so what is stored differs from what was checked, hashed or compared). Such input is refused before any
 * handler runs, naming the field.
 */

/** The path of the first string in `value` (at any depth) with a NUL or an unpaired surrogate, or null. */
export function badTextPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Uint8Array) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000') || !key.isWellFormed()) return [...path, key.toWellFormed().replaceAll('\u0000', '\ufffd')];
    const found = badTextPath(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A string as PostgreSQL will store it: unpaired surrogates and NUL become U+FFFD. */
export function storableText(value: string): string {
  if (value.isWellFormed() && !value.includes('\u0000')) return value;
  return value.toWellFormed().replaceAll('\u0000', '\ufffd');
}
