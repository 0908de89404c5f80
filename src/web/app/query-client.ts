import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@web/lib/api';

/** Retries only what may succeed on a second try: network failures and 5xx, twice. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => count < 2 && (!(err instanceof ApiError) || err.status === 0 || err.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}
