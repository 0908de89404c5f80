-- Rules as versioned data: the payload is validated by the zod schema of its kind before it is stored.
create table rule_sets (
  id uuid primary key,
  kind text not null,
  version integer not null check (version > 0),
  legal_basis text not null,
  effective_from date not null,
  effective_to date,                     -- exclusive
  status text not null check (status in ('draft', 'active', 'retired')),
  payload jsonb not null,
  confidence jsonb not null default '{}',
  notes text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  activated_at timestamptz,
  unique (kind, version),
  check (effective_to is null or effective_to > effective_from)
);
