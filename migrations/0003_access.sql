-- Users, sessions and the hash-chained audit log.
create table users (
  id uuid primary key,
  username text not null,
  full_name text not null,
  password_hash text not null,
  role text not null,
  scope_units text[] not null,           -- unit codes (province, districts or communes) the user may see
  agency text,
  disabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username_key on users (lower(username));

create table sessions (
  token_hash text primary key,           -- sha256 of the cookie value; the value itself is never stored
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  ip text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- Append-only: every row's hash covers its content and the previous row's hash.
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_name text,
  action text not null,
  entity text not null,
  entity_id text,
  ip text,
  fields text[] not null default '{}',
  detail jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_entity_idx on audit_log (entity, entity_id);
create index audit_log_actor_idx on audit_log (actor_id, seq);
-- GET /api/audit: newest first, optionally by day
create index audit_log_at_idx on audit_log (at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
