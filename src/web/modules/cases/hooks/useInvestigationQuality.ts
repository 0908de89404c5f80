import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '@web/lib/api';

/** One district's investigations of the cases confirmed in the period. */
export interface QualityRow {
  districtCode: string;
  cases: number;
  completed: number;
  /** 0–1: the mean share of required fields filled. */
  meanCompleteness: number;
  /** Median hours from confirmation to the completed investigation; null when none is completed. */
  medianHours: number | null;
}

export function useInvestigationQuality(from: string, to: string, unit?: string) {
  return useQuery({
    queryKey: ['investigation-quality', from, to, unit],
    queryFn: () => api.get<QualityRow[]>(withQuery('/api/investigations/quality', { from, to, unit })),
    placeholderData: keepPreviousData,
  });
}
