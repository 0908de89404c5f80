-- Lockdown zones (zones module): a commune's households, a hamlet or a whole commune closed around cases, with
-- testing rounds, supplies delivered to locked households and a lift decision.
create table lockdown_zones (
  id uuid primary key,
  province_code text not null,
  district_code text not null,
  commune_code text not null references admin_units (code),
  name text not null,
  scope_kind text not null check (scope_kind in ('households', 'hamlet', 'commune')),
  hamlet_code text references admin_units (code),
  reason text not null,
  -- the cases that caused it (their ids, from the cases module)
  case_ids uuid[] not null default '{}',
  started_on date not null,
  status text not null default 'active' check (status in ('active', 'lifted')),
  lifted_on date,
  lift_decision_number text,
  lift_signer text,
  lifted_by uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check ((status = 'lifted') = (lifted_on is not null)),
  check (lifted_on is null or lifted_on >= started_on)
);
create index lockdown_zones_commune_idx on lockdown_zones (commune_code, status);

-- The households inside a zone, fixed when it is drawn; a household is in at most one active zone.
create table lockdown_zone_households (
  zone_id uuid not null references lockdown_zones (id),
  household_id uuid not null,
  active boolean not null default true,
  primary key (zone_id, household_id)
);
create unique index lockdown_zone_households_active_key on lockdown_zone_households (household_id) where active;

-- Supplies delivered to locked households (or to the whole zone when household_id is null).
create table lockdown_supplies (
  id uuid primary key,
  zone_id uuid not null references lockdown_zones (id),
  household_id uuid,
  delivered_on date not null,
  items text not null,
  delivered_by text not null,
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index lockdown_supplies_zone_idx on lockdown_supplies (zone_id, delivered_on);
