import { z } from 'zod';

/** Confidence of a rule value, as tagged in domain-vn.md: verified, partly verified, from memory. */
export const confidenceTag = z.enum(['V', 'P', 'M']);
export type ConfidenceTag = z.infer<typeof confidenceTag>;

/** JSON Pointer (RFC 6901) into the payload → tag. A value tagged M must be confirmed before go-live. */
export const confidenceMap = z.record(z.string().regex(/^(\/[^/]+)+$/), confidenceTag);

export function resolvePointer(payload: unknown, pointer: string): unknown {
  let node: unknown = payload;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in (node as object))) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
