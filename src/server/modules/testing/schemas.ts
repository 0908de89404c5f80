import { z } from 'zod';
import { fullName, isoDate, mobilePhone, optionalText, unitCode, uuid } from '@domain/fields';
import { normalizeBarcode, RESULTS, TEST_TYPES, type TatBucket, type TestResult, type TestType } from '@domain/testing';
import { personInput } from '../people/schemas';

const instant = z.string().datetime({ offset: true, message: 'validation.date' });
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.invalid' });

export const testType = z.enum(TEST_TYPES);
export const testResult = z.enum(RESULTS);
export const barcode = z.string().transform((v, ctx) => {
  const b = normalizeBarcode(v);
  if (!b) {
    ctx.addIssue({ code: 'custom', message: 'testing.barcode_invalid' });
    return z.NEVER;
  }
  return b;
});
const ctValue = z.number().gt(0, { message: 'testing.ct_invalid' }).lt(50, { message: 'testing.ct_invalid' });

export const labInput = z.object({
  name: z.string().trim().min(3).max(200),
  address: optionalText(300),
  /** Tests a day per test type. */
  dailyCapacity: z.partialRecord(testType, z.number().int().min(0).max(1_000_000)).default({}),
  opensAt: clock.default('07:00'),
  closesAt: clock.default('22:00'),
  active: z.boolean().default(true),
});
export type LabInput = z.infer<typeof labInput>;

export const teamInput = z.object({
  communeCode: unitCode,
  name: z.string().trim().min(2).max(100),
  members: z.array(z.object({ fullName, phone: mobilePhone.nullish().transform((v) => v ?? null) })).max(30).default([]),
  active: z.boolean().default(true),
});
export type TeamInput = z.infer<typeof teamInput>;

export const sessionInput = z.object({
  teamId: uuid,
  sessionDate: isoDate,
  mode: z.enum(['fixed', 'door_to_door']),
  placeName: optionalText(200),
});
export type SessionInput = z.infer<typeof sessionInput>;
export const sessionListQuery = z.object({ communeCode: unitCode.optional(), day: isoDate.optional() });

/** A sampled person: one already registered, or one added to the household on the spot. */
export const sampledPerson = z.union([z.object({ personId: uuid }), z.object({ newPerson: personInput })]);

export const collectInput = z.object({
  testType,
  /** single: one person, one tube; household_pool: the household's swabs in one tube (or several, split by the max pool size). */
  kind: z.enum(['single', 'household_pool']),
  householdId: uuid.nullish(),
  members: z.array(sampledPerson).min(1, { message: 'testing.members_required' }).max(60),
  /** One barcode per tube, in the order of the split (see GET …/pool-plan). */
  barcodes: z.array(barcode).min(1).max(10),
  collectedAt: instant.optional(),
  symptomatic: z.boolean().default(false),
  /** Rapid antigen only: the result read on the spot. */
  result: testResult.nullish(),
  /** The re-collection or confirmation task this sample answers. */
  taskId: uuid.nullish(),
});
export type CollectInput = z.infer<typeof collectInput>;

export const shipmentInput = z.object({
  teamId: uuid,
  labId: uuid,
  barcodes: z.array(barcode).min(1).max(5000),
  sentAt: instant.optional(),
});
export type ShipmentInput = z.infer<typeof shipmentInput>;

export const receiveInput = z.object({ barcodes: z.array(barcode).min(1).max(5000), receivedAt: instant.optional() });

export const resultInput = z.object({
  result: testResult,
  ctValue: ctValue.nullish(),
  resultedAt: instant.optional(),
});
export type ResultInput = z.infer<typeof resultInput>;

export const labPoolInput = z.object({ labId: uuid, barcode, memberBarcodes: z.array(barcode).min(2).max(50) });

/** JSON API for lab systems: the same rows as the file template. */
export const resultRowsInput = z.object({
  labId: uuid,
  reference: z.string().trim().min(1).max(200),
  rows: z.array(z.object({ barcode: z.string(), result: z.string(), ctValue: z.union([z.number(), z.string()]).nullish(), resultedAt: z.string() })).min(1).max(100_000),
});

export const importQuery = z.object({ labId: uuid, fileName: z.string().trim().min(1).max(200).default('ket-qua.csv') });
export const conflictDecision = z.object({ decision: z.enum(['accept', 'reject']) });
export const summaryQuery = z.object({ day: isoDate.optional(), districtCode: unitCode.optional() });
export const overdueQuery = z.object({ labId: uuid.optional(), communeCode: unitCode.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) });
export const tasksQuery = z.object({ communeCode: unitCode.optional(), status: z.enum(['open', 'done']).default('open') });
export const lookupInput = z.object({ barcode, idOrPhone: z.string().trim().min(9).max(15) });
export const poolPlanQuery = z.object({ householdId: uuid });

/** A row an import refused, with the reason in Vietnamese; column is the template column at fault (null: the whole row). */
export interface ImportRowError { line: number; barcode: string; column: string | null; code: string; params: Record<string, string>; message: string }

/** Where an import is: reading and checking the file, COPY to staging, SQL checks, the merge, done. */
export type ImportStage = 'reading' | 'staging' | 'checking' | 'merging' | 'finished';

/** An import running in this process, as the progress route tells it. */
export interface ImportProgress {
  provinceCode: string; labId: string; fileName: string; format: 'csv' | 'xlsx' | 'json';
  stage: ImportStage; rowsStaged: number; total: number | null; startedAt: Date;
}

/** The answer of an import (200), or the `import` member of its 422 problem when rows were rejected. */
export interface ImportReport {
  id: string;
  status: 'done' | 'rejected';
  fileName: string;
  /** The same file (same bytes) was imported before: nothing changed. */
  repeated: boolean;
  total: number;
  applied: number;
  unchanged: number;
  conflicts: number;
  rejected: number;
  errors: ImportRowError[];
  casesOpened: { personId: string; caseCode: string; barcode: string }[];
  tasksCreated: number;
}

/** Counts of a day (or a lab, team, unit of the day) with the ratios derived from them (GET /api/testing/summary). */
export interface TestingFigures {
  samples: number; persons: number; pools: number; received: number; resulted: number; positive: number; negative: number; invalid: number;
  /** Results reported the day the sample was collected. */
  sameDay: number;
  /** 0–1; null when nothing is resulted. */
  positivity: number | null;
  sameDayShare: number | null;
  /** Mean turnaround from collection to reported result, hours. */
  meanTatHours: number | null;
  tat: Record<TatBucket, number>;
}

/** Tubes at a lab without a final result, now (not only the day's). */
export interface LabBacklog { inTransit: number; awaitingResult: number; oldestCollectedAt: string | null }

/** The command center's testing summary of a day. */
export interface TestingSummary {
  day: string;
  ruleVersion: number;
  /** The rule set in force requires results the same day as the collection. */
  sameDayRequired: boolean;
  totals: TestingFigures;
  byTestType: (TestingFigures & { testType: TestType })[];
  byLab: (TestingFigures & { labId: string; name: string; capacity: Partial<Record<TestType, number>>; backlog: LabBacklog })[];
  backlog: (LabBacklog & { labId: string; name: string })[];
  byTeam: (TestingFigures & { teamId: string; name: string; communeCode: string | null })[];
  byCommune: (TestingFigures & { communeCode: string })[];
  byDistrict: (TestingFigures & { districtCode: string })[];
  trend: (TestingFigures & { day: string })[];
}

/** Where a tube without a result is: taken, on its way to the lab, at the lab, or to be run again. */
export type PendingStage = Exclude<SampleStatus, 'resulted'>;

/** A tube past the overdue threshold (GET /api/testing/overdue). */
export interface OverdueSample {
  id: string; barcode: string; testType: TestType; kind: 'single' | 'household_pool' | 'lab_pool';
  communeCode: string; districtCode: string; membersCount: number; collectedAt: string; hoursSinceCollection: number;
  stage: PendingStage; labId: string | null; labName: string | null; teamName: string | null;
}

export interface OverdueBoard {
  /** From the rule set in force: a tube without a result this long after collection is overdue. */
  thresholdHours: number;
  ruleVersion: number;
  samples: OverdueSample[];
}

/** Where a tube is in its life. */
export type SampleStatus = 'collected' | 'in_transit' | 'received' | 'resulted' | 'retest';

/** One tube, as every testing answer shows it (present.ts `sampleBrief`). */
export interface SampleBrief {
  id: string; barcode: string; testType: TestType; kind: 'single' | 'household_pool' | 'lab_pool'; communeCode: string;
  householdId: string | null; sessionId: string | null; teamId: string | null; membersCount: number;
  collectedAt: string; collectedOn: string; symptomatic: boolean; shipmentId: string | null; labId: string | null; receivedAt: string | null;
  result: TestResult | null; ctValue: number | null; resultedAt: string | null; reportedAt: string | null;
  resultSource: 'on_site' | 'manual' | 'import' | 'api' | 'pool' | null; pooledInto: string | null; taskId: string | null; version: number;
  status: SampleStatus;
}

/** A lab as the API shows it. */
export interface LabView {
  id: string; provinceCode: string; name: string; address: string | null;
  /** Tests a day per test type. */
  dailyCapacity: Partial<Record<TestType, number>>;
  opensAt: string; closesAt: string; active: boolean;
}

/** A sampling team as the API shows it. */
export interface TeamView {
  id: string; districtCode: string; communeCode: string; name: string; members: { fullName: string; phone: string | null }[]; active: boolean;
}

/** A shipment of tubes from a team to a lab. */
export interface ShipmentView {
  id: string; code: string; communeCode: string; teamId: string; teamName: string; labId: string; labName: string;
  sentAt: string; receivedAt: string | null; tubes: number;
}

export type TaskKind = 'recollect' | 'retest_stored' | 'confirm_rtpcr';

/** A testing task (re-collection, retest of a stored tube, confirmatory RT-PCR) as stored. */
export interface TaskBrief {
  id: string; personId: string; communeCode: string; kind: TaskKind; sourceSampleId: string; storedSampleId: string | null;
  status: 'open' | 'done'; dueOn: string; doneSampleId: string | null; createdAt: string; doneAt: string | null;
}

/** A different result for a tube that has one, held for review. */
export interface ResultConflict {
  id: string; sampleId: string; barcode: string; communeCode: string; currentResult: TestResult; currentCt: number | null;
  proposedResult: TestResult; proposedCt: number | null; proposedResultedAt: string; importId: string | null;
  status: 'open' | 'accepted' | 'rejected'; createdAt: string;
}
