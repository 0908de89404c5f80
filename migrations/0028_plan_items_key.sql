-- A plan's items under one btree instead of two (issue #15, bench/RESULTS.md): the work list reads a team's items in
-- route order, (plan_id, team_id, seq), which the key now is; a plan's tens of thousands of items are written in that
-- order (each team's households hamlet by hamlet), so the insert appends to one index.
alter table campaign_plan_items drop constraint campaign_plan_items_pkey;
alter table campaign_plan_items add primary key (plan_id, team_id, seq);
drop index campaign_plan_items_team_idx;
