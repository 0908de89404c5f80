import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TestType } from '@domain/testing';
import type { LabInput } from '@server/modules/testing/schemas';
import { api } from '@web/lib/api';

/** A lab as GET /api/testing/labs answers (testing/present.ts `lab`). */
export interface LabView {
  id: string;
  provinceCode: string;
  name: string;
  address: string | null;
  /** Tests a day per test type. */
  dailyCapacity: Partial<Record<TestType, number>>;
  opensAt: string;
  closesAt: string;
  active: boolean;
}

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
