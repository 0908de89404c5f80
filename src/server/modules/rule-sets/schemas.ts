import { z } from 'zod';
import { isoDate } from '@domain/fields';
import { confidenceMap, confidenceTag } from '@domain/rule-sets/confidence';
import { ruleSetKind } from '@domain/rule-sets/kinds';

export const ruleSetInput = z
  .object({
    kind: ruleSetKind,
    /** Document number and date, e.g. "QĐ 4800/QĐ-BYT ngày 12/10/2021". */
    legalBasis: z.string().trim().min(3).max(500),
    effectiveFrom: isoDate,
    /** Exclusive; null = until replaced. */
    effectiveTo: isoDate.nullish(),
    payload: z.unknown(),
    confidence: confidenceMap.default({}),
    notes: z.string().trim().max(2000).nullish(),
  })
  .refine((r) => !r.effectiveTo || r.effectiveTo > r.effectiveFrom, { path: ['effectiveTo'], message: 'validation.date' });
export type RuleSetInput = z.infer<typeof ruleSetInput>;

export const ruleSetParams = z.object({ id: z.string().uuid() });
export const kindParams = z.object({ kind: ruleSetKind });
export const inForceQuery = z.object({ date: isoDate.optional() });
export const listQuery = z.object({ kind: ruleSetKind.optional() });

export const ruleSetView = z.object({
  id: z.string(),
  kind: ruleSetKind,
  version: z.number().int(),
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  /** Exclusive; null = until replaced. */
  effectiveTo: z.string().nullable(),
  status: z.enum(['draft', 'active', 'retired']),
  /** The rules themselves, in the shape of the kind's schema (@domain/rule-sets/kinds). */
  payload: z.record(z.string(), z.unknown()),
  confidence: z.record(z.string(), confidenceTag),
  notes: z.string().nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});
export type RuleSetView = z.infer<typeof ruleSetView>;
