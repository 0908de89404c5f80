-- Quarantine and isolation (quarantine module): facilities with rooms and beds, stays (centralized, home,
-- treatment) with their plan from the rule in force, events, tasks, daily home checks, and the counters the
-- occupancy board reads (kept by the writes, never recounted from stays on a read).
create table quarantine_facilities (
  id uuid primary key,
  province_code text not null,
  district_code text not null,
  commune_code text not null references admin_units (code),
  name text not null,
  kind text not null check (kind in ('quarantine', 'treatment')),
  -- a tier code of the quarantine_operations rule set
  tier text not null,
  managing_agency text not null,
  address text not null,
  status text not null default 'open' check (status in ('open', 'full', 'closed')),
  icu_beds integer not null default 0 check (icu_beds >= 0),
  oxygen_points integer not null default 0 check (oxygen_points >= 0),
  -- counters kept by the writes
  beds integer not null default 0 check (beds >= 0),
  occupied integer not null default 0 check (occupied >= 0),
  icu_used integer not null default 0 check (icu_used >= 0),
  oxygen_used integer not null default 0 check (oxygen_used >= 0),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index quarantine_facilities_unit_idx on quarantine_facilities (province_code, district_code);

-- A facility's staff see and act on that facility only.
create table quarantine_facility_staff (
  facility_id uuid not null references quarantine_facilities (id),
  user_id uuid not null references users (id),
  primary key (user_id, facility_id)
);

create table quarantine_rooms (
  id uuid primary key,
  facility_id uuid not null references quarantine_facilities (id),
  -- zone / floor (khu, tầng)
  area text not null,
  code text not null,
  beds integer not null check (beds > 0),
  occupied integer not null default 0,
  -- the cohort the room holds: one class, entries within a date window; null when empty
  cohort_class text,
  cohort_from date,
  cohort_to date,
  exposed_on date,
  unique (facility_id, code),
  check (occupied between 0 and beds)
);

create table quarantine_stays (
  id uuid primary key,
  person_id uuid not null,
  -- where the person lives (scope of home stays; the commune team's list)
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  setting text not null check (setting in ('facility', 'home')),
  facility_id uuid references quarantine_facilities (id),
  room_id uuid references quarantine_rooms (id),
  bed text,
  reason text not null check (reason in ('f1', 'arrival', 'f0_treatment', 'f0_home')),
  exposure_class text not null check (exposure_class in ('F0', 'F1', 'F2', 'arrival')),
  vaccination text not null check (vaccination in ('full', 'partial', 'none')),
  -- the plan: situation of the quarantine rule set in force, its dates
  situation text not null,
  rule_set_id uuid not null,
  rule_version integer not null,
  started_on date not null,
  last_day date not null,
  monitoring_until date not null,
  test_days date[] not null default '{}',
  tests_done date[] not null default '{}',
  admitted_on date not null,
  status text not null default 'open' check (status in ('open', 'released', 'transferred', 'absent')),
  positive_on date,
  ended_on date,
  override_reason text,
  previous_stay_id uuid references quarantine_stays (id),
  certificate_no text unique,
  certificate_token text unique,
  signer text,
  released_by uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check ((setting = 'facility') = (room_id is not null)),
  check ((status = 'open') = (ended_on is null))
);
create unique index quarantine_stays_open_key on quarantine_stays (person_id) where status = 'open';
create unique index quarantine_stays_bed_key on quarantine_stays (room_id, bed) where status = 'open';
create index quarantine_stays_room_idx on quarantine_stays (room_id) where status = 'open';
create index quarantine_stays_facility_idx on quarantine_stays (facility_id, status);
create index quarantine_stays_home_idx on quarantine_stays (commune_code, status) where setting = 'home';
create index quarantine_stays_monitoring_idx on quarantine_stays (commune_code, monitoring_until) where status = 'released';

create table quarantine_events (
  id uuid primary key,
  stay_id uuid not null references quarantine_stays (id),
  kind text not null check (kind in ('admit', 'override', 'transfer', 'release', 'absent', 'positive', 'exposed', 'warning')),
  day date not null,
  detail jsonb not null default '{}',
  recorded_by uuid references users (id),
  created_at timestamptz not null default now()
);
create index quarantine_events_stay_idx on quarantine_events (stay_id, created_at);

create table quarantine_tasks (
  id uuid primary key,
  stay_id uuid not null references quarantine_stays (id),
  person_id uuid not null,
  facility_id uuid references quarantine_facilities (id),
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  kind text not null check (kind in ('test', 'retest', 'transfer', 'urgent_transfer')),
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  note text not null default '',
  created_at timestamptz not null default now(),
  done_at timestamptz,
  done_by uuid references users (id)
);
create index quarantine_tasks_open_idx on quarantine_tasks (facility_id, due_on) where status = 'open';
create index quarantine_tasks_stay_idx on quarantine_tasks (stay_id, status);
create index quarantine_tasks_commune_idx on quarantine_tasks (commune_code, due_on) where status = 'open';

-- Daily health checks of home quarantine and home care, by the community team or the family.
create table quarantine_checks (
  id uuid primary key,
  stay_id uuid not null references quarantine_stays (id),
  day date not null,
  temperature numeric(3, 1) not null,
  spo2 integer not null,
  symptoms text[] not null default '{}',
  warning_signs text[] not null default '{}',
  reported_by text not null check (reported_by in ('team', 'family')),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index quarantine_checks_stay_idx on quarantine_checks (stay_id, day);

-- Arrivals, releases and releases due per facility and day: the board's counters, kept by the writes.
create table quarantine_day_counts (
  facility_id uuid not null references quarantine_facilities (id),
  day date not null,
  arrivals integer not null default 0,
  releases integer not null default 0,
  releases_due integer not null default 0,
  primary key (facility_id, day)
);

create table quarantine_deliveries (
  id uuid primary key,
  facility_id uuid not null references quarantine_facilities (id),
  day date not null,
  item text not null,
  quantity integer not null check (quantity > 0),
  recorded_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index quarantine_deliveries_facility_idx on quarantine_deliveries (facility_id, day);
