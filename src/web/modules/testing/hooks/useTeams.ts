import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamInput } from '@server/modules/testing/schemas';
import { api, withQuery } from '@web/lib/api';

/** A sampling team as GET /api/testing/teams answers (testing/present.ts `team`). */
export interface TeamView {
  id: string;
  districtCode: string;
  communeCode: string;
  name: string;
  members: { fullName: string; phone: string | null }[];
  active: boolean;
}

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
