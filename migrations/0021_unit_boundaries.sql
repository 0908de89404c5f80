-- Commune boundaries (zones module) imported as GeoJSON, one file per province, for the levels map. A file applies
-- from a day: the map of a day draws the province's latest import valid on or before it.

-- One row per province and day an import applies from: the file in force for them (a new file for the same
-- province and day replaces it, the same file again changes nothing). Earlier files are in the audit log.
create table boundary_imports (
  id uuid primary key,
  province_code text not null references admin_units (code),
  valid_from date not null,
  -- sha256 of the GeoJSON and the property read for the unit code: the same file again is recognised
  file_hash text not null,
  features integer not null check (features > 0),
  -- the file's name or where it came from, as the administrator gave it
  source text not null,
  imported_by uuid not null references users (id),
  imported_at timestamptz not null default now(),
  -- also the index of the map's query: the latest import of a province with valid_from on or before a day
  unique (province_code, valid_from)
);

-- The shape of each commune of an import (a commune belongs to one province, so one shape per unit and day).
create table unit_boundaries (
  import_id uuid not null references boundary_imports (id),
  unit_code text not null references admin_units (code),
  geometry jsonb not null check (geometry ->> 'type' in ('Polygon', 'MultiPolygon')),
  primary key (import_id, unit_code)
);
