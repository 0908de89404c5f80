import { z } from 'zod';
import { isoDate, optionalText, unitCode, uuid } from '@domain/fields';

/** Request and response shapes of the quarantine module. */

export const idParams = z.object({ id: uuid });
const name = z.string().trim().min(2).max(200);

export const roomInput = z.object({
  area: z.string().trim().min(1).max(60),
  code: z.string().trim().min(1).max(30),
  beds: z.number().int().min(1).max(200),
});
export type RoomInput = z.infer<typeof roomInput>;

export const facilityInput = z.object({
  name,
  kind: z.enum(['quarantine', 'treatment']),
  tier: z.string().trim().min(2).max(40),
  managingAgency: name,
  communeCode: unitCode,
  address: z.string().trim().min(2).max(300),
  icuBeds: z.number().int().min(0).max(2000).default(0),
  oxygenPoints: z.number().int().min(0).max(5000).default(0),
  rooms: z.array(roomInput).max(2000).default([]),
});
export type FacilityInput = z.infer<typeof facilityInput>;

export const facilityPatch = z.object({
  status: z.enum(['open', 'full', 'closed']).optional(),
  icuBeds: z.number().int().min(0).max(2000).optional(),
  oxygenPoints: z.number().int().min(0).max(5000).optional(),
  icuUsed: z.number().int().min(0).max(2000).optional(),
  oxygenUsed: z.number().int().min(0).max(5000).optional(),
  managingAgency: name.optional(),
});
export type FacilityPatch = z.infer<typeof facilityPatch>;

export const staffInput = z.object({ userIds: z.array(uuid).max(500) });

export const cohortView = z.object({ cls: z.string(), from: z.string(), to: z.string(), exposedOn: z.string().nullable() }).nullable();

export const roomView = z.object({
  id: z.string(),
  area: z.string(),
  code: z.string(),
  beds: z.number().int(),
  occupied: z.number().int(),
  cohort: cohortView,
});
export type RoomView = z.infer<typeof roomView>;

export const facilityView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['quarantine', 'treatment']),
  tier: z.string(),
  tierName: z.string(),
  managingAgency: z.string(),
  communeCode: z.string(),
  districtCode: z.string(),
  place: z.string(),
  address: z.string(),
  status: z.enum(['open', 'full', 'closed']),
  beds: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
  icuBeds: z.number().int(),
  icuUsed: z.number().int(),
  oxygenPoints: z.number().int(),
  oxygenUsed: z.number().int(),
  version: z.number().int(),
});
export type FacilityView = z.infer<typeof facilityView>;

const dayFigures = z.object({ day: z.string(), arrivals: z.number().int(), releases: z.number().int(), releasesDue: z.number().int() });

export const boardRow = facilityView.extend({ today: dayFigures, forecast: z.array(dayFigures) });
export const boardTotals = z.object({
  key: z.string(),
  name: z.string(),
  facilities: z.number().int(),
  beds: z.number().int(),
  occupied: z.number().int(),
  free: z.number().int(),
  icuBeds: z.number().int(),
  icuUsed: z.number().int(),
  oxygenPoints: z.number().int(),
  oxygenUsed: z.number().int(),
  arrivalsToday: z.number().int(),
  releasesToday: z.number().int(),
  releasesDue7: z.number().int(),
});
export const boardView = z.object({
  day: z.string(),
  facilities: z.array(boardRow),
  tiers: z.array(boardTotals),
  city: boardTotals,
  treatmentCapacityMet: z.boolean(),
});
export type BoardView = z.infer<typeof boardView>;
export const boardQuery = z.object({ day: isoDate.optional() });

export const stayView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  birthYear: z.number().int().nullable(),
  communeCode: z.string(),
  setting: z.enum(['facility', 'home']),
  facilityId: z.string().nullable(),
  facilityName: z.string().nullable(),
  roomId: z.string().nullable(),
  roomCode: z.string().nullable(),
  bed: z.string().nullable(),
  reason: z.enum(['f1', 'arrival', 'f0_treatment', 'f0_home']),
  exposureClass: z.string(),
  vaccination: z.enum(['full', 'partial', 'none']),
  situation: z.string(),
  ruleVersion: z.number().int(),
  startedOn: z.string(),
  admittedOn: z.string(),
  lastDay: z.string(),
  monitoringUntil: z.string(),
  testDays: z.array(z.string()),
  testsDone: z.array(z.string()),
  status: z.enum(['open', 'released', 'transferred', 'absent']),
  positiveOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  overrideReason: z.string().nullable(),
  certificateNo: z.string().nullable(),
  version: z.number().int(),
});
export type StayView = z.infer<typeof stayView>;

export const taskView = z.object({
  id: z.string(),
  stayId: z.string(),
  personId: z.string(),
  personName: z.string(),
  facilityId: z.string().nullable(),
  roomCode: z.string().nullable(),
  kind: z.enum(['test', 'retest', 'transfer', 'urgent_transfer']),
  dueOn: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  note: z.string(),
});
export type TaskView = z.infer<typeof taskView>;

export const facilityDetail = z.object({
  facility: facilityView,
  rooms: z.array(roomView),
  stays: z.array(stayView),
  tasks: z.array(taskView),
  admittedToday: z.number().int(),
  releasedToday: z.number().int(),
  day: z.string(),
});
export type FacilityDetail = z.infer<typeof facilityDetail>;

export const admitInput = z.object({
  personId: uuid,
  reason: z.enum(['f1', 'arrival', 'f0_treatment', 'f0_home']),
  vaccination: z.enum(['full', 'partial', 'none']),
  admittedOn: isoDate,
  /** F1: the day of the last exposure, when quarantine counts from it (CĐ 600); defaults to the admission day. */
  exposedOn: isoDate.nullish(),
  setting: z.enum(['facility', 'home']),
  roomId: uuid.nullish(),
  bed: z.string().trim().min(1).max(10).nullish(),
  /** Home quarantine: the home has a room and a toilet of its own. */
  homeQualifies: z.boolean().default(false),
  overrideReason: optionalText(500),
});
export type AdmitInput = z.infer<typeof admitInput>;

export const transferInput = z.object({
  day: isoDate,
  roomId: uuid,
  bed: z.string().trim().min(1).max(10).nullish(),
  note: optionalText(500),
  overrideReason: optionalText(500),
});
export type TransferInput = z.infer<typeof transferInput>;

export const releaseInput = z.object({
  day: isoDate,
  signer: z.string().trim().min(2).max(120),
  signerTitle: z.string().trim().min(2).max(120).default('Trưởng khu cách ly'),
});
export type ReleaseInput = z.infer<typeof releaseInput>;

export const absenceInput = z.object({ day: isoDate, note: z.string().trim().min(2).max(500), returned: z.boolean().default(false) });
export type AbsenceInput = z.infer<typeof absenceInput>;

export const checkInput = z.object({
  day: isoDate,
  temperature: z.number().min(0).max(99),
  spo2: z.number().int().min(0).max(999),
  symptoms: z.array(z.string().max(40)).max(30).default([]),
  warningSigns: z.array(z.string().max(40)).max(30).default([]),
  reportedBy: z.enum(['team', 'family']),
});
export type CheckInput = z.infer<typeof checkInput>;

export const checkView = z.object({
  id: z.string(),
  day: z.string(),
  temperature: z.number(),
  spo2: z.number().int(),
  symptoms: z.array(z.string()),
  warningSigns: z.array(z.string()),
  reportedBy: z.enum(['team', 'family']),
  urgentTaskId: z.string().nullable(),
});
export type CheckView = z.infer<typeof checkView>;

export const homeQuery = z.object({ commune: unitCode.optional(), day: isoDate.optional() });
export const homeRow = stayView.extend({
  lastCheck: checkView.nullable(),
  checkedToday: z.boolean(),
  missedDays: z.number().int(),
  urgent: z.boolean(),
});
export const homeList = z.object({ day: z.string(), stays: z.array(homeRow), monitoring: z.array(stayView) });
export type HomeList = z.infer<typeof homeList>;

export const stayDetail = z.object({
  stay: stayView,
  checks: z.array(checkView),
  tasks: z.array(taskView),
  events: z.array(z.object({ kind: z.string(), day: z.string(), detail: z.record(z.string(), z.unknown()) })),
});
export type StayDetail = z.infer<typeof stayDetail>;

export const tasksQuery = z.object({ facility: uuid.optional(), commune: unitCode.optional(), overdue: z.coerce.boolean().optional() });

export const deliveryInput = z.object({ day: isoDate, item: z.string().trim().min(1).max(60), quantity: z.number().int().min(1).max(1_000_000) });
export type DeliveryInput = z.infer<typeof deliveryInput>;
export const suppliesView = z.object({
  day: z.string(),
  present: z.number().int(),
  testsDue: z.number().int(),
  items: z.array(z.object({ code: z.string(), nameVi: z.string(), needed: z.number().int(), delivered: z.number().int() })),
});
export type SuppliesView = z.infer<typeof suppliesView>;
export const dayQuery = z.object({ day: isoDate.optional() });

export const certificateCheck = z.object({
  valid: z.boolean(),
  certificateNo: z.string(),
  personName: z.string(),
  facilityName: z.string(),
  startedOn: z.string(),
  releasedOn: z.string(),
  signer: z.string(),
});
export type CertificateCheck = z.infer<typeof certificateCheck>;
export const tokenParams = z.object({ token: z.string().regex(/^[0-9a-f]{32}$/, { message: 'validation.invalid' }) });

export const rulesView = z.object({
  tiers: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), kind: z.enum(['quarantine', 'treatment']) })),
  warningSigns: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  symptoms: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  vitals: z.object({ temperatureMin: z.number(), temperatureMax: z.number(), spo2Min: z.number() }),
});
