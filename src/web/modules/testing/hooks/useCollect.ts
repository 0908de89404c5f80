import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

export type { CaseOpened, CollectedView, PoolPlanView } from '@server/modules/testing/views';

export function usePoolPlan(householdId: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'pool-plan', householdId],
    queryFn: () => api.get('/api/testing/pool-plan', { query: { householdId: householdId! } }),
    enabled: !!householdId,
  });
}

/** Collects one sample (one or several tubes); the session, the tasks and, for a household, its members refresh. */
export function useCollect(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/testing/sessions/:id/samples'>) =>
      api.post('/api/testing/sessions/:id/samples', { params: { id: sessionId }, body: input }),
    onSuccess: (_, input) => {
      void qc.invalidateQueries({ queryKey: ['testing', 'session', sessionId] });
      void qc.invalidateQueries({ queryKey: ['testing', 'sessions'] });
      void qc.invalidateQueries({ queryKey: ['testing', 'tasks'] });
      if (input.householdId) {
        void qc.invalidateQueries({ queryKey: ['household', input.householdId] });
        void qc.invalidateQueries({ queryKey: ['testing', 'pool-plan', input.householdId] });
      }
    },
  });
}
