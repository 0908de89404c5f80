-- Each household's resident count (persons registered to it and not merged away), kept by the database on every
-- change of persons — statement triggers over the changed rows, one update per statement whatever its size, as
-- testing_backlog is kept (0013). The campaign planner reads every household of a city with its size (issue #15):
-- a plain scan of households instead of counting 1.2 million persons.
alter table households add column residents integer not null default 0;

update households h set residents = m.n
  from (select household_id, province_code, count(*)::int as n from persons
         where household_id is not null and merged_into is null group by household_id, province_code) m
 where h.id = m.household_id and h.province_code = m.province_code;

create function households_residents_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update households h set residents = h.residents + d.n
      from (select household_id, province_code, count(*)::int as n from new_rows
             where household_id is not null and merged_into is null group by household_id, province_code) d
     where h.id = d.household_id and h.province_code = d.province_code;
  elsif tg_op = 'UPDATE' then
    update households h set residents = h.residents + d.n
      from (select household_id, province_code, sum(n)::int as n from (
              select n.household_id, n.province_code, 1 as n from new_rows n join old_rows o on o.id = n.id and o.province_code = n.province_code
               where n.household_id is not null and n.merged_into is null
                 and (o.household_id is distinct from n.household_id or o.merged_into is not null)
              union all
              select o.household_id, o.province_code, -1 from old_rows o join new_rows n on n.id = o.id and n.province_code = o.province_code
               where o.household_id is not null and o.merged_into is null
                 and (n.household_id is distinct from o.household_id or n.merged_into is not null)) x
             group by household_id, province_code having sum(n) <> 0) d
     where h.id = d.household_id and h.province_code = d.province_code;
  elsif tg_op = 'DELETE' then
    update households h set residents = h.residents - d.n
      from (select household_id, province_code, count(*)::int as n from old_rows
             where household_id is not null and merged_into is null group by household_id, province_code) d
     where h.id = d.household_id and h.province_code = d.province_code;
  else
    update households set residents = 0 where residents <> 0;
  end if;
  return null;
end $$;

create trigger persons_residents_insert after insert on persons referencing new table as new_rows for each statement execute function households_residents_change();
create trigger persons_residents_update after update on persons referencing old table as old_rows new table as new_rows for each statement execute function households_residents_change();
create trigger persons_residents_delete after delete on persons referencing old table as old_rows for each statement execute function households_residents_change();
create trigger persons_residents_truncate after truncate on persons for each statement execute function households_residents_change();
