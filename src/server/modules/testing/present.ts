import type { Selectable } from 'kysely';
import type {
  LabsTable,
  ResultConflictsTable,
  SamplesTable,
  SamplingSessionsTable,
  SamplingTeamsTable,
  ShipmentsTable,
  TestingTasksTable,
  TestTypesTable,
} from '../../db/tables';
import type { TestType } from '@domain/testing';
import type { LabView, ResultConflict, SampleBrief, SampleStatus, SessionView, ShipmentView, TaskBrief, TeamView, TestTypeView, TubeView } from './views';

/** Response allow-lists: what each testing record shows, in the API's camelCase. */
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export const testType = (r: Selectable<TestTypesTable>): TestTypeView => ({
  code: r.code as TestType /* the test_types codes are TEST_TYPES */,
  method: r.method,
  pooled: r.pooled,
  nameVi: r.name_vi,
  nameEn: r.name_en,
  loinc: r.loinc,
  loincDisplay: r.loinc_display,
});

export const lab = (r: Selectable<LabsTable>): LabView => ({
  id: r.id,
  provinceCode: r.province_code,
  name: r.name,
  address: r.address,
  dailyCapacity: r.daily_capacity,
  opensAt: String(r.opens_at).slice(0, 5),
  closesAt: String(r.closes_at).slice(0, 5),
  active: r.active,
});

export const team = (r: Selectable<SamplingTeamsTable>): TeamView => ({
  id: r.id,
  districtCode: r.district_code,
  communeCode: r.commune_code,
  name: r.name,
  members: r.members,
  active: r.active,
});

export const sampleBrief = (r: Selectable<SamplesTable>): SampleBrief => ({
  id: r.id,
  barcode: r.barcode,
  testType: r.test_type as TestType /* a test_types code */,
  kind: r.kind,
  communeCode: r.commune_code,
  householdId: r.household_id,
  sessionId: r.session_id,
  teamId: r.team_id,
  membersCount: r.members_count,
  collectedAt: iso(r.collected_at)!,
  collectedOn: r.collected_on,
  symptomatic: r.symptomatic,
  shipmentId: r.shipment_id,
  labId: r.lab_id,
  receivedAt: iso(r.received_at),
  result: r.result,
  ctValue: r.ct_value === null ? null : Number(r.ct_value),
  resultedAt: iso(r.resulted_at),
  reportedAt: iso(r.reported_at),
  resultSource: r.result_source,
  pooledInto: r.pooled_into,
  taskId: r.task_id,
  version: r.version,
  status: statusOf(r),
});

/** Where a tube is in its life, from its row: resulted, to be run again, at the lab, on its way, or just taken. */
export const statusOf = (r: Pick<Selectable<SamplesTable>, 'result' | 'received_at' | 'shipment_id'>): SampleStatus =>
  r.result && r.result !== 'invalid' ? 'resulted' : r.result === 'invalid' ? 'retest' : r.received_at ? 'received' : r.shipment_id ? 'in_transit' : 'collected';

export const session = (r: Selectable<SamplingSessionsTable>, teamName: string, tubes: TubeView[]): SessionView => ({
  id: r.id,
  districtCode: r.district_code,
  communeCode: r.commune_code,
  teamId: r.team_id,
  teamName,
  sessionDate: r.session_date,
  mode: r.mode,
  placeName: r.place_name,
  createdAt: iso(r.created_at)!,
  tubes,
});

export const shipment = (r: Selectable<ShipmentsTable>, labName: string, teamName: string, tubes: number): ShipmentView => ({
  id: r.id,
  code: r.code,
  communeCode: r.commune_code,
  teamId: r.team_id,
  teamName,
  labId: r.lab_id,
  labName,
  sentAt: iso(r.sent_at)!,
  receivedAt: iso(r.received_at),
  tubes,
});

export const task = (r: Selectable<TestingTasksTable>): TaskBrief => ({
  id: r.id,
  personId: r.person_id,
  communeCode: r.commune_code,
  kind: r.kind,
  sourceSampleId: r.source_sample_id,
  storedSampleId: r.stored_sample_id,
  status: r.status,
  dueOn: r.due_on,
  doneSampleId: r.done_sample_id,
  createdAt: iso(r.created_at)!,
  doneAt: iso(r.done_at),
});

export const conflict = (r: Selectable<ResultConflictsTable>): ResultConflict => ({
  id: r.id,
  sampleId: r.sample_id,
  barcode: r.barcode,
  communeCode: r.commune_code,
  currentResult: r.current_result,
  currentCt: r.current_ct === null ? null : Number(r.current_ct),
  proposedResult: r.proposed_result,
  proposedCt: r.proposed_ct === null ? null : Number(r.proposed_ct),
  proposedResultedAt: iso(r.proposed_resulted_at)!,
  importId: r.import_id,
  status: r.status,
  createdAt: iso(r.created_at)!,
});
