import { z } from 'zod';
import { fullName, isoDate, mobilePhone, optionalText, unitCode, uuid } from '@domain/fields';
import { normalizeBarcode, RESULTS, TEST_TYPES } from '@domain/testing';
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
  members: z
    .array(z.object({ fullName, phone: mobilePhone.nullish().transform((v) => v ?? null) }))
    .max(30)
    .default([]),
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
  rows: z
    .array(z.object({ barcode: z.string(), result: z.string(), ctValue: z.union([z.number(), z.string()]).nullish(), resultedAt: z.string() }))
    .min(1)
    .max(100_000),
});

export const importQuery = z.object({ labId: uuid, fileName: z.string().trim().min(1).max(200).default('ket-qua.csv') });
export const conflictDecision = z.object({ decision: z.enum(['accept', 'reject']) });
export const summaryQuery = z.object({ day: isoDate.optional(), districtCode: unitCode.optional() });
export const overdueQuery = z.object({
  labId: uuid.optional(),
  communeCode: unitCode.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const tasksQuery = z.object({ communeCode: unitCode.optional(), status: z.enum(['open', 'done']).default('open') });
export const lookupInput = z.object({ barcode, idOrPhone: z.string().trim().min(9).max(15) });
export const poolPlanQuery = z.object({ householdId: uuid });

/** Where an import is: reading and checking the file, COPY to staging, SQL checks, the merge, done. */
export const importStage = z.enum(['reading', 'staging', 'checking', 'merging', 'finished']);
export type ImportStage = z.infer<typeof importStage>;

/** An import running in this process, as the progress route tells it. */
export interface ImportProgress {
  provinceCode: string;
  labId: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'json';
  stage: ImportStage;
  rowsStaged: number;
  total: number | null;
  startedAt: Date;
}
