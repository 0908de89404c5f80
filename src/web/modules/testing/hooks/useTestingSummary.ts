import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';

/** The board refreshes itself: the rollup is kept current by every write. */
export const BOARD_REFRESH_MS = 60_000;

export type { LabBacklog, TestingFigures, TestingSummary } from '@server/modules/testing/views';
export type { TatBucket } from '@domain/testing';

export function useTestingSummary(day: string | undefined, districtCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'summary', day, districtCode],
    queryFn: () => api.get('/api/testing/summary', { query: { day, districtCode } }),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });
}
