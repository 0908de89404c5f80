import { z } from 'zod';
import { isoDate, unitCode, uuid } from '@domain/fields';
import { investigationForm } from '@domain/rule-sets/kinds';
import { reclassifyReport } from '../tracing/schemas';

// Tracing's schemas, re-exported until src/web imports them from tracing/schemas (the web split is under way).
export { clusterInput, contactLine, exposureSetting, type ContactLine } from '../tracing/schemas';

export const detectedIn = z.enum(['community', 'quarantine_facility', 'lockdown_zone', 'home_quarantine', 'screening_at_facility', 'arrival']);
export const clinicalStatus = z.enum(['asymptomatic', 'mild', 'moderate', 'severe', 'critical']);
export const treatmentPlace = z.enum(['home', 'facility', 'district_hospital', 'province_hospital', 'central_hospital']);
export const caseOutcome = z.enum(['recovered', 'died', 'transferred']);
const instant = z.string().datetime({ offset: true, message: 'validation.date' });
const count = z.number().int();

export const caseInput = z
  .object({
    personId: uuid,
    confirmedOn: isoDate,
    /** The confirming test: sample barcode or lab reference. */
    confirmingTest: z.string().trim().min(2).max(100),
    /** Where the case was found; left out, it is derived: inside an active lockdown zone, in quarantine (F1/F2), else the community. */
    detectedIn: detectedIn.optional(),
    /** Symptom onset; leave empty when asymptomatic. */
    onsetOn: isoDate.nullish(),
    /** Date of the positive sample: the infectious window starts 2 days (rule set) before onset, or before this when asymptomatic. */
    sampledOn: isoDate,
    isolatedAt: instant.nullish(),
    clinicalStatus: clinicalStatus.default('asymptomatic'),
    treatmentPlace: treatmentPlace.default('home'),
  })
  .superRefine((c, ctx) => {
    if (c.sampledOn > c.confirmedOn) ctx.addIssue({ code: 'custom', path: ['sampledOn'], message: 'cases.sampled_after_confirmed' });
    if (c.onsetOn && c.onsetOn > c.confirmedOn) ctx.addIssue({ code: 'custom', path: ['onsetOn'], message: 'cases.onset_after_confirmed' });
  });
export type CaseInput = z.infer<typeof caseInput>;

/** The course of a case: clinical status, where it is treated, when isolated, and its outcome. */
export const casePatch = z
  .object({
    version: z.number().int().min(1),
    clinicalStatus: clinicalStatus.optional(),
    treatmentPlace: treatmentPlace.optional(),
    isolatedAt: instant.nullish(),
    outcome: caseOutcome.nullish(),
    outcomeOn: isoDate.nullish(),
  })
  .refine((p) => !p.outcome || p.outcomeOn, { path: ['outcomeOn'], message: 'validation.date' });

export const withdrawBody = z.object({ reason: z.string().trim().min(5).max(500), version: z.number().int().min(1) });

export const caseListQuery = z.object({
  unit: unitCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  detectedIn: detectedIn.optional(),
  status: z.enum(['active', 'withdrawn']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// ---- views (answers) ------------------------------------------------------------------------------------------

export const caseView = z.object({
  id: z.string(),
  /** <province>-<year>-<serial>, e.g. 92-2021-000001. */
  caseCode: z.string(),
  personId: z.string(),
  provinceCode: z.string(),
  districtCode: z.string(),
  communeCode: z.string(),
  confirmedOn: z.string(),
  confirmingTest: z.string(),
  detectedIn,
  onsetOn: z.string().nullable(),
  sampledOn: z.string(),
  isolatedAt: z.string().nullable(),
  clinicalStatus,
  treatmentPlace,
  outcome: caseOutcome.nullable(),
  outcomeOn: z.string().nullable(),
  status: z.enum(['active', 'withdrawn']),
  withdrawnReason: z.string().nullable(),
  version: count,
});
export type CaseView = z.infer<typeof caseView>;

export const caseListView = z.object({ items: z.array(caseView), total: count });
export type CaseListView = z.infer<typeof caseListView>;

/** A case opened or withdrawn, with the F0/F1/F2 reclassification it caused. */
export const caseChanged = z.object({ case: caseView, reclassified: reclassifyReport });
export type CaseChanged = z.infer<typeof caseChanged>;

/** A case's investigation with the form version it is filled on. */
export const investigationView = z.object({
  caseId: z.string(),
  formVersion: count,
  form: investigationForm,
  data: z.record(z.string(), z.unknown()),
  /** Share of the required fields filled, 0–1. */
  completeness: z.number(),
  /** Keys of the required fields still empty. */
  missing: z.array(z.string()),
  status: z.enum(['draft', 'completed']),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  /** Hours from the case being recorded to the completed investigation. */
  timelinessHours: z.number().nullable(),
  /** 0 before the first save. */
  version: count,
});
export type InvestigationView = z.infer<typeof investigationView>;

/** Investigation figures of one district's active cases. */
export const investigationQualityView = z.object({
  districtCode: z.string(),
  cases: count,
  completed: count,
  meanCompleteness: z.number(),
  /** Median timeliness in hours; null when none was completed. */
  medianHours: z.number().nullable(),
});
export type InvestigationQualityView = z.infer<typeof investigationQualityView>;
