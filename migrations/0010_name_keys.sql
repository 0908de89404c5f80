-- Person search by the ways officers type names, each an ordered range scan of its own index:
-- full name ("nguyen van duc"), without the surname ("van duc", "thi hoa"), surname + given name
-- ("tran thuy"), given name alone ("hieu"). Prefixes work on all of them (live typing).
alter table persons
  add column name_tail text generated always as (regexp_replace(name_folded, '^\S+\s*', '')) stored,
  add column name_surname_given text generated always as (split_part(name_folded, ' ', 1) || ' ' || regexp_replace(name_folded, '^.*\s', '')) stored,
  add column name_given text generated always as (regexp_replace(name_folded, '^.*\s', '')) stored;
-- GET /api/persons?q=: one index per key, in C order (folded names are ASCII)
create index persons_name_tail_idx on persons ((name_tail collate "C"), id);
create index persons_name_surname_given_idx on persons ((name_surname_given collate "C"), id);
create index persons_name_given_idx on persons ((name_given collate "C"), id);
