import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

const ZONES = ['lockdown-zones'] as const;

export function useZones(status?: 'active' | 'lifted', commune?: string) {
  return useQuery({ queryKey: [...ZONES, 'list', status, commune], queryFn: () => api.get('/api/lockdown-zones', { query: { status, commune } }) });
}

export function useZone(id: string | undefined) {
  return useQuery({ queryKey: [...ZONES, id], queryFn: () => api.get('/api/lockdown-zones/:id', { params: { id: id! } }), enabled: !!id });
}

export function useZoneResidents(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...ZONES, id, 'residents'],
    queryFn: () => api.get('/api/lockdown-zones/:id/residents', { params: { id: id! } }),
    enabled: !!id && enabled,
  });
}

export function useCreateZone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST', '/api/lockdown-zones'>) => api.post('/api/lockdown-zones', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ZONES }),
  });
}

export function useAddSupply(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST', '/api/lockdown-zones/:id/supplies'>) => api.post('/api/lockdown-zones/:id/supplies', { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ZONES }),
  });
}

export function useLiftZone(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'POST', '/api/lockdown-zones/:id/lift'>) => api.post('/api/lockdown-zones/:id/lift', { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ZONES }),
  });
}
