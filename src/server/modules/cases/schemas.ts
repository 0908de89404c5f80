import { z } from 'zod';
import { isoDate, unitCode, uuid } from '@domain/fields';
import type { InvestigationField } from '@domain/investigation';

export const detectedIn = z.enum(['community', 'quarantine_facility', 'lockdown_zone', 'home_quarantine', 'screening_at_facility', 'arrival']);
export const clinicalStatus = z.enum(['asymptomatic', 'mild', 'moderate', 'severe', 'critical']);
export const treatmentPlace = z.enum(['home', 'facility', 'district_hospital', 'province_hospital', 'central_hospital']);
export const exposureSetting = z.enum(['household', 'workplace', 'community', 'healthcare', 'school', 'transport', 'other']);
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

export const exposureInput = z.object({
  id: uuid.optional(),
  sourcePersonId: uuid,
  exposedPersonId: uuid,
  startAt: instant,
  endAt: instant,
  /** A contact type code of the exposure-classification rule set in force (e.g. unmasked, masked_15min). */
  contactType: z.string().trim().min(2).max(40),
  setting: exposureSetting,
  placeName: z.string().trim().max(200).nullish(),
}).superRefine((e, ctx) => {
  if (Date.parse(e.endAt) < Date.parse(e.startAt)) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'cases.exposure_ends_before_start' });
  if (e.sourcePersonId === e.exposedPersonId) ctx.addIssue({ code: 'custom', path: ['exposedPersonId'], message: 'cases.self_exposure' });
});
export type ExposureInput = z.infer<typeof exposureInput>;

export const caseListQuery = z.object({
  unit: unitCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  detectedIn: detectedIn.optional(),
  status: z.enum(['active', 'withdrawn']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const followUpQuery = z.object({ commune: unitCode, date: isoDate.optional() });

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

export interface ClassificationView {
  personId: string;
  class: 'F0' | 'F1' | 'F2';
  generation: number;
  viaExposureId: string | null;
  rootCasePersonId: string;
  exposedAt: string | null;
  ruleVersion: number;
  quarantineSituation: string | null;
  quarantineUntil: string | null;
  testDays: string[];
}

/** One line of the contact line list: who the contact is, and how they were exposed to the case. */
export const contactLine = z.object({
  fullName: z.string(),
  birthYear: z.number().int().min(1880).max(2100),
  sex: z.enum(['male', 'female']),
  nationalId: z.string().nullish(),
  phone: z.string().nullish(),
  communeCode: unitCode,
  hamletCode: unitCode.nullish(),
  address: z.string().max(300).nullish(),
  contactType: z.string().trim().min(2).max(40),
  setting: exposureSetting,
  startAt: instant,
  endAt: instant,
  placeName: z.string().trim().max(200).nullish(),
}).superRefine((e, ctx) => {
  if (Date.parse(e.endAt) < Date.parse(e.startAt)) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'cases.exposure_ends_before_start' });
});
export type ContactLine = z.infer<typeof contactLine>;

export const contactLinesBody = z.object({ rows: z.array(z.unknown()).min(1).max(500) });

export const placeKind = z.enum(['market', 'school', 'hospital', 'factory', 'residential', 'office', 'religious', 'transport', 'shop', 'other']);

export const placeInput = z.object({
  name: z.string().trim().min(2).max(200),
  kind: placeKind,
  /** A high-contact setting (market, school, hospital …): an F0 there raises the commune's risk level under QĐ 2686. */
  highContact: z.boolean(),
  communeCode: unitCode,
  address: z.string().trim().max(300).nullish(),
});

export const placeQuery = z.object({ commune: unitCode.optional(), q: z.string().trim().max(100).optional() });

export const clusterInput = z.object({
  indexCaseId: uuid,
  name: z.string().trim().min(3).max(200),
  placeId: uuid.nullish(),
});

export const clusterListQuery = z.object({
  unit: unitCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

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
