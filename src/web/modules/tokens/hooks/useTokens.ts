import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TokenView } from '@server/modules/tokens/schemas';
import { api } from '@web/lib/api';

const TOKENS = ['tokens'] as const;

export function useTokens() {
  return useQuery({ queryKey: TOKENS, queryFn: () => api.get<TokenView[]>('/api/tokens') });
}

export function useIssueToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api.post<TokenView & { token: string }>('/api/tokens', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TokenView>(`/api/tokens/${id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS }),
  });
}
