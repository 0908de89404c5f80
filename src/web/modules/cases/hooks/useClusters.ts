import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type ResponseOf } from '@web/lib/api';

/** A row of GET /api/clusters: the cluster, its index case and the figures of its live chain. */
export type ClusterRow = ResponseOf<'GET', '/api/clusters'>['items'][number];

/** A page of the cluster list (each row walks its chain on the server, so the list is paged there). */
export function useClusterList(q: { unit?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['clusters', q.unit, q.page, q.pageSize],
    queryFn: () => api.get('/api/clusters', { query: { unit: q.unit, page: q.page, pageSize: q.pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useCluster(id: string | undefined) {
  return useQuery({ queryKey: ['cluster', id], queryFn: () => api.get('/api/clusters/:id', { params: { id: id! } }), enabled: !!id });
}

export function useCreateCluster() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/clusters'>) => api.post('/api/clusters', { body: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['clusters'] }),
  });
}
