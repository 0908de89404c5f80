import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SampleBrief, SessionInput } from '@server/modules/testing/schemas';
import { api, withQuery } from '@web/lib/api';

export type { SampleBrief, SampleStatus } from '@server/modules/testing/schemas';

/** A tube with the persons swabbed into it; `suspected` while a re-collection task of theirs is open. */
export interface TubeView extends SampleBrief {
  members: { personId: string; fullName: string | null; suspected: boolean }[];
}

export interface SessionView {
  id: string;
  districtCode: string;
  communeCode: string;
  teamId: string;
  teamName: string;
  sessionDate: string;
  mode: 'fixed' | 'door_to_door';
  placeName: string | null;
  createdAt: string;
  tubes: TubeView[];
}

/** A row of the session list: no tubes, their count. */
export type SessionListItem = Omit<SessionView, 'tubes'> & { samples: number };

export function useSessions(q: { communeCode?: string; day?: string }, enabled = true) {
  return useQuery({
    queryKey: ['testing', 'sessions', q],
    queryFn: () => api.get<SessionListItem[]>(withQuery('/api/testing/sessions', q)),
    enabled,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({ queryKey: ['testing', 'session', id], queryFn: () => api.get<SessionView>(`/api/testing/sessions/${id}`), enabled: !!id });
}

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) => api.post<SessionView>('/api/testing/sessions', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['testing', 'sessions'] }),
  });
}
