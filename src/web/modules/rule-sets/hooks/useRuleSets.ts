import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

const RULE_SETS = ['rule-sets'] as const;

export function useRuleSets() {
  return useQuery({ queryKey: RULE_SETS, queryFn: () => api.get('/api/rule-sets') });
}

export function useRuleSet(id: string | undefined) {
  return useQuery({ queryKey: [...RULE_SETS, id], queryFn: () => api.get('/api/rule-sets/:id', { params: { id: id! } }), enabled: !!id });
}

export function useAddRuleSetVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/rule-sets'>) => api.post('/api/rule-sets', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: RULE_SETS }),
  });
}

export function useActivateRuleSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/api/rule-sets/:id/activate', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: RULE_SETS }),
  });
}
