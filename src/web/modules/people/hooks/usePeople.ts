import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchResult } from '@server/modules/people/schemas';
import { api, type ResponseOf } from '@web/lib/api';

export interface SearchParams {
  q?: string;
  unit?: string;
  page: number;
  pageSize: number;
}

export type { SearchResult };

/** One change of a person's record, as the server's history route answers it. */
export type HistoryEntry = ResponseOf<'GET', '/api/persons/:id/history'>[number];

export const PAGE_SIZES = [20, 50, 100];

/** The search as the people page keeps it in its URL: ?q=&unit=&page=&size=. */
export function searchParamsOf(url: URLSearchParams): SearchParams {
  const size = Number(url.get('size'));
  return {
    q: url.get('q')?.trim() || undefined,
    unit: url.get('unit') || undefined,
    page: Math.max(1, Number(url.get('page')) || 1),
    pageSize: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  };
}

export const personSearchQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ['persons', params],
    queryFn: () => api.get('/api/persons', { query: { q: params.q, unit: params.unit, page: params.page, pageSize: params.pageSize } }),
    staleTime: 10_000,
  });

/** One page of persons matching a name/ID/phone, within a unit; the previous page stays shown while the next loads. */
export function usePersonSearch(params: SearchParams) {
  return useQuery({ ...personSearchQuery(params), placeholderData: keepPreviousData });
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: ['person', id], queryFn: () => api.get('/api/persons/:id', { params: { id: id! } }), enabled: !!id });
}

export function usePersonHistory(id: string | undefined) {
  return useQuery({ queryKey: ['person', id, 'history'], queryFn: () => api.get('/api/persons/:id/history', { params: { id: id! } }), enabled: !!id });
}

export function useHousehold(id: string | null | undefined) {
  return useQuery({ queryKey: ['household', id], queryFn: () => api.get('/api/households/:id', { params: { id: id! } }), enabled: !!id });
}
