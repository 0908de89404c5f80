import { useMutation } from '@tanstack/react-query';
import type { TestResult, TestType } from '@domain/testing';
import { api } from '@web/lib/api';

/** What a person sees of their own result: nothing about who else was in the tube. */
export interface LookedUpResult {
  barcode: string;
  testType: TestType;
  pooled: boolean;
  collectedOn: string;
  result: Exclude<TestResult, 'invalid'> | null;
  status: 'resulted' | 'pending' | 'retest';
  resultedAt: string | null;
}

/** Public: no session, no CSRF token; limited per address and per barcode by the server. */
export function useResultLookup() {
  return useMutation({
    mutationFn: (q: { barcode: string; idOrPhone: string }) => api.post<LookedUpResult>('/api/public/result-lookup', q),
  });
}
