-- API tokens for systems (the national platform, a lab's LIS): issued by an administrator with a permission set and
-- unit scope that can never exceed the issuer's, shown once and stored as a SHA-256 hash, expiring, revocable.
create table api_tokens (
  id uuid primary key,
  name text not null,
  token_hash text not null unique,
  -- the first characters of the token, shown in the list so an administrator can tell tokens apart
  prefix text not null,
  permissions text[] not null,
  scope_units text[] not null,
  issued_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  last_used_at timestamptz
);
create index api_tokens_issued_by on api_tokens (issued_by);
