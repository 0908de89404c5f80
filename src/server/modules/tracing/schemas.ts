import { z } from 'zod';
import { unitCode, uuid, isoDate } from '@domain/fields';
import { personCardView } from '../people/schemas';

const instant = z.string().datetime({ offset: true, message: 'validation.date' });
const count = z.number().int();

export const exposureSetting = z.enum(['household', 'workplace', 'community', 'healthcare', 'school', 'transport', 'other']);
export type ExposureSetting = z.infer<typeof exposureSetting>;

export const exposureInput = z
  .object({
    id: uuid.optional(),
    sourcePersonId: uuid,
    exposedPersonId: uuid,
    startAt: instant,
    endAt: instant,
    /** A contact type code of the exposure-classification rule set in force (e.g. unmasked, masked_15min). */
    contactType: z.string().trim().min(2).max(40),
    setting: exposureSetting,
    placeName: z.string().trim().max(200).nullish(),
  })
  .superRefine((e, ctx) => {
    if (Date.parse(e.endAt) < Date.parse(e.startAt)) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'cases.exposure_ends_before_start' });
    if (e.sourcePersonId === e.exposedPersonId) ctx.addIssue({ code: 'custom', path: ['exposedPersonId'], message: 'cases.self_exposure' });
  });
export type ExposureInput = z.infer<typeof exposureInput>;

export const followUpQuery = z.object({ commune: unitCode, date: isoDate.optional() });

/** One line of the contact line list: who the contact is, and how they were exposed to the case. */
export const contactLine = z
  .object({
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
  })
  .superRefine((e, ctx) => {
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

// ---- views (answers) ------------------------------------------------------------------------------------------

export const exposureClass = z.enum(['F0', 'F1', 'F2']);

/** What a change reclassified around the changed persons. */
export const reclassifyReport = z.object({
  /** Persons whose class was (re)computed: the changed persons and up to two hops downstream. */
  considered: count,
  /** Classification rows written or deleted. */
  rowsTouched: count,
});
export type ReclassifyReport = z.infer<typeof reclassifyReport>;

export const exposureAdded = z.object({ exposureId: z.string(), reclassified: reclassifyReport });

export const classificationView = z.object({
  personId: z.string(),
  class: exposureClass,
  /** 0 for F0, 1 for F1, 2 for F2. */
  generation: count,
  viaExposureId: z.string().nullable(),
  rootCasePersonId: z.string(),
  exposedAt: z.string().nullable(),
  ruleVersion: count,
  /** A situation code of the quarantine rule set (f1_home, f1_facility …). */
  quarantineSituation: z.string().nullable(),
  quarantineUntil: z.string().nullable(),
  testDays: z.array(z.string()),
});
export type ClassificationView = z.infer<typeof classificationView>;

/** A line of a commune's follow-up list: the class with the day's tests. */
export const followUpItem = classificationView.extend({
  testToday: z.boolean(),
  /** Test days up to the day that no negative result satisfied yet. */
  testsDue: z.array(z.string()),
  testsDone: z.array(z.string()),
  releaseToday: z.boolean(),
});
export type FollowUpItem = z.infer<typeof followUpItem>;

export const lineListResult = z.object({ matched: count, created: count, exposures: count, rowsTouched: count, contactIds: z.array(z.string()) });
export type LineListResult = z.infer<typeof lineListResult>;

/** A tracer of the contact's commune (or district) to hand an out-of-scope contact to. */
const tracer = z.object({ fullName: z.string(), agency: z.string().nullable(), unitCode: z.string() });

/** A contact of a case; the card's keys are absent if the exposed person's record is missing. */
export const contactView = personCardView.partial().extend({
  exposureId: z.string(),
  personId: z.string(),
  /** null when the contact is in the caller's scope. */
  handOffTo: z.array(tracer).nullable(),
  class: exposureClass.nullable(),
  quarantineUntil: z.string().nullable(),
  startAt: z.string(),
  endAt: z.string(),
  contactType: z.string(),
  setting: exposureSetting,
  placeName: z.string().nullable(),
});
export type ContactView = z.infer<typeof contactView>;

export const chainSummaryView = z.object({
  persons: count,
  cases: count,
  generations: count,
  firstCaseOn: z.string().nullable(),
  lastCaseOn: z.string().nullable(),
  casesLast7Days: count,
  casesPrevious7Days: count,
});
export type ChainSummaryView = z.infer<typeof chainSummaryView>;

export const chainGraphView = z.object({
  indexCaseId: z.string(),
  nodes: z.array(
    z.object({
      id: z.string(),
      fullName: z.string().nullable(),
      communeCode: z.string(),
      inScope: z.boolean(),
      class: exposureClass.nullable(),
      caseCode: z.string().nullable(),
      confirmedOn: z.string().nullable(),
      /** Hops from the index case. */
      depth: count,
    }),
  ),
  edges: z.array(z.object({ source: z.string(), target: z.string(), setting: exposureSetting })),
  summary: chainSummaryView,
  /** The walk stopped at its limit of persons. */
  truncated: z.boolean(),
});
export type ChainGraphView = z.infer<typeof chainGraphView>;

export const placeView = z.object({
  id: z.string(),
  name: z.string(),
  kind: placeKind,
  highContact: z.boolean(),
  communeCode: z.string(),
  districtCode: z.string(),
  address: z.string().nullable(),
});
export type PlaceView = z.infer<typeof placeView>;

export const clusterCreated = z.object({
  id: z.string(),
  name: z.string(),
  indexCaseId: z.string(),
  placeName: z.string().nullable(),
  highContact: z.boolean(),
});

export const clusterListView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      placeName: z.string().nullable(),
      highContact: z.boolean(),
      communeCode: z.string(),
      indexCaseCode: z.string(),
      indexConfirmedOn: z.string(),
      summary: chainSummaryView,
    }),
  ),
  total: count,
});
export type ClusterListView = z.infer<typeof clusterListView>;

export const clusterView = z.object({
  id: z.string(),
  name: z.string(),
  placeName: z.string().nullable(),
  highContact: z.boolean(),
  indexCaseId: z.string(),
  graph: chainGraphView,
});
export type ClusterView = z.infer<typeof clusterView>;
