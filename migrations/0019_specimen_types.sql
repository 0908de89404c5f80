-- The specimen each test type is run on, coded for FHIR Specimen.type (SNOMED CT): every test type of the
-- 2021 rules is a swab of the upper respiratory tract; a pooled tube holds several persons' swabs.
alter table test_types add column specimen_code text not null default '258500001';
alter table test_types add column specimen_display text not null default 'Nasopharyngeal swab';
