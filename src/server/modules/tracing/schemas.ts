import { z } from 'zod';
import { unitCode, uuid, isoDate } from '@domain/fields';

const instant = z.string().datetime({ offset: true, message: 'validation.date' });

export const exposureSetting = z.enum(['household', 'workplace', 'community', 'healthcare', 'school', 'transport', 'other']);

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

export const followUpQuery = z.object({ commune: unitCode, date: isoDate.optional() });

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

