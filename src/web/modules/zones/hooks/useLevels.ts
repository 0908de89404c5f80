import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

const LEVELS = ['levels'] as const;

/** The board of a day: one query options object for the page and its prefetch at start-up. */
export const levelsBoardQuery = (day: string) =>
  queryOptions({ queryKey: [...LEVELS, 'board', day], queryFn: () => api.get('/api/levels', { query: { day } }) });

export function useLevelsBoard(day: string, enabled = true) {
  return useQuery({ ...levelsBoardQuery(day), placeholderData: (prev) => prev, enabled });
}

export function useUnitHistory(code: string | undefined) {
  return useQuery({
    queryKey: [...LEVELS, 'history', code],
    queryFn: () => api.get('/api/levels/:code/history', { params: { code: code! } }),
    enabled: !!code,
  });
}

export function useRiskInputs(code: string | undefined) {
  return useQuery({ queryKey: [...LEVELS, 'inputs', code], queryFn: () => api.get('/api/levels/inputs', { query: { unit: code! } }), enabled: !!code });
}

export function useMeasures(unit: string | undefined, day: string) {
  return useQuery({ queryKey: [...LEVELS, 'measures', unit, day], queryFn: () => api.get('/api/measures', { query: { unit: unit!, day } }), enabled: !!unit });
}

export function useAssess() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => api.post('/api/levels/assess', { body: { day } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LEVELS }),
  });
}

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: BodyOf<'POST', '/api/levels/:code/decisions'> }) =>
      api.post('/api/levels/:code/decisions', { params: { code }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LEVELS }),
  });
}

export function useAddRiskInput() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST', '/api/levels/inputs'>) => api.post('/api/levels/inputs', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LEVELS }),
  });
}
