import { defineModule } from '../../platform/module';
import type { CampaignsService } from './campaigns';
import { campaignsContract } from './contract';
import type { PlansService } from './plans';
import { campaignsRoutes } from './routes';

export interface CampaignsServices {
  campaigns: CampaignsService;
  plans: PlansService;
}

/**
 * Mass-testing campaigns by risk zone: communes' targets and rounds from the testing rules and the levels in force,
 * round coverage kept by the testing writes, team and lab capacity, tomorrow's plan with its bound, approval into
 * sampling sessions, team work lists, the campaign page and the Excel plan.
 */
export const campaignsModule = defineModule({
  contract: campaignsContract,
  tables: [
    'campaigns',
    'campaign_communes',
    'campaign_rounds',
    'campaign_coverage',
    'campaign_teams',
    'campaign_labs',
    'campaign_plans',
    'campaign_plan_items',
    'campaign_sessions',
    'campaign_prior_sampling',
    'campaign_groups',
    'campaign_group_members',
    'campaign_group_coverage',
  ],
  routes: (s) => campaignsRoutes(s.campaigns),
  scope: {
    'GET /api/campaigns/plans/:id/teams/:teamId': { url: (ids) => `/api/campaigns/plans/${ids.plan}/teams/${ids.team}` },
    'GET /api/campaigns/plans/:id/export': { url: (ids) => `/api/campaigns/plans/${ids.plan}/export` },
  },
});
