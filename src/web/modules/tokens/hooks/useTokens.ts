import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

const TOKENS = ['tokens'] as const;

export function useTokens() {
  return useQuery({ queryKey: TOKENS, queryFn: () => api.get('/api/tokens') });
}

export function useIssueToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/tokens'>) => api.post('/api/tokens', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/api/tokens/:id/revoke', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS }),
  });
}
