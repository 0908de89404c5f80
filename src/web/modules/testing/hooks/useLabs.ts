import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

export type { LabView } from '@server/modules/testing/views';

const LABS = ['testing', 'labs'] as const;

export function useLabs() {
  return useQuery({ queryKey: LABS, queryFn: () => api.get('/api/testing/labs'), staleTime: 60_000 });
}

export function useSaveLab(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/testing/labs'>) =>
      id ? api.put('/api/testing/labs/:id', { params: { id }, body: input }) : api.post('/api/testing/labs', { body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: LABS }),
  });
}
