import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TestResult } from '@domain/testing';
import { api } from '@web/lib/api';

/** A different result arrived for a tube that already had one; it waits for a person to decide. */
export interface ResultConflict {
  id: string;
  sampleId: string;
  barcode: string;
  communeCode: string;
  currentResult: TestResult;
  currentCt: number | null;
  proposedResult: TestResult;
  proposedCt: number | null;
  proposedResultedAt: string;
  importId: string | null;
  status: 'open' | 'accepted' | 'rejected';
  createdAt: string;
}

export type ConflictDecision = 'accept' | 'reject';

export function useResultConflicts() {
  return useQuery({ queryKey: ['testing', 'conflicts'], queryFn: () => api.get<ResultConflict[]>('/api/testing/conflicts') });
}

/** accept: the new result replaces the tube's (its consequences follow); reject: the tube keeps its result. */
export function useResolveConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: ConflictDecision }) =>
      api.post<{ id: string; decision: ConflictDecision; casesOpened: { personId: string; caseCode: string; barcode: string }[] }>(`/api/testing/conflicts/${id}`, { decision }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['testing'] }),
  });
}
