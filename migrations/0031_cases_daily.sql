-- Cases per commune and day (issue #16: the command dashboard reads daily rollups kept by the writes, so its cost does
-- not grow with the data): new cases on their confirmation day, recoveries and deaths on their outcome day, by where
-- the case was detected (community, quarantine, lockdown zone…). Kept by statement triggers over the changed rows, one
-- upsert per statement whatever its size (as testing_backlog, 0013); a withdrawn case counts nowhere, a corrected date
-- or place moves its count.
create table cases_daily (
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  day date not null,
  detected_in text not null,
  new_cases integer not null default 0,
  recovered integer not null default 0,
  died integer not null default 0,
  primary key (province_code, commune_code, day, detected_in)
);
create index cases_daily_day_idx on cases_daily (day);

create function cases_daily_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into cases_daily as d (province_code, district_code, commune_code, day, detected_in, new_cases, recovered, died)
    select province_code, min(district_code), commune_code, day, detected_in, sum(n), sum(r), sum(x) from (
        select province_code, district_code, commune_code, confirmed_on as day, detected_in, 1 as n, 0 as r, 0 as x from new_rows where status = 'active'
        union all
        select province_code, district_code, commune_code, outcome_on, detected_in, 0, (outcome = 'recovered')::int, (outcome = 'died')::int
          from new_rows where status = 'active' and outcome in ('recovered', 'died')) c
     group by province_code, commune_code, day, detected_in order by province_code, commune_code, day, detected_in
    on conflict (province_code, commune_code, day, detected_in) do update
      set new_cases = d.new_cases + excluded.new_cases, recovered = d.recovered + excluded.recovered, died = d.died + excluded.died;
  elsif tg_op = 'UPDATE' then
    insert into cases_daily as d (province_code, district_code, commune_code, day, detected_in, new_cases, recovered, died)
    select province_code, min(district_code), commune_code, day, detected_in, sum(n), sum(r), sum(x) from (
        select province_code, district_code, commune_code, confirmed_on as day, detected_in, 1 as n, 0 as r, 0 as x from new_rows where status = 'active'
        union all
        select province_code, district_code, commune_code, outcome_on, detected_in, 0, (outcome = 'recovered')::int, (outcome = 'died')::int
          from new_rows where status = 'active' and outcome in ('recovered', 'died')
        union all
        select province_code, district_code, commune_code, confirmed_on, detected_in, -1, 0, 0 from old_rows where status = 'active'
        union all
        select province_code, district_code, commune_code, outcome_on, detected_in, 0, -(outcome = 'recovered')::int, -(outcome = 'died')::int
          from old_rows where status = 'active' and outcome in ('recovered', 'died')) c
     group by province_code, commune_code, day, detected_in
    having sum(n) <> 0 or sum(r) <> 0 or sum(x) <> 0
     order by province_code, commune_code, day, detected_in
    on conflict (province_code, commune_code, day, detected_in) do update
      set new_cases = d.new_cases + excluded.new_cases, recovered = d.recovered + excluded.recovered, died = d.died + excluded.died;
  elsif tg_op = 'DELETE' then
    insert into cases_daily as d (province_code, district_code, commune_code, day, detected_in, new_cases, recovered, died)
    select province_code, min(district_code), commune_code, day, detected_in, sum(n), sum(r), sum(x) from (
        select province_code, district_code, commune_code, confirmed_on as day, detected_in, -1 as n, 0 as r, 0 as x from old_rows where status = 'active'
        union all
        select province_code, district_code, commune_code, outcome_on, detected_in, 0, -(outcome = 'recovered')::int, -(outcome = 'died')::int
          from old_rows where status = 'active' and outcome in ('recovered', 'died')) c
     group by province_code, commune_code, day, detected_in order by province_code, commune_code, day, detected_in
    on conflict (province_code, commune_code, day, detected_in) do update
      set new_cases = d.new_cases + excluded.new_cases, recovered = d.recovered + excluded.recovered, died = d.died + excluded.died;
  else
    delete from cases_daily;
  end if;
  return null;
end $$;

create trigger cases_daily_insert after insert on cases referencing new table as new_rows for each statement execute function cases_daily_change();
create trigger cases_daily_update after update on cases referencing old table as old_rows new table as new_rows for each statement execute function cases_daily_change();
create trigger cases_daily_delete after delete on cases referencing old table as old_rows for each statement execute function cases_daily_change();
create trigger cases_daily_truncate after truncate on cases for each statement execute function cases_daily_change();

insert into cases_daily (province_code, district_code, commune_code, day, detected_in, new_cases, recovered, died)
select province_code, min(district_code), commune_code, day, detected_in, sum(n), sum(r), sum(x) from (
    select province_code, district_code, commune_code, confirmed_on as day, detected_in, 1 as n, 0 as r, 0 as x from cases where status = 'active'
    union all
    select province_code, district_code, commune_code, outcome_on, detected_in, 0, (outcome = 'recovered')::int, (outcome = 'died')::int
      from cases where status = 'active' and outcome in ('recovered', 'died')) c
 group by province_code, commune_code, day, detected_in;
