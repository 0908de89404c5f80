-- The risk-level assessment reads the active cases of a span of days (and each commune's last community case before
-- it): an index on the day, covering what it reads, instead of a scan of every case ever stored.
create index cases_active_confirmed_idx on cases (confirmed_on) include (commune_code, detected_in, person_id) where status = 'active';
