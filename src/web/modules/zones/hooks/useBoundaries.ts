import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

// apart from ['levels']: a decision or an assessment does not refetch megabytes of shapes
const BOUNDARIES = ['boundaries'] as const;

/** The commune shapes of a province on a day (null until boundaries are imported); the province's previous day stays while the next loads. */
export function useBoundaries(province: string | null, day: string, enabled = true) {
  return useQuery({
    queryKey: [...BOUNDARIES, province, day],
    queryFn: () => api.get('/api/levels/boundaries', { query: { province: province!, day } }),
    enabled: enabled && !!province,
    staleTime: 10 * 60_000,
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === province ? prev : undefined),
  });
}

export function useImportBoundaries() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST', '/api/levels/boundaries'>) => api.post('/api/levels/boundaries', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BOUNDARIES }),
  });
}
