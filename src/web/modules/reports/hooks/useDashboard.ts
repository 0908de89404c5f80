import { useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';

/** The dashboard for a day (today when unset) in the user's scope; read again every minute. */
export const useDashboard = (day?: string) =>
  useQuery({
    queryKey: ['reports', 'dashboard', day ?? 'today'],
    queryFn: () => api.get('/api/reports/dashboard', { query: day ? { day } : {} }),
    refetchInterval: 60_000,
  });
