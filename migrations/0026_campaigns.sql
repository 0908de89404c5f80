-- Campaigns: mass-testing campaigns by risk zone (TB 03-TB/BCĐ), their communes' targets and rounds, the households
-- covered in each round (kept by the testing module's collection writes), team and lab capacity, and the daily plans
-- (tomorrow's households per team and lab) with the sampling sessions their approval opened.

create table campaigns (
  id uuid not null,
  province_code text not null,
  name text not null,
  legal_basis text not null,
  starts_on date not null,
  ends_on date not null,
  population text not null default 'households' check (population in ('households')),
  rule_set_id uuid not null,
  rule_version integer not null,
  status text not null default 'active' check (status in ('active', 'closed')),
  created_by uuid,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (id, province_code),
  unique (id),
  check (ends_on >= starts_on)
);

-- A commune's target in a campaign: the frequency its level in force gave when it was enrolled.
create table campaign_communes (
  campaign_id uuid not null references campaigns (id),
  commune_code text not null,
  province_code text not null,
  district_code text not null,
  regime_kind text,
  level text,
  population text not null,
  every_days integer not null check (every_days > 0),
  method text not null check (method in ('rt_pcr_pooled', 'rapid_antigen')),
  households_target integer not null,
  persons_target integer not null,
  primary key (campaign_id, commune_code)
);
create index campaign_communes_commune_idx on campaign_communes (commune_code);

-- Rounds with their coverage counters: a household counts once per round (campaign_coverage's key).
create table campaign_rounds (
  campaign_id uuid not null references campaigns (id),
  commune_code text not null,
  round_no integer not null,
  province_code text not null,
  district_code text not null,
  starts_on date not null,
  due_on date not null,
  households_covered integer not null default 0,
  persons_covered integer not null default 0,
  primary key (campaign_id, commune_code, round_no)
);
create index campaign_rounds_window_idx on campaign_rounds (commune_code, starts_on, due_on);

create table campaign_coverage (
  campaign_id uuid not null,
  household_id uuid not null,
  round_no integer not null,
  commune_code text not null,
  persons integer not null,
  sampled_on date not null,
  session_id uuid,
  primary key (campaign_id, household_id, round_no)
);
create index campaign_coverage_day_idx on campaign_coverage (campaign_id, sampled_on);

create table campaign_teams (
  campaign_id uuid not null references campaigns (id),
  team_id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  pooled_per_day integer not null check (pooled_per_day > 0),
  antigen_per_day integer not null check (antigen_per_day > 0),
  hamlets text[],
  primary key (campaign_id, team_id)
);

create table campaign_labs (
  campaign_id uuid not null references campaigns (id),
  lab_id uuid not null,
  province_code text not null,
  pooled_per_day integer not null check (pooled_per_day > 0),
  single_per_day integer not null check (single_per_day > 0),
  district_codes text[],
  primary key (campaign_id, lab_id)
);

create table campaign_plans (
  id uuid not null,
  province_code text not null,
  campaign_id uuid not null references campaigns (id),
  day date not null,
  status text not null default 'draft' check (status in ('draft', 'approved', 'superseded')),
  candidates integer not null,
  covered integer not null,
  bound numeric not null,
  summary jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  approved_by uuid,
  approved_at timestamptz,
  version integer not null default 1,
  primary key (id, province_code),
  unique (id)
);
create index campaign_plans_day_idx on campaign_plans (campaign_id, day);
create unique index campaign_plans_approved_key on campaign_plans (campaign_id, day) where status = 'approved';

create table campaign_plan_items (
  plan_id uuid not null references campaign_plans (id),
  seq integer not null,
  household_id uuid not null,
  commune_code text not null,
  hamlet_code text,
  team_id uuid not null,
  lab_id uuid,
  priority text not null check (priority in ('lockdown', 'overdue', 'due')),
  last_sampled_on date,
  pooled numeric not null,
  single numeric not null,
  primary key (plan_id, seq)
);
create index campaign_plan_items_team_idx on campaign_plan_items (plan_id, team_id);

-- The sampling session an approved plan opened for a team on its day (re-plans of the day reuse it).
create table campaign_sessions (
  campaign_id uuid not null references campaigns (id),
  day date not null,
  team_id uuid not null,
  session_id uuid not null,
  primary key (campaign_id, day, team_id)
);
