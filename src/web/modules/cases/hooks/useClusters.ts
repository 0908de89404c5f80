import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useClusterList(unit: string | undefined) {
  return useQuery({ queryKey: ['clusters', unit], queryFn: () => api.get<ClusterRow[]>(withQuery('/api/clusters', { unit })) });
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
