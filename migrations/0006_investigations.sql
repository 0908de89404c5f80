-- The unified epidemiological investigation of each case (one per case), and named clusters.
create table investigations (
  case_id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  form_rule_set_id uuid not null,
  form_version integer not null,
  data jsonb not null default '{}',
  completeness numeric(4, 3) not null default 0,
  status text not null default 'draft' check (status in ('draft', 'completed')),
  started_at timestamptz not null default now(),
  completed_at timestamptz,
  timeliness_hours numeric(8, 1),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (case_id, province_code)
);
-- quality table per district
create index investigations_district_idx on investigations (district_code, status);

create table clusters (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  name text not null,
  index_case_id uuid not null,
  place_name text,
  high_contact boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (id, province_code)
);
create index clusters_commune_idx on clusters (commune_code);
