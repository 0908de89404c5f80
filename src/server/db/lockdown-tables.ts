import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The zones module's lockdown tables (migration 0022). */
export interface LockdownZonesTable {
  id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  name: string;
  scope_kind: 'households' | 'hamlet' | 'commune';
  hamlet_code: string | null;
  reason: string;
  case_ids: ColumnType<string[], string[] | undefined, string[]>;
  started_on: string;
  status: ColumnType<'active' | 'lifted', 'active' | 'lifted' | undefined, 'active' | 'lifted'>;
  lifted_on: string | null;
  lift_decision_number: string | null;
  lift_signer: string | null;
  lifted_by: string | null;
  created_by: string;
  created_at: DefaultTimestamp;
  version: ColumnType<number, number | undefined, number>;
}

export interface LockdownZoneHouseholdsTable {
  zone_id: string;
  household_id: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface LockdownSuppliesTable {
  id: string;
  zone_id: string;
  household_id: string | null;
  delivered_on: string;
  items: string;
  delivered_by: string;
  recorded_by: string;
  created_at: DefaultTimestamp;
}

export interface LockdownTables {
  lockdown_zones: LockdownZonesTable;
  lockdown_zone_households: LockdownZoneHouseholdsTable;
  lockdown_supplies: LockdownSuppliesTable;
}
