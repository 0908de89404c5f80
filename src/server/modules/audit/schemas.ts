import { z } from 'zod';
import { isoDate } from '@domain/fields';

export const auditQuery = z.object({
  actorId: z.string().uuid().optional(),
  /** Username of the actor, for users who cannot list users. */
  actor: z.string().trim().max(100).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(30).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** One row of the access log. */
export const auditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** null for a failed sign-in of an unknown username */
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  fields: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditPage = z.object({ total: z.number().int(), items: z.array(auditEntryView) });
export type AuditPage = z.infer<typeof auditPage>;

/** The hash chain checked from the first row to the last. */
export const chainReportView = z.object({
  rows: z.number().int(),
  ok: z.boolean(),
  /** seq of rows whose content no longer matches their hash */
  altered: z.array(z.number().int()),
  /** places where rows are missing: the seq after which the chain breaks */
  missingAfter: z.array(z.number().int()),
});
export type ChainReportView = z.infer<typeof chainReportView>;
