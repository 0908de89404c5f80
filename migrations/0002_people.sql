-- Households and persons. Every personal-data row carries province_code (the distribution key for a
-- country-scale Citus deployment, so it is in every primary and unique key) and commune_code (scope).
create table households (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null references admin_units (code),
  hamlet_code text references admin_units (code),
  address text not null,
  head_person_id uuid,
  synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (id, province_code)
);
create index households_commune_idx on households (commune_code);

create table persons (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null references admin_units (code),
  hamlet_code text references admin_units (code),
  household_id uuid,
  full_name text not null,
  name_folded text not null,             -- foldVietnamese(full_name): search ignores diacritics and case
  birth_date date,
  birth_year integer not null check (birth_year between 1880 and 2100),
  sex text not null check (sex in ('male', 'female')),
  national_id text check (national_id ~ '^([0-9]{9}|[0-9]{12})$'),
  phone text check (phone ~ '^0[0-9]{9}$'),
  occupation text,
  workplace text,
  address text,
  synthetic boolean not null default false,
  merged_into uuid,                      -- set when merged into another person; hidden from search
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (id, province_code),
  foreign key (household_id, province_code) references households (id, province_code),
  check (birth_date is null or extract(year from birth_date) = birth_year)
);
-- one live record per national ID (conflict names the existing record)
create unique index persons_national_id_key on persons (national_id, province_code)
  where national_id is not null and merged_into is null;
-- GET /api/persons?q=: every word of q, last one as a prefix, matched against folded names
create index persons_name_words_idx on persons using gin (to_tsvector('simple', name_folded));
-- GET /api/persons?q= ordering for broad queries: names starting with q, alphabetically
create index persons_name_prefix_idx on persons (name_folded text_pattern_ops, id);
-- duplicate warnings: same commune, same birth year, similar name
create index persons_commune_birth_year_idx on persons (commune_code, birth_year);
create index persons_household_idx on persons (household_id) where household_id is not null;
create index persons_phone_idx on persons (phone) where phone is not null;

alter table households add foreign key (head_person_id, province_code) references persons (id, province_code)
  deferrable initially deferred;
