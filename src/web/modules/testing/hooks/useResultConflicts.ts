import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

export type { ResultConflict } from '@server/modules/testing/views';

export type ConflictDecision = BodyOf<'POST', '/api/testing/conflicts/:id'>['decision'];

export function useResultConflicts() {
  return useQuery({ queryKey: ['testing', 'conflicts'], queryFn: () => api.get('/api/testing/conflicts') });
}

/** accept: the new result replaces the tube's (its consequences follow); reject: the tube keeps its result. */
export function useResolveConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: ConflictDecision }) =>
      api.post('/api/testing/conflicts/:id', { params: { id }, body: { decision } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['testing'] }),
  });
}
