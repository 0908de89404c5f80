import type { ColumnType } from 'kysely';

type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Counter = ColumnType<number, number | undefined, number>;
type Json = ColumnType<unknown, string, string>;

/** The campaigns module's tables (migration 0026). */
export interface CampaignsTable {
  id: string;
  province_code: string;
  name: string;
  legal_basis: string;
  starts_on: string;
  ends_on: string;
  population: ColumnType<'households', 'households' | undefined, 'households'>;
  rule_set_id: string;
  rule_version: number;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  version: Counter;
}

export interface CampaignCommunesTable {
  campaign_id: string;
  commune_code: string;
  province_code: string;
  district_code: string;
  regime_kind: string | null;
  level: string | null;
  population: string;
  every_days: number;
  method: 'rt_pcr_pooled' | 'rapid_antigen';
  households_target: number;
  persons_target: number;
}

export interface CampaignRoundsTable {
  campaign_id: string;
  commune_code: string;
  round_no: number;
  province_code: string;
  district_code: string;
  starts_on: string;
  due_on: string;
  households_covered: Counter;
  persons_covered: Counter;
}

export interface CampaignCoverageTable {
  campaign_id: string;
  household_id: string;
  round_no: number;
  commune_code: string;
  persons: number;
  sampled_on: string;
  session_id: string | null;
}

export interface CampaignTeamsTable {
  campaign_id: string;
  team_id: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  pooled_per_day: number;
  antigen_per_day: number;
  hamlets: string[] | null;
}

export interface CampaignLabsTable {
  campaign_id: string;
  lab_id: string;
  province_code: string;
  pooled_per_day: number;
  single_per_day: number;
  district_codes: string[] | null;
}

export interface CampaignPlansTable {
  id: string;
  province_code: string;
  campaign_id: string;
  day: string;
  status: ColumnType<'draft' | 'approved' | 'superseded', 'draft' | 'approved' | 'superseded' | undefined, 'draft' | 'approved' | 'superseded'>;
  candidates: number;
  covered: number;
  bound: number;
  summary: Json;
  created_by: string | null;
  created_at: DefaultTimestamp;
  approved_by: string | null;
  approved_at: Date | null;
  version: Counter;
}

export interface CampaignPlanItemsTable {
  plan_id: string;
  seq: number;
  household_id: string;
  commune_code: string;
  hamlet_code: string | null;
  team_id: string;
  lab_id: string | null;
  priority: 'lockdown' | 'overdue' | 'due';
  last_sampled_on: string | null;
  pooled: number;
  single: number;
}

export interface CampaignGroupsTable {
  id: string;
  campaign_id: string;
  name: string;
  province_code: string;
  district_code: string;
  commune_code: string;
  population: string;
  occupations: string[];
  every_days: number;
  method: 'rt_pcr_pooled' | 'rapid_antigen';
  persons_target: number;
}

export interface CampaignGroupMembersTable {
  group_id: string;
  person_id: string;
}

export interface CampaignGroupCoverageTable {
  group_id: string;
  person_id: string;
  round_no: number;
  sampled_on: string;
  session_id: string | null;
}

/** A household's last sampling before the campaign began (read from testing when the campaign is made). */
export interface CampaignPriorSamplingTable {
  campaign_id: string;
  household_id: string;
  sampled_on: string;
}

export interface CampaignSessionsTable {
  campaign_id: string;
  day: string;
  team_id: string;
  session_id: string;
}

export interface CampaignsTables {
  campaigns: CampaignsTable;
  campaign_communes: CampaignCommunesTable;
  campaign_rounds: CampaignRoundsTable;
  campaign_coverage: CampaignCoverageTable;
  campaign_teams: CampaignTeamsTable;
  campaign_labs: CampaignLabsTable;
  campaign_plans: CampaignPlansTable;
  campaign_plan_items: CampaignPlanItemsTable;
  campaign_sessions: CampaignSessionsTable;
  campaign_prior_sampling: CampaignPriorSamplingTable;
  campaign_groups: CampaignGroupsTable;
  campaign_group_members: CampaignGroupMembersTable;
  campaign_group_coverage: CampaignGroupCoverageTable;
}
