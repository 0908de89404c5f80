import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type QueryOf } from '@web/lib/api';

/** TubeView: a tube with the persons swabbed into it, `suspected` while a re-collection task of theirs is open.
 * SessionListItem: a row of the session list, no tubes but their count. */
export type { SampleBrief, SampleStatus, SessionListItem, SessionView, TubeView } from '@server/modules/testing/views';

export function useSessions(q: QueryOf<'GET', '/api/testing/sessions'>, enabled = true) {
  return useQuery({
    queryKey: ['testing', 'sessions', q],
    queryFn: () => api.get('/api/testing/sessions', { query: q }),
    enabled,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({ queryKey: ['testing', 'session', id], queryFn: () => api.get('/api/testing/sessions/:id', { params: { id: id! } }), enabled: !!id });
}

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/testing/sessions'>) => api.post('/api/testing/sessions', { body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['testing', 'sessions'] }),
  });
}
