import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResultConflict } from '@server/modules/testing/schemas';
import { api } from '@web/lib/api';

export type { ResultConflict } from '@server/modules/testing/schemas';

export type ConflictDecision = 'accept' | 'reject';

export function useResultConflicts() {
  return useQuery({ queryKey: ['testing', 'conflicts'], queryFn: () => api.get<ResultConflict[]>('/api/testing/conflicts') });
}

/** accept: the new result replaces the tube's (its consequences follow); reject: the tube keeps its result. */
export function useResolveConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: ConflictDecision }) =>
      api.post<{ id: string; decision: ConflictDecision; casesOpened: { personId: string; caseCode: string; barcode: string }[] }>(`/api/testing/conflicts/${id}`, { decision }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['testing'] }),
  });
}
