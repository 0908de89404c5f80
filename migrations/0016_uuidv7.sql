-- UUIDv7 for rows made by set-based SQL (deconvolution tasks, result conflicts), as the writers of every other row
-- make them (DESIGN.md: identifiers): the first 48 bits are the Unix time in milliseconds, so ids grow with time
-- and index appends stay at the right edge; the rest is random (from gen_random_uuid) with version 7 and the RFC
-- 4122 variant. PostgreSQL 15 has no uuidv7() of its own (18 has).
create function uuidv7() returns uuid language sql volatile parallel safe as $$
  select encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
