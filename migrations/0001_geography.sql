-- Administrative units to hamlet level, with validity (units merge and split), and population counts.
create extension if not exists pg_trgm;

create table admin_units (
  code text primary key,                 -- GSO code; hamlets: '<commune code>.<local code>'
  province_code text not null,
  parent_code text references admin_units (code),
  level text not null check (level in ('province', 'district', 'commune', 'hamlet')),
  name text not null,
  name_folded text not null,
  type text not null,                    -- Thành phố Trung ương, Quận, Huyện, Phường, Xã, Thị trấn, Ấp, Khu vực, Tổ
  valid_from date not null,
  valid_to date,                         -- exclusive; null = still valid
  source text not null,
  check (valid_to is null or valid_to > valid_from)
);
-- GET /api/units/:code/children
create index admin_units_parent_idx on admin_units (parent_code, code);

create table population (
  unit_code text not null references admin_units (code),
  as_of date not null,
  source text not null,
  count integer not null check (count >= 0),
  households integer check (households >= 0),
  synthetic boolean not null default false,
  primary key (unit_code, as_of, source)
);
