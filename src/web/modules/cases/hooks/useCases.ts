import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { exposureClassification } from '@domain/rule-sets/kinds';
import { detectedIn } from '@server/modules/cases/schemas';
import type { ContactLine } from '@server/modules/tracing/schemas';
import { api, type BodyOf, type QueryOf, type ResponseOf } from '@web/lib/api';

/** The case list's filters as kept in the URL (a UI type: the query sent is built from it by caseQuery). */
export interface CaseFilters {
  unit?: string;
  from?: string;
  to?: string;
  detectedIn?: z.infer<typeof detectedIn>;
  status?: 'active' | 'withdrawn';
  page: number;
  pageSize: number;
}

export const CASE_PAGE_SIZES = [20, 50, 100];

const CASE_STATUSES = ['active', 'withdrawn'] as const;

/** The case list as kept in the URL: ?unit=&from=&to=&detectedIn=&status=&page=&size=. */
export function caseFiltersOf(url: URLSearchParams): CaseFilters {
  const size = Number(url.get('size'));
  const status = url.get('status');
  return {
    unit: url.get('unit') || undefined,
    from: url.get('from') || undefined,
    to: url.get('to') || undefined,
    detectedIn: detectedIn.safeParse(url.get('detectedIn')).data,
    status: CASE_STATUSES.find((s) => s === status),
    page: Math.max(1, Number(url.get('page')) || 1),
    pageSize: CASE_PAGE_SIZES.includes(size) ? size : CASE_PAGE_SIZES[0],
  };
}

/** The filters (without paging) as the query of the Excel export; the list adds page and pageSize. */
export function caseQuery(f: CaseFilters): QueryOf<'GET', '/api/cases/export.xlsx'> {
  return { unit: f.unit, from: f.from, to: f.to, detectedIn: f.detectedIn, status: f.status };
}

export function useCaseList(f: CaseFilters) {
  return useQuery({
    queryKey: ['cases', f],
    queryFn: () => api.get('/api/cases', { query: { ...caseQuery(f), page: f.page, pageSize: f.pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: ['case', id], queryFn: () => api.get('/api/cases/:id', { params: { id: id! } }), enabled: !!id });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/cases'>) => api.post('/api/cases', { body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useWithdrawCase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST', '/api/cases/:id/withdraw'>) => api.post('/api/cases/:id/withdraw', { params: { id }, body }),
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
    mutationFn: (patch: BodyOf<'PATCH', '/api/cases/:id'>) => api.patch('/api/cases/:id', { params: { id }, body: patch }),
    onSuccess: (saved) => {
      qc.setQueryData(['case', id], saved);
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['case', id, 'chain'] });
    },
  });
}

export type Investigation = ResponseOf<'GET', '/api/cases/:id/investigation'>;

export function useInvestigation(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'investigation'],
    queryFn: () => api.get('/api/cases/:id/investigation', { params: { id: caseId } }),
    refetchOnWindowFocus: false,
  });
}

export function saveInvestigation(caseId: string, body: BodyOf<'PUT', '/api/cases/:id/investigation'>) {
  return api.put('/api/cases/:id/investigation', { params: { id: caseId }, body });
}

export function useContacts(caseId: string) {
  return useQuery({ queryKey: ['case', caseId, 'contacts'], queryFn: () => api.get('/api/cases/:id/contacts', { params: { id: caseId } }) });
}

export function useAddContacts(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rows: ContactLine[]) => api.post('/api/cases/:id/contacts', { params: { id: caseId }, body: { rows } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['case', caseId, 'contacts'] });
      void qc.invalidateQueries({ queryKey: ['case', caseId, 'chain'] });
    },
  });
}

/** A contact type of the exposure-classification rule set (its payload is typed by the rule set's kind, not by the route). */
export type ContactTypeRule = z.infer<typeof exposureClassification>['contactTypes'][number];

export function useContactTypes() {
  return useQuery({
    queryKey: ['rule-sets', 'in-force', 'exposure_classification'],
    queryFn: () => api.get('/api/rule-sets/in-force/:kind', { params: { kind: 'exposure_classification' } }),
    select: (r): ContactTypeRule[] => exposureClassification.shape.contactTypes.safeParse(r.payload.contactTypes).data ?? [],
    staleTime: 60_000,
  });
}

export type Chain = ResponseOf<'GET', '/api/cases/:id/chain'>;
export type ChainNode = Chain['nodes'][number];

export function useChain(caseId: string) {
  return useQuery({ queryKey: ['case', caseId, 'chain'], queryFn: () => api.get('/api/cases/:id/chain', { params: { id: caseId } }) });
}

export type FollowUpRow = ResponseOf<'GET', '/api/follow-up'>[number];

export function useFollowUp(commune: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: ['follow-up', commune, date],
    queryFn: () => api.get('/api/follow-up', { query: { commune: commune!, date } }),
    enabled: !!commune,
  });
}
