import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';

/** The province's labs, to pick one and show its capacity (the same query, and so the same cache entry, as the labs admin's list). */
export function useLabOptions() {
  return useQuery({ queryKey: ['testing', 'labs'], queryFn: () => api.get('/api/testing/labs'), staleTime: 60_000 });
}
