import { useQuery } from '@tanstack/react-query';
import type { UnitDetail } from '@server/modules/geography/schemas';
import { api } from '@web/lib/api';

export interface ChildOverview {
  code: string;
  name: string;
  type: string;
  population: { count: number; households: number | null; asOf: string; synthetic: boolean } | null;
  registered: { persons: number; households: number };
}

export interface UnitOverview {
  unit: UnitDetail;
  children: ChildOverview[];
}

/** A unit's sub-units with population and the persons/households registered in each. */
export function useUnitOverview(code: string | undefined) {
  return useQuery({
    queryKey: ['unit', code, 'overview'],
    queryFn: () => api.get<UnitOverview>(`/api/units/${encodeURIComponent(code!)}/overview`),
    enabled: !!code,
  });
}
