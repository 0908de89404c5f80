-- Cases (F0), exposures between persons, and the F0/F1/F2 classes derived from them.
create table cases (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  person_id uuid not null,
  case_code text not null,               -- human code, unique in the province: <province>-<year>-<serial>
  confirmed_on date not null,
  confirming_test text not null,         -- e.g. RT-PCR sample barcode or lab reference
  detected_in text not null check (detected_in in ('community', 'quarantine_facility', 'lockdown_zone', 'home_quarantine', 'screening_at_facility', 'arrival')),
  onset_on date,                         -- symptom onset; null when asymptomatic
  sampled_on date not null,              -- date of the positive sample (the window anchor when asymptomatic)
  isolated_at timestamptz,
  clinical_status text not null default 'asymptomatic' check (clinical_status in ('asymptomatic', 'mild', 'moderate', 'severe', 'critical')),
  treatment_place text not null default 'home' check (treatment_place in ('home', 'facility', 'district_hospital', 'province_hospital', 'central_hospital')),
  outcome text check (outcome in ('recovered', 'died', 'transferred')),
  outcome_on date,
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  withdrawn_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (id, province_code),
  unique (case_code, province_code),
  check (outcome is null or outcome_on is not null)
);
-- one active case per person
create unique index cases_person_active_key on cases (person_id, province_code) where status = 'active';
-- case list: unit and confirmation date
create index cases_commune_confirmed_idx on cases (commune_code, confirmed_on);

create table case_code_counters (
  province_code text not null,
  year integer not null,
  last integer not null,
  primary key (province_code, year)
);

create table exposures (
  id uuid not null,
  province_code text not null,
  district_code text not null,           -- place of the exposed person (scope)
  commune_code text not null,
  source_person_id uuid not null,
  exposed_person_id uuid not null,
  start_at timestamptz not null,
  end_at timestamptz not null,
  contact_type text not null,
  setting text not null check (setting in ('household', 'workplace', 'community', 'healthcare', 'school', 'transport', 'other')),
  place_name text,
  created_at timestamptz not null default now(),
  primary key (id, province_code),
  check (end_at >= start_at),
  check (source_person_id <> exposed_person_id)
);
create unique index exposures_natural_key on exposures (source_person_id, exposed_person_id, start_at, province_code);
-- neighbourhood walks: downstream and upstream of a person
create index exposures_source_idx on exposures (source_person_id);
create index exposures_exposed_idx on exposures (exposed_person_id);

create table classifications (
  person_id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  class text not null check (class in ('F0', 'F1', 'F2')),
  generation integer not null,
  via_exposure_id uuid,
  root_case_person_id uuid not null,
  exposed_at timestamptz,
  rule_set_id uuid not null,
  rule_version integer not null,
  quarantine_situation text,
  quarantine_until date,
  test_days date[] not null default '{}',
  classified_at timestamptz not null default now(),
  primary key (person_id, province_code)
);
-- follow-up work list per commune
create index classifications_commune_idx on classifications (commune_code, class);
