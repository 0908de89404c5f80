import { z } from 'zod';
import { personCardView } from '../people/schemas';
import { TAT_BUCKETS } from '@domain/testing';
import { importStage, testResult, testType } from './schemas';

/* What the testing routes answer (their response schemas) and the types inferred from them. */

const count = z.number().int();
const sampleKind = z.enum(['single', 'household_pool', 'lab_pool']);

export const testTypeView = z.object({
  code: testType,
  method: z.enum(['rt_pcr', 'antigen']),
  pooled: z.boolean(),
  nameVi: z.string(),
  nameEn: z.string(),
  loinc: z.string(),
  loincDisplay: z.string(),
});
export type TestTypeView = z.infer<typeof testTypeView>;

/** A lab as the API shows it. */
export const labView = z.object({
  id: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  /** Tests a day per test type. */
  dailyCapacity: z.partialRecord(testType, count),
  /** 'HH:mm'. */
  opensAt: z.string(),
  closesAt: z.string(),
  active: z.boolean(),
});
export type LabView = z.infer<typeof labView>;

/** A sampling team as the API shows it. */
export const teamView = z.object({
  id: z.string(),
  districtCode: z.string(),
  communeCode: z.string(),
  name: z.string(),
  members: z.array(z.object({ fullName: z.string(), phone: z.string().nullable() })),
  active: z.boolean(),
});
export type TeamView = z.infer<typeof teamView>;

/** Where a tube is in its life. */
export const sampleStatus = z.enum(['collected', 'in_transit', 'received', 'resulted', 'retest']);
export type SampleStatus = z.infer<typeof sampleStatus>;

/** Where a tube without a result is: taken, on its way to the lab, at the lab, or to be run again. */
export const pendingStage = sampleStatus.exclude(['resulted']);
export type PendingStage = z.infer<typeof pendingStage>;

/** One tube, as every testing answer shows it (present.ts `sampleBrief`). */
export const sampleBrief = z.object({
  id: z.string(),
  barcode: z.string(),
  testType,
  kind: sampleKind,
  communeCode: z.string(),
  householdId: z.string().nullable(),
  sessionId: z.string().nullable(),
  teamId: z.string().nullable(),
  membersCount: count,
  collectedAt: z.string(),
  collectedOn: z.string(),
  symptomatic: z.boolean(),
  shipmentId: z.string().nullable(),
  labId: z.string().nullable(),
  receivedAt: z.string().nullable(),
  result: testResult.nullable(),
  ctValue: z.number().nullable(),
  resultedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  resultSource: z.enum(['on_site', 'manual', 'import', 'api', 'pool']).nullable(),
  pooledInto: z.string().nullable(),
  taskId: z.string().nullable(),
  version: count,
  status: sampleStatus,
});
export type SampleBrief = z.infer<typeof sampleBrief>;

/** A tube with the persons sampled in it; `suspected`: the person has an open testing task (stays home). */
export const tubeView = sampleBrief.extend({
  members: z.array(z.object({ personId: z.string(), fullName: z.string().nullable(), suspected: z.boolean() })),
});
export type TubeView = z.infer<typeof tubeView>;

export const taskKind = z.enum(['recollect', 'retest_stored', 'confirm_rtpcr']);
export type TaskKind = z.infer<typeof taskKind>;

/** A testing task (re-collection, retest of a stored tube, confirmatory RT-PCR) as stored. */
export const taskBrief = z.object({
  id: z.string(),
  personId: z.string(),
  communeCode: z.string(),
  kind: taskKind,
  sourceSampleId: z.string(),
  storedSampleId: z.string().nullable(),
  status: z.enum(['open', 'done']),
  dueOn: z.string(),
  doneSampleId: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type TaskBrief = z.infer<typeof taskBrief>;

/** A task on the re-collection list, with its source tube, the tube already taken for it and the person. */
export const taskView = taskBrief.extend({
  sourceBarcode: z.string(),
  sourceTestType: testType,
  collectedBarcode: z.string().nullable(),
  person: personCardView.nullable(),
});
export type TaskView = z.infer<typeof taskView>;

/** A tube, its persons and the tasks it caused (GET /api/testing/samples/:barcode). */
export const sampleView = tubeView.extend({ tasks: z.array(taskBrief) });
export type SampleView = z.infer<typeof sampleView>;

const sessionFields = z.object({
  id: z.string(),
  districtCode: z.string(),
  communeCode: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  sessionDate: z.string(),
  mode: z.enum(['fixed', 'door_to_door']),
  placeName: z.string().nullable(),
  createdAt: z.string(),
});

/** A sampling session and its tubes (none yet when just opened). */
export const sessionView = sessionFields.extend({ tubes: z.array(tubeView) });
export type SessionView = z.infer<typeof sessionView>;

/** A session in the list: `tubes` is empty there, `samples` counts them. */
export const sessionListItem = sessionView.extend({ samples: count });
export type SessionListItem = z.infer<typeof sessionListItem>;

/** How a household would be split into tubes under the max pool size in force. */
export const poolPlanView = z.object({
  householdId: z.string(),
  address: z.string(),
  maxPoolSize: count,
  /** Dorfman's optimum at the commune's prevalence, at most maxPoolSize. */
  poolSize: count,
  prevalence: z.number(),
  ruleVersion: count,
  tubes: z.array(z.array(z.object({ personId: z.string(), fullName: z.string(), birthYear: count }))),
});
export type PoolPlanView = z.infer<typeof poolPlanView>;

/** A case a positive result opened. */
export const caseOpened = z.object({ personId: z.string(), caseCode: z.string(), barcode: z.string() });
export type CaseOpened = z.infer<typeof caseOpened>;

export const collectedView = z.object({ samples: z.array(sampleBrief), casesOpened: z.array(caseOpened), tasksCreated: count });
export type CollectedView = z.infer<typeof collectedView>;

/** A shipment of tubes from a team to a lab. */
export const shipmentView = z.object({
  id: z.string(),
  code: z.string(),
  communeCode: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  labId: z.string(),
  labName: z.string(),
  sentAt: z.string(),
  receivedAt: z.string().nullable(),
  tubes: count,
});
export type ShipmentView = z.infer<typeof shipmentView>;

/** A shipment received by scanning: tubes received, tubes of it not scanned (missing), scanned tubes not in it (extra). */
export const receivedView = z.object({ shipmentId: z.string(), code: z.string(), received: count, missing: z.array(z.string()), extra: z.array(z.string()) });
export type ReceivedView = z.infer<typeof receivedView>;

/** A single result entered, with what it caused and the tube as it now is. */
export const resultEnteredView = z.object({
  total: count,
  applied: count,
  unchanged: count,
  conflicts: count,
  rejected: count,
  /** Always empty: a rejected entry is an error answer. */
  errors: z.array(
    z.object({ line: count, barcode: z.string(), code: z.string(), params: z.record(z.string(), z.string()), column: z.enum(['barcode', 'ct', 'resultedAt']) }),
  ),
  casesOpened: z.array(caseOpened),
  tasksCreated: count,
  sample: sampleView,
});
export type ResultEnteredView = z.infer<typeof resultEnteredView>;

export const labPoolView = z.object({ id: z.string(), barcode: z.string(), tubes: count });
export type LabPoolView = z.infer<typeof labPoolView>;

/** A row an import refused, with the reason in Vietnamese; column is the template column at fault (null: the whole row). */
export const importRowError = z.object({
  line: count,
  barcode: z.string(),
  column: z.string().nullable(),
  code: z.string(),
  params: z.record(z.string(), z.string()),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

/** The answer of an import (200), or the `import` member of its 422 problem when rows were rejected. */
export const importReport = z.object({
  id: z.string(),
  status: z.enum(['done', 'rejected']),
  fileName: z.string(),
  /** The same file (same bytes) was imported before: nothing changed. */
  repeated: z.boolean(),
  total: count,
  applied: count,
  unchanged: count,
  conflicts: count,
  rejected: count,
  errors: z.array(importRowError),
  casesOpened: z.array(caseOpened),
  tasksCreated: count,
});
export type ImportReport = z.infer<typeof importReport>;

/** Progress of an import while it runs (`errors` null), its counts once finished. */
export const importStatusView = z.object({
  id: z.string(),
  labId: z.string().nullable(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'json', 'manual', 'on_site']),
  status: z.enum(['loading', 'done', 'rejected']),
  stage: importStage,
  rowsStaged: count,
  total: count.nullable(),
  applied: count,
  unchanged: count,
  conflicts: count,
  rejected: count,
  errors: z.array(importRowError).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportStatusView = z.infer<typeof importStatusView>;

/** A different result for a tube that has one, held for review. */
export const resultConflict = z.object({
  id: z.string(),
  sampleId: z.string(),
  barcode: z.string(),
  communeCode: z.string(),
  currentResult: testResult,
  currentCt: z.number().nullable(),
  proposedResult: testResult,
  proposedCt: z.number().nullable(),
  proposedResultedAt: z.string(),
  importId: z.string().nullable(),
  status: z.enum(['open', 'accepted', 'rejected']),
  createdAt: z.string(),
});
export type ResultConflict = z.infer<typeof resultConflict>;

export const conflictResolved = z.object({ id: z.string(), decision: z.enum(['accept', 'reject']), casesOpened: z.array(caseOpened) });
export type ConflictResolved = z.infer<typeof conflictResolved>;

/** Counts of a day (or a lab, team, unit of the day) with the ratios derived from them (GET /api/testing/summary). */
export const testingFigures = z.object({
  samples: count,
  persons: count,
  pools: count,
  received: count,
  resulted: count,
  positive: count,
  negative: count,
  invalid: count,
  /** Results reported the day the sample was collected. */
  sameDay: count,
  /** 0–1; null when nothing is resulted. */
  positivity: z.number().nullable(),
  sameDayShare: z.number().nullable(),
  /** Mean turnaround from collection to reported result, hours. */
  meanTatHours: z.number().nullable(),
  tat: z.record(z.enum(TAT_BUCKETS), count),
});
export type TestingFigures = z.infer<typeof testingFigures>;

/** Tubes at a lab without a final result, now (not only the day's). */
export const labBacklog = z.object({ inTransit: count, awaitingResult: count, oldestCollectedAt: z.string().nullable() });
export type LabBacklog = z.infer<typeof labBacklog>;

/** The command center's testing summary of a day. */
export const testingSummaryView = z.object({
  day: z.string(),
  ruleVersion: count,
  /** The rule set in force requires results the same day as the collection. */
  sameDayRequired: z.boolean(),
  totals: testingFigures,
  byTestType: z.array(testingFigures.extend({ testType })),
  byLab: z.array(testingFigures.extend({ labId: z.string(), name: z.string(), capacity: z.partialRecord(testType, count), backlog: labBacklog })),
  backlog: z.array(labBacklog.extend({ labId: z.string(), name: z.string() })),
  byTeam: z.array(testingFigures.extend({ teamId: z.string(), name: z.string(), communeCode: z.string().nullable() })),
  byCommune: z.array(testingFigures.extend({ communeCode: z.string() })),
  byDistrict: z.array(testingFigures.extend({ districtCode: z.string() })),
  trend: z.array(testingFigures.extend({ day: z.string() })),
});
export type TestingSummary = z.infer<typeof testingSummaryView>;

/** A tube past the overdue threshold (GET /api/testing/overdue). */
export const overdueSample = z.object({
  id: z.string(),
  barcode: z.string(),
  testType,
  kind: sampleKind,
  communeCode: z.string(),
  districtCode: z.string(),
  membersCount: count,
  collectedAt: z.string(),
  hoursSinceCollection: count,
  stage: pendingStage,
  labId: z.string().nullable(),
  labName: z.string().nullable(),
  teamName: z.string().nullable(),
});
export type OverdueSample = z.infer<typeof overdueSample>;

export const overdueBoard = z.object({
  /** From the rule set in force: a tube without a result this long after collection is overdue. */
  thresholdHours: count,
  ruleVersion: count,
  samples: z.array(overdueSample),
});
export type OverdueBoard = z.infer<typeof overdueBoard>;

/** What the public result lookup shows: the result and its date, no name, no Ct. */
export const lookupView = z.object({
  barcode: z.string(),
  testType,
  pooled: z.boolean(),
  collectedOn: z.string(),
  /** A final result only (an invalid run is `retest`). */
  result: z.enum(['negative', 'positive']).nullable(),
  status: z.enum(['resulted', 'retest', 'pending']),
  resultedAt: z.string().nullable(),
});
export type LookupView = z.infer<typeof lookupView>;
