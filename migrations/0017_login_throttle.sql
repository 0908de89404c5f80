-- Login throttling per account and client address (ASVS 2.2.1): failures from one address lock that address out
-- of that account for a growing time; the account itself is never locked, so whoever knows a username cannot
-- keep its owner from signing in with the right password from their own machine. users.failed_logins stays the
-- account-wide count (it slows every attempt on the account, it refuses none); users.locked_until goes.
create table login_throttle (
  account text not null,
  address text not null,
  failures int not null default 0,
  lockouts int not null default 0,
  blocked_until timestamptz,
  last_failure_at timestamptz not null default now(),
  primary key (account, address)
);
create index login_throttle_last_failure on login_throttle (last_failure_at);
alter table users drop column locked_until;
