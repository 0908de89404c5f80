import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

/** Every campaign answer is under this key: a write refetches them all (a plan moves the campaign page too). */
export const CAMPAIGNS = ['campaigns'] as const;

export const useCampaigns = () => useQuery({ queryKey: [...CAMPAIGNS, 'list'], queryFn: () => api.get('/api/campaigns') });

export const useCampaign = (id: string) =>
  useQuery({ queryKey: [...CAMPAIGNS, 'campaign', id], queryFn: () => api.get('/api/campaigns/:id', { params: { id } }), refetchOnMount: 'always' });

export const usePlan = (id: string) =>
  useQuery({ queryKey: [...CAMPAIGNS, 'plan', id], queryFn: () => api.get('/api/campaigns/plans/:id', { params: { id } }) });

export const useWorkList = (id: string, teamId: string) =>
  useQuery({
    queryKey: [...CAMPAIGNS, 'plan', id, 'team', teamId],
    queryFn: () => api.get('/api/campaigns/plans/:id/teams/:teamId', { params: { id, teamId } }),
    // the tubes are collected on the testing module's page: back on the list, it is read again
    refetchOnMount: 'always',
    refetchInterval: 60_000,
  });

function useWrite<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: CAMPAIGNS }) });
}

export const useCreateCampaign = () => useWrite((body: BodyOf<'POST', '/api/campaigns'>) => api.post('/api/campaigns', { body }));
export const useSetTeam = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/campaigns/:id/teams'>) => api.post('/api/campaigns/:id/teams', { params: { id }, body }));
export const useSetLab = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/campaigns/:id/labs'>) => api.post('/api/campaigns/:id/labs', { params: { id }, body }));
export const useMakePlan = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/campaigns/:id/plans'>) => api.post('/api/campaigns/:id/plans', { params: { id }, body }));
export const useEditPlan = (id: string) =>
  useWrite((body: BodyOf<'PATCH', '/api/campaigns/plans/:id'>) => api.patch('/api/campaigns/plans/:id', { params: { id }, body }));
export const useApprovePlan = (id: string) => useWrite(() => api.post('/api/campaigns/plans/:id/approve', { params: { id } }));
