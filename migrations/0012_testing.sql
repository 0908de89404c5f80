-- Testing: labs, sampling teams and sessions, tubes (single and pooled), shipments to labs, results,
-- deconvolution and confirmation tasks, result imports (staging + merge), conflicts, and the daily rollup.

create table test_types (
  code text primary key,
  method text not null check (method in ('rt_pcr', 'antigen')),
  pooled boolean not null,
  name_vi text not null,
  name_en text not null,
  loinc text not null,
  loinc_display text not null
);
-- LOINC (loinc.org, SARS-CoV-2 codes published 2020): 94500-6 RNA by NAA with probe detection (used for pooled
-- specimens too; the pooling is recorded on the specimen), 94558-4 antigen by rapid immunoassay.
insert into test_types values
  ('rt_pcr_single', 'rt_pcr', false, 'RT-PCR mẫu đơn', 'RT-PCR, single sample', '94500-6', 'SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection'),
  ('rt_pcr_pooled', 'rt_pcr', true, 'RT-PCR mẫu gộp', 'RT-PCR, pooled sample', '94500-6', 'SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection'),
  ('rapid_antigen', 'antigen', false, 'Test nhanh kháng nguyên', 'Rapid antigen test', '94558-4', 'SARS-CoV-2 (COVID-19) Ag [Presence] in Respiratory specimen by Rapid immunoassay');

create table labs (
  id uuid not null,
  province_code text not null,
  name text not null,
  address text,
  -- tests per day by test type code, e.g. {"rt_pcr_single": 2000, "rt_pcr_pooled": 8000}
  daily_capacity jsonb not null default '{}',
  opens_at time not null default '07:00',
  closes_at time not null default '22:00',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (id, province_code),
  unique (name, province_code)
);

create table sampling_teams (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null references admin_units (code),
  name text not null,
  members jsonb not null default '[]',   -- [{ "fullName": "…", "phone": "09…" }]
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (id, province_code),
  unique (name, commune_code, province_code)
);

create table sampling_sessions (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null references admin_units (code),
  team_id uuid not null,
  session_date date not null,
  mode text not null check (mode in ('fixed', 'door_to_door')),
  place_name text,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (id, province_code)
);
create index sampling_sessions_commune_idx on sampling_sessions (commune_code, session_date);

create table shipments (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  code text not null,
  team_id uuid not null,
  lab_id uuid not null,
  sent_at timestamptz not null,
  received_at timestamptz,
  received_by uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (id, province_code),
  unique (code, province_code)
);

-- One row per tube. Results live on the tube: one final result per barcode (an invalid run is retested on the
-- same tube; a different final result for the same barcode is a conflict, see result_conflicts).
create table samples (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  barcode text not null,
  test_type text not null references test_types (code),
  kind text not null check (kind in ('single', 'household_pool', 'lab_pool')),
  session_id uuid,
  team_id uuid,
  household_id uuid,
  members_count integer not null check (members_count >= 1),
  collected_at timestamptz not null,
  collected_on date not null,            -- Asia/Ho_Chi_Minh day of collected_at (rollups, same-day)
  symptomatic boolean not null default false,
  task_id uuid,                          -- the re-collection / confirmation task this tube answers
  pooled_into uuid,                      -- a lab pool made from this stored tube
  shipment_id uuid,
  lab_id uuid,
  received_at timestamptz,
  result text check (result in ('negative', 'positive', 'invalid')),
  ct_value numeric(4, 1) check (ct_value is null or (ct_value > 0 and ct_value < 50)),
  resulted_at timestamptz,
  reported_at timestamptz,
  result_source text check (result_source in ('on_site', 'manual', 'import', 'api', 'pool')),
  result_import_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (id, province_code),
  unique (barcode, province_code),
  check (result is null or resulted_at is not null),
  check (result is distinct from 'positive' or test_type = 'rapid_antigen' or ct_value is not null)
);
-- overdue board and lab backlog: only tubes without a final result (bounded by the days' volume)
create index samples_pending_idx on samples (collected_at) where result is null or result = 'invalid';
create index samples_session_idx on samples (session_id);
-- FHIR export and reports by collection day
create index samples_collected_on_idx on samples (collected_on, commune_code);
create index samples_shipment_idx on samples (shipment_id) where shipment_id is not null;
create index samples_pooled_into_idx on samples (pooled_into) where pooled_into is not null;
create index samples_import_idx on samples (result_import_id) where result_import_id is not null;

create table sample_members (
  sample_id uuid not null,
  province_code text not null,
  person_id uuid not null,
  district_code text not null,
  commune_code text not null,
  primary key (sample_id, person_id, province_code)
);
create index sample_members_person_idx on sample_members (person_id);

-- Work created by results: re-collect each member of a positive household pool, retest the stored tubes of a
-- positive lab pool, confirm a positive rapid antigen by RT-PCR. Open tasks flag the person "suspected — stay home".
create table testing_tasks (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  person_id uuid not null,
  kind text not null check (kind in ('recollect', 'retest_stored', 'confirm_rtpcr')),
  source_sample_id uuid not null,
  stored_sample_id uuid,                 -- retest_stored: the individual tube to retest
  status text not null default 'open' check (status in ('open', 'done')),
  due_on date not null,
  done_sample_id uuid,
  created_at timestamptz not null default now(),
  done_at timestamptz,
  primary key (id, province_code),
  unique (person_id, source_sample_id, kind, province_code)
);
create index testing_tasks_open_idx on testing_tasks (commune_code, due_on) where status = 'open';
create index testing_tasks_person_idx on testing_tasks (person_id) where status = 'open';

create table result_imports (
  id uuid not null,
  province_code text not null,
  lab_id uuid,                           -- null for results entered on the spot (rapid antigen)
  file_name text not null,
  sha256 text not null,
  format text not null check (format in ('csv', 'xlsx', 'json', 'manual', 'on_site')),
  status text not null check (status in ('loading', 'done', 'rejected')),
  stage text not null default 'reading' check (stage in ('reading', 'staging', 'checking', 'merging', 'finished')),
  rows_staged integer not null default 0,
  rows_total integer not null default 0,
  rows_applied integer not null default 0,
  rows_unchanged integer not null default 0,
  rows_conflict integer not null default 0,
  rows_rejected integer not null default 0,
  errors jsonb not null default '[]',
  created_by uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (id, province_code)
);
create index result_imports_sha_idx on result_imports (sha256, lab_id);

-- Staging for an import: the file's rows after their format was checked (in the reader), checked against the
-- samples in SQL, merged, then deleted. Unlogged: a crash loses it, and the import is re-run from the file.
create unlogged table result_import_rows (
  import_id uuid not null,
  line integer not null,
  barcode text not null,
  result text not null check (result in ('negative', 'positive', 'invalid')),
  ct_value numeric(4, 1),
  resulted_at timestamptz not null
);
create index result_import_rows_import_idx on result_import_rows (import_id, barcode);

create table result_conflicts (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  sample_id uuid not null,
  barcode text not null,
  current_result text not null,
  current_ct numeric(4, 1),
  proposed_result text not null,
  proposed_ct numeric(4, 1),
  proposed_resulted_at timestamptz not null,
  import_id uuid,
  status text not null default 'open' check (status in ('open', 'accepted', 'rejected')),
  resolved_by uuid,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (id, province_code)
);
create index result_conflicts_sample_idx on result_conflicts (sample_id);
create index result_conflicts_open_idx on result_conflicts (created_at) where status = 'open';
-- the same conflicting row imported again is the same conflict
create unique index result_conflicts_open_key on result_conflicts (sample_id, proposed_result, coalesce(proposed_ct, -1), province_code) where status = 'open';

-- The daily rollup the command view reads, kept current by every write. One row per collection day (Vietnam),
-- commune, team, lab and test type; collection counters sit on the row without a lab (nil uuid), receipt and
-- result counters on the lab's row.
create table testing_daily (
  day date not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  team_id uuid not null,
  lab_id uuid not null,
  test_type text not null,
  samples integer not null default 0,
  persons integer not null default 0,
  pools integer not null default 0,
  received integer not null default 0,
  resulted integer not null default 0,
  positive integer not null default 0,
  negative integer not null default 0,
  invalid integer not null default 0,
  same_day integer not null default 0,
  tat_minutes_sum bigint not null default 0,
  tat_le6h integer not null default 0,
  tat_le12h integer not null default 0,
  tat_le24h integer not null default 0,
  tat_le48h integer not null default 0,
  tat_gt48h integer not null default 0,
  primary key (day, province_code, commune_code, team_id, lab_id, test_type)
);

-- Quarantine test days a negative result satisfied (follow-up list).
alter table classifications add column tests_done date[] not null default '{}';
