import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TestType } from '@domain/testing';
import { api, withQuery } from '@web/lib/api';
import { BOARD_REFRESH_MS } from './useTestingSummary';

/** Where a tube without a result is: taken, on its way to the lab, at the lab, or to be run again. */
export type PendingStage = 'collected' | 'in_transit' | 'received' | 'retest';

export interface OverdueSample {
  id: string;
  barcode: string;
  testType: TestType;
  kind: 'single' | 'household_pool' | 'lab_pool';
  communeCode: string;
  districtCode: string;
  membersCount: number;
  collectedAt: string;
  hoursSinceCollection: number;
  stage: PendingStage;
  labId: string | null;
  labName: string | null;
  teamName: string | null;
}

export interface OverdueBoard {
  /** From the rule set in force: a tube without a result this long after collection is overdue. */
  thresholdHours: number;
  ruleVersion: number;
  samples: OverdueSample[];
}

/** At most this many tubes, oldest first. */
export const OVERDUE_LIMIT = 500;

export function useOverdueSamples(labId: string | undefined, communeCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'overdue', labId, communeCode],
    queryFn: () => api.get<OverdueBoard>(withQuery('/api/testing/overdue', { labId, communeCode, limit: OVERDUE_LIMIT })),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });
}
