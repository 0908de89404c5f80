import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RuleSetView } from '@server/modules/rule-sets/schemas';
import { api } from '@web/lib/api';

const RULE_SETS = ['rule-sets'] as const;

export function useRuleSets() {
  return useQuery({ queryKey: RULE_SETS, queryFn: () => api.get<RuleSetView[]>('/api/rule-sets') });
}

export function useRuleSet(id: string | undefined) {
  return useQuery({ queryKey: [...RULE_SETS, id], queryFn: () => api.get<RuleSetView>(`/api/rule-sets/${id}`), enabled: !!id });
}

export function useAddRuleSetVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: unknown) => api.post<RuleSetView>('/api/rule-sets', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: RULE_SETS }),
  });
}

export function useActivateRuleSet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<RuleSetView>(`/api/rule-sets/${id}/activate`),
    onSuccess: () => qc.invalidateQueries({ queryKey: RULE_SETS }),
  });
}
