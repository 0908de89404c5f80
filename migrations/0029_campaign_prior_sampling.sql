-- Each household's last sampling before a campaign began (issue #15: the plan takes the oldest-sampled first, and a
-- household sampled the week before the campaign is not "never sampled"), read once from testing when the campaign
-- is made, within the longest interval any population may wait (older is as good as never).
create table campaign_prior_sampling (
  campaign_id uuid not null references campaigns (id),
  household_id uuid not null,
  sampled_on date not null,
  primary key (campaign_id, household_id)
);
