import { z } from 'zod';
import { isoDate, unitCode, uuid } from '@domain/fields';
import type { InvestigationField } from '@domain/investigation';

// Tracing's schemas, re-exported until src/web imports them from tracing/schemas (the web split is under way).
export { clusterInput, contactLine, exposureSetting, type ContactLine } from '../tracing/schemas';

export const detectedIn = z.enum(['community', 'quarantine_facility', 'lockdown_zone', 'home_quarantine', 'screening_at_facility', 'arrival']);
export const clinicalStatus = z.enum(['asymptomatic', 'mild', 'moderate', 'severe', 'critical']);
export const treatmentPlace = z.enum(['home', 'facility', 'district_hospital', 'province_hospital', 'central_hospital']);
const instant = z.string().datetime({ offset: true, message: 'validation.date' });

export const caseInput = z.object({
  personId: uuid,
  confirmedOn: isoDate,
  /** The confirming test: sample barcode or lab reference. */
  confirmingTest: z.string().trim().min(2).max(100),
  detectedIn,
  /** Symptom onset; leave empty when asymptomatic. */
  onsetOn: isoDate.nullish(),
  /** Date of the positive sample: the infectious window starts 2 days (rule set) before onset, or before this when asymptomatic. */
  sampledOn: isoDate,
  isolatedAt: instant.nullish(),
  clinicalStatus: clinicalStatus.default('asymptomatic'),
  treatmentPlace: treatmentPlace.default('home'),
}).superRefine((c, ctx) => {
  if (c.sampledOn > c.confirmedOn) ctx.addIssue({ code: 'custom', path: ['sampledOn'], message: 'cases.sampled_after_confirmed' });
  if (c.onsetOn && c.onsetOn > c.confirmedOn) ctx.addIssue({ code: 'custom', path: ['onsetOn'], message: 'cases.onset_after_confirmed' });
});
export type CaseInput = z.infer<typeof caseInput>;

/** The course of a case: clinical status, where it is treated, when isolated, and its outcome. */
export const casePatch = z.object({
  version: z.number().int().min(1),
  clinicalStatus: clinicalStatus.optional(),
  treatmentPlace: treatmentPlace.optional(),
  isolatedAt: instant.nullish(),
  outcome: z.enum(['recovered', 'died', 'transferred']).nullish(),
  outcomeOn: isoDate.nullish(),
}).refine((p) => !p.outcome || p.outcomeOn, { path: ['outcomeOn'], message: 'validation.date' });

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

export interface CaseView {
  id: string;
  caseCode: string;
  personId: string;
  provinceCode: string;
  districtCode: string;
  communeCode: string;
  confirmedOn: string;
  confirmingTest: string;
  detectedIn: z.infer<typeof detectedIn>;
  onsetOn: string | null;
  sampledOn: string;
  isolatedAt: string | null;
  clinicalStatus: z.infer<typeof clinicalStatus>;
  treatmentPlace: z.infer<typeof treatmentPlace>;
  outcome: string | null;
  outcomeOn: string | null;
  status: 'active' | 'withdrawn';
  withdrawnReason: string | null;
  version: number;
}

/** A case's investigation with the form version it is filled on. */
export interface InvestigationView {
  caseId: string;
  formVersion: number;
  form: { sections: { code: string; labelVi: string; labelEn: string }[]; fields: InvestigationField[]; targetHours: number };
  data: Record<string, unknown>;
  completeness: number;
  missing: string[];
  status: 'draft' | 'completed';
  startedAt: string;
  completedAt: string | null;
  timelinessHours: number | null;
  version: number;
}
