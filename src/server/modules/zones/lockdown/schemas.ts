import { z } from 'zod';
import { isoDate, optionalText, unitCode, uuid } from '@domain/fields';
import { personView } from '../../people/schemas';

/** Request and response shapes of lockdown zones. */

export const zoneParams = z.object({ id: uuid });
export const zoneListQuery = z.object({ commune: unitCode.optional(), status: z.enum(['active', 'lifted']).optional() });

export const zoneInput = z
  .object({
    communeCode: unitCode,
    name: z.string().trim().min(3).max(200),
    /** listed households, one hamlet, or the whole commune */
    scopeKind: z.enum(['households', 'hamlet', 'commune']),
    householdIds: z.array(uuid).max(5_000).default([]),
    hamletCode: unitCode.nullish(),
    /** Why: the cases found, the spread seen. */
    reason: z.string().trim().min(3).max(2000),
    caseIds: z.array(uuid).max(500).default([]),
    startedOn: isoDate,
  })
  .refine((z) => z.scopeKind !== 'households' || z.householdIds.length > 0, { path: ['householdIds'], message: 'zones.zone_no_households' })
  .refine((z) => z.scopeKind !== 'hamlet' || !!z.hamletCode, { path: ['hamletCode'], message: 'validation.required' });
export type ZoneInput = z.infer<typeof zoneInput>;

export const supplyInput = z.object({
  /** The household served, or none for a delivery to the whole zone. */
  householdId: uuid.nullish(),
  deliveredOn: isoDate,
  items: z.string().trim().min(2).max(1000),
  deliveredBy: z.string().trim().min(2).max(200),
});
export type SupplyInput = z.infer<typeof supplyInput>;

export const liftInput = z.object({
  liftedOn: isoDate,
  decisionNumber: z.string().trim().min(2).max(60),
  signer: z.string().trim().min(2).max(120),
  note: optionalText(1000),
});
export type LiftInput = z.infer<typeof liftInput>;

export const zoneView = z.object({
  id: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  name: z.string(),
  scopeKind: z.enum(['households', 'hamlet', 'commune']),
  hamletCode: z.string().nullable(),
  reason: z.string(),
  caseIds: z.array(z.string()),
  startedOn: z.string(),
  status: z.enum(['active', 'lifted']),
  liftedOn: z.string().nullable(),
  liftDecisionNumber: z.string().nullable(),
  liftSigner: z.string().nullable(),
  households: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ZoneView = z.infer<typeof zoneView>;

export const roundView = z.object({
  n: z.number().int(),
  from: z.string(),
  to: z.string(),
  households: z.number().int(),
  sampledHouseholds: z.number().int(),
  positives: z.number().int(),
  pending: z.number().int(),
  status: z.enum(['upcoming', 'open', 'done', 'overdue']),
  negative: z.boolean(),
});
export const supplyView = z.object({
  id: z.string(),
  householdId: z.string().nullable(),
  householdAddress: z.string().nullable(),
  deliveredOn: z.string(),
  items: z.string(),
  deliveredBy: z.string(),
  createdAt: z.string(),
});
export type SupplyView = z.infer<typeof supplyView>;

export const zoneDetail = zoneView.extend({
  residents: z.number().int(),
  householdList: z.array(z.object({ id: z.string(), address: z.string().nullable(), hamletCode: z.string().nullable(), residents: z.number().int() })),
  /** The testing cadence from the testing rule set in force (every N days). */
  everyDays: z.number().int(),
  rounds: z.array(roundView),
  lift: z.object({
    eligible: z.boolean(),
    eligibleFrom: z.string(),
    lastCaseOn: z.string().nullable(),
    daysWithoutCase: z.number().int(),
    reasons: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
  }),
  supplies: z.array(supplyView),
});
export type ZoneDetail = z.infer<typeof zoneDetail>;

export const zoneResidents = z.object({ persons: z.array(personView), hidden: z.number().int(), total: z.number().int() });
export type ZoneResidents = z.infer<typeof zoneResidents>;
