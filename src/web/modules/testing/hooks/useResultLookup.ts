import { useMutation } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

/** What a person sees of their own result: nothing about who else was in the tube. */
export type { LookupView } from '@server/modules/testing/views';

/** Public: no session, no CSRF token; limited per address and per barcode by the server. */
export function useResultLookup() {
  return useMutation({
    mutationFn: (q: BodyOf<'POST', '/api/public/result-lookup'>) => api.post('/api/public/result-lookup', { body: q }),
  });
}
