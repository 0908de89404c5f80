import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf } from '@web/lib/api';

/** ReceivedView: what the lab's scan found; tubes of the shipment not scanned are missing, scanned tubes not in it are extra. */
export type { ReceivedView, ShipmentView } from '@server/modules/testing/views';

export function usePendingShipments(labId: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'shipments', labId, 'pending'],
    queryFn: () => api.get('/api/testing/shipments', { query: { labId, pending: 'true' } }),
    enabled: !!labId,
  });
}

export function useShip(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BodyOf<'POST', '/api/testing/shipments'>) => api.post('/api/testing/shipments', { body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['testing', 'session', sessionId] });
      void qc.invalidateQueries({ queryKey: ['testing', 'shipments'] });
    },
  });
}

export function useReceive(shipmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (barcodes: string[]) => api.post('/api/testing/shipments/:id/receive', { params: { id: shipmentId }, body: { barcodes } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['testing', 'shipments'] });
      void qc.invalidateQueries({ queryKey: ['testing', 'session'] });
    },
  });
}
