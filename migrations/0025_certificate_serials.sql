-- Release certificate numbers per year, reserved by one upsert (concurrent releases never get the same number and no
-- release counts the year's certificates).
create table quarantine_certificate_serials (
  year integer primary key,
  last integer not null
);
insert into quarantine_certificate_serials (year, last)
select substr(certificate_no, 5, 4)::int, max(substr(certificate_no, 10)::int)
  from quarantine_stays where certificate_no like 'GCN-____-%' group by 1;
