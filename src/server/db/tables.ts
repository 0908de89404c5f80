import type { ColumnType, Generated } from 'kysely';
import type { ZonesTables } from './zones-tables';
import type { QuarantineTables } from './quarantine-tables';
import type { CampaignsTables } from './campaigns-tables';

/** The database as Kysely sees it: one interface per table, column names as in SQL. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AdminUnitsTable {
  code: string;
  province_code: string;
  parent_code: string | null;
  level: 'province' | 'district' | 'commune' | 'hamlet';
  name: string;
  name_folded: string;
  type: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
}

export interface PopulationTable {
  unit_code: string;
  as_of: string;
  source: string;
  count: number;
  households: number | null;
  synthetic: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface HouseholdsTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  hamlet_code: string | null;
  address: string;
  head_person_id: string | null;
  synthetic: ColumnType<boolean, boolean | undefined, boolean>;
  /** persons registered to the household and not merged away, kept by triggers on persons (migration 0027) */
  residents: ColumnType<number, never, never>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface PersonsTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  hamlet_code: string | null;
  household_id: string | null;
  full_name: string;
  name_folded: string;
  /** Generated from name_folded for search: without the surname, surname + given name, given name. */
  name_tail: ColumnType<string, never, never>;
  name_surname_given: ColumnType<string, never, never>;
  name_given: ColumnType<string, never, never>;
  birth_date: string | null;
  birth_year: number;
  sex: 'male' | 'female';
  national_id: string | null;
  phone: string | null;
  occupation: string | null;
  workplace: string | null;
  address: string | null;
  synthetic: ColumnType<boolean, boolean | undefined, boolean>;
  merged_into: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface UsersTable {
  id: string;
  username: string;
  full_name: string;
  password_hash: string;
  role: string;
  scope_units: string[];
  agency: string | null;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  failed_logins: ColumnType<number, number | undefined, number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  prefix: string;
  permissions: string[];
  scope_units: string[];
  issued_by: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
}

export interface LoginThrottleTable {
  account: string;
  address: string;
  failures: ColumnType<number, number | undefined, number>;
  lockouts: ColumnType<number, number | undefined, number>;
  blocked_until: Timestamp | null;
  last_failure_at: DefaultTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  ip: string | null;
  fields: string[];
  detail: unknown;
  prev_hash: string;
  hash: string;
}

export interface RuleSetsTable {
  id: string;
  kind: string;
  version: number;
  legal_basis: string;
  effective_from: string;
  effective_to: string | null;
  status: 'draft' | 'active' | 'retired';
  payload: unknown;
  confidence: unknown;
  notes: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  activated_at: Timestamp | null;
}

/** Cases per commune, day and place of detection, kept by triggers on cases (migration 0031). */
export interface CasesDailyTable {
  province_code: string;
  district_code: string;
  commune_code: string;
  day: ColumnType<string, never, never>;
  detected_in: ColumnType<string, never, never>;
  new_cases: ColumnType<number, never, never>;
  recovered: ColumnType<number, never, never>;
  died: ColumnType<number, never, never>;
}

export interface CasesTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  person_id: string;
  case_code: string;
  confirmed_on: string;
  confirming_test: string;
  detected_in: 'community' | 'quarantine_facility' | 'lockdown_zone' | 'home_quarantine' | 'screening_at_facility' | 'arrival';
  onset_on: string | null;
  sampled_on: string;
  isolated_at: Timestamp | null;
  clinical_status: ColumnType<'asymptomatic' | 'mild' | 'moderate' | 'severe' | 'critical', string | undefined, string>;
  treatment_place: ColumnType<'home' | 'facility' | 'district_hospital' | 'province_hospital' | 'central_hospital', string | undefined, string>;
  outcome: string | null;
  outcome_on: string | null;
  status: ColumnType<'active' | 'withdrawn', 'active' | 'withdrawn' | undefined, 'active' | 'withdrawn'>;
  withdrawn_reason: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface ExposuresTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  source_person_id: string;
  exposed_person_id: string;
  start_at: Timestamp;
  end_at: Timestamp;
  contact_type: string;
  setting: string;
  place_name: string | null;
  place_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultTimestamp;
}

export interface ClassificationsTable {
  person_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  class: 'F0' | 'F1' | 'F2';
  generation: number;
  via_exposure_id: string | null;
  root_case_person_id: string;
  exposed_at: Timestamp | null;
  rule_set_id: string;
  rule_version: number;
  quarantine_situation: string | null;
  quarantine_until: string | null;
  test_days: ColumnType<string[], string[] | undefined, string[]>;
  tests_done: ColumnType<string[], string[] | undefined, string[]>;
  classified_at: DefaultTimestamp;
}

export interface InvestigationsTable {
  case_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  form_rule_set_id: string;
  form_version: number;
  data: unknown;
  completeness: ColumnType<number, number | undefined, number>;
  status: ColumnType<'draft' | 'completed', 'draft' | 'completed' | undefined, 'draft' | 'completed'>;
  started_at: DefaultTimestamp;
  completed_at: Timestamp | null;
  timeliness_hours: number | null;
  updated_at: DefaultTimestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface ClustersTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  index_case_id: string;
  place_name: string | null;
  high_contact: ColumnType<boolean, boolean | undefined, boolean>;
  place_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultTimestamp;
}

export interface PlacesTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  name_folded: string;
  kind: string;
  high_contact: boolean;
  address: string | null;
  created_at: DefaultTimestamp;
}

type Num = ColumnType<number, number | string, number | string>;

export interface TestTypesTable {
  code: string;
  method: 'rt_pcr' | 'antigen';
  pooled: boolean;
  name_vi: string;
  name_en: string;
  loinc: string;
  loinc_display: string;
  specimen_code: ColumnType<string, string | undefined, string>;
  specimen_display: ColumnType<string, string | undefined, string>;
}

export interface LabsTable {
  id: string;
  province_code: string;
  name: string;
  address: string | null;
  daily_capacity: ColumnType<Record<string, number>, string | undefined, string>;
  opens_at: ColumnType<string, string | undefined, string>;
  closes_at: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultTimestamp;
}

export interface SamplingTeamsTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  members: ColumnType<{ fullName: string; phone: string | null }[], string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultTimestamp;
}

export interface SamplingSessionsTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  team_id: string;
  session_date: string;
  mode: 'fixed' | 'door_to_door';
  place_name: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface ShipmentsTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  code: string;
  team_id: string;
  lab_id: string;
  sent_at: Timestamp;
  received_at: Timestamp | null;
  received_by: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
}

export interface SamplesTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  barcode: string;
  test_type: string;
  kind: 'single' | 'household_pool' | 'lab_pool';
  session_id: string | null;
  team_id: string | null;
  household_id: string | null;
  members_count: number;
  collected_at: Timestamp;
  collected_on: string;
  symptomatic: ColumnType<boolean, boolean | undefined, boolean>;
  task_id: string | null;
  pooled_into: string | null;
  shipment_id: string | null;
  lab_id: string | null;
  received_at: Timestamp | null;
  result: 'negative' | 'positive' | 'invalid' | null;
  ct_value: Num | null;
  resulted_at: Timestamp | null;
  reported_at: Timestamp | null;
  result_source: 'on_site' | 'manual' | 'import' | 'api' | 'pool' | null;
  result_import_id: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  version: Generated<number>;
}

export interface SampleMembersTable {
  sample_id: string;
  province_code: string;
  person_id: string;
  district_code: string;
  commune_code: string;
}

export interface TestingTasksTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  person_id: string;
  kind: 'recollect' | 'retest_stored' | 'confirm_rtpcr';
  source_sample_id: string;
  stored_sample_id: string | null;
  status: ColumnType<'open' | 'done', 'open' | 'done' | undefined, 'open' | 'done'>;
  due_on: string;
  done_sample_id: string | null;
  created_at: DefaultTimestamp;
  done_at: Timestamp | null;
}

export interface ResultImportsTable {
  id: string;
  province_code: string;
  lab_id: string | null;
  file_name: string;
  sha256: string;
  format: 'csv' | 'xlsx' | 'json' | 'manual' | 'on_site';
  status: 'loading' | 'done' | 'rejected';
  stage: ColumnType<
    'reading' | 'staging' | 'checking' | 'merging' | 'finished',
    'reading' | 'staging' | 'checking' | 'merging' | 'finished' | undefined,
    'reading' | 'staging' | 'checking' | 'merging' | 'finished'
  >;
  rows_staged: Generated<number>;
  rows_total: Generated<number>;
  rows_applied: Generated<number>;
  rows_unchanged: Generated<number>;
  rows_conflict: Generated<number>;
  rows_rejected: Generated<number>;
  errors: ColumnType<unknown[], string | undefined, string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  finished_at: Timestamp | null;
}

export interface ResultImportRowsTable {
  import_id: string;
  line: number;
  barcode: string;
  result: 'negative' | 'positive' | 'invalid';
  ct_value: Num | null;
  resulted_at: Timestamp;
}

export interface ResultConflictsTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  sample_id: string;
  barcode: string;
  current_result: 'negative' | 'positive' | 'invalid';
  current_ct: Num | null;
  proposed_result: 'negative' | 'positive' | 'invalid';
  proposed_ct: Num | null;
  proposed_resulted_at: Timestamp;
  import_id: string | null;
  status: ColumnType<'open' | 'accepted' | 'rejected', 'open' | undefined, 'accepted' | 'rejected'>;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface TestingDailyTable {
  day: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  team_id: string;
  lab_id: string;
  test_type: string;
  samples: number;
  persons: number;
  pools: number;
  received: number;
  resulted: number;
  positive: number;
  negative: number;
  invalid: number;
  same_day: number;
  tat_minutes_sum: number;
  tat_le6h: number;
  tat_le12h: number;
  tat_le24h: number;
  tat_le48h: number;
  tat_gt48h: number;
}

/** A tube without a final result (kept by the samples triggers, migration 0015). */
export interface PendingSamplesTable {
  sample_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  lab_id: string | null;
  collected_at: Timestamp;
}

/** Tubes in transit to / awaiting a result, per commune and lab (kept by the samples triggers, migration 0013). */
export interface TestingBacklogTable {
  province_code: string;
  district_code: string;
  commune_code: string;
  lab_id: string;
  in_transit: ColumnType<number, number | undefined, number>;
  awaiting: ColumnType<number, number | undefined, number>;
}

export interface Database extends ZonesTables, QuarantineTables, CampaignsTables {
  test_types: TestTypesTable;
  labs: LabsTable;
  sampling_teams: SamplingTeamsTable;
  sampling_sessions: SamplingSessionsTable;
  shipments: ShipmentsTable;
  samples: SamplesTable;
  sample_members: SampleMembersTable;
  testing_tasks: TestingTasksTable;
  result_imports: ResultImportsTable;
  result_import_rows: ResultImportRowsTable;
  result_conflicts: ResultConflictsTable;
  testing_daily: TestingDailyTable;
  pending_samples: PendingSamplesTable;
  testing_backlog: TestingBacklogTable;
  places: PlacesTable;
  investigations: InvestigationsTable;
  clusters: ClustersTable;
  cases: CasesTable;
  cases_daily: CasesDailyTable;
  case_code_counters: { province_code: string; year: number; last: number };
  exposures: ExposuresTable;
  classifications: ClassificationsTable;
  admin_units: AdminUnitsTable;
  population: PopulationTable;
  households: HouseholdsTable;
  persons: PersonsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  rule_sets: RuleSetsTable;
  schema_migrations: { version: string; applied_at: Generated<Date> };
}
