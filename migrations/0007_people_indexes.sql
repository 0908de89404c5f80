-- Deleting or re-homing persons and hamlets must not scan whole tables (seen with the synthetic city).
create index households_head_idx on households (head_person_id, province_code) where head_person_id is not null;
create index persons_hamlet_idx on persons (hamlet_code) where hamlet_code is not null;
create index households_hamlet_idx on households (hamlet_code) where hamlet_code is not null;
