import { z } from 'zod';
import { PERMISSIONS } from '@domain/access';
import { isoDate, unitCode } from '@domain/fields';

export const tokenIssue = z.object({
  /** What the token is for, e.g. "Phần mềm LIS — CDC Cần Thơ" */
  name: z.string().trim().min(3, { message: 'tokens.name' }).max(120, { message: 'tokens.name' }),
  permissions: z.array(z.enum(PERMISSIONS, { message: 'tokens.permission_unknown' })).min(1, { message: 'tokens.permissions_empty' }).max(PERMISSIONS.length),
  scopeUnits: z.array(unitCode).min(1, { message: 'validation.scope' }).max(200),
  /** the last day the token works (Vietnam time), at most a year ahead */
  expiresOn: isoDate,
});
export type TokenIssue = z.infer<typeof tokenIssue>;

export const tokenParams = z.object({ id: z.string().uuid() });

export interface TokenView {
  id: string;
  name: string;
  /** the first characters of the token, to tell tokens apart */
  prefix: string;
  permissions: string[];
  scopeUnits: { code: string; name: string }[];
  issuedBy: string;
  createdAt: string;
  expiresOn: string;
  status: 'active' | 'expired' | 'revoked';
  revokedAt: string | null;
  lastUsedAt: string | null;
}
