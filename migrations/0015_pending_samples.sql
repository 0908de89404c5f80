-- Results written in place (bench/RESULTS.md §4, issue #5). A result updates its tube's row; PostgreSQL can do that
-- as a heap-only (HOT) update — no new entry in any index — only when no index mentions a changed column (its
-- predicate included) and the page has room for the new version. samples_pending_idx and samples_backlog_idx had
-- `result` in their predicate, and COPY and inserts filled the pages, so a million-row result file updated five
-- indexes per tube: the update cost 1.7–2.8 × a raw COPY of the same rows.
--
-- The tubes without a final result now live in their own small table, kept by statement triggers beside those
-- that keep the backlog counters (one delete and one insert per statement over its transition tables, whatever
-- its size): the overdue board and the oldest waiting tube per lab read it. samples keeps 60 % of each page free
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

-- One delete of the old pending rows and one insert of the new ones per statement, over the transition tables the
-- backlog triggers of migration 0013 already capture for the same statements (PostgreSQL keeps one copy per event).
create function pending_samples_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    delete from pending_samples p using old_rows o
     where p.sample_id = o.id and p.province_code = o.province_code and (o.result is null or o.result = 'invalid');
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into pending_samples (sample_id, province_code, district_code, commune_code, lab_id, collected_at)
    select id, province_code, district_code, commune_code, lab_id, collected_at from new_rows where result is null or result = 'invalid';
  end if;
  if tg_op = 'TRUNCATE' then
    delete from pending_samples;
  end if;
  return null;
end $$;

create trigger samples_pending_insert after insert on samples referencing new table as new_rows for each statement execute function pending_samples_change();
create trigger samples_pending_update after update on samples referencing old table as old_rows new table as new_rows for each statement execute function pending_samples_change();
create trigger samples_pending_delete after delete on samples referencing old table as old_rows for each statement execute function pending_samples_change();
create trigger samples_pending_truncate after truncate on samples for each statement execute function pending_samples_change();
