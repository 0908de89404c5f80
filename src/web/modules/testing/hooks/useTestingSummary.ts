import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TestType } from '@domain/testing';
import { api, withQuery } from '@web/lib/api';

/** The board refreshes itself: the rollup is kept current by every write. */
export const BOARD_REFRESH_MS = 60_000;

/** Counts of a day (or a lab, team, unit of the day) with the ratios the server derives from them. */
export interface TestingFigures {
  samples: number;
  persons: number;
  pools: number;
  received: number;
  resulted: number;
  positive: number;
  negative: number;
  invalid: number;
  /** Results reported the day the sample was collected. */
  sameDay: number;
  /** 0–1; null when nothing is resulted. */
  positivity: number | null;
  sameDayShare: number | null;
  /** Mean turnaround from collection to reported result, hours. */
  meanTatHours: number | null;
  tat: Record<TatBucket, number>;
}
export type TatBucket = 'le6h' | 'le12h' | 'le24h' | 'le48h' | 'gt48h';

/** Tubes at a lab without a final result, now (not only the day's). */
export interface LabBacklog {
  inTransit: number;
  awaitingResult: number;
  oldestCollectedAt: string | null;
}

export interface TestingSummary {
  day: string;
  ruleVersion: number;
  /** The rule set in force requires results the same day as the collection. */
  sameDayRequired: boolean;
  totals: TestingFigures;
  byTestType: (TestingFigures & { testType: TestType })[];
  byLab: (TestingFigures & { labId: string; name: string; capacity: Partial<Record<TestType, number>>; backlog: LabBacklog })[];
  backlog: (LabBacklog & { labId: string; name: string })[];
  byTeam: (TestingFigures & { teamId: string; name: string; communeCode: string | null })[];
  byCommune: (TestingFigures & { communeCode: string })[];
  byDistrict: (TestingFigures & { districtCode: string })[];
  trend: (TestingFigures & { day: string })[];
}

export function useTestingSummary(day: string | undefined, districtCode: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'summary', day, districtCode],
    queryFn: () => api.get<TestingSummary>(withQuery('/api/testing/summary', { day, districtCode })),
    placeholderData: keepPreviousData,
    refetchInterval: BOARD_REFRESH_MS,
  });
}
