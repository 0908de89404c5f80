import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShipmentInput, ShipmentView } from '@server/modules/testing/schemas';
import { api, withQuery } from '@web/lib/api';

export type { ShipmentView } from '@server/modules/testing/schemas';

/** What the lab's scan found: tubes of the shipment not scanned are missing, scanned tubes not in it are extra. */
export interface ReceiveReport {
  shipmentId: string;
  code: string;
  received: number;
  missing: string[];
  extra: string[];
}

export function usePendingShipments(labId: string | undefined) {
  return useQuery({
    queryKey: ['testing', 'shipments', labId, 'pending'],
    queryFn: () => api.get<ShipmentView[]>(withQuery('/api/testing/shipments', { labId, pending: 'true' })),
    enabled: !!labId,
  });
}

export function useShip(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ShipmentInput) => api.post<ShipmentView>('/api/testing/shipments', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['testing', 'session', sessionId] });
      void qc.invalidateQueries({ queryKey: ['testing', 'shipments'] });
    },
  });
}

export function useReceive(shipmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (barcodes: string[]) => api.post<ReceiveReport>(`/api/testing/shipments/${shipmentId}/receive`, { barcodes }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['testing', 'shipments'] });
      void qc.invalidateQueries({ queryKey: ['testing', 'session'] });
    },
  });
}
