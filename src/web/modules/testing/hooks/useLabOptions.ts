import { useQuery } from '@tanstack/react-query';
import type { TestType } from '@domain/testing';
import { api } from '@web/lib/api';

/** What the board and the import page need of a lab: to pick it and to show its capacity. */
export interface LabOption {
  id: string;
  name: string;
  /** Tests a day per test type. */
  dailyCapacity: Partial<Record<TestType, number>>;
  active: boolean;
}

/** The province's labs (the same query, and so the same cache entry, as the labs admin's list). */
export function useLabOptions() {
  return useQuery({ queryKey: ['testing', 'labs'], queryFn: () => api.get<LabOption[]>('/api/testing/labs'), staleTime: 60_000 });
}
