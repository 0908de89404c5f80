import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { HouseholdView, PersonView, SearchResult } from '@server/modules/people/schemas';
import { api, withQuery } from '@web/lib/api';

export interface SearchParams {
  q?: string;
  unit?: string;
  page: number;
  pageSize: number;
}

export type { SearchResult };

export interface HistoryEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  fields: string[];
}

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

export const personSearchQuery = (params: SearchParams) => queryOptions({
  queryKey: ['persons', params],
  queryFn: () => api.get<SearchResult>(withQuery('/api/persons', { q: params.q, unit: params.unit, page: params.page, pageSize: params.pageSize })),
  staleTime: 10_000,
});

/** One page of persons matching a name/ID/phone, within a unit; the previous page stays shown while the next loads. */
export function usePersonSearch(params: SearchParams) {
  return useQuery({ ...personSearchQuery(params), placeholderData: keepPreviousData });
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: ['person', id], queryFn: () => api.get<PersonView>(`/api/persons/${id}`), enabled: !!id });
}

export function usePersonHistory(id: string | undefined) {
  return useQuery({ queryKey: ['person', id, 'history'], queryFn: () => api.get<HistoryEntry[]>(`/api/persons/${id}/history`), enabled: !!id });
}

export function useHousehold(id: string | null | undefined) {
  return useQuery({ queryKey: ['household', id], queryFn: () => api.get<HouseholdView>(`/api/households/${id}`), enabled: !!id });
}
