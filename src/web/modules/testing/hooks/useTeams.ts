import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

export type { TeamView } from '@server/modules/testing/views';

export function useTeams(communeCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'teams', communeCode],
    queryFn: () => api.get('/api/testing/teams', { query: { communeCode } }),
    enabled: !!communeCode,
  });
}

export function useSaveTeam(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/testing/teams'>) =>
      id ? api.put('/api/testing/teams/:id', { params: { id }, body: input }) : api.post('/api/testing/teams', { body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['testing', 'teams'] }),
  });
}
