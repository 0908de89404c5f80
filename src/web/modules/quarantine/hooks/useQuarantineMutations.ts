import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';
import { QUARANTINE } from './useQuarantine';

/** A write of the module: its answer, then every quarantine query is refetched. */
function useWrite<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: QUARANTINE }) });
}

export const useCreateFacility = () => useWrite((body: BodyOf<'POST', '/api/quarantine/facilities'>) => api.post('/api/quarantine/facilities', { body }));

export const usePatchFacility = (id: string) =>
  useWrite((body: BodyOf<'PATCH', '/api/quarantine/facilities/:id'>) => api.patch('/api/quarantine/facilities/:id', { params: { id }, body }));

export const useDeliver = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/quarantine/facilities/:id/deliveries'>) =>
    api.post('/api/quarantine/facilities/:id/deliveries', { params: { id }, body }),
  );

export const useAdmit = () => useWrite((body: BodyOf<'POST', '/api/quarantine/stays'>) => api.post('/api/quarantine/stays', { body }));

export const useTransfer = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/quarantine/stays/:id/transfer'>) => api.post('/api/quarantine/stays/:id/transfer', { params: { id }, body }));

export const useRelease = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/quarantine/stays/:id/release'>) => api.post('/api/quarantine/stays/:id/release', { params: { id }, body }));

export const useAbsence = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/quarantine/stays/:id/absence'>) => api.post('/api/quarantine/stays/:id/absence', { params: { id }, body }));

export const useCheck = (id: string) =>
  useWrite((body: BodyOf<'POST', '/api/quarantine/stays/:id/checks'>) => api.post('/api/quarantine/stays/:id/checks', { params: { id }, body }));

export const useCloseTask = () => useWrite((id: string) => api.post('/api/quarantine/tasks/:id/done', { params: { id } }));
