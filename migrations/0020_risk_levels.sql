-- Risk levels (zones module): inputs the product does not compute yet, daily assessments with the figures and rule
-- version that produced them, and the officials' decisions. The decided level in force on a day is the latest
-- decision effective on or before it.

-- Values entered per unit with date and source (vaccine coverage, treatment capacity) until vaccination and
-- quarantine compute them. The value in force on a day is the latest as_of on or before it.
create table risk_inputs (
  id uuid primary key,
  unit_code text not null references admin_units (code),
  province_code text not null,
  input text not null check (input in ('adult_first_dose_coverage', 'over50_full_coverage', 'capacity_met')),
  value numeric not null check (value >= 0 and value <= 1),
  as_of date not null,
  source text not null,
  entered_by uuid not null references users (id),
  entered_at timestamptz not null default now()
);
create index risk_inputs_unit_idx on risk_inputs (unit_code, input, as_of desc, entered_at desc);

-- One proposal per unit and day: the level the rule set in force that day gives, with the figures that drove it.
create table risk_assessments (
  unit_code text not null references admin_units (code),
  day date not null,
  province_code text not null,
  tier text not null check (tier in ('commune', 'district', 'province')),
  rule_set_id uuid not null,
  rule_kind text not null,
  rule_version integer not null,
  level text not null,
  rank integer not null check (rank between 1 and 4),
  figures jsonb not null,
  reasons jsonb not null,
  missing text[] not null,
  computed_at timestamptz not null default now(),
  primary key (unit_code, day)
);
create index risk_assessments_day_idx on risk_assessments (day);

-- An official decides the level (confirming or overriding the proposal) with a decision number and signer.
create table risk_decisions (
  id uuid primary key,
  unit_code text not null references admin_units (code),
  province_code text not null,
  rule_kind text not null,
  level text not null,
  rank integer not null check (rank between 1 and 4),
  assessment_day date not null,
  proposed_level text not null,
  decision_number text not null,
  decided_on date not null,
  effective_from date not null,
  signer text not null,
  reason text,
  decided_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (effective_from >= assessment_day)
);
create index risk_decisions_unit_idx on risk_decisions (unit_code, effective_from desc, created_at desc);
