-- Testing at scale (bench/RESULTS.md: the result import and the daily summary, issue #5).

-- samples_import_idx indexed every resulted tube by the import that brought its result, for one lookup: the
-- negative tubes of an import, to satisfy quarantine test days. A million-row import put a million entries under
-- one key into it inside the merge (a third of the merge's time on PostgreSQL); the merge now finds those tubes
-- from its own rows (small imports) or from the persons with test days (large ones) instead.
drop index if exists samples_import_idx;

-- Staged rows are found by their import: a BRIN range index (imports are appended, and uuidv7 ids grow with
-- time) instead of a btree on (import_id, barcode), which cost half as much as the COPY of a large file itself.
drop index if exists result_import_rows_import_idx;
create index result_import_rows_import_idx on result_import_rows using brin (import_id);

-- The lab backlog of the command view (tubes at a lab without a final result: in transit, or received and
-- awaiting a result) as counters per commune and lab, kept by the database on every change of samples
-- (statement triggers over the changed rows: one upsert per statement, whatever its size), so the summary reads
-- a few rows instead of counting the backlog, which grows with the day's volume (~90,000 tubes at 5 million
-- stored). The oldest waiting tube per lab comes from samples_backlog_idx, first entry of each lab.
create table testing_backlog (
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  lab_id uuid not null,
  in_transit integer not null default 0,
  awaiting integer not null default 0,
  primary key (province_code, commune_code, lab_id)
);

create index samples_backlog_idx on samples (lab_id, collected_at) include (province_code, district_code, commune_code)
  where (result is null or result = 'invalid') and lab_id is not null;

-- Counted: a tube with a lab and without a final result (as testingSummary always counted it). Rows are upserted
-- in key order (the same lock order in every transaction).
create function testing_backlog_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into testing_backlog as b (province_code, district_code, commune_code, lab_id, in_transit, awaiting)
    select province_code, min(district_code), commune_code, lab_id, count(*) - count(received_at), count(received_at)
      from new_rows where (result is null or result = 'invalid') and lab_id is not null
     group by province_code, commune_code, lab_id order by province_code, commune_code, lab_id
    on conflict (province_code, commune_code, lab_id) do update set in_transit = b.in_transit + excluded.in_transit, awaiting = b.awaiting + excluded.awaiting;
  elsif tg_op = 'UPDATE' then
    insert into testing_backlog as b (province_code, district_code, commune_code, lab_id, in_transit, awaiting)
    select province_code, min(district_code), commune_code, lab_id, sum(t), sum(a) from (
        select province_code, district_code, commune_code, lab_id, (received_at is null)::int as t, (received_at is not null)::int as a
          from new_rows where (result is null or result = 'invalid') and lab_id is not null
        union all
        select province_code, district_code, commune_code, lab_id, -(received_at is null)::int, -(received_at is not null)::int
          from old_rows where (result is null or result = 'invalid') and lab_id is not null) x
     group by province_code, commune_code, lab_id having sum(t) <> 0 or sum(a) <> 0 order by province_code, commune_code, lab_id
    on conflict (province_code, commune_code, lab_id) do update set in_transit = b.in_transit + excluded.in_transit, awaiting = b.awaiting + excluded.awaiting;
  elsif tg_op = 'DELETE' then
    insert into testing_backlog as b (province_code, district_code, commune_code, lab_id, in_transit, awaiting)
    select province_code, min(district_code), commune_code, lab_id, -(count(*) - count(received_at)), -count(received_at)
      from old_rows where (result is null or result = 'invalid') and lab_id is not null
     group by province_code, commune_code, lab_id order by province_code, commune_code, lab_id
    on conflict (province_code, commune_code, lab_id) do update set in_transit = b.in_transit + excluded.in_transit, awaiting = b.awaiting + excluded.awaiting;
  else
    delete from testing_backlog;
  end if;
  return null;
end $$;

create trigger samples_backlog_insert after insert on samples referencing new table as new_rows for each statement execute function testing_backlog_change();
create trigger samples_backlog_update after update on samples referencing old table as old_rows new table as new_rows for each statement execute function testing_backlog_change();
create trigger samples_backlog_delete after delete on samples referencing old table as old_rows for each statement execute function testing_backlog_change();
create trigger samples_backlog_truncate after truncate on samples for each statement execute function testing_backlog_change();

insert into testing_backlog (province_code, district_code, commune_code, lab_id, in_transit, awaiting)
select province_code, min(district_code), commune_code, lab_id, count(*) - count(received_at), count(received_at)
  from samples where (result is null or result = 'invalid') and lab_id is not null
 group by province_code, commune_code, lab_id;
