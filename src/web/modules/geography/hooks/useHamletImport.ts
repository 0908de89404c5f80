import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@web/lib/api';

/** Imports a commune's hamlets from CSV; on success the commune's lists are reloaded. */
export function useHamletImport(communeCode: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api.post('/api/units/:code/hamlets/import', { params: { code: communeCode }, body: { csv } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['unit', communeCode] }),
  });
}
