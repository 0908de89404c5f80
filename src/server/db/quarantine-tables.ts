import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Counter = ColumnType<number, number | undefined, number>;
type Dates = ColumnType<string[], string[] | undefined, string[]>;

/** The quarantine module's tables (migration 0024). */
export interface QuarantineFacilitiesTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  kind: 'quarantine' | 'treatment';
  tier: string;
  managing_agency: string;
  address: string;
  status: ColumnType<'open' | 'full' | 'closed', 'open' | 'full' | 'closed' | undefined, 'open' | 'full' | 'closed'>;
  icu_beds: Counter;
  oxygen_points: Counter;
  beds: Counter;
  occupied: Counter;
  icu_used: Counter;
  oxygen_used: Counter;
  created_by: string;
  created_at: DefaultTimestamp;
  version: Counter;
}

export interface QuarantineFacilityStaffTable {
  facility_id: string;
  user_id: string;
}

export interface QuarantineRoomsTable {
  id: string;
  facility_id: string;
  area: string;
  code: string;
  beds: number;
  occupied: Counter;
  cohort_class: string | null;
  cohort_from: string | null;
  cohort_to: string | null;
  exposed_on: string | null;
}

export type StayStatus = 'open' | 'released' | 'transferred' | 'absent';
export type StayReason = 'f1' | 'arrival' | 'f0_treatment' | 'f0_home';

export interface QuarantineStaysTable {
  id: string;
  person_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  setting: 'facility' | 'home';
  facility_id: string | null;
  room_id: string | null;
  bed: string | null;
  reason: StayReason;
  exposure_class: 'F0' | 'F1' | 'F2' | 'arrival';
  vaccination: 'full' | 'partial' | 'none';
  situation: string;
  rule_set_id: string;
  rule_version: number;
  started_on: string;
  last_day: string;
  monitoring_until: string;
  test_days: Dates;
  tests_done: Dates;
  admitted_on: string;
  status: ColumnType<StayStatus, StayStatus | undefined, StayStatus>;
  positive_on: string | null;
  ended_on: string | null;
  override_reason: string | null;
  previous_stay_id: string | null;
  certificate_no: string | null;
  certificate_token: string | null;
  signer: string | null;
  released_by: string | null;
  created_by: string;
  created_at: DefaultTimestamp;
  version: Counter;
}

export interface QuarantineEventsTable {
  id: string;
  stay_id: string;
  kind: 'admit' | 'override' | 'transfer' | 'release' | 'absent' | 'positive' | 'exposed' | 'warning';
  day: string;
  detail: ColumnType<unknown, string | undefined, string>;
  recorded_by: string | null;
  created_at: DefaultTimestamp;
}

export type QuarantineTaskKind = 'test' | 'retest' | 'transfer' | 'urgent_transfer';

export interface QuarantineTasksTable {
  id: string;
  stay_id: string;
  person_id: string;
  facility_id: string | null;
  province_code: string;
  district_code: string;
  commune_code: string;
  kind: QuarantineTaskKind;
  due_on: string;
  status: ColumnType<'open' | 'done' | 'cancelled', 'open' | 'done' | 'cancelled' | undefined, 'open' | 'done' | 'cancelled'>;
  note: ColumnType<string, string | undefined, string>;
  created_at: DefaultTimestamp;
  done_at: Date | null;
  done_by: string | null;
}

export interface QuarantineChecksTable {
  id: string;
  stay_id: string;
  day: string;
  /** numeric(3,1), parsed to a number by db/connect.ts */
  temperature: number;
  spo2: number;
  symptoms: Dates;
  warning_signs: Dates;
  reported_by: 'team' | 'family';
  recorded_by: string;
  created_at: DefaultTimestamp;
}

export interface QuarantineDayCountsTable {
  facility_id: string;
  day: string;
  arrivals: Counter;
  releases: Counter;
  releases_due: Counter;
}

export interface QuarantineDeliveriesTable {
  id: string;
  facility_id: string;
  day: string;
  item: string;
  quantity: number;
  recorded_by: string;
  created_at: DefaultTimestamp;
}

export interface QuarantineCertificateSerialsTable {
  year: number;
  last: number;
}

export interface QuarantineTables {
  quarantine_certificate_serials: QuarantineCertificateSerialsTable;
  quarantine_facilities: QuarantineFacilitiesTable;
  quarantine_facility_staff: QuarantineFacilityStaffTable;
  quarantine_rooms: QuarantineRoomsTable;
  quarantine_stays: QuarantineStaysTable;
  quarantine_events: QuarantineEventsTable;
  quarantine_tasks: QuarantineTasksTable;
  quarantine_checks: QuarantineChecksTable;
  quarantine_day_counts: QuarantineDayCountsTable;
  quarantine_deliveries: QuarantineDeliveriesTable;
}
