import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LabInput, LabView } from '@server/modules/testing/schemas';
import { api } from '@web/lib/api';

export type { LabView } from '@server/modules/testing/schemas';

const LABS = ['testing', 'labs'] as const;

export function useLabs() {
  return useQuery({ queryKey: LABS, queryFn: () => api.get<LabView[]>('/api/testing/labs'), staleTime: 60_000 });
}

export function useSaveLab(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LabInput) => (id ? api.put<LabView>(`/api/testing/labs/${id}`, input) : api.post<LabView>('/api/testing/labs', input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: LABS }),
  });
}
