import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { clusterInput } from '@server/modules/cases/schemas';
import { api, withQuery } from '@web/lib/api';
import type { Chain } from './useCases';

/** A row of GET /api/clusters: the cluster, its index case and the figures of its live chain. */
export interface ClusterRow {
  id: string;
  name: string;
  placeName: string | null;
  highContact: boolean;
  communeCode: string;
  indexCaseCode: string;
  indexConfirmedOn: string;
  summary: Chain['summary'];
}

export interface Cluster {
  id: string;
  name: string;
  placeName: string | null;
  highContact: boolean;
  indexCaseId: string;
  graph: Chain;
}

/** A page of the cluster list (each row walks its chain on the server, so the list is paged there). */
export function useClusterList(q: { unit?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['clusters', q.unit, q.page, q.pageSize],
    queryFn: () => api.get<{ items: ClusterRow[]; total: number }>(withQuery('/api/clusters', { unit: q.unit, page: String(q.page), pageSize: String(q.pageSize) })),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: string | undefined) {
  return useQuery({ queryKey: ['cluster', id], queryFn: () => api.get<Cluster>(`/api/clusters/${id}`), enabled: !!id });
}

export function useCreateCluster() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof clusterInput>) => api.post<{ id: string; name: string }>('/api/clusters', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['clusters'] }),
  });
}
