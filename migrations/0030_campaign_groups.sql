-- Groups of a campaign (issue #15: "groups such as market workers and delivery staff"): persons of a commune by
-- occupation, sampled individually or in pools on the rule's frequency for their population (essential_workers), a
-- person counted once per round. Members are fixed when the campaign is made (its target).
create table campaign_groups (
  id uuid primary key,
  campaign_id uuid not null references campaigns (id),
  name text not null,
  province_code text not null,
  district_code text not null,
  commune_code text not null,
  population text not null,
  occupations text[] not null,
  every_days integer not null check (every_days > 0),
  method text not null check (method in ('rt_pcr_pooled', 'rapid_antigen')),
  persons_target integer not null
);
create index campaign_groups_campaign_idx on campaign_groups (campaign_id);

create table campaign_group_members (
  group_id uuid not null references campaign_groups (id),
  person_id uuid not null,
  primary key (group_id, person_id)
);
create index campaign_group_members_person_idx on campaign_group_members (person_id);

create table campaign_group_coverage (
  group_id uuid not null references campaign_groups (id),
  person_id uuid not null,
  round_no integer not null,
  sampled_on date not null,
  session_id uuid,
  primary key (group_id, person_id, round_no)
);
