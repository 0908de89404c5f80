import { useQuery } from '@tanstack/react-query';
import type { UnitOverview } from '@server/modules/geography/schemas';
import { api } from '@web/lib/api';

export type { UnitOverview };
export type ChildOverview = UnitOverview['children'][number];

/** A unit's sub-units with population and the persons/households registered in each. */
export function useUnitOverview(code: string | undefined) {
  return useQuery({
    queryKey: ['unit', code, 'overview'],
    queryFn: () => api.get('/api/units/:code/overview', { params: { code: code! } }),
    enabled: !!code,
  });
}
