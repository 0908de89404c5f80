-- The transmission chain around a person, walked inside the database (bench/RESULTS.md §3, issue #4): every person
-- connected to `root` through exposures in either direction, with its distance in hops (breadth-first), at most
-- `max_nodes` persons. One call instead of one round trip per level that brought every edge of the level to the
-- server only to learn the next frontier: the edges now travel once, after the walk, and only between the persons
-- found. The set of persons already reached is checked by a hashed NOT IN (a linear `<> all` is quadratic).
create function chain_walk(root uuid, max_nodes integer) returns table (person_id uuid, depth integer)
language plpgsql stable as $$
declare
  frontier uuid[] := array[root];
  seen uuid[] := array[root];
  level integer := 0;
begin
  person_id := root;
  depth := 0;
  return next;
  while cardinality(seen) < max_nodes loop
    level := level + 1;
    select coalesce(array_agg(distinct x.p), '{}') into frontier from (
        select e.exposed_person_id as p from exposures e where e.source_person_id = any(frontier)
        union all
        select e.source_person_id from exposures e where e.exposed_person_id = any(frontier)) x
     where x.p not in (select unnest(seen));
    exit when cardinality(frontier) = 0;
    frontier := frontier[1:max_nodes - cardinality(seen)];
    seen := seen || frontier;
    return query select unnest(frontier), level;
  end loop;
end $$;
