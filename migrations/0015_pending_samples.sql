-- Results written in place (bench/RESULTS.md §4, issue #5). A result updates its tube's row; PostgreSQL can do that
-- as a heap-only (HOT) update — no new entry in any index — only when no index mentions a changed column (its
-- predicate included) and the page has room for the new version. samples_pending_idx and samples_backlog_idx had
-- `result` in their predicate, and COPY and inserts filled the pages, so a million-row result file updated five
-- indexes per tube: the update cost 1.7–2.8 × a raw COPY of the same rows.
--
-- The tubes without a final result now live in their own small table, kept by the same statement triggers that
-- keep the backlog counters (one delete and one insert per statement over its transition tables, whatever its
-- size): the overdue board and the oldest waiting tube per lab read it. samples keeps 60 % of each page free
-- (fillfactor 40) for the versions a tube's life writes (shipped, received, resulted): measured on 1,000,000
-- tubes, the result update took 49.0 s with the old indexes and full pages, 30.4 s without them at fillfactor 60
-- (54 % HOT), 14.0 s at fillfactor 40 (all HOT), against 28.6 s for a raw COPY of the rows. The price is disk:
-- a page holds ~12 new tubes instead of ~30 (the updated versions then fill it).
alter table samples set (fillfactor = 40);

-- The rollup counts same-day results from collected_on (testing/rollup.ts): it must be the Vietnam day of collection.
alter table samples add constraint samples_collected_on_vn_day check (collected_on = (collected_at at time zone 'Asia/Ho_Chi_Minh')::date);

create table pending_samples (
  sample_id uuid not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  lab_id uuid,
  collected_at timestamptz not null,
  primary key (sample_id, province_code)
);
create index pending_samples_collected_idx on pending_samples (collected_at);
create index pending_samples_lab_idx on pending_samples (lab_id, collected_at);

insert into pending_samples (sample_id, province_code, district_code, commune_code, lab_id, collected_at)
select id, province_code, district_code, commune_code, lab_id, collected_at from samples where result is null or result = 'invalid';

drop index if exists samples_pending_idx;
drop index if exists samples_backlog_idx;

create or replace function testing_backlog_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into testing_backlog as b (province_code, district_code, commune_code, lab_id, in_transit, awaiting)
    select province_code, min(district_code), commune_code, lab_id, count(*) - count(received_at), count(received_at)
      from new_rows where (result is null or result = 'invalid') and lab_id is not null
     group by province_code, commune_code, lab_id order by province_code, commune_code, lab_id
    on conflict (province_code, commune_code, lab_id) do update set in_transit = b.in_transit + excluded.in_transit, awaiting = b.awaiting + excluded.awaiting;
    insert into pending_samples (sample_id, province_code, district_code, commune_code, lab_id, collected_at)
    select id, province_code, district_code, commune_code, lab_id, collected_at from new_rows where result is null or result = 'invalid';
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
    delete from pending_samples p using old_rows o
     where p.sample_id = o.id and p.province_code = o.province_code and (o.result is null or o.result = 'invalid');
    insert into pending_samples (sample_id, province_code, district_code, commune_code, lab_id, collected_at)
    select id, province_code, district_code, commune_code, lab_id, collected_at from new_rows where result is null or result = 'invalid';
  elsif tg_op = 'DELETE' then
    insert into testing_backlog as b (province_code, district_code, commune_code, lab_id, in_transit, awaiting)
    select province_code, min(district_code), commune_code, lab_id, -(count(*) - count(received_at)), -count(received_at)
      from old_rows where (result is null or result = 'invalid') and lab_id is not null
     group by province_code, commune_code, lab_id order by province_code, commune_code, lab_id
    on conflict (province_code, commune_code, lab_id) do update set in_transit = b.in_transit + excluded.in_transit, awaiting = b.awaiting + excluded.awaiting;
    delete from pending_samples p using old_rows o where p.sample_id = o.id and p.province_code = o.province_code;
  else
    delete from testing_backlog;
    delete from pending_samples;
  end if;
  return null;
end $$;
