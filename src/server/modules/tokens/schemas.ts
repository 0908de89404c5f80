import { z } from 'zod';
import { PERMISSIONS } from '@domain/access';
import { isoDate, unitCode } from '@domain/fields';
import { unitRef } from '../geography/schemas';

export const tokenIssue = z.object({
  /** What the token is for, e.g. "Phần mềm LIS — CDC Cần Thơ" */
  name: z.string().trim().min(3, { message: 'tokens.name' }).max(120, { message: 'tokens.name' }),
  permissions: z
    .array(z.enum(PERMISSIONS, { message: 'tokens.permission_unknown' }))
    .min(1, { message: 'tokens.permissions_empty' })
    .max(PERMISSIONS.length),
  scopeUnits: z.array(unitCode).min(1, { message: 'validation.scope' }).max(200),
  /** the last day the token works (Vietnam time), at most a year ahead */
  expiresOn: isoDate,
});
export type TokenIssue = z.infer<typeof tokenIssue>;

export const tokenParams = z.object({ id: z.string().uuid() });

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  /** the first characters of the token, to tell tokens apart */
  prefix: z.string(),
  /** as granted at issue (each use narrows them to what the issuer may still do) */
  permissions: z.array(z.string()),
  scopeUnits: z.array(unitRef),
  /** the issuer's username */
  issuedBy: z.string(),
  createdAt: z.string(),
  /** the last day the token works (Vietnam time) */
  expiresOn: z.string(),
  status: z.enum(['active', 'expired', 'revoked']),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

/** A token just issued: the secret itself, shown this once, with its view. */
export const tokenIssued = tokenView.extend({ token: z.string() });
export type TokenIssued = z.infer<typeof tokenIssued>;
