import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ResponseOf } from '@web/lib/api';

/** One district's investigations of the cases confirmed in the period (mean completeness 0–1, median hours or null). */
export type QualityRow = ResponseOf<'GET', '/api/investigations/quality'>[number];

export function useInvestigationQuality(from: string, to: string, unit?: string) {
  return useQuery({
    queryKey: ['investigation-quality', from, to, unit],
    queryFn: () => api.get('/api/investigations/quality', { query: { from, to, unit } }),
    placeholderData: keepPreviousData,
  });
}
