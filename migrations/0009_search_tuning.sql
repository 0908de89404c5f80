-- Person search at city scale (bench/RESULTS.md): a GIN pending list makes every name query scan it, and
-- the text_pattern_ops index cannot serve ORDER BY. Names are folded to ASCII, so C order is alphabetical.
alter index persons_name_words_idx set (fastupdate = off);
select gin_clean_pending_list('persons_name_words_idx'::regclass);
drop index persons_name_prefix_idx;
-- GET /api/persons?q= broad queries: matches in alphabetical order, and LIKE 'prefix%'
create index persons_name_c_idx on persons ((name_folded collate "C"), id);
