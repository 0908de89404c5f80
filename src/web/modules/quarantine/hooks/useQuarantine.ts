import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@web/lib/api';

/** Every quarantine answer is under this key: a write invalidates them all (a stay moves the board, rooms and tasks). */
export const QUARANTINE = ['quarantine'] as const;
const FIVE_MINUTES = 5 * 60_000;

/** The occupancy board: one query options object for the page and its prefetch at start-up. */
export const boardQuery = () => queryOptions({ queryKey: [...QUARANTINE, 'board'], queryFn: () => api.get('/api/quarantine/board') });

export function useBoard() {
  return useQuery(boardQuery());
}

/** Tiers, warning signs, symptoms and vital ranges of the rule in force (they change with a new rule version only). */
export function useQuarantineRules() {
  return useQuery({ queryKey: [...QUARANTINE, 'rules'], queryFn: () => api.get('/api/quarantine/rules'), staleTime: FIVE_MINUTES });
}

export function useFacilities(enabled = true) {
  return useQuery({ queryKey: [...QUARANTINE, 'facilities'], queryFn: () => api.get('/api/quarantine/facilities'), enabled });
}

export const facilityQuery = (id: string) =>
  queryOptions({ queryKey: [...QUARANTINE, 'facility', id], queryFn: () => api.get('/api/quarantine/facilities/:id', { params: { id } }) });

export function useFacility(id: string | undefined) {
  return useQuery({ ...facilityQuery(id ?? ''), enabled: !!id });
}

export function useSupplies(id: string) {
  return useQuery({
    queryKey: [...QUARANTINE, 'facility', id, 'supplies'],
    queryFn: () => api.get('/api/quarantine/facilities/:id/supplies', { params: { id } }),
  });
}

export function useHomeList(commune: string | undefined) {
  return useQuery({
    queryKey: [...QUARANTINE, 'home', commune],
    queryFn: () => api.get('/api/quarantine/home', { query: { commune } }),
    placeholderData: (prev) => prev,
  });
}

/** Public: the check behind a certificate's QR code (no session). */
export function useCertificateCheck(token: string | undefined) {
  return useQuery({
    queryKey: ['certificate-check', token],
    queryFn: () => api.get('/api/public/certificates/:token', { params: { token: token! } }),
    enabled: !!token,
    retry: false,
  });
}
