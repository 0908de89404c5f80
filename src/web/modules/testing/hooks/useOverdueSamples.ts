import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';
import { BOARD_REFRESH_MS } from './useTestingSummary';

export type { OverdueBoard, OverdueSample, PendingStage } from '@server/modules/testing/views';

/** At most this many tubes, oldest first. */
export const OVERDUE_LIMIT = 500;

export function useOverdueSamples(labId: string | undefined, communeCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'overdue', labId, communeCode],
    queryFn: () => api.get('/api/testing/overdue', { query: { labId, communeCode, limit: OVERDUE_LIMIT } }),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });
}
