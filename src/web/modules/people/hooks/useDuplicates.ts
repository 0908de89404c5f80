import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';
import { useDebounced } from '@web/lib/useDebounced';

export interface DuplicateProbe {
  fullName?: string | null;
  birthYear?: number | null;
  communeCode?: string | null;
  excludeId?: string;
}

/**
 * Possible duplicates of a person being entered, asked as soon as name, birth year and commune are
 * filled (debounced), so the officer sees them before saving.
 */
export function useDuplicates(probe: DuplicateProbe, enabled = true) {
  // Debounce a string: a probe object is new on every render and would never settle.
  const key = JSON.stringify([probe.fullName?.trim() ?? '', probe.birthYear ?? null, probe.communeCode ?? null, probe.excludeId ?? null]);
  const [name, birthYear, communeCode, excludeId] = JSON.parse(useDebounced(key, 400)) as [string, number | null, string | null, string | null];
  const ready = enabled && name.length >= 2 && !!birthYear && birthYear >= 1880 && birthYear <= 2100 && /^\d{5}$/.test(communeCode ?? '');
  return useQuery({
    queryKey: ['duplicates', name, birthYear, communeCode, excludeId],
    queryFn: () =>
      api.post('/api/persons/duplicates', { body: { fullName: name, birthYear: birthYear!, communeCode: communeCode!, ...(excludeId ? { excludeId } : {}) } }),
    enabled: ready,
    staleTime: 30_000,
    retry: false,
  });
}
