import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';

const FIVE_MINUTES = 5 * 60_000;

/** A unit with its ancestors and latest population (public, cached: unit names change rarely). */
export function useUnit(code: string | null | undefined) {
  return useQuery({
    queryKey: ['unit', code],
    queryFn: () => api.get('/api/units/:code', { params: { code: code! } }),
    enabled: !!code,
    staleTime: FIVE_MINUTES,
  });
}

/** The units directly under a unit (province → districts → communes → hamlets). */
export function useUnitChildren(code: string | null | undefined) {
  return useQuery({
    queryKey: ['unit', code, 'children'],
    queryFn: () => api.get('/api/units/:code/children', { params: { code: code! } }),
    enabled: !!code,
    staleTime: FIVE_MINUTES,
  });
}
