-- The name-key scans filter by scope and unit: carry those columns in the indexes (index-only scans,
-- no heap visit per candidate) and leave merged records out.
drop index persons_name_c_idx;
drop index persons_name_tail_idx;
drop index persons_name_surname_given_idx;
drop index persons_name_given_idx;
create index persons_name_c_idx on persons ((name_folded collate "C"), id) include (province_code, district_code, commune_code, hamlet_code) where merged_into is null;
create index persons_name_tail_idx on persons ((name_tail collate "C"), id) include (province_code, district_code, commune_code, hamlet_code) where merged_into is null;
create index persons_name_surname_given_idx on persons ((name_surname_given collate "C"), id) include (province_code, district_code, commune_code, hamlet_code) where merged_into is null;
create index persons_name_given_idx on persons ((name_given collate "C"), id) include (province_code, district_code, commune_code, hamlet_code) where merged_into is null;
