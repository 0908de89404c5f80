import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamInput, TeamView } from '@server/modules/testing/schemas';
import { api, withQuery } from '@web/lib/api';

export type { TeamView } from '@server/modules/testing/schemas';

export function useTeams(communeCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'teams', communeCode],
    queryFn: () => api.get<TeamView[]>(withQuery('/api/testing/teams', { communeCode })),
    enabled: !!communeCode,
  });
}

export function useSaveTeam(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamInput) => (id ? api.put<TeamView>(`/api/testing/teams/${id}`, input) : api.post<TeamView>('/api/testing/teams', input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['testing', 'teams'] }),
  });
}
