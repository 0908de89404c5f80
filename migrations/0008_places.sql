-- Places where exposures happen (markets, schools, factories …); the high-contact flag feeds the risk-level rules.
create table places (
  id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null references admin_units (code),
  name text not null,
  name_folded text not null,
  kind text not null check (kind in ('market', 'school', 'hospital', 'factory', 'residential', 'office', 'religious', 'transport', 'shop', 'other')),
  high_contact boolean not null,
  address text,
  created_at timestamptz not null default now(),
  primary key (id, province_code)
);
-- GET /api/places?commune=&q=
create index places_commune_idx on places (commune_code, name_folded);

alter table exposures add column place_id uuid;
alter table clusters add column place_id uuid;
