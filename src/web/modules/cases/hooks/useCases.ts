import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseInput, casePatch, CaseView, ContactLine, InvestigationView } from '@server/modules/cases/schemas';
import { api, withQuery } from '@web/lib/api';

export interface CaseFilters {
  unit?: string;
  from?: string;
  to?: string;
  detectedIn?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export const CASE_PAGE_SIZES = [20, 50, 100];

/** The case list as kept in the URL: ?unit=&from=&to=&detectedIn=&status=&page=&size=. */
export function caseFiltersOf(url: URLSearchParams): CaseFilters {
  const size = Number(url.get('size'));
  return {
    unit: url.get('unit') || undefined,
    from: url.get('from') || undefined,
    to: url.get('to') || undefined,
    detectedIn: url.get('detectedIn') || undefined,
    status: url.get('status') || undefined,
    page: Math.max(1, Number(url.get('page')) || 1),
    pageSize: CASE_PAGE_SIZES.includes(size) ? size : CASE_PAGE_SIZES[0],
  };
}

export function caseListUrl(path: string, f: Partial<CaseFilters>): string {
  return withQuery(path, { unit: f.unit, from: f.from, to: f.to, detectedIn: f.detectedIn, status: f.status, page: f.page, pageSize: f.pageSize });
}

export function useCaseList(f: CaseFilters) {
  return useQuery({
    queryKey: ['cases', f],
    queryFn: () => api.get<{ items: CaseView[]; total: number }>(caseListUrl('/api/cases', f)),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: ['case', id], queryFn: () => api.get<CaseView>(`/api/cases/${id}`), enabled: !!id });
}

export interface CreatedCase {
  case: CaseView;
  reclassified: { considered: number; rowsTouched: number };
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseInput) => api.post<CreatedCase>('/api/cases', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useWithdrawCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) => api.post<CaseView>(`/api/cases/${id}/withdraw`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['case', id] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** Saves the course of a case (clinical status, treatment place, isolation, outcome); isolation may reclassify the chain. */
export function useUpdateCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.output<typeof casePatch>) => api.patch<CaseView>(`/api/cases/${id}`, patch),
    onSuccess: (saved) => {
      qc.setQueryData(['case', id], saved);
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['case', id, 'chain'] });
    },
  });
}

export type Investigation = InvestigationView;

export function useInvestigation(caseId: string) {
  return useQuery({ queryKey: ['case', caseId, 'investigation'], queryFn: () => api.get<Investigation>(`/api/cases/${caseId}/investigation`), refetchOnWindowFocus: false });
}

export function saveInvestigation(caseId: string, body: { data: Record<string, unknown>; version: number; complete: boolean }) {
  return api.put<Investigation>(`/api/cases/${caseId}/investigation`, body);
}

export interface DirectContact {
  exposureId: string;
  personId: string;
  fullName: string | null;
  phone: string | null;
  communeCode: string;
  inScope: boolean;
  /** for a contact outside the caller's scope: the accounts of the commune (or district) to hand them to */
  handOffTo: { fullName: string; agency: string | null; unitCode: string }[] | null;
  class: 'F0' | 'F1' | 'F2' | null;
  quarantineUntil: string | null;
  startAt: string;
  endAt: string;
  contactType: string;
  setting: string;
  placeName: string | null;
}

export function useContacts(caseId: string) {
  return useQuery({ queryKey: ['case', caseId, 'contacts'], queryFn: () => api.get<DirectContact[]>(`/api/cases/${caseId}/contacts`) });
}

export function useAddContacts(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rows: ContactLine[]) => api.post<{ matched: number; created: number; exposures: number; rowsTouched: number; contactIds: string[] }>(`/api/cases/${caseId}/contacts`, { rows }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['case', caseId, 'contacts'] });
      void qc.invalidateQueries({ queryKey: ['case', caseId, 'chain'] });
    },
  });
}

export interface ContactTypeRule {
  code: string;
  nameVi: string;
  qualifiesF1: boolean;
}

export function useContactTypes() {
  return useQuery({
    queryKey: ['rule-sets', 'in-force', 'exposure_classification'],
    queryFn: () => api.get<{ payload: { contactTypes?: ContactTypeRule[] } }>('/api/rule-sets/in-force/exposure_classification'),
    select: (r) => r.payload.contactTypes ?? [],
    staleTime: 60_000,
  });
}

export interface ChainNode {
  id: string;
  fullName: string | null;
  communeCode: string;
  inScope: boolean;
  class: 'F0' | 'F1' | 'F2' | null;
  caseCode: string | null;
  confirmedOn: string | null;
  depth: number;
}

export interface Chain {
  nodes: ChainNode[];
  edges: { source: string; target: string; setting: string }[];
  summary: { persons: number; cases: number; generations: number; firstCaseOn: string | null; lastCaseOn: string | null; casesLast7Days: number; casesPrevious7Days: number };
  truncated: boolean;
}

export function useChain(caseId: string) {
  return useQuery({ queryKey: ['case', caseId, 'chain'], queryFn: () => api.get<Chain>(`/api/cases/${caseId}/chain`) });
}

export interface FollowUpRow {
  personId: string;
  fullName?: string | null;
  phone?: string | null;
  class: 'F1' | 'F2';
  quarantineUntil: string | null;
  testDays: string[];
  testToday: boolean;
  testsDue: string[];
  releaseToday: boolean;
}

export function useFollowUp(commune: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: ['follow-up', commune, date],
    queryFn: () => api.get<FollowUpRow[]>(withQuery('/api/follow-up', { commune, date })),
    enabled: !!commune,
  });
}
