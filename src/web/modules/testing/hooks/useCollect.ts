import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CollectInput } from '@server/modules/testing/schemas';
import { api } from '@web/lib/api';
import type { SampleBrief } from './useSessions';

/** How a household splits into tubes under the max pool size in force today. */
export interface PoolPlan {
  householdId: string;
  address: string;
  maxPoolSize: number;
  ruleVersion: number;
  tubes: { personId: string; fullName: string; birthYear: number }[][];
}

/** A case opened by a result in the same transaction (RT-PCR positive, or rapid antigen where the rules say so). */
export interface OpenedCase {
  personId: string;
  caseCode: string;
  barcode: string;
}

export interface CollectAnswer {
  samples: SampleBrief[];
  casesOpened: OpenedCase[];
  tasksCreated: number;
}

export function usePoolPlan(householdId: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'pool-plan', householdId],
    queryFn: () => api.get<PoolPlan>(`/api/testing/pool-plan?householdId=${householdId}`),
    enabled: !!householdId,
  });
}

/** Collects one sample (one or several tubes); the session, the tasks and, for a household, its members refresh. */
export function useCollect(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CollectInput) => api.post<CollectAnswer>(`/api/testing/sessions/${sessionId}/samples`, input),
    onSuccess: (_, input) => {
      void qc.invalidateQueries({ queryKey: ['testing', 'session', sessionId] });
      void qc.invalidateQueries({ queryKey: ['testing', 'sessions'] });
      void qc.invalidateQueries({ queryKey: ['testing', 'tasks'] });
      if (input.householdId) {
        void qc.invalidateQueries({ queryKey: ['household', input.householdId] });
        void qc.invalidateQueries({ queryKey: ['testing', 'pool-plan', input.householdId] });
      }
    },
  });
}
